// Preambular paragraphs come before operative paragraph 1 of the same part.
import { q, resolutionParts } from './helpers';
import { ALL_PROFILES } from '../profiles';
import type { Rule } from './types';

export const preambleAfterOperative: Rule = {
  id: 'preamble-after-operative',
  defaultSeverity: 'error',
  description: {
    fr: 'Aucun alinéa du préambule après le premier paragraphe du dispositif de la même partie.',
    en: 'No preambular paragraph after operative paragraph 1 of the same part.',
  },
  profiles: ALL_PROFILES, scope: 'part',
  check(ctx) {
    const { doc, lang } = ctx;
    for (const part of resolutionParts(doc)) {
      let lastOperative: number | undefined;
      let seenOperative = false;
      for (const p of part.items) {
        if (p.kind === 'heading') { seenOperative = false; continue; } // sectioned resolutions: a section may have its own preamble
        if (p.kind === 'operative') { seenOperative = true; lastOperative = p.number?.value ?? lastOperative; continue; }
        if (p.kind !== 'preamble' || !seenOperative) continue;
        const opener = p.opener?.text ?? '';
        ctx.report({
          range: p.opener?.range ?? p.range,
          message: lastOperative !== undefined
            ? ctx.t(`Alinéa du préambule (${q(lang, opener)}) après le paragraphe ${lastOperative} du dispositif : les alinéas du préambule précèdent le paragraphe 1`,
              `Preambular paragraph (${q(lang, opener)}) after operative paragraph ${lastOperative}: preambular paragraphs come before paragraph 1`)
            : ctx.t(`Alinéa du préambule (${q(lang, opener)}) dans le dispositif : les alinéas du préambule précèdent le dispositif`,
              `Preambular paragraph (${q(lang, opener)}) inside the operative part: preambular paragraphs come before it`),
        });
      }
    }
  },
};
