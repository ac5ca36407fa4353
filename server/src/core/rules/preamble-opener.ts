// A preambular paragraph opens with a participle or adjective (Rappelant, Consciente,
// Recalling, Aware), never with a finite verb (« Rappelle » belongs to the operative part).
import { preambleFormOf } from '../vocabulary';
import { matchCase, q, resolutionParts, textAt } from './helpers';
import { ALL_PROFILES } from '../profiles';
import type { Rule } from './types';

export const preambleOpener: Rule = {
  id: 'preamble-opener',
  defaultSeverity: 'error',
  description: {
    fr: 'Un alinéa du préambule commence par un participe ou un adjectif (Rappelant, Consciente), pas par un verbe conjugué.',
    en: 'A preambular paragraph opens with a participle or an adjective (Recalling, Aware), not a finite verb.',
  },
  profiles: ALL_PROFILES, scope: 'paragraph',
  check(ctx) {
    const { doc, lang } = ctx;
    for (const part of resolutionParts(doc)) {
      for (const p of part.preamble) {
        const o = p.opener;
        if (!o) continue;
        if (o.type === 'operative' && o.head && o.headRange) {
          const participle = preambleFormOf(o.head, lang);
          const written = textAt(doc, o.headRange);
          ctx.report({
            range: o.phraseRange ?? o.range,
            message: participle
              ? ctx.t(`${q(lang, written)} est un verbe du dispositif : un alinéa du préambule commence par un participe (${q(lang, participle)})`,
                `${q(lang, written)} is an operative verb: a preambular paragraph opens with a participle (${q(lang, participle)})`)
              : ctx.t(`${q(lang, written)} est un verbe du dispositif : un alinéa du préambule commence par un participe ou un adjectif`,
                `${q(lang, written)} is an operative verb: a preambular paragraph opens with a participle or an adjective`),
            fixes: participle ? [{
              title: ctx.t(`Remplacer par ${q(lang, matchCase(written, participle))}`, `Replace with ${q(lang, matchCase(written, participle))}`),
              edits: [{ range: o.headRange, newText: matchCase(written, participle) }],
              safe: true,
            }] : undefined,
          });
        } else if (o.type === 'unknown' && /^\p{Lu}/u.test(o.text)) {
          const word = o.text.split(/\s+/)[0];
          ctx.report({
            severity: 'warning',
            range: { start: o.range.start, end: { line: o.range.start.line, character: o.range.start.character + word.length } },
            message: ctx.t(`Formule d'ouverture inconnue ${q(lang, word)} : un alinéa du préambule commence par un participe (Rappelant, Notant…) ou un adjectif (Consciente, Préoccupée…)`,
              `Unknown preambular opener ${q(lang, word)}: a preambular paragraph opens with a participle (Recalling, Noting…) or an adjective (Aware, Concerned…)`),
          });
        }
      }
    }
  },
};

