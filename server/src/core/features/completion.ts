// Completion at the start of a paragraph: preambular openers in the preamble, operative verbs in
// the operative part, and for an opener already used in that part the next step of the sequence
// (« Prie » → « Prie également » → « Prie en outre »; "Requests" → "Also requests" → "Further
// requests"; "Recalling" → "Recalling also" → "Recalling further").
import { allParts } from '../model/parse';
import type { Lang, Paragraph, Part, Position, Range, ResolutionDocument } from '../model/types';
import { openerSequenceStep, operativeSuggestions, organById, preambleSuggestions, sameHead, withSequenceAdverb, type OpenerSuggestion } from '../vocabulary';

export interface CompletionProposal {
  label: string;
  detail: string;
  kind: 'preamble' | 'operative';
  textEdit: { range: Range; newText: string };
  filterText: string;
  sortText: string;
}

// The start of a paragraph: optional number, optional quote and emphasis, then the word being typed.
const PARAGRAPH_START = /^[ \t]*(?:(\d{1,3})\.[ \t\u00a0]+)?(?:[«“"][ \t\u00a0]*)?([*_]{0,3})([\p{L}'’-]*)$/u;

export function completions(doc: ResolutionDocument, position: Position): CompletionProposal[] {
  const line = doc.lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  const m = PARAGRAPH_START.exec(before);
  if (!m) return [];
  // Inside a paragraph (the line above has text) there is no opener to propose.
  const above = doc.lines[position.line - 1];
  if (above !== undefined && above.trim() !== '' && !m[1]) return [];
  const part = partAt(doc, position.line);
  if (!part || (part.kind !== 'resolution' && part.kind !== 'draft')) return [];
  if (!part.organ && !part.preamble.length && !part.operative.length) return [];
  if (part.organ && part.organ.range.start.line >= position.line) return [];
  const earlier = part.items.filter((p) => p.range.start.line < position.line);
  const operative = !!m[1] || earlier.some((p) => p.kind === 'operative');
  const kind = operative ? 'operative' : 'preamble';
  const lang = doc.lang;
  const pool = operative ? operativeSuggestions(lang) : preambleSuggestions(lang, organById(part.organId)?.gender);
  const used = earlier.filter((p) => (operative ? p.kind === 'operative' : p.kind === 'preamble'));
  const italic = usesItalics(used) ?? (operative && doc.usesEmphasis);
  const start = position.character - m[2].length - m[3].length;
  const range = { start: { line: position.line, character: start }, end: position };
  return pool.map((s) => proposal(s, kind, lang, countUses(used, s.head, lang), italic, range, m[2]));
}

function proposal(s: OpenerSuggestion, kind: 'preamble' | 'operative', lang: Lang, uses: number, italic: boolean, range: Range, typedMarkup: string): CompletionProposal {
  const label = sequenced(s.head, kind, lang, uses);
  const equivalents = s.equivalents.length ? ` · ${lang === 'fr' ? 'EN' : 'FR'} ${s.equivalents.join(', ')}` : '';
  const step = uses === 1 ? (lang === 'fr' ? ' (2e emploi dans cette partie)' : ' (2nd use in this part)') : uses === 2 ? (lang === 'fr' ? ' (3e emploi dans cette partie)' : ' (3rd use in this part)') : '';
  const what = kind === 'operative' ? (lang === 'fr' ? 'Verbe du dispositif' : 'Operative verb') : lang === 'fr' ? 'Formule du préambule' : 'Preambular opener';
  return {
    label, kind,
    detail: `${what}${step}${equivalents}`,
    textEdit: { range, newText: italic ? `*${label}* ` : `${label} ` },
    filterText: `${typedMarkup}${label}`,
    // Openers already used in this part first: their next step is the likely one.
    sortText: `${uses > 0 ? '0' : '1'}${label}`,
  };
}

/** The next form in the also/further sequence for a single-word opener; phrases stay as they are. */
export function sequenced(head: string, kind: 'preamble' | 'operative', lang: Lang, uses: number): string {
  if (uses < 1 || uses > 2 || (head.includes(' ') && !/^(?:Se|S') /.test(head))) return head;
  return withSequenceAdverb(head, kind, lang, uses === 1 ? 'also' : 'further');
}

function countUses(paragraphs: Paragraph[], head: string, lang: Lang): number {
  const same = paragraphs.filter((p) => p.opener?.head && sameHead(p.opener.head, head));
  // « en outre » never comes before « également » (rule also-further-sequence): after two uses
  // without « également », the next one still takes « également ».
  if (same.length === 2 && !same.some((p) => openerSequenceStep(p.opener!.text, lang) === 'also')) return 1;
  return same.length;
}

/** Whether the part's existing openers of this kind are set in italics (undefined: none yet). */
function usesItalics(paragraphs: Paragraph[]): boolean | undefined {
  const withOpener = paragraphs.filter((p) => p.opener);
  if (!withOpener.length) return undefined;
  return withOpener.filter((p) => p.opener!.italic).length * 2 >= withOpener.length;
}

/** The innermost resolution-like part whose text starts before the line. */
function partAt(doc: ResolutionDocument, line: number): Part | undefined {
  let best: Part | undefined;
  for (const p of allParts(doc.parts)) {
    const start = p.range.start.line;
    if (start <= line && (!best || start >= best.range.start.line)) best = p;
  }
  return best;
}
