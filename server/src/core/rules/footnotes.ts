// Footnotes: every call has a note and every note a call; new calls appear in increasing
// order; a call back to an earlier note is former practice (information, not an error).
import type { FootnoteRef } from '../model/types';
import { ALL_PROFILES } from '../profiles';
import type { Rule, RuleContext } from './types';

export const footnoteUndefined: Rule = {
  id: 'footnote-undefined',
  defaultSeverity: 'error',
  description: { fr: 'Chaque appel de note a sa note.', en: 'Every footnote reference has a footnote.' },
  check(ctx) {
    const defined = new Set(ctx.doc.footnoteDefs.map((d) => d.number).filter((n) => n !== null));
    for (const ref of ctx.doc.footnoteRefs) {
      if (defined.has(ref.number)) continue;
      ctx.report({
        range: ref.range,
        message: ctx.t(`Appel de note ${ref.number} sans note : ajouter la note ${ref.number} en bas de page`,
          `Footnote reference ${ref.number} has no footnote: add footnote ${ref.number}`),
      });
    }
  },
  profiles: ALL_PROFILES,
};

/**
 * Text extracted from PDFs often loses the superscript calls (they become plain digits). When
 * fewer than half the notes have a recognised call, order and unreferenced notes cannot be judged.
 */
function callsRecognised(doc: RuleContext['doc']): boolean {
  const defs = new Set(doc.footnoteDefs.map((d) => d.number).filter((n) => n !== null));
  const refs = new Set(doc.footnoteRefs.map((r) => r.number));
  return refs.size > 0 && refs.size * 2 >= defs.size;
}

export const footnoteUnreferenced: Rule = {
  id: 'footnote-unreferenced',
  defaultSeverity: 'warning',
  description: { fr: 'Chaque note est appelée dans le texte.', en: 'Every footnote is referenced in the text.' },
  check(ctx) {
    if (!callsRecognised(ctx.doc)) return;
    const referenced = new Set(ctx.doc.footnoteRefs.map((r) => r.number));
    for (const def of ctx.doc.footnoteDefs) {
      if (def.number === null || referenced.has(def.number)) continue;
      ctx.report({
        range: def.markerRange,
        message: ctx.t(`La note ${def.number} n'est appelée nulle part dans le texte`, `Footnote ${def.number} is not referenced in the text`),
      });
    }
  },
  profiles: ALL_PROFILES,
};

export const footnoteOrder: Rule = {
  id: 'footnote-order',
  defaultSeverity: 'warning',
  description: { fr: 'Les notes sont numérotées dans l’ordre de leur premier appel, sans lacune.', en: 'Footnotes are numbered in the order of their first reference, with no gap.' },
  check(ctx) {
    if (!callsRecognised(ctx.doc)) return;
    // A call to a note that does not exist is footnote-undefined's finding, not an ordering one.
    const defined = new Set(ctx.doc.footnoteDefs.map((d) => d.number));
    let highest = 0;
    for (const ref of firstCalls(ctx.doc.footnoteRefs).filter((r) => defined.has(r.number))) {
      if (highest === 0 && ref.number !== 1) {
        ctx.report({
          range: ref.range,
          renumbering: true,
          message: ctx.t(`Le premier appel de note porte le numéro ${ref.number} : numéro attendu 1`, `The first footnote reference is numbered ${ref.number}: expected 1`),
        });
      } else if (ref.number !== highest + 1 && highest > 0) {
        ctx.report({
          range: ref.range,
          renumbering: true,
          message: ref.number > highest
            ? ctx.t(`Appel de note ${ref.number} après la note ${highest} : numéro attendu ${highest + 1}`, `Footnote ${ref.number} follows footnote ${highest}: expected ${highest + 1}`)
            : ctx.t(`Appel de note ${ref.number} après la note ${highest} : les notes se suivent dans l’ordre (numéro attendu ${highest + 1})`, `Footnote ${ref.number} after footnote ${highest}: footnotes run in order (expected ${highest + 1})`),
        });
      }
      highest = Math.max(highest, ref.number);
    }
  },
  profiles: ALL_PROFILES,
};

export const footnoteReused: Rule = {
  id: 'footnote-reused',
  defaultSeverity: 'information',
  description: {
    fr: 'Un appel renvoie à une note déjà appelée : pratique ancienne ; aujourd’hui une nouvelle note au même texte est insérée.',
    en: 'A reference points back to an earlier footnote: former practice; today a new footnote with the same text is inserted.',
  },
  profiles: ALL_PROFILES.filter((p) => p !== 'legacy'),
  check(ctx) {
    const seen = new Set<number>();
    for (const ref of ctx.doc.footnoteRefs) {
      if (seen.has(ref.number)) {
        ctx.report({
          range: ref.range,
          message: ctx.t(`Renvoi à la note ${ref.number} déjà appelée (pratique ancienne) : la pratique actuelle insère une nouvelle note reprenant le même texte`,
            `Reference back to footnote ${ref.number} (former practice): current practice inserts a new footnote with the same text`),
        });
      }
      seen.add(ref.number);
    }
  },
};

function firstCalls(refs: FootnoteRef[]): FootnoteRef[] {
  const seen = new Set<number>();
  return refs.filter((r) => (seen.has(r.number) ? false : (seen.add(r.number), true)));
}
