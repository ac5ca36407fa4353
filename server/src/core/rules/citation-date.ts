// A cited date that differs from the adoption date the index knows (shipped data, workspace file,
// office catalogue): « sa résolution 73/185 du 18 décembre 2018 » when 73/185 was adopted on the 17th.
import { findCitations } from '../citations/citations';
import { formatDate } from '../citations/dates';
import type { Range } from '../model/types';
import { q } from './helpers';
import { ALL_PROFILES } from '../profiles';
import type { Rule } from './types';

export const citationDate: Rule = {
  id: 'citation-date',
  defaultSeverity: 'warning',
  description: {
    fr: 'La date citée d’une résolution est sa date d’adoption, telle que l’index la connaît.',
    en: 'The date cited for a resolution is its adoption date, as the index knows it.',
  },
  profiles: ALL_PROFILES, scope: 'paragraph',
  check(ctx) {
    const { doc, lang, index } = ctx;
    if (!index) return;
    const citations = findCitations(doc);
    const same = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character === b.start.character;
    for (const c of citations) {
      const stated = c.date?.iso;
      if (!stated || c.kind === 'document') continue;
      const known = index.lookup(c.symbol, lang)?.date;
      if (!known || known === stated) continue;
      // The date stated once for a list (« 69/193 et 69/196 du 18 décembre 2014 ») belongs to all of
      // its numbers: changing it would be wrong for the others.
      const shared = !!c.date!.shared || citations.some((o) => o !== c && o.date?.shared && same(o.date.range, c.date!.range));
      ctx.report({
        // A date stated once for a list belongs to several numbers: point at the one that is off.
        range: shared ? c.symbolRange : c.date!.range,
        message: ctx.t(`La résolution ${c.text} a été adoptée le ${formatDate(known, 'fr')}, pas le ${formatDate(stated, 'fr')} (date citée ${q(lang, c.date!.text)})`,
          `Resolution ${c.text} was adopted on ${formatDate(known, 'en')}, not ${formatDate(stated, 'en')} (cited as ${q(lang, c.date!.text)})`),
        fixes: shared || c.date!.range.start.line !== c.date!.range.end.line ? undefined : [{
          title: ctx.t(`Écrire ${q(lang, formatDate(known, lang))}`, `Write ${q(lang, formatDate(known, lang))}`),
          edits: [{ range: c.date!.range, newText: formatDate(known, lang) }],
        }],
      });
    }
  },
};
