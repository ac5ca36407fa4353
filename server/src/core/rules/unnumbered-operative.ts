// Among numbered operative paragraphs, an unnumbered one is a stray (or a lost number).
import { resolutionParts } from './helpers';
import { ALL_PROFILES } from '../profiles';
import type { Rule } from './types';

export const unnumberedOperative: Rule = {
  id: 'unnumbered-operative',
  defaultSeverity: 'error',
  description: {
    fr: 'Quand le dispositif compte plusieurs paragraphes, chacun est numéroté ; un paragraphe isolé n’est pas numéroté.',
    en: 'When the operative part has several paragraphs each is numbered; a single operative paragraph is not.',
  },
  profiles: ALL_PROFILES, scope: 'part',
  check(ctx) {
    for (const part of resolutionParts(ctx.doc)) {
      const numbered = part.operative.filter((p) => p.number);
      if (part.operative.length === 1 && numbered.length === 1 && numbered[0].number!.value === 1) {
        // AKN: a single operative paragraph is not numbered.
        const n = numbered[0].number!;
        const line = ctx.doc.lines[n.range.start.line];
        const after = /^\.[ \t\u00a0]*/.exec(line.slice(n.range.end.character))?.[0].length ?? 1;
        ctx.report({
          severity: 'information',
          range: n.range,
          message: ctx.t('Paragraphe unique du dispositif numéroté : un dispositif d’un seul paragraphe n’est pas numéroté',
            'A single operative paragraph is numbered: an operative part of one paragraph is not numbered'),
          fixes: [{
            title: ctx.t('Retirer le numéro', 'Remove the number'),
            edits: [{ range: { start: n.range.start, end: { line: n.range.end.line, character: n.range.end.character + after } }, newText: '' }],
            safe: true,
          }],
        });
        continue;
      }
      if (!numbered.length) continue;
      let previous: number | undefined;
      for (const p of part.operative) {
        if (p.number) { previous = p.number.value; continue; }
        const next = part.operative.slice(part.operative.indexOf(p) + 1).find((x) => x.number)?.number?.value;
        const where = previous !== undefined && next !== undefined
          ? ctx.t(`entre les paragraphes ${previous} et ${next}`, `between paragraphs ${previous} and ${next}`)
          : previous !== undefined
            ? ctx.t(`après le paragraphe ${previous}`, `after paragraph ${previous}`)
            : ctx.t(`avant le paragraphe ${next}`, `before paragraph ${next}`);
        ctx.report({
          range: p.opener?.range ?? { start: p.range.start, end: p.range.start },
          message: ctx.t(`Paragraphe du dispositif sans numéro ${where} : chaque paragraphe du dispositif est numéroté`,
            `Operative paragraph without a number ${where}: every operative paragraph is numbered`),
        });
      }
    }
  },
};
