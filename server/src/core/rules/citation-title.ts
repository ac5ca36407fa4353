// A cited title that differs from the title the index knows in the document's language.
// Information only: titles are quoted with small variations in real texts.
import { findCitations } from '../citations/citations';
import { q } from './helpers';
import { ALL_PROFILES } from '../profiles';
import type { Rule } from './types';

/** Quotes, spaces, apostrophes and case do not make a title different. */
const normal = (s: string) => s.toLowerCase().replace(/[«»“”"‘’'`]/g, '').replace(/[\s\u00a0\u202f]+/g, ' ').replace(/[ .,;:]+$/, '').trim();

export const citationTitle: Rule = {
  id: 'citation-title',
  defaultSeverity: 'information',
  description: {
    fr: 'Le titre cité d’une résolution est celui que l’index connaît.',
    en: 'The title cited for a resolution is the one the index knows.',
  },
  profiles: ALL_PROFILES, scope: 'paragraph',
  check(ctx) {
    const { doc, lang, index } = ctx;
    if (!index) return;
    for (const c of findCitations(doc)) {
      if (!c.title || c.kind === 'document') continue;
      const known = index.lookup(c.symbol, lang)?.titles[lang];
      if (!known || normal(known) === normal(c.title.text)) continue;
      ctx.report({
        range: c.title.range,
        message: ctx.t(`Titre cité pour la résolution ${c.text} différent du titre connu : ${q(lang, known)}`, `Title cited for resolution ${c.text} differs from the known title: ${q(lang, known)}`),
      });
    }
  },
};
