// Numbered paragraphs run 1..n in each part (resolution, nested draft, annex, report) with no
// gap and no duplicate. Each number is compared with the previous one as written, so one
// mistake gives one diagnostic, not a cascade on every later paragraph.
import { numberedParts } from './helpers';
import type { Rule } from './types';

export const paragraphNumbering: Rule = {
  id: 'paragraph-numbering',
  defaultSeverity: 'error',
  description: {
    fr: 'Les paragraphes numérotés se suivent de 1 à n dans chaque partie, sans lacune ni doublon ; la numérotation ne recommence qu’au début d’une nouvelle partie (projet imbriqué, annexe, section).',
    en: 'Numbered paragraphs run from 1 to n in each part, with no gap and no duplicate; numbering restarts only where a new part begins (nested draft, annex, section).',
  },
  check(ctx) {
    for (const part of numberedParts(ctx.doc)) {
      let previous: number | undefined;
      let afterHeading = false;
      for (const p of part.items) {
        if (p.kind === 'heading') { afterHeading = true; continue; }
        if (!p.number) continue;
        const n = p.number.value;
        const range = p.number.range;
        if (previous === undefined) {
          if (n !== 1) {
            ctx.report({
              range,
              message: ctx.t(`Le premier paragraphe porte le numéro ${n} : numéro attendu 1`, `The first paragraph is numbered ${n}: expected 1`),
              fixes: [{ title: ctx.t('Numéroter 1', 'Number it 1'), edits: [{ range, newText: '1' }] }],
            });
          }
        } else if (!(afterHeading && n === 1) && n !== previous + 1) {
          const expected = previous + 1;
          ctx.report({
            range,
            message: n === previous
              ? ctx.t(`Le numéro ${n} est répété : numéro attendu ${expected}`, `Paragraph number ${n} is repeated: expected ${expected}`)
              : ctx.t(`Le paragraphe ${n} suit le paragraphe ${previous} : numéro attendu ${expected}`, `Paragraph ${n} follows paragraph ${previous}: expected ${expected}`),
          });
        }
        previous = n;
        afterHeading = false;
      }
    }
  },
};
