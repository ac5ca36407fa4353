// Completion after « résolution » / "resolution": symbols from the index, with date and title.
import { formatDate } from '../citations/dates';
import type { IndexEntry } from '../citations/index';
import type { Lang, Position, Range, ResolutionDocument } from '../model/types';

export interface CitationProposal { label: string; detail: string; documentation?: string; textEdit: { range: Range; newText: string }; sortText: string }

const AFTER_WORD = /\b(?:r[ée]solutions?|d[ée]cisions?)[ \u00a0]+((?:[\dA-Z][\dA-Z/ ()-]*)?)$/i;

export function citationCompletions(doc: ResolutionDocument, position: Position, search: (prefix: string, lang: Lang, limit: number) => (IndexEntry & { title?: string })[]): CitationProposal[] {
  const before = (doc.lines[position.line] ?? '').slice(0, position.character);
  const m = AFTER_WORD.exec(before);
  if (!m) return [];
  const typed = m[1];
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  return search(typed.trim(), doc.lang, 50).map((e, k) => ({
    label: e.symbol,
    detail: [e.date ? formatDate(e.date, doc.lang) : undefined, e.key].filter(Boolean).join(' · '),
    documentation: e.title ?? e.titles[doc.lang] ?? e.titles.fr ?? e.titles.en,
    textEdit: { range, newText: e.symbol },
    sortText: String(k).padStart(4, '0'),
  }));
}

/** After a footnote marker (« <sup> », « [^ »), the next free note number, closed the same way. */
export function footnoteCompletion(doc: ResolutionDocument, position: Position): CitationProposal | undefined {
  const before = (doc.lines[position.line] ?? '').slice(0, position.character);
  const m = /(<sup>|\[\^)(\d*)$/.exec(before);
  if (!m) return undefined;
  const used = [...doc.footnoteRefs.map((r) => r.number), ...doc.footnoteDefs.map((d) => d.number ?? 0)];
  const next = String((used.length ? Math.max(...used) : 0) + 1);
  const close = m[1] === '<sup>' ? '</sup>' : ']';
  const range = { start: { line: position.line, character: position.character - m[2].length }, end: position };
  return {
    label: next,
    detail: doc.lang === 'fr' ? `Prochaine note libre (${next})` : `Next free footnote (${next})`,
    textEdit: { range, newText: `${next}${close}` },
    sortText: '0',
  };
}
