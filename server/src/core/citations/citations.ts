// Citations of resolutions, decisions and documents in a parsed resolution: running text, footnotes
// and header lines, each with its stated date and title, the organ it belongs to and its ranges.
// One pass per paragraph over its text (segments joined by a space, as Paragraph.text), so that
// citations wrapped over two lines in hard-wrapped texts are read whole.
import { memoized, memoSlot } from '../memo';
import { plain } from '../model/markup';
import type { Paragraph, Part, Position, Range, ResolutionDocument } from '../model/types';
import type { DateFormIssue, ParsedDate } from './dates';
import { organRefFor, scanSymbols, type CitationKind, type OrganRef, type ScanContext, type SymbolHit, type SymbolParts } from './symbols';

export { parseDate, findDates, matchDateAt } from './dates';
export type { DateFormIssue, DateMatch, ParsedDate } from './dates';
export { findSymbols, scanSymbols } from './symbols';
export type { CitationKind, LineSymbol, OrganRef, ScanContext, SymbolHit, SymbolParts } from './symbols';

export interface CitationDate {
  /** As written (« 18 décembre 1991 », "1<sup>er</sup> décembre 1950"); for a date shared by a list, the text of the date stated once. */
  text: string;
  range: Range;
  iso?: string;
  formIssue?: DateFormIssue;
  parsed: ParsedDate;
  /** The date is stated once for several numbers (« ses résolutions 69/193 et 69/196 du 18 décembre 2014 ») and this one has it from the next. */
  shared?: boolean;
}

export interface Citation {
  kind: CitationKind;
  /** Canonical key: A/RES/73/185, S/RES/1373 (2001), E/RES/2021/20, A/DEC/74/550 A, CCPCJ/RES/25/2, A/CONF.234/16 … (see symbols.ts). */
  symbol: string;
  /** The number or symbol as written (« 155 C (VII) », "660 (1990)", « A/CONF.234/16 »). */
  text: string;
  parts: SymbolParts;
  organ?: OrganRef;
  /** https://undocs.org/<fr|en>/… when the cited text has its own document symbol. */
  link?: string;
  date?: CitationDate;
  title?: { text: string; range: Range };
  /** The whole citation (« sa résolution 73/185 du 17 décembre 2018 intitulée « … » »), for hovers and diagnostics. */
  range: Range;
  symbolRange: Range;
  paragraph: Paragraph;
  inFootnote: boolean;
  /** Number of the footnote the citation stands in. */
  footnote?: number;
  inHeader: boolean;
  via: SymbolHit['via'];
}

/** Maps offsets in a paragraph's text (segments joined by one space) to positions in the document. */
class OffsetMap {
  private readonly starts: number[] = [];
  constructor(private readonly p: Paragraph) {
    let o = 0;
    for (const s of p.segments) { this.starts.push(o); o += s.end - s.start + 1; }
  }
  pos(offset: number, isEnd = false): Position {
    const segs = this.p.segments;
    let k = segs.length - 1;
    while (k > 0 && (isEnd ? offset <= this.starts[k] : offset < this.starts[k])) k--;
    const s = segs[k];
    return { line: s.line, character: Math.min(s.start + offset - this.starts[k], s.end) };
  }
  range(a: number, b: number): Range {
    return { start: this.pos(a), end: this.pos(b, true) };
  }
}

/** Whether a date's year fits the number (GA session, ECOSOC or Security Council year); undefined when the number cannot tell. */
function fits(hit: SymbolHit, year: number): boolean | undefined {
  const p = hit.parts;
  if (p.year !== undefined) return p.year === year;
  if (p.session && /^\d+$/.test(p.session) && (hit.kind === 'ga-resolution' || hit.kind === 'ga-decision')) {
    const s = Number(p.session);
    return year >= 1945 + s && year <= 1946 + s;
  }
  return undefined;
}

/**
 * Gives the date a list states once to the numbers before it that have none: « 69/193 et 69/196 du
 * 18 décembre 2014 ». Joined by « et »/"and", the date covers the number unless its session or year
 * says otherwise; joined by a comma (« 2011/33, 2011/34 et 2011/35 du 28 juillet 2011 »), only when its
 * session or year agrees (« 68/186 du …, 69/196, 73/130 du 13 décembre 2018 »: 69/196 keeps no date).
 */
function shareDates(hits: SymbolHit[]): Map<SymbolHit, SymbolHit> {
  const from = new Map<SymbolHit, SymbolHit>();
  for (let i = hits.length - 1; i > 0; i--) {
    const h = hits[i];
    const source = h.date ? h : from.get(h);
    const prev = hits[i - 1];
    if (!source?.date || !prev.list || !h.list || prev.list.id !== h.list.id || prev.date) continue;
    const fit = fits(prev, source.date.date.year);
    if (prev.list.joinNext === 'and' ? fit !== false : fit === true) from.set(prev, source);
  }
  return from;
}

function ownOrgan(part: Part | undefined, cache: Map<Part, OrganRef | undefined>): OrganRef | undefined {
  let p = part;
  while (p && !p.organId) p = p.parent;
  if (!p) return undefined;
  if (cache.has(p)) return cache.get(p);
  const organLine = p.organ ? plain(p.organ.text) : undefined;
  const ref = organRefFor(p.organId, organLine);
  cache.set(p, ref);
  return ref;
}

/** The document's own number (« 78/229 », "1445 (2002)") read as a key, so that a masthead does not cite it. */
function selfSymbol(doc: ResolutionDocument, ctx: ScanContext): string | undefined {
  if (!doc.symbol) return undefined;
  const hits = scanSymbols(`résolution ${doc.symbol.text}`, { ...ctx, own: ctx.documentOrgan });
  return hits[0]?.symbol;
}

/**
 * Every citation of a resolution, decision or document in the document, in text order; found once
 * per parsed document (rules, the index and hovers share them).
 */
const CITATIONS = memoSlot<Citation[]>('citations');
export function findCitations(doc: ResolutionDocument): Citation[] {
  return memoized(doc, CITATIONS, scanCitations);
}

function scanCitations(doc: ResolutionDocument): Citation[] {
  const out: Citation[] = [];
  const cache = new Map<Part, OrganRef | undefined>();
  const root = doc.parts.find((p) => p.organId) ?? doc.parts[0];
  const documentOrgan = ownOrgan(root, cache);
  const self = selfSymbol(doc, { lang: doc.lang, documentOrgan, own: documentOrgan });
  const footnoteOf = new Map<Paragraph, number | null>();
  for (const f of doc.footnoteDefs) footnoteOf.set(f.paragraph, f.number);
  for (const p of doc.paragraphs) {
    if (p.kind === 'rule') continue;
    const text = p.text;
    const inFootnote = p.kind === 'footnote';
    const inHeader = p.kind === 'header' || p.kind === 'symbol-title' || p.kind === 'title';
    const ctx: ScanContext = {
      lang: doc.lang, documentOrgan, footnote: inFootnote, symbolsOnly: p.kind === 'symbol-title',
      own: inFootnote || inHeader ? documentOrgan : ownOrgan(p.part, cache),
    };
    const hits = scanSymbols(text, ctx);
    if (!hits.length) continue;
    const dated = shareDates(hits);
    const map = new OffsetMap(p);
    const footnote = inFootnote ? footnoteOf.get(p) ?? undefined : undefined;
    for (const h of hits) {
      // The document's own number (masthead, running headers « S/RES/1445 (2002) ») is not a citation.
      if (self && h.symbol === self && h.kind !== 'document') continue;
      const c: Citation = {
        kind: h.kind, symbol: h.symbol, text: h.text, parts: h.parts,
        range: map.range(h.extentStart, h.extentEnd), symbolRange: map.range(h.start, h.end),
        paragraph: p, inFootnote, inHeader, via: h.via,
      };
      if (h.organ) c.organ = h.organ;
      if (h.link) c.link = h.link;
      if (footnote !== undefined) c.footnote = footnote;
      const d = h.date ?? dated.get(h)?.date;
      if (d) {
        c.date = { text: d.text, range: map.range(d.start, d.end), parsed: d.date };
        if (d.date.iso) c.date.iso = d.date.iso;
        if (d.date.formIssue) c.date.formIssue = d.date.formIssue;
        if (!h.date) c.date.shared = true;
      }
      if (h.title) c.title = { text: h.title.text, range: map.range(h.title.start, h.title.end) };
      out.push(c);
    }
  }
  out.sort((a, b) => a.symbolRange.start.line - b.symbolRange.start.line || a.symbolRange.start.character - b.symbolRange.start.character);
  return out;
}
