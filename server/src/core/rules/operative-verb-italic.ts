// Operative verbs are set in italics (*Décide*). Judged only where the document uses emphasis
// markup at all; a document without any gets one document-level hint, not one per paragraph.
import { q, resolutionParts } from './helpers';
import { ALL_PROFILES } from '../profiles';
import type { Rule } from './types';

export const operativeVerbItalic: Rule = {
  id: 'operative-verb-italic',
  defaultSeverity: 'warning',
  description: {
    fr: 'Le verbe qui ouvre un paragraphe du dispositif est en italique (*Décide*, *Prie également*).',
    en: 'The verb that opens an operative paragraph is in italics (*Decides*, *Also requests*).',
  },
  profiles: ALL_PROFILES,
  check(ctx) {
    const { doc, lang } = ctx;
    const parts = resolutionParts(doc);
    if (!doc.usesEmphasis) {
      const first = parts.flatMap((p) => p.operative).find((p) => p.opener?.type === 'operative');
      if (first?.opener) {
        ctx.report({
          severity: 'hint',
          range: first.opener.phraseRange ?? first.opener.range,
          message: ctx.t('Aucune mise en italique dans ce document : les verbes du dispositif s’écrivent en italique (*Décide*)',
            'No emphasis markup in this document: operative verbs are set in italics (*Decides*)'),
        });
      }
      return;
    }
    for (const part of parts) {
      for (const p of part.operative) {
        const o = p.opener;
        if (!o || o.italic || o.type !== 'operative') continue;
        const r = o.phraseRange ?? o.range;
        const phrase = doc.lines[r.start.line].slice(r.start.character, r.end.character);
        ctx.report({
          range: r,
          message: ctx.t(`Verbe du dispositif ${q(lang, phrase)} en romain : il s’écrit en italique (*${phrase}*)`,
            `Operative verb ${q(lang, phrase)} not in italics: write it *${phrase}*`),
          fixes: [{
            title: ctx.t(`Mettre ${q(lang, phrase)} en italique`, `Italicise ${q(lang, phrase)}`),
            edits: [{ range: { start: r.start, end: r.start }, newText: '*' }, { range: { start: r.end, end: r.end }, newText: '*' }],
            safe: true,
          }],
        });
      }
    }
  },
};
