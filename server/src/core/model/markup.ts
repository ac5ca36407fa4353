// Reading through the light markup the documents carry (Markdown emphasis, <sup>, links,
// escapes) without ever changing the text: every helper answers with columns in the raw line.
import { isSpace, lineStarts, trimmedEnd, trimmedStart } from './text';
import type { FootnoteRef } from './types';

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function superscriptValue(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 10 + SUPERSCRIPT_DIGITS.indexOf(ch);
  return n;
}

/** A footnote definition marker at the start of a line: ¹², <sup>12</sup>, [^12]:, or \* / * for star notes. */
const FOOTNOTE_DEF = /^[ \t]*(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|<sup>(\d{1,3})<\/sup>|\[\^(\d{1,3})\]:|(\\\*|\*(?=[ \t]))(?![*]))[ \t\u00a0]*/;

export interface FootnoteDefMarker { number: number | null; marker: string; start: number; end: number; textStart: number }

export function matchFootnoteDef(line: string): FootnoteDefMarker | undefined {
  const m = FOOTNOTE_DEF.exec(line);
  if (!m) return undefined;
  // "¹ Nations Unies …" needs text after the marker; "* Le Conseil …*" is emphasis, not a star note.
  if (trimmedStart(line, m[0].length) === line.length) return undefined;
  if (m[4] === '*' && /\*\s*$/.test(line.slice(m[0].length))) return undefined;
  const lead = trimmedStart(line, 0, m[0].length);
  const raw = (m[1] ?? m[2] ?? m[3] ?? m[4])!;
  const number = m[1] ? superscriptValue(m[1]) : m[2] ? Number(m[2]) : m[3] ? Number(m[3]) : null;
  const markerEnd = m[1] ? lead + m[1].length : m[2] ? lead + 5 + m[2].length + 6 : m[3] ? lead + 4 + m[3].length : lead + raw.length;
  return { number, marker: raw, start: lead, end: markerEnd, textStart: m[0].length };
}

// <sup>12</sup> (also after a year: « 2022-2023<sup>5</sup> »); superscript digit runs not
// after a unit (m², km³); [^12] without the definition colon. Ordinals (1<sup>er</sup>, 13<sup>e</sup>,
// 117^e, 1^{er}) contain letters and never match.
// Every alternative starts with a literal or a class, so the engine skips ahead quickly.
// [⁰¹²³⁴⁵⁶⁷⁸⁹] is written as the complement of its complement (the same ten characters), which V8
// scans about a quarter faster: these patterns read every character of the text.
const FOOTNOTE_REF = /<sup>(\d{1,3})<\/sup>|([^\x00-\xb1\xb4-\xb8\xba-\u206f\u2071-\u2073\u207a-\uffff]+)|\[\^(\d{1,3})\](?!:)/g;
/** FOOTNOTE_REF's second alternative alone (m[0] its m[2]), for a stretch with neither « <sup> » nor « [^ ». */
const SUPERSCRIPT_RUN = /[^\x00-\xb1\xb4-\xb8\xba-\u206f\u2071-\u2073\u207a-\uffff]+/g;
/** U+2070–U+2079: ⁰ ⁴–⁹, with ⁱ and two unassigned units; one range, written as SUPERSCRIPT_RUN is. */
const HIGH_SUPERSCRIPT_RUN = /[^\x00-\u206f\u207a-\uffff]+/g;
const UNIT_BEFORE = /(?:^|[\d\s])[kcdm]?m$/;

/** Footnote calls in a stretch of a line, as absolute columns (added to `refs` when given). */
export function findFootnoteRefs(line: string, lineIndex: number, from = 0, to = line.length, refs: FootnoteRef[] = []): FootnoteRef[] {
  // Most lines hold neither « <sup> » nor « [^ » (two quick searches): then only superscript runs can
  // match, and a pattern of one class finds them faster than the three alternatives.
  const onlySuperscripts = line.indexOf('<sup>', from) < 0 && line.indexOf('[^', from) < 0;
  const pattern = onlySuperscripts ? SUPERSCRIPT_RUN : FOOTNOTE_REF;
  pattern.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(line)) && m.index < to) {
    const superscripts = onlySuperscripts ? m[0] : m[2];
    if (!onlySuperscripts && m[1] !== undefined) {
      refs.push({ number: Number(m[1]), style: 'sup-tag', range: r(lineIndex, m.index, m.index + m[0].length) });
    } else if (superscripts !== undefined) {
      addSuperscriptCall(line, lineIndex, m.index, superscripts, refs);
    } else if (m[3] !== undefined) {
      refs.push({ number: Number(m[3]), style: 'caret', range: r(lineIndex, m.index, m.index + m[0].length) });
    }
  }
  return refs;
}

/**
 * Each superscript run is one call; "¹²" is note 12 (several calls are separated by commas: "¹,²"),
 * unless a unit stands before it (m², km³).
 */
function addSuperscriptCall(line: string, lineIndex: number, at: number, digits: string, refs: FootnoteRef[]): void {
  if (UNIT_BEFORE.test(line.slice(Math.max(0, at - 3), at))) return;
  refs.push({ number: superscriptValue(digits), style: 'superscript', range: r(lineIndex, at, at + digits.length) });
}

/**
 * The lines of `text` (splitLines(text)) that may hold a footnote call other than a run of ⁰ ⁴–⁹: one
 * with ¹, ², ³, « <sup> » or « [^ ». Five searches of the whole text find them (V8 finds ¹ ² ³ by a byte
 * that common characters lack, and « < » and « [ » are rare), where each line would take two searches
 * of its own. Undefined when the lines do not add up to the text.
 */
export function linesWithOtherCalls(text: string, lines: readonly string[]): Uint8Array | undefined {
  const starts = lineStarts(text, lines);
  if (!starts) return undefined;
  const marked = new Uint8Array(lines.length);
  for (const needle of ['¹', '²', '³', '<sup>', '[^']) {
    for (let i = text.indexOf(needle), line = 0; i >= 0; i = text.indexOf(needle, i + 1)) {
      while (line + 1 < starts.length && starts[line + 1] <= i) line++;
      marked[line] = 1;
    }
  }
  return marked;
}

/**
 * findFootnoteRefs on a line linesWithOtherCalls leaves unmarked, where every call is a run of ⁰ ⁴–⁹:
 * runs of U+2070–U+2079 (one range, which V8 scans a quarter faster than SUPERSCRIPT_RUN's four), cut
 * where ⁱ or an unassigned unit stands (within that range, isSuperscriptDigit is false only for those).
 */
export function findRefsOnPlainLine(line: string, lineIndex: number, from = 0, to = line.length, refs: FootnoteRef[] = []): FootnoteRef[] {
  const runs = HIGH_SUPERSCRIPT_RUN;
  runs.lastIndex = from;
  for (let m = runs.exec(line); m && m.index < to; m = runs.exec(line)) {
    const run = m[0];
    let k = 0;
    while (k < run.length) {
      if (!isSuperscriptDigit(run.charCodeAt(k))) { k++; continue; }
      let end = k + 1;
      while (end < run.length && isSuperscriptDigit(run.charCodeAt(end))) end++;
      addSuperscriptCall(line, lineIndex, m.index + k, run.slice(k, end), refs);
      k = end;
    }
  }
  return refs;
}

function r(line: number, a: number, b: number) {
  return { start: { line, character: a }, end: { line, character: b } };
}

/** Length of the markup that opens a paragraph: heading hashes, quote marks, emphasis, a draft's opening bracket. */
export function leadingMarkupLength(line: string, from = 0): number {
  let i = from;
  // Spaces and tabs, then « #{1,6} » followed by spaces or tabs (a heading), read without slicing the line.
  while (isSpaceOrTab(line.charCodeAt(i))) i++;
  let hashes = i;
  while (line.charCodeAt(hashes) === 35 /* # */) hashes++;
  if (hashes > i && hashes - i <= 6 && isSpaceOrTab(line.charCodeAt(hashes))) {
    i = hashes;
    while (isSpaceOrTab(line.charCodeAt(i))) i++;
  }
  for (;;) {
    const ch = line[i];
    if (ch === '*' || ch === '_') { i++; continue; }
    // A draft's bracket around text not yet agreed (« [*Rappelant* …] »), not a link or a footnote call.
    if (ch === '[' && line[i + 1] !== '^' && !opensLink(line, i)) { i++; continue; }
    if (ch === '«' || ch === '“' || ch === '"' || ch === '„') { i++; while (isSpace(line[i] ?? '')) i++; continue; }
    break;
  }
  return i - from;
}

const isSpaceOrTab = (c: number) => c === 32 || c === 9;

/** Whether the '[' at column i opens a Markdown link « [text]( » within 200 characters (/^\[[^\]]*\]\(/ on line.slice(i, i + 200)). */
function opensLink(line: string, i: number): boolean {
  const close = line.indexOf(']', i + 1);
  return close >= 0 && close + 2 <= i + 200 && line.charCodeAt(close + 1) === 40 /* ( */;
}

// Footnote calls at the end of a paragraph. Text extracted from PDFs turns English calls into
// plain digits glued after the mark (« resolution 79/7;1 », « Women,12 »): those too.
// Several calls at one point are separated by commas (« Secretary-General;¹,² »): the whole group goes.
const TRAILING_REF = /(?:(?:<sup>\d{1,3}<\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^\d{1,3}\])(?:,[ \u00a0]?(?:<sup>\d{1,3}<\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^\d{1,3}\]))*|(?<=[,;.:] ?)\d{1,3}(?:,\d{1,3})*)$/;

/**
 * The last significant character of a line stretch: trailing spaces (including Markdown's two
 * trailing spaces), emphasis, closing quotes and brackets, footnote calls and <br> are set aside.
 * Returns its column or -1 when nothing is left.
 */
export function lastSignificantColumn(line: string, from: number, to: number): number {
  let end = to;
  // A trailing comment (« …; <!-- reslint-disable-line … --> ») is not part of the text.
  for (;;) {
    const textEnd = trimmedEnd(line, from, end);
    if (textEnd - from < 3 || !line.startsWith('-->', textEnd - 3)) break;
    // Search strictly before `end`: a comment starting at `end` itself would stop the loop moving.
    const open = line.lastIndexOf('<!--', end - 1);
    if (open < from || open >= end) break;
    end = open;
  }
  for (;;) {
    const before = end;
    while (end > from && (isSpace(line[end - 1]) || line[end - 1] === '*' || line[end - 1] === '_' || line[end - 1] === '\\')) end--;
    // Closing quotes, and a draft's bracket closing text not yet agreed (« …,] »).
    while (end > from && (line[end - 1] === '»' || line[end - 1] === '”' || line[end - 1] === '"' || line[end - 1] === '’' || (line[end - 1] === ']' && !/\[\^\d{1,3}$/.test(line.slice(Math.max(from, end - 6), end - 1))))) end--;
    // A trailing call ends with a digit, a superscript digit, « > » (</sup>) or « ] » ([^12]), and <br> with « > »:
    // other endings (most) need neither pattern.
    const last = end > from ? line.charCodeAt(end - 1) : -1;
    if (last === 62 /* > */ || last === 93 /* ] */ || (last >= 48 && last <= 57) || isSuperscriptDigit(last)) {
      // Only the tail can hold a trailing call or <br>: do not let end-anchored patterns scan the whole line.
      const tailStart = Math.max(from, end - 64);
      const ref = TRAILING_REF.exec(line.slice(tailStart, end));
      if (ref) end -= ref[0].length;
      if (end > from && line.charCodeAt(end - 1) === 62) {
        const br = /<br\s*\/?>$/i.exec(line.slice(Math.max(from, end - 8), end));
        if (br) end -= br[0].length;
      }
    }
    if (end === before) break;
  }
  return end > from ? end - 1 : -1;
}

/** ⁰ ¹ ² ³ ⁴ … ⁹ as UTF-16 code units. */
function isSuperscriptDigit(c: number): boolean {
  return c === 0xb9 || c === 0xb2 || c === 0xb3 || c === 0x2070 || (c >= 0x2074 && c <= 0x2079);
}

/** A character plain() removes or replaces, or that its patterns need: ] of a link, < of a tag, \\, * _, spaces, ’. */
const PLAIN_CHANGES = /[\]<\\*_\u00a0\u202f\u2009’]/;

/** Removes Markdown emphasis, <sup> tags and link syntax, for matching words (not for positions). */
export function plain(text: string): string {
  // Each replacement only where its pattern can match (a link needs « ]( », a tag « sup> »…), and none
  // in a text without any character they start with or replace (most openers and short lines).
  if (!PLAIN_CHANGES.test(text)) return text;
  let t = text;
  if (t.includes('](')) t = t.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (t.includes('sup>')) t = t.replace(/<\/?sup>/g, '');
  if (t.includes('\\')) t = t.replace(/\\([*_#\[\]])/g, '$1');
  if (t.includes('*') || t.includes('_')) t = t.replace(/[*_]+/g, '');
  return t
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/’/g, "'");
}
