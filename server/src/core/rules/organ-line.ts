// A resolution names its organ first (« L'Assemblée générale, »), before the preamble.
import type { Part, ResolutionDocument } from '../model/types';
import { organById, organLineOf } from '../vocabulary';
import { q, resolutionParts } from './helpers';
import { ALL_PROFILES } from '../profiles';
import type { Rule } from './types';

// The organs a masthead or a recommending paragraph names unambiguously (not « Commission » alone).
const PRINCIPAL = ['general-assembly', 'security-council', 'economic-and-social-council'];

/** The organ a part should name: for a nested draft, the organ it is recommended to; otherwise the masthead's. */
function expectedOrgan(doc: ResolutionDocument, part: Part): { fr: string; en: string } | undefined {
  const lookup = (text: string) => {
    const id = PRINCIPAL.find((o) => [...organById(o)!.fr, ...organById(o)!.en].some((name) => text.includes(name)));
    return id ? { fr: organLineOf(id, 'fr')!, en: organLineOf(id, 'en')! } : undefined;
  };
  if (part.kind === 'draft') {
    const intro = part.parent?.operative[part.parent.operative.length - 1] ?? part.parent?.preamble[part.parent.preamble.length - 1];
    return intro ? lookup(intro.text) : undefined;
  }
  for (const h of doc.header) {
    if (h.kind !== 'organ') continue;
    const found = lookup(h.text);
    if (found) return found;
  }
  return undefined;
}

export const organLine: Rule = {
  id: 'organ-line',
  defaultSeverity: 'error',
  description: {
    fr: "La résolution nomme l'organe (« L'Assemblée générale, ») avant le préambule et le dispositif.",
    en: 'The resolution names its organ ("The General Assembly,") before the preamble and the operative part.',
  },
  profiles: ALL_PROFILES, scope: 'part',
  check(ctx) {
    const { doc, lang } = ctx;
    for (const part of resolutionParts(doc)) {
      if (part.organ) continue;
      const first = part.preamble[0] ?? part.operative[0];
      if (!first) continue;
      const line = expectedOrgan(doc, part)?.[lang];
      const emphasised = doc.usesEmphasis && line ? `*${line}*` : line;
      ctx.report({
        range: { start: first.range.start, end: first.opener?.range.end ?? first.range.start },
        message: line
          ? ctx.t(`Ligne de l'organe manquante : le texte de la résolution commence par ${q(lang, line)}`, `Missing organ line: the text of the resolution starts with ${q(lang, line)}`)
          : ctx.t("Ligne de l'organe manquante : une résolution commence par le nom de l'organe (« L'Assemblée générale, ») avant le préambule et le dispositif", 'Missing organ line: a resolution starts with the name of the organ ("The General Assembly,") before the preamble and the operative part'),
        fixes: emphasised ? [{
          title: ctx.t(`Insérer ${q(lang, emphasised)}`, `Insert ${q(lang, emphasised)}`),
          edits: [{ range: { start: { line: first.range.start.line, character: 0 }, end: { line: first.range.start.line, character: 0 } }, newText: `${emphasised}\n\n` }],
          safe: true,
        }] : undefined,
      });
    }
  },
};
