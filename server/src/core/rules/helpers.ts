// Small helpers shared by rules: walking parts and paragraphs, quoting words in messages, and what
// several rules read of a document once for all (an opener's words, where a string stands in the text).
import { allParts, endingOf, keepEnding, wordsReadFor } from '../model/parse';
import type { Ending, Lang, Paragraph, Part, ResolutionDocument } from '../model/types';
import { lineStarts } from '../model/text';
import { memoized, memoOf, memoSlot, WithMemo, type MemoSlot } from '../memo';
import { classifyOpener, tokenize, type OpenerMatch, type Token, type Words } from '../vocabulary';

/** Kinds of paragraph that hold a resolution's own wording (not its masthead, headings, notes or meeting line). */
export const WORDING_KINDS: ReadonlySet<Paragraph['kind']> = new Set<Paragraph['kind']>(['preamble', 'operative', 'subparagraph', 'lead-in']);

export function resolutionParts(doc: ResolutionDocument): Part[] {
  return allParts(doc.parts).filter((p) => p.kind === 'resolution' || p.kind === 'draft');
}

export function numberedParts(doc: ResolutionDocument): Part[] {
  return allParts(doc.parts);
}

export function ending(doc: ResolutionDocument, p: Paragraph): Ending | undefined {
  if (p.ending) return p.ending;
  // Most paragraphs end with a plain character (« , », « ; », a letter): then nothing the model sets
  // aside at the end (white space, emphasis, quotes, a bracket, a footnote call, <br>, a comment,
  // which all end with one of TRAILING) stands there, and the ending is that character, read here as
  // endingOf reads it (and kept on the paragraph as endingOf keeps it) without its expressions.
  const seg = p.segments[p.segments.length - 1];
  const line = doc.lines[seg.line];
  const col = seg.end - 1;
  if (col < seg.start || TRAILING.has(line[col]) || (line.charCodeAt(col) >= 48 && line.charCodeAt(col) <= 57)) return endingOf(p, doc.lines);
  return keepEnding(p, line, seg, col);
}

/**
 * The characters the model's reading of an ending (lastSignificantColumn) may set aside at the end of
 * a paragraph: white space, emphasis and escapes, closing quotes, a bracket, and the last character of
 * a footnote call, of <br> or of a comment (digits aside).
 */
const TRAILING = new Set([' ', '\t', '\u00a0', '\u202f', '\u2009', '*', '_', '\\', '»', '”', '"', '’', ']', '>', '⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹']);

/**
 * The words of a paragraph's opener line from the opener on (twelve at most) and what the vocabulary
 * reads in them. `first` holds the first two words, read at once; `tokens` (all twelve) and `match`
 * are read on first use: most openers are judged from their first words (tokenising twelve words
 * cost four times as much as two).
 */
export interface OpenerWords {
  readonly line: number; readonly text: string; readonly lang: Lang; readonly first: Token[]; readonly tokens: Token[]; readonly match: OpenerMatch;
  /**
   * The words the parser read to classify the opener, when they hold the whole phrase `match` finds
   * (the first of `tokens`): known without reading further; undefined when not known so.
   */
  readonly parsedPhrase: Token[] | undefined;
}

/** OpenerWords, read as far as asked. */
class OpenerReading extends WithMemo implements OpenerWords {
  readonly first: Token[];
  private all?: Token[];
  private classified?: OpenerMatch;
  /** `parsed`: the parser's reading of the same line from the same column, gone on from. */
  constructor(readonly line: number, readonly text: string, readonly from: number, readonly lang: Lang, first?: Token[], private readonly parsed?: Words) {
    super();
    // The same words as the first two of `tokens`: tokenize reads words one after the other.
    this.first = first ?? (parsed ? parsed.readOn(2) : tokenize(text, from, 2));
  }
  get tokens(): Token[] {
    return (this.all ??= this.parsed ? this.parsed.readOn(12) : tokenize(this.text, this.from, 12));
  }
  get parsedPhrase(): Token[] | undefined {
    return this.parsed?.wordsBelowLimit();
  }
  get match(): OpenerMatch {
    return (this.classified ??= this.parsedMatch() ?? classifyOpener(this.tokens, this.lang));
  }
  /** The parser's match, when its words hold every word the classification of twelve would read (the same match). */
  private parsedMatch(): OpenerMatch | undefined {
    const classified = this.parsed?.classified;
    return this.parsedPhrase && classified?.lang === this.lang ? classified.match : undefined;
  }
  /** The same words on another line (lines came or went above them): what was read and derived is shared. */
  movedTo(line: number): OpenerReading {
    const moved = new OpenerReading(line, this.text, this.from, this.lang, this.first, this.parsed);
    moved.all = this.all;
    moved.classified = this.classified;
    WithMemo.share(this, moved);
    return moved;
  }
}

/**
 * Per document, its paragraphs' readings. A Map per document rather than one entry per paragraph:
 * setting a WeakMap entry costs ~0.2 µs, a tenth of reading the words. `inherited`: the readings of
 * the version before (incremental analysis), by the text of their line, to be taken over by the
 * paragraphs whose line did not change. Kept on the document (../memo.ts), gone with it.
 */
interface Readings { byParagraph: Map<Paragraph, OpenerReading>; inherited?: Map<string, OpenerReading> }
const READINGS = memoSlot<Readings>('opener readings');
const newReadings = (): Readings => ({ byParagraph: new Map() });

/**
 * The opener's words, read once per paragraph: french-agreement and also-further-sequence both need
 * them (tokenising and classifying every opener twice was most of their time). The result is shared:
 * callers do not change it. Kept with what it was read from, so that a paragraph object met again
 * with another line text or language is read again; read from nothing but that (the line's text,
 * where the opener starts, the language), so that a reading of the version before is as good.
 */
export function openerWords(doc: ResolutionDocument, p: Paragraph): OpenerWords | undefined {
  const o = p.opener;
  if (!o) return undefined;
  const line = o.range.start.line;
  const text = doc.lines[line];
  const from = o.range.start.character;
  const readings = memoized(doc, READINGS, newReadings);
  const known = readings.byParagraph.get(p);
  if (known && known.line === line && known.text === text && known.from === from && known.lang === doc.lang) return known;
  const before = readings.inherited?.get(text);
  let words: OpenerReading;
  if (before && before.from === from && before.lang === doc.lang) words = before.line === line ? before : before.movedTo(line);
  else {
    const parsed = wordsReadFor(doc, o);
    words = new OpenerReading(line, text, from, doc.lang, undefined, parsed?.reads(text, from) ? parsed : undefined);
  }
  readings.byParagraph.set(p, words);
  return words;
}

/**
 * Incremental analysis (../incremental.ts): the next version of a document takes over the opener
 * readings of the previous one where a paragraph's opener line is the same text, and with them what
 * the rules derived from them (derivedFrom).
 */
export function inheritOpenerReadings(previous: ResolutionDocument, next: ResolutionDocument): void {
  const old = memoOf(previous, READINGS);
  if (!old || previous === next) return;
  const byText = new Map<string, OpenerReading>();
  for (const r of old.byParagraph.values()) byText.set(r.text, r);
  if (byText.size) memoized(next, READINGS, newReadings).inherited = byText;
}

/**
 * What a rule derives from an opener's words and nothing else (not its paragraph, not its line
 * number), computed once per reading (`slot`: a memoSlot, ../memo.ts): kept with the words, it goes on
 * to the next version of the document with them (movedTo shares it).
 */
export function derivedFrom<T>(words: OpenerWords, slot: MemoSlot<T>, compute: (words: OpenerWords) => T): T {
  return memoized(words, slot, compute);
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

/**
 * The matches of `re` in a text, exactly as `text.matchAll(re)` gives them, for an expression whose
 * every match starts with one of `keys` (literal strings: the alternatives of a word list, with
 * lookarounds for word boundaries). A regular expression walks every character of a paragraph
 * (≈ 0.07 ms per 100 KB even for `[A-Z]{2}`); `indexOf` finds a literal ten times faster. So the
 * expression runs only where a key stands, as a sticky match (same alternative, same lookarounds,
 * same leftmost order), and a paragraph is searched only for the keys the document may hold. Keys
 * are grouped under short prefixes (« Etat » for « Etats membres », « Etat-Membre »…): the whole text
 * is searched once for each prefix (an absent group costs one scan), and where one stands, its keys
 * are read from the text character by character, all at once (a trie), not one after the other.
 */
/** What KeyedPattern found of its keys in a document's text. */
interface Presence {
  /** The keys the text holds, whole or cut by a line break (where a paragraph's text joins two lines), in the groups' order. */
  keys: string[];
  /** Where one of them stands and the expression matches, or one may be cut: offsets in the text, a few increasing runs. */
  hits: number[];
}

/** The keys of a group past its prefix, character by character. */
interface KeyNode {
  /** The keys that end here. */
  ends?: string[];
  /** The keys that go on, by the code of their next character. */
  next?: Map<number, KeyNode>;
  /** Every key that ends here or goes on from here. */
  below: string[];
}

export class KeyedPattern {
  private readonly sticky: RegExp;
  /** Prefix (no space) → the keys that start with it, their rest as a trie (its root's `below`: the keys, in order). */
  private readonly groups = new Map<string, KeyNode>();
  private readonly present = memoSlot<Presence>('keys present');
  private readonly tests = memoSlot<(p: Paragraph) => boolean>('paragraph test');
  constructor(re: RegExp, keys: Iterable<string>) {
    this.sticky = new RegExp(re.source, re.flags.replace('g', '') + 'y');
    // Shortest keys first, so that « AG » groups « AGNU » under it.
    for (const key of [...keys].sort((a, b) => a.length - b.length)) {
      const known = [...this.groups.keys()].find((p) => key.startsWith(p));
      const prefix = known ?? firstWord(key).slice(0, 4);
      if (!prefix) throw new Error(`KeyedPattern: key « ${key} » starts with a space`);
      const root: KeyNode = this.groups.get(prefix) ?? { below: [] };
      this.groups.set(prefix, root);
      root.below.push(key);
      let node = root;
      for (let k = prefix.length; k < key.length; k++) {
        const c = key.charCodeAt(k);
        let child = (node.next ??= new Map()).get(c);
        if (!child) node.next.set(c, (child = { below: [] }));
        node = child;
        node.below.push(key);
      }
      (node.ends ??= []).push(key);
    }
  }

  /** The keys the document's text holds and where (one scan of the whole text per group, once per document). */
  private read(doc: ResolutionDocument): Presence {
    return memoized(doc, this.present, (d) => this.readText(d.text));
  }

  private readText(text: string): Presence {
    const held = new Set<string>();
    const hits: number[] = [];
    const sticky = this.sticky;
    for (const [prefix, trie] of this.groups) {
      for (let i = text.indexOf(prefix); i >= 0; i = text.indexOf(prefix, i + 1)) {
        let node = trie, j = i + prefix.length, written = false, cut = false;
        for (;;) {
          if (node.ends) { written = true; for (const key of node.ends) held.add(key); }
          // Where a key has a space, a paragraph's text may have the space that joins two lines:
          // the whole text has white space running into a line break there.
          const space = node.next?.get(32);
          if (space && breaksLine(text, j)) { cut = true; for (const key of space.below) held.add(key); break; }
          const child = node.next?.get(text.charCodeAt(j));
          if (!child) break;
          node = child;
          j++;
        }
        if (cut) hits.push(i);
        else if (written) {
          // On one line the expression reads the same characters as in a paragraph's text (where a
          // paragraph has its joining space, the whole text has white space or a line break, and
          // neither is a letter, a digit or a mark the expressions' lookarounds look for).
          sticky.lastIndex = i;
          if (sticky.test(text)) hits.push(i);
        }
      }
    }
    const keys: string[] = [];
    for (const trie of this.groups.values()) for (const key of trie.below) if (held.has(key)) keys.push(key);
    return { keys, hits };
  }

  private keysIn(doc: ResolutionDocument): string[] {
    return this.read(doc).keys;
  }

  /** Whether a paragraph of the document may hold a match (false: none does). */
  mayMatch(doc: ResolutionDocument): boolean {
    return this.keysIn(doc).length > 0;
  }

  /**
   * Whether a paragraph of the document may hold a match (paragraphTest), from where the keys stand
   * in the whole text: a key written there counts where the expression matches there; a key a line
   * break may cut counts as well.
   */
  test(doc: ResolutionDocument): (p: Paragraph) => boolean {
    return memoized(doc, this.tests, (d) => offsetsTest(d, this.read(d).hits));
  }

  /** The matches in `text`, a paragraph of `doc` (its lines, joined by spaces), in order. */
  matches(doc: ResolutionDocument, text: string): RegExpExecArray[] {
    const keys = this.keysIn(doc);
    let starts: number[] | undefined;
    for (const key of keys) {
      for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) (starts ??= []).push(i);
    }
    if (!starts) return [];
    if (starts.length > 1) starts.sort((a, b) => a - b);
    const out: RegExpExecArray[] = [];
    let from = 0;
    for (const start of starts) {
      if (start < from) continue;
      this.sticky.lastIndex = start;
      const m = this.sticky.exec(text);
      if (!m) continue;
      out.push(m);
      from = start + Math.max(1, m[0].length);
    }
    return out;
  }
}

const firstWord = (key: string) => key.split(/\s/)[0];

/** Whether white space (as \s reads it) from `at` runs into a line break. */
function breaksLine(text: string, at: number): boolean {
  for (let j = at; j < text.length && mayJoinAt(text, j); j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Searching the whole text at once. A rule that looks for a rare string (« « », an acronym, a year)
// in every paragraph pays a call and a scan per paragraph; one indexOf over the document's text
// finds them all, and only the paragraphs that hold one are read.

interface TextIndex {
  /** Offset in doc.text of each line. */
  starts: Int32Array;
  /** Position in doc.paragraphs of the first paragraph with a segment on each line, or -1. */
  first: Int32Array;
  /** The other paragraphs (positions) with a segment on a line, for the few lines that have several. */
  others?: Map<number, number[]>;
}

const TEXT_INDEX = memoSlot<TextIndex | null>('text index');

/**
 * Where lines and paragraphs sit in doc.text; null when the lines do not add up to the text (then
 * callers read every paragraph). Paragraphs are named by their position in doc.paragraphs: no Map
 * keyed by them (hashing each of a fresh document's paragraphs cost more than the rest).
 */
function textIndex(doc: ResolutionDocument): TextIndex | null {
  return memoized(doc, TEXT_INDEX, indexText);
}

function indexText(doc: ResolutionDocument): TextIndex | null {
  const { text, lines, paragraphs } = doc;
  let index: TextIndex | null;
  const starts = lineStarts(text, lines);
  if (!starts) index = null;
  else {
    const first = new Int32Array(lines.length).fill(-1);
    let others: Map<number, number[]> | undefined;
    for (let k = 0; k < paragraphs.length; k++) {
      for (const s of paragraphs[k].segments) {
        const at = first[s.line];
        if (at < 0) first[s.line] = k;
        else if (at !== k) {
          const list = (others ??= new Map()).get(s.line);
          if (!list) others.set(s.line, [k]);
          else if (list[list.length - 1] !== k) list.push(k);
        }
      }
    }
    index = { starts, first, others };
  }
  return index;
}

/** The position of a paragraph in doc.paragraphs, found from its first line; -1 when the document does not list it. */
function positionOf(doc: ResolutionDocument, index: TextIndex, p: Paragraph): number {
  const line = p.segments[0]?.line;
  if (line === undefined || line >= index.first.length) return -1;
  const k = index.first[line];
  if (k >= 0 && doc.paragraphs[k] === p) return k;
  for (const j of index.others?.get(line) ?? []) if (doc.paragraphs[j] === p) return j;
  return -1;
}

/**
 * The positions in doc.paragraphs, in increasing order, of the paragraphs with a segment on the line
 * of an offset of doc.text that `find` reports (it scans the whole text once and calls `hit` with
 * offsets in increasing order, or in a few increasing runs); undefined when the lines do not add up
 * to the text.
 */
function positionsAt(doc: ResolutionDocument, find: (text: string, hit: (at: number) => void) => void): number[] | undefined {
  const index = textIndex(doc);
  if (!index) return undefined;
  const { starts, first, others } = index;
  const found: number[] = [];
  let sorted = true;
  // The line of the last hit, so that hits on one line cost one search for it.
  let lineStart = 1, lineEnd = 0;
  const add = (k: number) => {
    const last = found.length ? found[found.length - 1] : -1;
    if (k === last) return;
    if (k < last) sorted = false;
    found.push(k);
  };
  find(doc.text, (i) => {
    if (i >= lineStart && i < lineEnd) return; // a line already counted
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= i) lo = mid; else hi = mid - 1; }
    lineStart = starts[lo];
    lineEnd = lo + 1 < starts.length ? starts[lo + 1] : Infinity;
    const k = first[lo];
    if (k < 0) return;
    add(k);
    if (others) for (const j of others.get(lo) ?? []) add(j);
  });
  if (!sorted) return [...new Set(found)].sort((a, b) => a - b);
  return found;
}

/**
 * The paragraphs of doc.paragraphs, in their order, whose text may hold one of `needles` (strings
 * without white space: a paragraph joins its lines with a space, so a needle it holds stands whole
 * on one of its lines, and so in doc.text). Each needle is searched once in the whole text; a hit
 * counts for every paragraph with a segment on its line. The paragraphs returned hold a needle or
 * share a line with one that does: callers still search each one. `accept`, when given, keeps only
 * the hits it accepts, looking at doc.text around them: it must accept every hit that can matter in a
 * paragraph's text (there, a segment's first and last characters neighbour the joining space; in
 * doc.text, white space or a line break, as a segment is a line without its leading and trailing
 * white space).
 */
export function paragraphsWith(doc: ResolutionDocument, needles: readonly string[], accept?: (text: string, at: number) => boolean): Paragraph[] {
  const found = positionsAt(doc, needlesFinder(needles, accept));
  if (!found) return doc.paragraphs.filter((p) => needles.some((n) => p.text.includes(n)));
  return found.map((k) => doc.paragraphs[k]);
}

function needlesFinder(needles: readonly string[], accept?: (text: string, at: number) => boolean): (text: string, hit: (at: number) => void) => void {
  return (text, hit) => {
    for (const needle of needles) {
      for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) if (!accept || accept(text, i)) hit(i);
    }
  };
}

/**
 * positionsAt as a test of one paragraph: false only for a paragraph of doc.paragraphs on none of
 * whose lines `find` reported a hit (a paragraph the document does not list, as when the lines do
 * not add up to the text, is always worth reading).
 */
export function paragraphTest(doc: ResolutionDocument, find: (text: string, hit: (at: number) => void) => void): (p: Paragraph) => boolean {
  // A document that keeps only a few of its paragraphs (incremental analysis checking what changed)
  // is read paragraph by paragraph: a search of the whole text would cost more than reading them.
  let kept = 0;
  for (const p of doc.paragraphs) kept += p.text.length;
  if (kept * 8 < doc.text.length) return () => true;
  const found = positionsAt(doc, find);
  if (!found) return () => true;
  const index = textIndex(doc)!;
  const marked = new Uint8Array(doc.paragraphs.length);
  for (const k of found) marked[k] = 1;
  return (p) => {
    const k = positionOf(doc, index, p);
    return k < 0 || marked[k] === 1;
  };
}

/** paragraphTest for offsets of doc.text already found (each list in increasing order). */
export function offsetsTest(doc: ResolutionDocument, ...lists: readonly (readonly number[])[]): (p: Paragraph) => boolean {
  return paragraphTest(doc, (_, hit) => {
    for (const list of lists) for (const i of list) hit(i);
  });
}

/** What the digits of a document's text hold for the rules that read numbers (digitRuns), each list in text order. */
export interface DigitRuns {
  /** The last digit of each run of digits followed by what may start an ordinal's suffix or its markup: è, e, i, é, <, ^. */
  readonly beforeSuffix: readonly number[];
  /** The first digit of each run of four digits that starts with 18, 19 or 20 (a year). */
  readonly years: readonly number[];
}

const DIGIT_RUNS = memoSlot<DigitRuns>('digit runs');

/**
 * The runs of digits of doc.text that french-typography (ordinals) and date-format (years) look at,
 * found once per document by one pass over the whole text: every digit is where it is in the whole
 * text (digits are no white space, so a run stands whole on a line, within its segment). One pass of
 * an expression, not one indexOf scan per digit: ten scans of the text cost more once the rules'
 * other reads have pushed it out of the processor's cache (measured in lint, not alone).
 */
export function digitRuns(doc: ResolutionDocument): DigitRuns {
  return memoized(doc, DIGIT_RUNS, findDigitRuns);
}

const DIGIT_RUN = /[0-9]+/g;
function findDigitRuns(doc: ResolutionDocument): DigitRuns {
  const text = doc.text;
  const beforeSuffix: number[] = [], years: number[] = [];
  const isDigit = (c: number) => c >= 48 && c <= 57;
  DIGIT_RUN.lastIndex = 0;
  while (DIGIT_RUN.test(text)) {
    const end = DIGIT_RUN.lastIndex;
    const next = text.charCodeAt(end);
    if (next === 101 || next === 105 || next === 0xe8 || next === 0xe9 || next === 60 || next === 94) beforeSuffix.push(end - 1);
    // A run of exactly four digits (the one before it is no digit) that starts with 18, 19 or 20:
    // the run's last digit is at end - 1, so digits at end - 4 and end - 2 (and 8, 9 or 0 at end - 3) make it four.
    if (end >= 4 && !isDigit(text.charCodeAt(end - 5)) && isDigit(text.charCodeAt(end - 4)) && isDigit(text.charCodeAt(end - 2))) {
      const a = text.charCodeAt(end - 4), b = text.charCodeAt(end - 3);
      if ((a === 49 && (b === 56 || b === 57)) || (a === 50 && b === 48)) years.push(end - 4);
    }
  }
  return { beforeSuffix, years };
}

/** paragraphTest for the hits of `needles` that `accept` accepts (see paragraphsWith). */
export function needleTest(doc: ResolutionDocument, needles: readonly string[], accept?: (text: string, at: number) => boolean): (p: Paragraph) => boolean {
  return paragraphTest(doc, needlesFinder(needles, accept));
}

/**
 * Whether the character at `i` of doc.text is white space or a line break (as \s reads it), or
 * lies outside the text: where a paragraph's text may hold the space that joins two of its lines.
 */
export function mayJoinAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return true;
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
