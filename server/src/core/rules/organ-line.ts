// A resolution names its organ first (« L'Assemblée générale, »), before the preamble.
import { q, resolutionParts } from './helpers';
import type { Rule } from './types';

const ORGAN_BY_HEADER: Record<string, { fr: string; en: string }> = {
  'Assemblée générale': { fr: "L'Assemblée générale,", en: 'The General Assembly,' },
  'General Assembly': { fr: "L'Assemblée générale,", en: 'The General Assembly,' },
  'Conseil de sécurité': { fr: 'Le Conseil de sécurité,', en: 'The Security Council,' },
  'Security Council': { fr: 'Le Conseil de sécurité,', en: 'The Security Council,' },
  'Conseil économique et social': { fr: 'Le Conseil économique et social,', en: 'The Economic and Social Council,' },
  'Economic and Social Council': { fr: 'Le Conseil économique et social,', en: 'The Economic and Social Council,' },
};

export const organLine: Rule = {
  id: 'organ-line',
  defaultSeverity: 'error',
  description: {
    fr: "La résolution nomme l'organe (« L'Assemblée générale, ») avant le préambule et le dispositif.",
    en: 'The resolution names its organ ("The General Assembly,") before the preamble and the operative part.',
  },
  check(ctx) {
    const { doc, lang } = ctx;
    for (const part of resolutionParts(doc)) {
      if (part.organ) continue;
      const first = part.preamble[0] ?? part.operative[0];
      if (!first) continue;
      const masthead = doc.header.find((h) => h.kind === 'organ')?.text.replace(/^United Nations\s*/, '').trim();
      const known = masthead ? Object.entries(ORGAN_BY_HEADER).find(([k]) => masthead.startsWith(k))?.[1] : undefined;
      const line = known?.[lang];
      const emphasised = doc.usesEmphasis && line ? `*${line}*` : line;
      ctx.report({
        range: { start: first.range.start, end: first.opener?.range.end ?? first.range.start },
        message: line
          ? ctx.t(`Ligne de l'organe manquante : le préambule doit être précédé de ${q(lang, line)}`, `Missing organ line: the preamble must be preceded by ${q(lang, line)}`)
          : ctx.t("Ligne de l'organe manquante : une résolution commence par le nom de l'organe (« L'Assemblée générale, ») avant le préambule", 'Missing organ line: a resolution starts with the name of the organ ("The General Assembly,") before the preamble'),
        fixes: emphasised ? [{
          title: ctx.t(`Insérer ${q(lang, emphasised)}`, `Insert ${q(lang, emphasised)}`),
          edits: [{ range: { start: { line: first.range.start.line, character: 0 }, end: { line: first.range.start.line, character: 0 } }, newText: `${emphasised}\n\n` }],
          safe: true,
        }] : undefined,
      });
    }
  },
};
