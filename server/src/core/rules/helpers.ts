// Small helpers shared by rules: walking parts and paragraphs, quoting words in messages.
import { allParts, endingOf } from '../model/parse';
import type { Ending, Lang, Paragraph, Part, ResolutionDocument } from '../model/types';

export function resolutionParts(doc: ResolutionDocument): Part[] {
  return allParts(doc.parts).filter((p) => p.kind === 'resolution' || p.kind === 'draft');
}

export function numberedParts(doc: ResolutionDocument): Part[] {
  return allParts(doc.parts);
}

export function ending(doc: ResolutionDocument, p: Paragraph): Ending | undefined {
  return endingOf(p, doc.lines);
}

/** « word » in French messages, "word" in English ones. */
export function q(lang: Lang, s: string): string {
  return lang === 'fr' ? `« ${s} »` : `"${s}"`;
}


/** Writes a closing mark the way the document does: French « ; » and « : » take a space before. */
export function formatMark(doc: ResolutionDocument, mark: string): string {
  if (doc.lang !== 'fr') return mark;
  if (mark === ':') return ' :';
  if (mark === ';') return doc.spacedSemicolons ? ' ;' : ';';
  return mark;
}

/** The replacement written the way the original was: « requests » → « requesting », « Rappelle » → « Rappelant ». */
export function matchCase(written: string, replacement: string): string {
  const first = written.charAt(0);
  return first === first.toLocaleLowerCase('fr') ? replacement.charAt(0).toLocaleLowerCase('fr') + replacement.slice(1) : replacement;
}

/** The text a range covers on one line. */
export function textAt(doc: ResolutionDocument, r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return doc.lines[r.start.line].slice(r.start.character, r.end.character);
}
