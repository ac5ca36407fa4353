// One pass from text to the document model. Lines are grouped into paragraphs, each paragraph
// is classified from its first line, and a walk assigns paragraphs to parts (resolution,
// nested draft, annex, report) while joining paragraphs split by page breaks.
import { isCommentOnly } from '../control';
import { classifyWords, matchOrganLine, matchVoiceLine, Words } from '../vocabulary';
import { detectLanguage } from './language';
import { findFootnoteRefs, findRefsOnPlainLine, lastSignificantColumn, linesWithOtherCalls, leadingMarkupLength, matchFootnoteDef, plain } from './markup';
import { isSpace, isSpaceCode, isTrimmedSpace, segmentsRange, splitLines, trimmedEnd, trimmedStart } from './text';
import type {
  Ending, FootnoteDef, FootnoteRef, HeaderField, Lang, SubLabel, Opener, Paragraph, ParagraphKind, Part, PartKind, Position, Range, ResolutionDocument, Segment,
} from './types';

export interface ParseOptions { language?: Lang | 'auto' }

export type LineKind = 'footnote' | 'rule' | 'md-heading' | 'annex' | 'article' | 'numbered' | 'sub' | 'meeting' | 'symbol-title' | 'other';

const RULE = /^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/;
const MD_HEADING = /^[ \t]*#{1,6}[ \t]+/;
// « 5 bis. », « 5 ter. »: paragraphs inserted during negotiations (draft profile).
const NUMBERED = /^[ \t]*(?:[«“"„][ \t\u00a0]*)?(?:\*\*|__)?(\d{1,3})(?:[ \t\u00a0]?(bis|ter|quater|quinquies|sexies|septies|octies))?\.(?:\*\*|__)?(?=[ \t\u00a0*_])/;
// (a) / a) / a. — the dot form is the English third and fourth degree (a., i.).
const SUB_LABEL = /^[ \t]*(?:[«“"„][ \t\u00a0]*)?[*_]{0,2}(?:\(([a-z]{1,2}|[ivxlc]{1,6})\)|([a-z]{1,2}|[ivxlc]{1,6})\)|([a-z]{1,2}|[ivxlc]{1,6})\.)[*_]{0,2}(?=[ \t\u00a0])/;
// « 50^e séance plénière », "18th plenary meeting", and the Security Council's "Adopted unanimously at the 1382nd meeting".
const MEETING = /^[ \t]*(?:Adopted (?:unanimously )?at the(?:[ \t]|$)|Adoptée? (?:à l'unanimité )?à la(?:[ \t]|$))|^[ \t]*[*_]*\d{1,4}(?:<sup>[a-zé]{1,3}<\/sup>|\^\{?[a-zé]{1,3}\}?|e|er|re|ème|st|nd|rd|th)?[ \t\u00a0]+(?:séances?[ \t\u00a0]+plénières?|plenary[ \t\u00a0]+meetings?)\b/i;
// « Article 1 » headings: an instrument proclaimed by the resolution (declaration, convention), not resolution paragraphs.
const ARTICLE = /^[ \t]*(?:#{1,6}[ \t]+)?[*_]*(?:Article|ARTICLE)[ \t\u00a0]+(?:\d{1,3}|premier|[IVXLC]+)(?:er)?[*_]*[ \t]*$/;
const ANNEX = /^[ \t]*(?:#{1,6}[ \t]+)?[*_]*(?:Annexe|Annex|ANNEXE|ANNEX)(?:[ \t]+[IVXLC]+)?[*_]*[ \t]*$/;
export const SYMBOL_TITLE = /^[ \t]*(?:#{1,6}[ \t]+)?[*_]*((?:(?:S|ES)-)?\d{1,4}\/\d{1,3}(?:[ \t][A-Z](?![\w/]))?)\.[ \t\u00a0]+\S/;
/** The distribution line of a masthead: « Distr. générale », "General Assembly Distr.: General 1 December 2025" (PDF extraction joins them). */
export const DISTRIBUTION_LINE = /^[ \t]*(?:#{1,6}[ \t]+)?[*_]*(?:[^\r\n]{0,80}?[ \t])?Distr\.[ \t]*:?[ \t]*[*_]*(?:générale|restreinte|limitée|General|Limited|Restricted)(?![\p{L}])/iu;
export const RESOLUTION_NUMBER = /^[ \t]*(?:#{1,6}[ \t]+)?[*_]*(?:Résolution|Resolution|RESOLUTION)[ \t\u00a0]+((?:(?:S|ES)-)?\d{1,4}\/\d{1,3}|\d{1,4}[ \t\u00a0]*\(\d{4}\)|\d{1,4}(?:[ \t][A-Z])?[ \t\u00a0]*\([IVXLCS-]+\))[*_]*[ \t]*$/;

function lineKind(line: string): LineKind {
  const may = patternsThatMayMatch(line);
  if (!may) return 'other';
  if (may & MAY_RULE && RULE.test(line)) return 'rule';
  if (may & MAY_FOOTNOTE && matchFootnoteDef(line)) return 'footnote';
  if (may & MAY_ANNEX_OR_ARTICLE && ANNEX.test(line)) return 'annex';
  if (may & MAY_ANNEX_OR_ARTICLE && ARTICLE.test(line)) return 'article';
  if (may & MAY_HEADING && MD_HEADING.test(line)) return SYMBOL_TITLE.test(line) ? 'symbol-title' : 'md-heading';
  if (may & MAY_MEETING && MEETING.test(line)) return 'meeting';
  if (may & MAY_NUMBERED && NUMBERED.test(line)) return 'numbered';
  if (may & MAY_SUB && SUB_LABEL.test(line)) return 'sub';
  if ((may & MAY_SYMBOL_TITLE && SYMBOL_TITLE.test(line)) || (may & MAY_RESOLUTION && RESOLUTION_NUMBER.test(line))) return 'symbol-title';
  return 'other';
}

// lineKind's patterns (and matchFootnoteDef's) each start, after spaces and tabs, with one of a few
// characters. Most lines open with a capital none of them accepts and are 'other' without a pattern run.
const MAY_RULE = 1, MAY_FOOTNOTE = 2, MAY_ANNEX_OR_ARTICLE = 4, MAY_HEADING = 8, MAY_MEETING = 16, MAY_NUMBERED = 32, MAY_SUB = 64, MAY_SYMBOL_TITLE = 128, MAY_RESOLUTION = 256;

/** The patterns of lineKind that can match the line, from its first character after spaces and tabs. */
function patternsThatMayMatch(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
  const c = line.charCodeAt(i);
  if (c >= 48 && c <= 57) return MAY_MEETING | MAY_NUMBERED | MAY_SYMBOL_TITLE; // 0–9
  if (c >= 97 && c <= 122) return c === 97 ? MAY_SUB | MAY_MEETING : MAY_SUB; // a–z; MEETING is /i: « adopted »
  switch (c) {
    case 0x2a: // *
      return MAY_RULE | MAY_FOOTNOTE | MAY_ANNEX_OR_ARTICLE | MAY_MEETING | MAY_NUMBERED | MAY_SUB | MAY_SYMBOL_TITLE | MAY_RESOLUTION;
    case 0x5f: // _
      return MAY_RULE | MAY_ANNEX_OR_ARTICLE | MAY_MEETING | MAY_NUMBERED | MAY_SUB | MAY_SYMBOL_TITLE | MAY_RESOLUTION;
    case 0x2d: return MAY_RULE; // -
    case 0x23: return MAY_ANNEX_OR_ARTICLE | MAY_HEADING | MAY_SYMBOL_TITLE | MAY_RESOLUTION; // #
    case 0x3c: case 0x5b: case 0x5c: // < [ \
    case 0xb9: case 0xb2: case 0xb3: case 0x2070: case 0x2074: case 0x2075: case 0x2076: case 0x2077: case 0x2078: case 0x2079: // ¹ ² ³ ⁰ ⁴…⁹
      return MAY_FOOTNOTE;
    case 0x28: return MAY_SUB; // (
    case 0xab: case 0x201c: case 0x22: case 0x201e: return MAY_NUMBERED | MAY_SUB; // « “ " „
    case 0x41: return MAY_ANNEX_OR_ARTICLE | MAY_MEETING; // A: Annex, Article, Adopted
    case 0x45: case 0x53: return MAY_SYMBOL_TITLE; // E, S: ES-10/1, S-1/1
    case 0x52: return MAY_RESOLUTION; // R: Résolution
    default: return 0;
  }
}

interface Block {
  kind: LineKind;
  segments: Segment[];
  /** plain() of the joined segments, once read (isRunningHeader may ask again for the same block). */
  plainText?: string;
}

/**
 * What the parser reads from one line alone (the same for every line with the same text, in one
 * language). Incremental analysis (../incremental.ts) keeps them between versions, so that only
 * changed lines are read again; positions are those of the line they were first read at.
 */
export interface LineFacts {
  blank: boolean;
  kind: LineKind;
  /** The line's segment: leading and trailing white space set aside. */
  start: number;
  end: number;
  /** Opens with a known opener (hard-wrapped paragraphs). */
  opens?: boolean;
  /** The opener read after a number or label [1] or not [0]; null when there is none. */
  openers?: [(Opener | null)?, (Opener | null)?];
  refs?: FootnoteRef[];
  /** lastSignificantColumn over the segment. */
  last?: number;
}
/** Facts per line index, filled as the parser reads lines; the caller may keep and carry them to the next version. */
export type LineCache = (LineFacts | undefined)[];

function readLine(line: string, into?: LineFacts): LineFacts {
  const start = trimmedStart(line);
  const end = trimmedEnd(line, start);
  // Comment-only lines (control comments, stray HTML comments) separate paragraphs like blank lines.
  const blank = start === line.length || (line.startsWith('<!--', start) && isCommentOnly(line));
  const kind = blank ? 'other' : lineKind(line);
  if (!into) return { blank, kind, start, end };
  into.blank = blank;
  into.kind = kind;
  into.start = start;
  into.end = end;
  return into;
}

/** Where Blocks reads a line's facts when no cache keeps them: they are used at once and not kept. */
const scratchFacts: LineFacts = { blank: false, kind: 'other', start: 0, end: 0 };

/** An opener read on another line with the same text, placed on `line` (a copy: documents share no openers). */
function openerAtLine(o: Opener, line: number): Opener {
  const at = (p: Position): Position => ({ line, character: p.character });
  const range = { start: at(o.range.start), end: at(o.range.end) };
  return {
    ...o, range,
    phraseRange: o.phraseRange && { start: range.start, end: at(o.phraseRange.end) },
    headRange: o.headRange && { start: at(o.headRange.start), end: at(o.headRange.end) },
  };
}

/** Groups lines into blocks, from a line that starts one, as the walk asks for them: blank lines separate; structural line starts open a new block. */
class Blocks {
  readonly list: Block[] = [];
  private current?: Block;

  constructor(private readonly lines: string[], private readonly lang: Lang, private readonly cache: LineCache | undefined, private next: number) {}

  /** The j-th block, once complete (the one after it has begun, or the lines have run out). */
  at(j: number): Block | undefined {
    while (this.list.length <= j + 1 && this.next < this.lines.length) this.read(this.next++);
    return this.list[j];
  }

  private read(i: number): void {
    const { lines, lang, cache, current } = this;
    const line = lines[i];
    const facts = cache ? cache[i] ??= readLine(line) : readLine(line, scratchFacts);
    if (facts.blank) { this.current = undefined; return; }
    const kind = facts.kind;
    const seg: Segment = { line: i, start: facts.start, end: facts.end };
    const startsNew = !current
      || kind !== 'other'
      || current.kind === 'rule'
      || current.kind === 'md-heading'
      || current.kind === 'annex'
      || current.kind === 'symbol-title' && /^[ \t]*(?:Résolution|Resolution)/.test(lines[current.segments[0].line])
      || opensHardWrappedParagraph(lines[i - 1], line, lang, cache ? facts : undefined);
    if (startsNew) {
      this.current = { kind, segments: [seg] };
      this.list.push(this.current);
    } else {
      current!.segments.push(seg);
    }
  }
}

/** In hard-wrapped texts (corpus), "…Charter,\nActing under Chapter VII" starts a paragraph without a blank line. */
function opensHardWrappedParagraph(prev: string | undefined, line: string, lang: Lang, facts?: LineFacts): boolean {
  if (prev === undefined || !endsWithOneOf(prev, ',;.:', false)) return false;
  if (facts) return facts.opens ??= opensHardWrappedParagraph('.', line, lang);
  const start = leadingMarkupLength(line);
  const words = new Words(line, start, 6);
  if (!words.has(0) || words.at(0).start !== start) return false;
  return classifyWords(words, lang).type !== 'unknown';
}

export function parse(text: string, options: ParseOptions = {}): ResolutionDocument {
  const lines = splitLines(text);
  const lang = documentLanguage(text, options);
  const builder = new Builder(lines, lang);
  return builder.build(text);
}

export function documentLanguage(text: string, options: ParseOptions = {}): Lang {
  return options.language && options.language !== 'auto' ? options.language : detectLanguage(text);
}

/**
 * The same parse, for incremental analysis: `lines` is splitLines(text); `cache[i]`, when set, is what
 * was read before from a line with the text of lines[i], in `lang`. The result is the one parse() gives.
 */
export function parseLines(text: string, lines: string[], lang: Lang, cache: LineCache): ResolutionDocument {
  return new Builder(lines, lang, cache).build(text);
}

/** What the walk's later blocks read of the blocks before them: where a chunk begins, all there is. */
export interface WalkState {
  headerDone: boolean;
  isReport: boolean;
  symbol?: { text: string; range: Range };
  title?: { text: string; range: Range };
  meeting?: Paragraph;
}

/**
 * A stretch of the document the walk can start afresh at: the first, then one at each organ line that
 * opens a new top-level part (a composite resolution, the next text of a compendium). What a chunk holds
 * depends only on its own lines and the walk's state where it begins: earlier parts are never added to
 * again, no paragraph runs on past an organ line, and an organ line opens the same top-level part
 * whatever part came before. Incremental analysis (../incremental.ts) walks again only the chunks an edit
 * touches and keeps the others.
 */
export interface Chunk {
  /** First line: 0 for the first chunk, else its organ line; a chunk ends where the next begins. */
  line: number;
  /** The walk's state where the chunk begins, and where the next one begins. */
  state: WalkState;
  end: WalkState;
  /** In the order the walk adds them, as in the document model. */
  paragraphs: Paragraph[];
  /** Top-level parts (nested ones inside them), finished. */
  parts: Part[];
  header: HeaderField[];
  footnoteDefs: FootnoteDef[];
  footnoteRefs: FootnoteRef[];
  /** Set by a block of this chunk (else an earlier chunk's, if any, stands). */
  symbol?: WalkState['symbol'];
  title?: WalkState['title'];
  meeting?: Paragraph;
}

/**
 * Walks the text again from the chunk that begins at `line` with `state` (incremental analysis), with
 * line facts from `cache` as parseLines. `stop` is asked at each later chunk, with its first line and
 * the state there: when it answers true, the walk ends before it (the caller has that chunk and the
 * following ones already).
 */
export function walkFrom(lines: string[], lang: Lang, cache: LineCache, line: number, state: WalkState, stop: (line: number, state: WalkState) => boolean): Chunk[] {
  return new Builder(lines, lang, cache).walk(line, state, stop);
}

/** The document model from its chunks, in order. */
export function assemble(text: string, lines: string[], lang: Lang, chunks: Chunk[], cache?: LineCache): ResolutionDocument {
  const all = <T>(pick: (c: Chunk) => T[]): T[] => {
    if (chunks.length === 1) return pick(chunks[0]);
    // A loop rather than concat(...lists): a compendium may have more chunks than a call takes arguments.
    const out: T[] = [];
    for (const c of chunks) for (const x of pick(c)) out.push(x);
    return out;
  };
  const paragraphs = all((c) => c.paragraphs);
  const parts = all((c) => c.parts);
  let symbol: WalkState['symbol'], title: WalkState['title'], meeting: Paragraph | undefined;
  for (const c of chunks) {
    symbol = c.symbol ?? symbol;
    title = c.title ?? title;
    meeting = c.meeting ?? meeting;
  }
  const usesEmphasis = paragraphs.some((p) => (p.opener?.italic ?? false) || (p.kind === 'organ' && /^[ \t]*[*_]/.test(lines[p.segments[0].line])));
  const kind = chunks[chunks.length - 1].end.isReport ? 'report' : parts.some((p) => p.kind === 'resolution') ? 'resolution' : 'unknown';
  return {
    text, lines, lang, kind, header: all((c) => c.header), symbol, title,
    parts, paragraphs, footnoteRefs: all((c) => c.footnoteRefs), footnoteDefs: all((c) => c.footnoteDefs), meeting,
    usesEmphasis, spacedSemicolons: spacedSemicolons(paragraphs, lines, lang, cache),
  };
}

/**
 * The words the parser read for the openers of the last document parse() made: the rules that read an
 * opener's words again (rules/helpers.ts, openerWords) go on from them rather than tokenise the line
 * twice. Only the last document's, so that nothing of earlier ones is kept.
 */
let lastParse: { doc: ResolutionDocument; openerWords: Map<Opener, Words> } | undefined;

/** The parser's reading of `opener`'s line from its first column, if it kept one for this document. */
export function wordsReadFor(doc: ResolutionDocument, opener: Opener): Words | undefined {
  return lastParse?.doc === doc ? lastParse.openerWords.get(opener) : undefined;
}

/** Where the walk stands before a block: the state, and how much each list holds. */
interface Mark { line: number; state: WalkState; paragraphs: number; parts: number; header: number; footnoteDefs: number }

class Builder {
  private readonly paragraphs: Paragraph[] = [];
  private readonly header: HeaderField[] = [];
  private readonly footnoteDefs: FootnoteDef[] = [];
  private readonly parts: Part[] = [];
  private meeting?: Paragraph;
  private symbol?: { text: string; range: Paragraph['range'] };
  private title?: { text: string; range: Paragraph['range'] };
  private isReport = false;
  /** Whether a report's title is among the header fields (this.header only grows). */
  private reportTitle = false;
  private headerDone = false;
  private root?: Part;
  private current?: Part;
  private blocks!: Blocks;
  private i = 0;
  /** The words read for each opener (see wordsReadFor), when no line facts are kept. */
  private openerWords?: Map<Opener, Words>;
  /**
   * linesWithOtherCalls, when no line facts are kept (a version's lines read again read their calls
   * from the facts, and five searches of the whole text would cost more than the lines an edit changes).
   */
  private otherCalls?: Uint8Array;

  constructor(private readonly lines: string[], private readonly lang: Lang, private readonly cache?: LineCache) {}

  build(text: string): ResolutionDocument {
    if (!this.cache) {
      this.openerWords = new Map();
      this.otherCalls = linesWithOtherCalls(text, this.lines);
    }
    const doc = assemble(text, this.lines, this.lang, this.walk(0), this.cache);
    lastParse = this.openerWords && { doc, openerWords: this.openerWords };
    return doc;
  }

  /** Walks the blocks from `line` (see walkFrom) and returns the chunks, their parts finished. */
  walk(line: number, state?: WalkState, stop?: (line: number, state: WalkState) => boolean): Chunk[] {
    if (state) ({ headerDone: this.headerDone, isReport: this.isReport, symbol: this.symbol, title: this.title, meeting: this.meeting } = state);
    this.blocks = new Blocks(this.lines, this.lang, this.cache, line);
    const chunks: Chunk[] = [];
    let open = this.mark(line);
    for (this.i = 0; ; this.i++) {
      const block = this.block(this.i);
      if (!block) break;
      if (block.kind === 'footnote') { this.addFootnote(block); continue; }
      if (block.kind === 'rule') { this.push(this.paragraph('rule', block.segments)); continue; }
      // Where the walk stands before the block, as mark() reads it; a Mark is made only where a chunk begins.
      const { headerDone, isReport, symbol, title, meeting } = this;
      const paragraphs = this.paragraphs.length, parts = this.parts.length, header = this.header.length, footnoteDefs = this.footnoteDefs.length;
      if (!this.headerDone && this.headerBlock(block)) continue;
      this.headerDone = true;
      this.bodyBlock(block);
      // An organ line that opened a new top-level part begins a chunk.
      const opened = this.parts[parts];
      const firstLine = block.segments[0].line;
      if (this.i > 0 && opened?.organ && opened.organ.segments[0].line === firstLine) {
        const before: Mark = { line: firstLine, state: { headerDone, isReport, symbol, title, meeting }, paragraphs, parts, header, footnoteDefs };
        if (stop?.(before.line, before.state)) {
          // What the block added goes: the caller keeps that chunk as it was.
          this.paragraphs.length = before.paragraphs;
          this.parts.length = before.parts;
          return [...chunks, this.close(open, before)];
        }
        chunks.push(this.close(open, before));
        open = before;
      }
    }
    chunks.push(this.close(open, this.mark(this.lines.length)));
    return chunks;
  }

  private block(j: number): Block | undefined {
    return this.blocks.at(j);
  }

  private mark(line: number): Mark {
    return {
      line, state: { headerDone: this.headerDone, isReport: this.isReport, symbol: this.symbol, title: this.title, meeting: this.meeting },
      paragraphs: this.paragraphs.length, parts: this.parts.length, header: this.header.length, footnoteDefs: this.footnoteDefs.length,
    };
  }

  private close(from: Mark, to: Mark): Chunk {
    const parts = this.parts.slice(from.parts, to.parts);
    const paragraphs = this.paragraphs.slice(from.paragraphs, to.paragraphs);
    // Children first: a part's range covers its nested drafts and annexes.
    for (const part of allParts(parts).reverse()) finishPart(part);
    const chunk: Chunk = {
      line: from.line, state: from.state, end: to.state, paragraphs, parts,
      header: this.header.slice(from.header, to.header), footnoteDefs: this.footnoteDefs.slice(from.footnoteDefs, to.footnoteDefs),
      footnoteRefs: this.collectFootnoteRefs(paragraphs),
    };
    if (to.state.symbol !== from.state.symbol) chunk.symbol = to.state.symbol;
    if (to.state.title !== from.state.title) chunk.title = to.state.title;
    if (to.state.meeting !== from.state.meeting) chunk.meeting = to.state.meeting;
    return chunk;
  }

  // ---- header ----

  /** Handles a block before the body; returns false when the block starts the body. */
  private headerBlock(block: Block): boolean {
    const first = this.lines[block.segments[0].line];
    const plainText = plain(this.joined(block.segments)).trim();
    if (block.kind === 'annex' || block.kind === 'meeting') return false;
    if (this.isOrganBlock(block)) return false;
    if (block.kind === 'numbered') {
      // A numbered paragraph before any organ line: a report, or a resolution whose organ line is missing.
      const opener = this.opener(block.segments[0], true);
      if (opener?.type !== 'operative') this.isReport = true;
      return false;
    }
    if (block.kind === 'symbol-title') {
      const m = SYMBOL_TITLE.exec(first) ?? RESOLUTION_NUMBER.exec(first);
      const para = this.paragraph('symbol-title', block.segments);
      this.push(para);
      if (m) {
        const start = first.indexOf(m[1]);
        this.symbol = { text: m[1], range: { start: { line: block.segments[0].line, character: start }, end: { line: block.segments[0].line, character: start + m[1].length } } };
        const rest = plainText.slice(plainText.indexOf(m[1]) + m[1].length).replace(/^\.\s*/, '').trim();
        if (rest) this.title = { text: rest, range: para.range };
      }
      this.header.push({ kind: 'symbol', text: plainText, range: para.range });
      return true;
    }
    if (!this.isReport && block.kind === 'other' && this.startsPreambleWithoutOrgan(block)) return false;
    // Each masthead line is its own field ("Distr. générale  \n30 juillet 2021").
    for (const seg of block.segments) {
      const t = plain(this.lines[seg.line].slice(seg.start, seg.end)).replace(/^#+\s*/, '').trim();
      const field = classifyHeaderLine(t, !!this.symbol);
      const para = this.paragraph(this.symbol && !this.title && field === 'other' ? 'title' : 'header', [seg]);
      this.push(para);
      if (para.kind === 'title') { this.title = { text: t, range: para.range }; this.header.push({ kind: 'title', text: t, range: para.range }); continue; }
      this.header.push({ kind: field, text: t, range: para.range });
      if (field === 'report-title') this.isReport = this.reportTitle = true;
    }
    if (this.isReport && this.reportTitle) {
      // Everything after the report's title is its body (summary, headings, numbered paragraphs).
      this.root = this.newPart('report', undefined);
      this.headerDone = true;
    }
    return true;
  }

  /** A masthead never holds a paragraph that opens with a preambular opener and ends with a comma. */
  private startsPreambleWithoutOrgan(block: Block): boolean {
    const opener = this.opener(block.segments[0], false);
    const t = this.joined(block.segments).trim();
    return opener?.type === 'preamble' && /,[*_\s]*$/.test(t);
  }

  // ---- body ----

  private bodyBlock(block: Block): void {
    const segs = block.segments;
    if (this.isOrganBlock(block)) return this.organBlock(block);
    if (this.startsNextDocument(block)) {
      // A compendium: the next document's masthead. Read it as a masthead, and what follows as a new
      // document (a resolution after its organ line, or a report after its title).
      this.headerDone = false;
      this.isReport = false;
      this.symbol = undefined;
      this.title = undefined;
      this.meeting = undefined;
      this.current = undefined;
      this.headerBlock(block);
      return;
    }
    switch (block.kind) {
      case 'annex': {
        const heading = this.paragraph('heading', segs);
        this.push(heading);
        const annex = this.newPart('annex', undefined, this.innermostResolution() ?? this.ensureRoot());
        annex.heading = heading;
        heading.part = annex;
        annex.items.push(heading);
        return;
      }
      case 'meeting': {
        const p = this.paragraph('meeting', segs);
        this.push(p);
        this.meeting = p;
        this.current = this.root;
        return;
      }
      case 'md-heading':
      case 'symbol-title':
        return this.addToPart(this.paragraph('heading', segs));
      case 'article':
        return this.articleBlock(block);
      case 'numbered':
        return this.numberedBlock(block);
      case 'sub':
        return this.subBlock(block);
      default:
        return this.textBlock(block);
    }
  }

  /**
   * A masthead inside the body: « Distr. générale », « Résolution adoptée par … », or the organ's name
   * alone (« Assemblée générale », "United Nations  A/RES/78/1") with such a line in the next blocks.
   */
  private startsNextDocument(block: Block): boolean {
    // Cheap gate first (this runs for every body block): masthead lines are short.
    if (block.kind !== 'other' || block.segments.length > 6 || block.segments[0].end - block.segments[0].start > 100) return false;
    const line = (k: number) => { const b = this.block(k); return b?.kind === 'other' ? plain(this.lines[b.segments[0].line].slice(b.segments[0].start, b.segments[0].end)).trim() : ''; };
    const masthead = (t: string) => /^Distr\./.test(t) || (t.length < 80 && DISTRIBUTION_LINE.test(t))
      || /^(?:Résolution adoptée|Resolution adopted|RESOLUTION ADOPTED) (?:par|by)\b/.test(t);
    const t = line(this.i);
    if (masthead(t)) return true;
    if (t.length >= 60 || /[,;:.]$/.test(t) || classifyHeaderLine(t, false) !== 'organ') return false;
    return [1, 2, 3].some((k) => masthead(line(this.i + k)));
  }

  /** The part's last paragraph opens with an operative verb and ends with a colon, nothing numbered yet. */
  private introducesDraft(part: Part): boolean {
    const last = lastTextParagraph(part);
    return !!last && last.kind === 'preamble' && last.opener?.type === 'operative' && !part.operative.some((p) => p.number) && this.endsWith(last, ':');
  }

  private endsWith(p: Paragraph | undefined, mark: string): boolean {
    return !!p && endingOf(p, this.lines, this.cache)?.char === mark;
  }

  private isOrganBlock(block: Block): boolean {
    if (block.kind !== 'other' && block.kind !== 'md-heading') return false;
    const first = block.segments[0];
    // Cheap gate before plain(): an organ or voice line is short and opens with an article or « Nous, ».
    if (block.segments.length > 3 || first.end - first.start > 320) return false;
    if (!/^[#\s*_]*(?:L'|L’|Le |La |Les |The |Nous|We)/.test(this.lines[first.line].slice(first.start, first.start + 12))) return false;
    const raw = this.joined(block.segments).trim();
    const emphasised = /^[#\s]*[*_].*[*_]$/.test(raw);
    // « *L'Assemblée générale¹,* »: a footnote call on the organ line does not change what it is.
    const t = plain(raw.replace(/<sup>\d{1,3}<\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^\d+\]/g, '')).replace(/^#+\s*/, '').trim();
    return !!matchOrganLine(t, emphasised) || matchVoiceLine(t);
  }

  private organBlock(block: Block): void {
    const para = this.paragraph('organ', block.segments);
    this.push(para);
    const raw = this.joined(block.segments).trim();
    const t = plain(raw.replace(/<sup>\d{1,3}<\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^\d+\]/g, '')).replace(/^#+\s*/, '').trim();
    if (matchVoiceLine(t)) {
      // « Nous, chefs d'État … » speaks for an annexed declaration.
      const part = this.current?.kind === 'annex' && !this.current.organ ? this.current : this.newPart('annex', undefined, this.innermostResolution() ?? this.ensureRoot());
      part.organ = para;
      part.voice = 'first-person';
      para.part = part;
      part.items.push(para);
      return;
    }
    const organ = matchOrganLine(t, /^[#\s]*[*_].*[*_]$/.test(raw))!;
    const current = this.current;
    let part: Part;
    if (!current || (this.meeting && current === this.root)) {
      // After the closing meeting line: the next resolution of a compendium, never a nested draft.
      part = this.topLevelResolution(para);
    } else if (current.kind !== 'annex' && !current.organ && current.items.length === 0) {
      part = current;
    } else if (current.kind !== 'report' && current.kind !== 'annex' && this.endsWith(lastTextParagraph(current), ':')) {
      // « … d'adopter le projet de résolution suivant : » then a complete draft.
      part = this.newPart('draft', para, current);
    } else if (current.kind === 'annex') {
      part = this.newPart('draft', para, current);
    } else {
      // Composite resolutions (A and B under one number), or the next resolution of a compendium.
      part = this.topLevelResolution(para);
    }
    part.organ = para;
    part.organId = organ.id;
    para.part = part;
    part.items.push(para);
  }

  /**
   * A new top-level body, whose paragraphs are read as such whatever meeting line came before (the
   * walk may also resume here, with the previous document's meeting line in its state).
   */
  private topLevelResolution(organ: Paragraph): Part {
    const part = this.newPart('resolution', organ);
    this.meeting = undefined;
    return part;
  }

  private articleBlock(block: Block): void {
    const heading = this.paragraph('heading', block.segments);
    if (this.current?.kind === 'annex') return this.addToPart(heading);
    this.push(heading);
    const annex = this.newPart('annex', undefined, this.innermostResolution() ?? this.ensureRoot());
    annex.heading = heading;
    heading.part = annex;
    annex.items.push(heading);
  }

  private numberedBlock(block: Block): void {
    const part = this.ensureRoot();
    const kind: ParagraphKind = part.kind === 'resolution' || part.kind === 'draft' ? 'operative' : 'statement';
    const para = this.paragraph(kind, block.segments);
    const line = this.lines[block.segments[0].line];
    const m = NUMBERED.exec(line)!;
    const numStart = line.indexOf(m[1], m.index);
    para.number = { value: Number(m[1]), raw: m[1], range: { start: { line: block.segments[0].line, character: numStart }, end: { line: block.segments[0].line, character: numStart + m[1].length } } };
    if (m[2]) {
      const suffixStart = line.indexOf(m[2], numStart + m[1].length);
      para.number.suffix = { text: m[2], range: { start: { line: block.segments[0].line, character: suffixStart }, end: { line: block.segments[0].line, character: suffixStart + m[2].length } } };
    }
    para.opener = this.opener(block.segments[0], true, m.index + m[0].length);
    this.absorbContinuations(para);
    this.addToPart(para);
    if (kind === 'operative') part.operative.push(para);
  }

  private subBlock(block: Block): void {
    const part = this.ensureRoot();
    const para = this.paragraph('subparagraph', block.segments);
    const line = this.lines[block.segments[0].line];
    const m = SUB_LABEL.exec(line)!;
    const text = (m[1] ?? m[2] ?? m[3])!;
    const style = m[1] !== undefined ? 'paren' : m[2] !== undefined ? 'close' : 'dot';
    const written = style === 'paren' ? `(${text})` : style === 'close' ? `${text})` : `${text}.`;
    const labelStart = line.indexOf(written, 0);
    para.label = { text, style, range: { start: { line: block.segments[0].line, character: labelStart }, end: { line: block.segments[0].line, character: labelStart + written.length } } };
    this.absorbContinuations(para);
    this.push(para);
    para.part = part;
    let host: Paragraph | undefined;
    for (let k = part.items.length - 1; k >= 0 && !host; k--) {
      const p = part.items[k];
      if (p.kind === 'operative' || p.kind === 'preamble' || p.kind === 'statement' || p.kind === 'lead-in' || p.kind === 'text') host = p;
    }
    if (!host) { part.items.push(para); return; }
    attachSubparagraph(host, para, this.lang, (q) => this.endsWith(q, ':'));
  }

  private textBlock(block: Block): void {
    if (this.meeting && this.current === this.root) {
      // After the closing meeting line: vote counts, notes of older texts; not resolution paragraphs.
      this.push(this.paragraph('text', block.segments));
      return;
    }
    const part = this.ensureRoot();
    const raw = this.joined(block.segments).trim();
    if (this.isRunningHeader(raw)) { this.push(this.paragraph('rule', block.segments)); return; }
    const wholeEmphasis = /^(\*{1,2}|_{1,2})(?=\S)([^*_]|[*_](?!\1))+?\1$/.test(raw);
    const endsWithColon = endsWithOneOf(raw, ':', true);
    if (wholeEmphasis || this.isUnmarkedHeading(block, raw, part)) {
      return this.addToPart(this.paragraph(wholeEmphasis && endsWithColon ? 'lead-in' : 'heading', block.segments));
    }
    // An 'other' line has no number or label (lineKind read neither), so reading the opener after one
    // is reading it from the start: the reading absorbContinuations and isUnmarkedHeading may have made.
    const opener = this.opener(block.segments[0], false);
    if ((part.kind === 'resolution' || part.kind === 'draft') && opener?.type === 'preamble' && this.introducesDraft(part)) {
      // « … d'adopter le projet de résolution suivant : » then a preamble with no organ line of its own:
      // the draft still begins here (and organ-line reports what is missing).
      this.newPart('draft', undefined, part);
      return this.textBlock(block);
    }
    let kind: ParagraphKind;
    if (part.kind === 'report') kind = 'text';
    else if (part.kind === 'annex') kind = endsWithColon ? 'lead-in' : opener?.type === 'preamble' ? 'preamble' : 'text';
    else if (part.operative.length === 0) kind = 'preamble';
    else kind = opener?.type === 'preamble' ? 'preamble' : endsWithColon && opener?.type !== 'operative' ? 'lead-in' : 'operative';
    const para = this.paragraph(kind, block.segments);
    para.opener = opener;
    this.absorbContinuations(para);
    this.addToPart(para);
    if (kind === 'preamble') part.preamble.push(para);
    if (kind === 'operative') part.operative.push(para);
  }

  /**
   * Page breaks split paragraphs: the text stops without its closing mark, footnotes or a
   * running header follow, and the paragraph resumes on the next text line, whatever that
   * line starts with. A line that opens with a known opener is a new paragraph instead.
   */
  private absorbContinuations(para: Paragraph): void {
    for (;;) {
      // Footnotes, rules and running headers between the paragraph and its continuation: blocks i + 1 … j - 1.
      let j = this.i + 1;
      for (let b = this.block(j); b && (b.kind === 'footnote' || b.kind === 'rule' || this.isRunningHeaderBlock(b)); b = this.block(j)) j++;
      const next = this.block(j);
      if (!next || next.kind !== 'other') return;
      const last = para.segments[para.segments.length - 1];
      const lastLine = this.lines[last.line];
      const endCol = lastSignificantColumn(lastLine, last.start, last.end);
      const complete = endCol >= 0 && /[.,;:]/.test(lastLine[endCol]);
      const nextLine = this.lines[next.segments[0].line];
      const start = next.segments[0].start + leadingMarkupLength(nextLine, next.segments[0].start);
      const ch = nextLine[start] ?? '';
      const lowerOrDigit = /[\p{Ll}\d]/u.test(ch);
      if (this.isOrganBlock(next)) return;
      let joins = false;
      if (lowerOrDigit) joins = true;
      else if (!complete && /\p{Lu}/u.test(ch)) joins = this.opener(next.segments[0], false)?.type === 'unknown' && !/^[*_]/.test(nextLine.slice(next.segments[0].start));
      if (!joins) return;
      for (let k = this.i + 1; k < j; k++) {
        const b = this.block(k)!;
        if (b.kind === 'footnote') this.addFootnote(b);
        else this.push(this.paragraph('rule', b.segments));
      }
      para.segments.push(...next.segments);
      para.range = segmentsRange(para.segments);
      para.text = this.joined(para.segments);
      this.i = j;
    }
  }

  /**
   * Section headings without markup: « I », "Peacebuilding financing". A short single line with
   * no closing mark that does not open with a known opener (a paragraph that lost its comma
   * still reads as a paragraph and gets its punctuation diagnostic).
   */
  private isUnmarkedHeading(block: Block, raw: string, part: Part): boolean {
    if (/^(?:[IVXLC]+|[A-Z])\.?$/.test(raw)) return true;
    if (block.segments.length > 1 || raw.length > 120 || /[.;:,][*_\s»”"]*$/.test(raw)) return false;
    if (part.kind === 'report') return true;
    return this.opener(block.segments[0], false)?.type === 'unknown' && /^[*_]*\p{Lu}/u.test(raw);
  }

  /** Running headers left by PDF extraction: the title repeated, the symbol, a page number. */
  private isRunningHeader(raw: string, block?: Block): boolean {
    if (raw.length > 200) return false;
    const t = block ? (block.plainText ??= plain(raw).trim()) : plain(raw).trim();
    if (!t || /[,;:.]$/.test(t)) return false;
    if (this.symbol && (t === `A/RES/${this.symbol.text}` || t === this.symbol.text)) return true;
    if (/^\d{1,3}\/\d{1,3}$|^\d{2}-\d{5}$/.test(t)) return true;
    return !!this.title && t.length >= 20 && this.title.text.startsWith(t);
  }

  private isRunningHeaderBlock(block: Block): boolean {
    // isRunningHeader's own first test, before joining the block's lines.
    if (block.kind !== 'other' || this.joinedLength(block.segments) > 200) return false;
    return this.isRunningHeader(this.joined(block.segments), block);
  }

  // ---- parts ----

  private ensureRoot(): Part {
    if (!this.current) {
      this.root = this.newPart(this.isReport ? 'report' : 'resolution', undefined);
    }
    return this.current!;
  }

  private innermostResolution(): Part | undefined {
    let p = this.current;
    while (p && p.kind === 'annex') p = p.parent;
    return p;
  }

  private newPart(kind: PartKind, organ: Paragraph | undefined, parent?: Part): Part {
    const part: Part = {
      kind, voice: kind === 'report' ? 'report' : 'organ', organ, preamble: [], operative: [], items: [], children: [], parent,
      range: organ?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    };
    if (parent) parent.children.push(part);
    else { this.parts.push(part); this.root = part; }
    this.current = part;
    return part;
  }

  private addToPart(para: Paragraph): void {
    const part = this.ensureRoot();
    para.part = part;
    part.items.push(para);
    this.push(para);
  }

  private push(para: Paragraph): void {
    this.paragraphs.push(para);
  }

  // ---- paragraphs ----

  private joined(segments: Segment[]): string {
    let text = this.lines[segments[0].line].slice(segments[0].start, segments[0].end);
    for (let k = 1; k < segments.length; k++) text += ' ' + this.lines[segments[k].line].slice(segments[k].start, segments[k].end);
    return text;
  }

  /** Length of joined(segments), without joining them. */
  private joinedLength(segments: Segment[]): number {
    let n = segments.length - 1;
    for (const s of segments) n += s.end - s.start;
    return n;
  }

  private paragraph(kind: ParagraphKind, segments: Segment[]): Paragraph {
    // Every field set from the start, in one order: all paragraphs then share one shape, so the rules'
    // reads of their fields stay monomorphic (fields added later, in varying order, made several).
    return {
      kind, segments: segments.slice(), range: segmentsRange(segments), text: this.joined(segments),
      number: undefined, label: undefined, opener: undefined, ending: undefined, subparagraphs: [], depth: undefined, part: undefined, introducesDraft: undefined,
    };
  }

  /**
   * The words that open a paragraph, after its number or label and markup. `labelEnd`: where the number
   * or label ends, when the caller has read it (afterNumber).
   */
  private opener(seg: Segment, afterNumber: boolean, labelEnd?: number): Opener | undefined {
    const facts = this.cache?.[seg.line];
    if (!facts || facts.start !== seg.start) return this.readOpener(seg, afterNumber, labelEnd);
    const openers = facts.openers ??= [];
    const k = afterNumber ? 1 : 0;
    let o = openers[k];
    if (o === undefined) o = openers[k] = this.readOpener(seg, afterNumber, labelEnd) ?? null;
    return o ? openerAtLine(o, seg.line) : undefined;
  }

  private readOpener(seg: Segment, afterNumber: boolean, labelEnd?: number): Opener | undefined {
    const line = this.lines[seg.line];
    let col = seg.start;
    if (labelEnd !== undefined) col = labelEnd;
    else if (afterNumber) {
      const m = NUMBERED.exec(line) ?? SUB_LABEL.exec(line);
      if (m) col = m.index + m[0].length;
    }
    while (isSpaceCode(line.charCodeAt(col))) col++;
    const markStart = col;
    col += leadingMarkupLength(line, col);
    // *x* and ***x*** are italics; **x** is bold, which is not how openers are set.
    // An odd number of * or of _ leaves italics open (*x*, ***x***, __*x*__); ** and __ alone are bold.
    let stars = 0, underscores = 0;
    for (let k = markStart; k < col; k++) {
      const c = line.charCodeAt(k);
      if (c === 42) stars++;
      else if (c === 95) underscores++;
    }
    const italic = stars % 2 === 1 || underscores % 2 === 1;
    // The words are read as the vocabulary asks for them (tokenize's ten at most).
    const words = new Words(line, col, 10);
    if (!words.has(0) || words.at(0).start > col + 1) return undefined;
    const match = classifyWords(words, this.lang);
    const tokens = words.read;
    const n = Math.max(1, match.length);
    let end = tokens[n - 1].end;
    let text = tokens[0].text;
    for (let k = 1; k < n; k++) text += ' ' + tokens[k].text;
    if (italic) {
      // The italic span shows the drafter's own extent of the opener.
      const close = line.indexOf(line[col - 1], col);
      if (close > col) { end = close; text = plain(line.slice(col, close)).trim(); }
    }
    const r = { start: { line: seg.line, character: col }, end: { line: seg.line, character: end } };
    const phraseEnd = match.length ? tokens[match.length - 1].end : tokens[0].end;
    const opener: Opener = {
      text, range: r, italic, type: match.type, head: match.head,
      phraseRange: { start: r.start, end: { line: seg.line, character: phraseEnd } },
      headRange: match.headLength
        ? { start: { line: seg.line, character: tokens[match.headIndex].start }, end: { line: seg.line, character: tokens[match.headIndex + match.headLength - 1].end } }
        : undefined,
    };
    this.openerWords?.set(opener, words);
    return opener;
  }

  private addFootnote(block: Block): void {
    const seg = block.segments[0];
    const line = this.lines[seg.line];
    const m = matchFootnoteDef(line)!;
    const para = this.paragraph('footnote', block.segments);
    this.push(para);
    this.footnoteDefs.push({
      number: m.number, marker: m.marker, paragraph: para, range: para.range,
      markerRange: { start: { line: seg.line, character: m.start }, end: { line: seg.line, character: m.end } },
    });
  }

  private collectFootnoteRefs(paragraphs: Paragraph[]): FootnoteRef[] {
    const refs: FootnoteRef[] = [];
    for (const p of paragraphs) {
      if (p.kind === 'footnote' || p.kind === 'rule') continue;
      for (const s of p.segments) this.footnoteRefs(s, refs);
    }
    return refs;
  }

  /** The footnote calls of a segment, added to `refs`. */
  private footnoteRefs(s: Segment, refs: FootnoteRef[]): void {
    if (this.otherCalls && !this.otherCalls[s.line]) { findRefsOnPlainLine(this.lines[s.line], s.line, s.start, s.end, refs); return; }
    const facts = this.cache?.[s.line];
    if (!facts || facts.start !== s.start || facts.end !== s.end) { findFootnoteRefs(this.lines[s.line], s.line, s.start, s.end, refs); return; }
    facts.refs ??= findFootnoteRefs(this.lines[s.line], s.line, s.start, s.end);
    for (const r of facts.refs) refs.push({ number: r.number, style: r.style, range: { start: { line: s.line, character: r.range.start.character }, end: { line: s.line, character: r.range.end.character } } });
  }

}

function spacedSemicolons(paragraphs: Paragraph[], lines: string[], lang: Lang, cache?: LineCache): boolean {
  let spaced = 0, tight = 0;
  for (const p of paragraphs) {
    if (p.kind !== 'operative' && p.kind !== 'subparagraph') continue;
    const e = endingOf(p, lines, cache);
    if (e?.char === ';') e.spacedBefore ? spaced++ : tight++;
  }
  return spaced > tight || (spaced === tight && lang === 'fr');
}

/**
 * Places a subparagraph in its host's tree. Letters (a, b …) make the first and third degrees,
 * roman numerals (i, ii …) the second and fourth; the dot form (a., i.) is the third and fourth.
 * In order: a label that continues a list open above it joins that list (the deepest one written
 * in the same form, so « (d) » after « a. » still goes back to « (c) »); « (ii) » after « (h) (i) »
 * shows that « (i) » was the first roman numeral under « (h) »; a subparagraph that ends with a
 * colon introduces the next degree; « (i) » (or « (ii) » …) opens the second degree under a letter.
 */
function attachSubparagraph(host: Paragraph, sub: Paragraph, lang: Lang, endsWithColon: (p: Paragraph) => boolean): void {
  const chain: Paragraph[] = [];
  for (let p = host; p.subparagraphs.length;) { p = p.subparagraphs[p.subparagraphs.length - 1]; chain.push(p); }
  const label = sub.label!;
  const parentAt = (depth: number) => (depth === 1 ? host : chain[depth - 2]);
  const add = (depth: number) => { sub.depth = depth; parentAt(depth).subparagraphs.push(sub); };
  // Where several lists could go on, the deepest written in the same form wins, preferably where
  // that form is the usual one (« (c) » after « (b) (ii) (b) » returns to the first degree in English).
  const candidates: { d: number; score: number }[] = [];
  for (let d = chain.length; d >= 1; d--) {
    if (!continuesList(parentAt(d).subparagraphs, label.text, d)) continue;
    const same = chain[d - 1].label!.style === label.style;
    candidates.push({ d, score: (same ? 2 : 0) + (same && usualForm(lang, d, label.style) ? 1 : 0) });
  }
  if (candidates.length) return add(candidates.reduce((a, b) => (b.score > a.score ? b : a)).d);
  const deepest = chain[chain.length - 1];
  if (deepest && label.text === 'ii' && deepest.label!.text === 'i' && chain.length % 2 === 1) {
    const siblings = parentAt(chain.length).subparagraphs;
    const before = siblings[siblings.length - 2];
    if (before?.label!.text === 'h' && !before.subparagraphs.length) {
      siblings.pop();
      deepest.depth = chain.length + 1;
      sub.depth = chain.length + 1;
      before.subparagraphs.push(deepest, sub);
      return;
    }
  }
  if (deepest && chain.length < 4 && endsWithColon(deepest)) return add(chain.length + 1);
  const roman = romanLabelValue(label.text);
  // A nested list opens at « i » (a lone « c », « l », « v », « x » is a letter out of sequence).
  if (roman !== undefined && (roman === 1 || label.text.length > 1)) {
    const under = label.style === 'dot' && chain.length >= 3 ? 3 : 1;
    if (chain.length >= under) return add(under + 1);
  }
  add(label.style === 'dot' && chain.length >= 2 ? 3 : 1);
}

/** English (a) (i) a. i.; French a) i), and no known form below the second degree. */
function usualForm(lang: Lang, depth: number, style: SubLabel['style']): boolean {
  if (lang === 'fr') return depth > 2 || style === 'close';
  return style === (depth <= 2 ? 'paren' : 'dot');
}

/** Whether a list of labels at a degree counts in roman numerals: i, ii … (also at an odd degree when it starts at « i », not « i, j »). */
export function romanList(depth: number, labels: string[]): boolean {
  const first = labels[0];
  if (depth % 2 === 1) return first === 'i' && labels[1] !== 'j';
  return !(letterLabelValue(first) !== undefined && romanLabelValue(first) === undefined);
}

function continuesList(siblings: Paragraph[], text: string, depth: number): boolean {
  const last = siblings[siblings.length - 1]?.label!.text;
  if (last === undefined) return false;
  const labels = siblings.map((s) => s.label!.text);
  const romanNext = (romanLabelValue(text) ?? -1) === (romanLabelValue(last) ?? -3) + 1;
  const letterNext = (letterLabelValue(text) ?? -1) === (letterLabelValue(last) ?? -3) + 1;
  if (!romanList(depth, labels)) return letterNext;
  return romanNext || (depth % 2 === 1 && labels.length === 1 && letterNext);
}

/** a = 1 … z = 26, aa = 27 … zz = 52; undefined for anything else. */
export function letterLabelValue(s: string): number | undefined {
  if (!/^([a-z])\1*$/.test(s) || s.length > 2) return undefined;
  return (s.length - 1) * 26 + s.charCodeAt(0) - 96;
}

/** i = 1, ii = 2, iv = 4 … (canonical numerals below 400); undefined for anything else. */
export function romanLabelValue(s: string): number | undefined {
  if (!/^[ivxlc]{1,9}$/.test(s)) return undefined;
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const v = values[s[k]], w = values[s[k + 1]] ?? 0;
    n += v < w ? -v : v;
  }
  return n > 0 && n < 400 && toRomanLabel(n) === s ? n : undefined;
}

export function toRomanLabel(n: number): string {
  const table: [number, string][] = [[100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, digits] of table) while (n >= value) { out += digits; n -= value; }
  return out;
}

function lastTextParagraph(part: Part): Paragraph | undefined {
  for (let k = part.items.length - 1; k >= 0; k--) {
    const p = part.items[k];
    if (p.kind !== 'heading' && p.kind !== 'rule') return p;
  }
  return undefined;
}

/** After the walk: endings, part ranges, the lone unnumbered operative paragraph. */
function finishPart(part: Part): void {
  const all = part.items;
  if (all.length) part.range = { start: (part.heading ?? part.organ ?? all[0]).range.start, end: lastRange(part).end };
  // Without numbered paragraphs, the trailing run of paragraphs that open with an operative verb is
  // the operative part: « *Recommande* … suivant : » alone, or the unnumbered paragraphs of older texts.
  if ((part.kind === 'resolution' || part.kind === 'draft') && !part.operative.some((p) => p.number)) {
    const run: Paragraph[] = [];
    for (let k = part.items.length - 1; k >= 0; k--) {
      const p = part.items[k];
      if (p.kind === 'heading' || p.kind === 'organ') continue;
      if (p.kind !== 'preamble' || p.opener?.type !== 'operative') break;
      run.push(p);
    }
    run.reverse();
    for (const p of run) p.kind = 'operative';
    const inRun = new Set(run);
    part.preamble = part.preamble.filter((p) => !inRun.has(p));
    part.operative = [...run, ...part.operative];
  }
  for (const child of part.children) {
    if (child.kind === 'draft') {
      const intro = part.operative[part.operative.length - 1];
      if (intro) intro.introducesDraft = true;
    }
  }
}

function lastRange(part: Part): Paragraph['range'] {
  let end = part.items[part.items.length - 1].range;
  for (const p of part.items) for (const s of flattenSubs(p)) if (s.range.end.line > end.end.line) end = s.range;
  for (const c of part.children) if (c.range.end.line > end.end.line) end = c.range;
  return end;
}

export function flattenSubs(p: Paragraph): Paragraph[] {
  const out: Paragraph[] = [];
  for (const s of p.subparagraphs) out.push(s, ...flattenSubs(s));
  return out;
}

export function allParts(parts: Part[]): Part[] {
  const out: Part[] = [];
  const walk = (p: Part) => { out.push(p); p.children.forEach(walk); };
  parts.forEach(walk);
  return out;
}

/** The paragraph's closing mark, computed from its last segment. */
export function endingOf(p: Paragraph, lines: string[], cache?: LineCache): Ending | undefined {
  if (p.ending) return p.ending;
  const seg = p.segments[p.segments.length - 1];
  const line = lines[seg.line];
  const facts = cache?.[seg.line];
  const col = facts && facts.start === seg.start && facts.end === seg.end
    ? facts.last ??= lastSignificantColumn(line, seg.start, seg.end)
    : lastSignificantColumn(line, seg.start, seg.end);
  if (col < 0) return undefined;
  return keepEnding(p, line, seg, col);
}

/** Keeps on the paragraph, and returns, the ending at column `col` of its last segment. */
export function keepEnding(p: Paragraph, line: string, seg: Segment, col: number): Ending {
  let b = col;
  while (b > seg.start && isSpace(line[b - 1])) b--;
  p.ending = {
    char: line[col],
    range: { start: { line: seg.line, character: col }, end: { line: seg.line, character: col + 1 } },
    after: { line: seg.line, character: col + 1 },
    spacedBefore: b < col,
  };
  return p.ending;
}

function classifyHeaderLine(t: string, afterSymbol: boolean): HeaderField['kind'] {
  if (/^Distr\./.test(t)) return 'distribution';
  if (/^(?:Résolution adoptée|Resolution adopted|RESOLUTION ADOPTED|Adoptée? (?:par|by)|Adopted (?:by|at))/.test(t)) return 'adoption';
  if (/^\[.*\]$/.test(t)) return 'origin';
  if (/^(?:Point|Agenda item|Points|Agenda items)\b/.test(t) || /de la liste préliminaire|de l'ordre du jour/.test(t)) return 'agenda';
  if (/\bsession\b|^Session de/i.test(t) && t.length < 80) return 'session';
  if (/^(?:Rapport|Report|Note) (?:du|of the) (?:Secrétaire général|Secretary-General)/.test(t)) return 'report-title';
  if (/^(?:Original\s?:|Français$|English$|Anglais$|French$)/.test(t)) return 'language';
  if (/^(?:Assemblée générale|Conseil économique et social|Conseil de sécurité|General Assembly|Security Council|Economic and Social Council|United Nations|Nations Unies)(?![\p{L}\p{M}])/u.test(t) && t.length < 60) return 'organ';
  if (/^(?:(?:le|du|of) )?\d{1,2}(?:er)? \p{L}+ \d{4}$/u.test(t)) return 'date';
  return afterSymbol ? 'other' : 'agenda-title';
}

/**
 * Whether the text, once trailing white space (and emphasis, * and _, if `emphasis`) is set aside, ends with
 * one of `marks`: /[marks]\s*$/ or /[marks][*_\s]*$/ read from the end (an end-anchored pattern tries every
 * column of a long paragraph).
 */
function endsWithOneOf(text: string, marks: string, emphasis: boolean): boolean {
  let k = text.length;
  for (;;) {
    const c = text.charCodeAt(k - 1);
    if (isTrimmedSpace(c) || (emphasis && (c === 42 || c === 95))) k--;
    else break;
  }
  return k > 0 && marks.includes(text[k - 1]);
}
