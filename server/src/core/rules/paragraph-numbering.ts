// Numbered paragraphs run 1..n in each part (resolution, nested draft, annex, report) with no
// gap and no duplicate. One mistake gives one diagnostic: each number is compared with the
// previous one, and when the next number shows that only this paragraph is off (1, 2, 4, 4, 5
// or 1, 2, 7, 4) it is reported once, with the expected number as a fix, and the count goes on
// from the expected number instead of cascading.
import type { Paragraph } from '../model/types';
import { numberedParts } from './helpers';
import { ALL_PROFILES } from '../profiles';
import type { Rule } from './types';

export const paragraphNumbering: Rule = {
  id: 'paragraph-numbering',
  defaultSeverity: 'error',
  description: {
    fr: 'Les paragraphes numérotés se suivent de 1 à n dans chaque partie, sans lacune ni doublon ; la numérotation ne recommence qu’au début d’une nouvelle partie (projet imbriqué, annexe, section).',
    en: 'Numbered paragraphs run from 1 to n in each part, with no gap and no duplicate; numbering restarts only where a new part begins (nested draft, annex, section).',
  },
  profiles: ALL_PROFILES, scope: 'part',
  check(ctx) {
    for (const part of numberedParts(ctx.doc)) {
      // Runs of numbered paragraphs; a heading lets the next run restart at 1 (sectioned texts).
      const sequence: { p: Paragraph; afterHeading: boolean }[] = [];
      let afterHeading = false;
      for (const p of part.items) {
        if (p.kind === 'heading') { afterHeading = true; continue; }
        // « 5 bis. » is inserted after 5 and takes no number of its own (draft-markup reports it outside drafts).
        if (!p.number || p.number.suffix) continue;
        sequence.push({ p, afterHeading });
        afterHeading = false;
      }
      let previous: number | undefined;
      let skip = false;
      sequence.forEach(({ p, afterHeading: restart }, k) => {
        if (skip) { skip = false; return; }
        const n = p.number!.value;
        const range = p.number!.range;
        const next = sequence[k + 1] && !sequence[k + 1].afterHeading ? sequence[k + 1].p.number!.value : undefined;
        if (previous === undefined || (restart && n === 1)) {
          if (previous === undefined && n !== 1) {
            ctx.report({
              range,
              renumbering: true,
              message: ctx.t(`Le premier paragraphe porte le numéro ${n} : numéro attendu 1`, `The first paragraph is numbered ${n}: expected 1`),
              fixes: next === 2 ? [{ title: ctx.t('Numéroter 1', 'Number it 1'), edits: [{ range, newText: '1' }], safe: true }] : undefined,
            });
            previous = next === 2 ? 1 : n;
            return;
          }
          previous = n;
          return;
        }
        const expected = previous + 1;
        if (n === expected) { previous = n; return; }
        if (n === expected + 1 && next === expected) {
          // 1, 3, 2, 4: two numbers swapped, one mistake.
          const other = sequence[k + 1].p.number!.range;
          ctx.report({
            range,
            renumbering: true,
            message: ctx.t(`Les numéros ${n} et ${expected} sont inversés : numéro attendu ${expected}, puis ${n}`, `Paragraph numbers ${n} and ${expected} are swapped: expected ${expected}, then ${n}`),
            fixes: [{ title: ctx.t('Rétablir l’ordre des numéros', 'Put the numbers in order'), edits: [{ range, newText: String(expected) }, { range: other, newText: String(n) }], safe: true }],
          });
          previous = n;
          skip = true;
          return;
        }
        // Only this paragraph is off when the next one follows the expected number.
        const alone = next === expected + 1;
        ctx.report({
          range,
          renumbering: true,
          message: n === previous
            ? ctx.t(`Le numéro ${n} est répété : numéro attendu ${expected}`, `Paragraph number ${n} is repeated: expected ${expected}`)
            : ctx.t(`Le paragraphe ${n} suit le paragraphe ${previous} : numéro attendu ${expected}`, `Paragraph ${n} follows paragraph ${previous}: expected ${expected}`),
          fixes: alone ? [{ title: ctx.t(`Numéroter ${expected}`, `Number it ${expected}`), edits: [{ range, newText: String(expected) }], safe: true }] : undefined,
        });
        previous = alone ? expected : n;
      });
    }
  },
};
