// An operative paragraph opens with a verb in the present indicative (Décide, Prie également,
// Also requests), not with a participle; an unknown verb is offered the nearest known ones.
import { nearestVerbs, operativeFormOf } from '../vocabulary';
import { matchCase, q, resolutionParts, textAt } from './helpers';
import { ALL_PROFILES } from '../profiles';
import type { Rule } from './types';

export const operativeVerb: Rule = {
  id: 'operative-verb',
  defaultSeverity: 'error',
  description: {
    fr: 'Un paragraphe du dispositif commence par un verbe au présent de l’indicatif (Décide, Prie également), éventuellement suivi de ses modificateurs.',
    en: 'An operative paragraph opens with a verb in the present indicative (Decides, Also requests), with its modifiers.',
  },
  profiles: ALL_PROFILES, scope: 'paragraph',
  check(ctx) {
    const { doc, lang } = ctx;
    for (const part of resolutionParts(doc)) {
      for (const p of part.operative) {
        const o = p.opener;
        if (!o) continue;
        if (o.type === 'preamble') {
          const finite = o.head ? operativeFormOf(o.head, lang) : undefined;
          const headRange = o.headRange ?? o.range;
          const written = textAt(doc, headRange);
          ctx.report({
            range: o.phraseRange ?? o.range,
            message: finite
              ? ctx.t(`${q(lang, written)} est une formule du préambule : un paragraphe du dispositif commence par un verbe au présent (${q(lang, finite)})`,
                `${q(lang, written)} is a preambular opener: an operative paragraph opens with a verb in the present tense (${q(lang, finite)})`)
              : ctx.t(`${q(lang, written)} est une formule du préambule : un paragraphe du dispositif commence par un verbe au présent`,
                `${q(lang, written)} is a preambular opener: an operative paragraph opens with a verb in the present tense`),
            fixes: finite ? [{
              title: ctx.t(`Remplacer par ${q(lang, matchCase(written, finite))}`, `Replace with ${q(lang, matchCase(written, finite))}`),
              edits: [{ range: headRange, newText: matchCase(written, finite) }],
              safe: true,
            }] : undefined,
          });
        } else if (o.type === 'unknown') {
          const word = o.text.split(/\s+/)[0] ?? '';
          const near = nearestVerbs(word, lang);
          const wordRange = { start: o.range.start, end: { line: o.range.start.line, character: o.range.start.character + word.length } };
          ctx.report({
            severity: 'warning',
            range: wordRange,
            message: near.length
              ? ctx.t(`Verbe du dispositif inconnu ${q(lang, word)} : verbes proches ${near.map((n) => q(lang, n)).join(', ')}`,
                `Unknown operative verb ${q(lang, word)}: nearest known verbs ${near.map((n) => q(lang, n)).join(', ')}`)
              : ctx.t(`Verbe du dispositif inconnu ${q(lang, word)} : un paragraphe du dispositif commence par un verbe au présent (Décide, Prie, Demande…)`,
                `Unknown operative verb ${q(lang, word)}: an operative paragraph opens with a verb in the present tense (Decides, Requests, Calls upon…)`),
            fixes: near.map((n) => ({ title: ctx.t(`Remplacer par ${q(lang, n)}`, `Replace with ${q(lang, n)}`), edits: [{ range: wordRange, newText: n }] })),
          });
        }
      }
    }
  },
};
