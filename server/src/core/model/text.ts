// Splitting text into lines and building ranges, UTF-16 throughout as LSP wants.
import type { Position, Range, Segment } from './types';

/** Splits on CRLF, LF or CR; a leading BOM is dropped (editors hide it and LSP positions ignore it). */
export function splitLines(text: string): string[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.split(/\r\n|\n|\r/);
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}


export function segmentsRange(segments: Segment[]): Range {
  const a = segments[0];
  const b = segments[segments.length - 1];
  return { start: pos(a.line, a.start), end: pos(b.line, b.end) };
}

/** Whether a position lies in a range, ends included (a cursor just after a word is on it). */
export function rangeContains(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Characters that count as white space in these texts: space, tab, NBSP, narrow NBSP, thin space. */
export const SPACE = '[ \\t\\u00a0\\u202f\\u2009]';
export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\u202f' || ch === '\u2009';
}
