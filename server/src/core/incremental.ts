// Incremental analysis: each new version of a text is read, walked and checked again only where it
// changed, and the result is the one lint() gives on the whole text (the same model, the same findings).
//
// Three levels of reuse:
// 1. Lines. The new text is compared with the previous one; only the lines of the changed stretch are
//    split again. The other lines keep their string and what the parser read from them (LineFacts).
// 2. Chunks. The parser's walk falls into chunks (model/parse.ts): the first, then one per organ line
//    that opens a new top-level part. The walk starts again at the chunk before the change and stops at
//    the first later chunk that begins on an unchanged line in the same state as before; the chunks
//    before and after are kept as they were (a copy with shifted line numbers when lines came or went).
// 3. Findings. A rule with a scope (rules/types.ts) runs again only on the walked chunks ('part') or
//    on the paragraphs of the walked chunks that changed ('paragraph'); the findings of kept chunks and
//    unchanged paragraphs are kept, shifted like their lines. Rules without a scope run on the whole
//    document. Index answers used by scoped rules are asked again each time: when one differs, the
//    scoped rules run afresh.
//
// Only what the new version uses is kept. No LSP here: the server keeps one analyser per open document.
import { activeRules, checkedLength, finishFindings, runRule, sizeNotice, type LintOptions, type LintResult } from './lint';
import { allParts, assemble, documentLanguage, walkFrom, type Chunk, type LineCache, type WalkState } from './model/parse';
import { splitLines } from './model/text';
import type { Lang, Paragraph, Part, Range, ResolutionDocument } from './model/types';
import type { Profile, Typography } from './profiles';
import type { Control } from './control';
import type { Finding, IndexLookup, Rule } from './rules/types';
import { inheritOpenerReadings } from './rules/helpers';

/** What the last update did afresh and what it kept. */
export interface AnalysisStats {
  /** Why everything was done afresh (first version, language changed…), when it was. */
  fresh?: string;
  /** Lines split and read again by the parser; lines kept. */
  linesRead: number;
  linesKept: number;
  /** Chunks walked again; chunks kept. */
  chunksWalked: number;
  chunksKept: number;
  /** Paragraphs the paragraph-scoped rules checked again; paragraphs whose findings were kept. */
  paragraphsChecked: number;
  paragraphsKept: number;
  /** Rules run over the whole document: those without a scope, and scoped ones that left it; and the time they took. */
  wholeDocumentRules: string[];
  wholeDocumentMs: number;
}

/** A chunk of the current version with the findings of the scoped rules on its lines, by rule id. */
interface Kept { chunk: Chunk; findings: Map<string, Finding[]> }

interface Version {
  /** The text analysed (under the limit: the part checked). */
  text: string;
  bom: boolean;
  lines: string[];
  /** Offset of each line in `text`. */
  starts: Int32Array;
  facts: LineCache;
  /** How many lines hold « reslint- » (control comments are read only when some do). */
  controlLines: number;
  lang: Lang;
  chunks: Kept[];
  doc: ResolutionDocument;
  /** What the scoped findings depend on at the document level (rules/types.ts). */
  key: string;
}

/** The lines that changed: [from, to) in the new version, [from, oldTo) in the previous one. */
interface Window { from: number; to: number; oldTo: number; delta: number }

export class IncrementalAnalyser {
  private last?: Version;
  /** Index answers the scoped rules were given: "lang key" → JSON of the answer. */
  private readonly lookups = new Map<string, string>();
  /** The index's count of changes when those answers were last given or checked, when it counts them (citations/index.ts). */
  private lookupsAt?: number;
  private current: AnalysisStats = emptyStats('first version');

  constructor(private readonly options: LintOptions = {}) {}

  /** What the last update did afresh and what it kept. */
  get stats(): AnalysisStats { return this.current; }

  /** Analyses the new text of the document: the result lint(text, options) gives. */
  update(text: string): LintResult {
    const { limit } = this.options;
    const cut = limit !== undefined && text.length > limit ? checkedLength(text, limit) : undefined;
    this.current = emptyStats();
    let version: Version, findings: Finding[];
    try {
      let change: Change | undefined;
      ({ version, change } = this.parse(cut === undefined ? text : text.slice(0, cut)));
      findings = this.check(version, change);
    } catch (error) {
      // What was kept may be half updated: the next version starts afresh.
      this.last = undefined;
      throw error;
    }
    this.last = version;
    if (cut !== undefined) findings.push(sizeNotice(version.doc, text.length, cut));
    return { doc: version.doc, findings };
  }

  // ---- lines and chunks ----

  private parse(text: string): { version: Version; change?: Change } {
    const last = this.last;
    const stats = this.current;
    const lang = documentLanguage(text, this.options);
    const bom = text.charCodeAt(0) === 0xfeff;
    if (!last || last.lang !== lang || last.bom !== bom) {
      stats.fresh = !last ? 'first version' : last.lang !== lang ? 'language changed' : 'byte order mark added or removed';
      const lines = splitLines(text);
      const facts: LineCache = new Array(lines.length).fill(undefined);
      const chunks = walkFrom(lines, lang, facts, 0, INITIAL, () => false).map(keep);
      Object.assign(stats, { linesRead: lines.length, chunksWalked: chunks.length });
      const doc = assemble(text, lines, lang, chunks.map((c) => c.chunk), facts);
      const controlLines = countControl(lines, 0, lines.length);
      return { version: { text, bom, lines, starts: lineStarts(text, bom), facts, controlLines, lang, chunks, doc, key: '' } };
    }
    const { lines, starts, facts, window } = spliceLines(last, text);
    const controlLines = last.controlLines - countControl(last.lines, window.from, window.oldTo) + countControl(lines, window.from, window.to);
    stats.linesRead = window.to - window.from;
    stats.linesKept = lines.length - stats.linesRead;
    // The walk starts again at the chunk holding the line before the change: that line's block may run on into it.
    const old = last.chunks;
    const first = chunkAt(old, Math.max(0, window.from - 1));
    let resume = old.length;
    const walked = walkFrom(lines, lang, facts, old[first].chunk.line, old[first].chunk.state, (line, state) => {
      if (line < window.to) return false;
      const k = chunkStartingAt(old, line - window.delta);
      if (k <= first || !sameState(state, old[k].chunk.state)) return false;
      resume = k;
      return true;
    }).map(keep);
    const after = old.slice(resume).map((k) => (window.delta ? shiftKept(k, window.delta) : k));
    const chunks = [...old.slice(0, first), ...walked, ...after];
    stats.chunksWalked = walked.length;
    stats.chunksKept = first + after.length;
    const doc = assemble(text, lines, lang, chunks.map((c) => c.chunk), facts);
    return {
      version: { text, bom, lines, starts, facts, controlLines, lang, chunks, doc, key: '' },
      change: { walked: new Set(walked), replaced: old.slice(first, resume), window },
    };
  }

  // ---- findings ----

  private check(version: Version, change: Change | undefined): Finding[] {
    const { doc, chunks } = version;
    // What the rules read of the openers whose line did not change is taken over from the version before.
    if (this.last) inheritOpenerReadings(this.last.doc, doc);
    const { active, profile, typography } = activeRules(doc, this.options);
    const options = { ...this.options, profile, typography };
    version.key = documentKey(doc, profile, typography);
    // Scoped findings of kept chunks hold while what the document says as a whole, and the index, say the same
    // (an index that has not changed since gives the same answers: they need not be asked again).
    const indexChanges = changesOf(this.options.index);
    const sameIndex = indexChanges !== undefined && indexChanges === this.lookupsAt;
    if (change && (version.key !== this.last?.key || !(sameIndex || this.sameLookups()))) change = undefined;
    if (!change) this.lookups.clear();
    this.lookupsAt = indexChanges;
    const walked = change?.walked ?? new Set(chunks);
    const lineRanges = chunkLines(chunks, version.lines.length);
    const matches = change && matchParagraphs(walked, change.replaced, change.window);
    const scoped = { ...options, index: options.index && this.recording(options.index), onRuleError: undefined, views: new WeakMap<Set<Kept>, Map<string, ResolutionDocument>>(), targets: new WeakMap<Set<Kept>, Targets>() };
    const stats = this.current;
    const all: Finding[] = [];
    for (const rule of active) {
      if (rule.scope) {
        // Chunks kept without this rule's findings (it ran on the whole document last time) are checked too.
        const complete = chunks.every((c) => walked.has(c) || c.findings.has(rule.id));
        const targets = complete ? walked : new Set(chunks);
        let done: boolean;
        if (rule.scope === 'part') done = runOnParts(rule, doc, targets, lineRanges, scoped);
        else {
          const checked = runOnParagraphs(rule, doc, targets, lineRanges, complete ? change : undefined, matches, scoped);
          done = checked >= 0;
          stats.paragraphsChecked = Math.max(stats.paragraphsChecked, checked);
        }
        if (done) {
          for (const c of chunks) for (const f of c.findings.get(rule.id)!) all.push(f);
          continue;
        }
      }
      // No scope, or the rule left it: the whole document, as lint() runs it.
      for (const c of chunks) c.findings.delete(rule.id);
      stats.wholeDocumentRules.push(rule.id);
      const t0 = performance.now();
      runRule(rule, doc, options, all);
      stats.wholeDocumentMs += performance.now() - t0;
    }
    stats.paragraphsKept = doc.paragraphs.length - stats.paragraphsChecked;
    return finishFindings(doc, all, this.options, version.controlLines ? undefined : NO_CONTROL);
  }

  /** The index as the scoped rules see it: every answer is noted, to be asked again on the next version. */
  private recording(index: IndexLookup): IndexLookup {
    return {
      lookup: (key, lang) => {
        const answer = index.lookup(key, lang);
        this.lookups.set(`${lang ?? ''} ${key}`, JSON.stringify(answer) ?? '');
        return answer;
      },
    };
  }

  private sameLookups(): boolean {
    const index = this.options.index;
    if (!index) return true;
    for (const [k, answer] of this.lookups) {
      const space = k.indexOf(' ');
      const lang = (k.slice(0, space) || undefined) as Lang | undefined;
      if ((JSON.stringify(index.lookup(k.slice(space + 1), lang)) ?? '') !== answer) return false;
    }
    return true;
  }
}

/** How many times the index has changed, when it counts them (ResolutionIndex.changes). */
function changesOf(index: IndexLookup | undefined): number | undefined {
  const changes = (index as { changes?: unknown } | undefined)?.changes;
  return typeof changes === 'number' ? changes : undefined;
}

/** What changed since the previous version: the chunks walked again, the ones they replace, the lines. */
interface Change {
  walked: Set<Kept>;
  replaced: Kept[];
  window: Window;
  /** The paragraph of the replaced chunks on each of their lines (made once, for every paragraph-scoped rule). */
  owners?: Map<number, Paragraph>;
}

const keep = (chunk: Chunk): Kept => ({ chunk, findings: new Map() });

const INITIAL: WalkState = { headerDone: false, isReport: false };

/** What readControl() says of lines none of which holds « reslint- ». */
const NO_CONTROL: Control = { directives: [], isDisabled: () => false };

function countControl(lines: string[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (lines[i].includes('reslint-')) n++;
  return n;
}

function emptyStats(fresh?: string): AnalysisStats {
  return { fresh, linesRead: 0, linesKept: 0, chunksWalked: 0, chunksKept: 0, paragraphsChecked: 0, paragraphsKept: 0, wholeDocumentRules: [], wholeDocumentMs: 0 };
}

// ---- lines ----

function lineStarts(text: string, bom: boolean): Int32Array {
  const starts = [bom ? 1 : 0];
  const re = /\r\n|\n|\r/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return Int32Array.from(starts);
}

/** Length of the common start of two strings (compared a block at a time, then character by character). */
function commonPrefix(a: string, b: string, max: number): number {
  let i = 0;
  for (let step = 1 << 16; step >= 16; step >>= 1) {
    while (i + step <= max && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  }
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  const al = a.length, bl = b.length;
  for (let step = 1 << 16; step >= 16; step >>= 1) {
    while (i + step <= max && a.slice(al - i - step, al - i) === b.slice(bl - i - step, bl - i)) i += step;
  }
  while (i < max && a.charCodeAt(al - i - 1) === b.charCodeAt(bl - i - 1)) i++;
  return i;
}

/**
 * The lines of the new text, the previous version's kept where the text did not change. Whether a
 * position starts a line depends only on the characters either side of it (a line ends at \r\n, \n or
 * \r): the lines are split again from the last line start before the first changed character to the
 * first line start after the last one, and the lines either side are kept.
 */
function spliceLines(last: Version, text: string): { lines: string[]; starts: Int32Array; facts: LineCache; window: Window } {
  const old = last.text;
  const p = commonPrefix(old, text, Math.min(old.length, text.length));
  const s = commonSuffix(old, text, Math.min(old.length, text.length) - p);
  const oldEnd = old.length - s;
  // The last line starting before p: the characters either side of its start are unchanged.
  let a = upperBound(last.starts, p - 1) - 1;
  if (a < 0) a = 0;
  // The first line starting after the changed stretch and the character after it.
  const b = upperBound(last.starts, oldEnd);
  const moved = text.length - old.length;
  const to = b < last.starts.length ? last.starts[b] + moved : text.length;
  const middle: string[] = [];
  const middleStarts: number[] = [];
  const re = /\r\n|\n|\r/g;
  re.lastIndex = last.starts[a];
  let at = last.starts[a];
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    middle.push(own(text.slice(at, m.index)));
    middleStarts.push(at);
    at = m.index + m[0].length;
  }
  if (b >= last.starts.length) {
    middle.push(own(text.slice(at)));
    middleStarts.push(at);
  }
  const lines = last.lines.slice(0, a).concat(middle, last.lines.slice(b));
  const facts = last.facts.slice(0, a).concat(new Array(middle.length).fill(undefined), last.facts.slice(b));
  const starts = new Int32Array(a + middle.length + last.starts.length - b);
  starts.set(last.starts.subarray(0, a));
  starts.set(middleStarts, a);
  for (let i = b, j = a + middle.length; i < last.starts.length; i++, j++) starts[j] = last.starts[i] + moved;
  return { lines, starts, facts, window: { from: a, to: a + middle.length, oldTo: b, delta: a + middle.length - b } };
}

/**
 * A copy of a line that does not hold on to the text it was cut from (V8 keeps a slice as a view of its
 * whole text): kept lines come from many versions, and each would otherwise keep its whole text alive.
 */
function own(line: string): string {
  return line.length < 13 ? line : (' ' + line).slice(1);
}

/** Index of the first element greater than x (sorted ascending). */
function upperBound(xs: Int32Array, x: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (xs[mid] <= x) lo = mid + 1; else hi = mid; }
  return lo;
}

// ---- chunks ----

/** The chunk holding a line. */
function chunkAt(chunks: Kept[], line: number): number {
  let lo = 0, hi = chunks.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (chunks[mid].chunk.line <= line) lo = mid + 1; else hi = mid; }
  return Math.max(0, lo - 1);
}

/** The chunk that begins on a line, or -1. */
function chunkStartingAt(chunks: Kept[], line: number): number {
  const k = chunkAt(chunks, line);
  return chunks[k]?.chunk.line === line ? k : -1;
}

/** The same state for what the walk reads of it (parse.ts: texts of symbol and title, whether a meeting line came). */
function sameState(a: WalkState, b: WalkState): boolean {
  return a.headerDone === b.headerDone && a.isReport === b.isReport && a.symbol?.text === b.symbol?.text
    && a.title?.text === b.title?.text && !!a.meeting === !!b.meeting;
}

/**
 * A kept chunk when lines came or went before it: a copy with every `line` (of positions, segments)
 * moved. Paragraphs and parts, which point to each other, are copied first; what they hold is copied as
 * plain trees, a reference to a paragraph or part of the chunk becoming one to its copy. The states stay:
 * the walk reads only texts and flags in them.
 */
function shiftKept(k: Kept, delta: number): Kept {
  const c = k.chunk;
  const nodes = new Map<object, Record<string, unknown>>();
  for (const p of c.paragraphs) nodes.set(p, {});
  for (const part of allParts(c.parts)) nodes.set(part, {});
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    // Positions, the commonest: { line, character } and nothing else.
    const o = v as { line?: unknown; character?: unknown };
    if (typeof o.character === 'number' && typeof o.line === 'number' && Object.keys(o).length === 2) return { line: o.line + delta, character: o.character };
    const node = nodes.get(v);
    if (node) return node;
    if (Array.isArray(v)) return v.map(copy);
    const out: Record<string, unknown> = {};
    for (const key in v) {
      const x = (v as Record<string, unknown>)[key];
      out[key] = key === 'line' && typeof x === 'number' ? x + delta : copy(x);
    }
    return out;
  };
  for (const [node, out] of nodes) {
    for (const key in node) {
      const x = (node as Record<string, unknown>)[key];
      out[key] = key === 'line' && typeof x === 'number' ? x + delta : copy(x);
    }
  }
  const chunk = copy({ ...c, state: undefined, end: undefined }) as Chunk;
  Object.assign(chunk, { line: c.line + delta, state: c.state, end: c.end });
  const move = (line: number) => line + delta;
  const findings = new Map<string, Finding[]>();
  for (const [rule, list] of k.findings) findings.set(rule, list.map((f) => moveFinding(f, move)));
  return { chunk, findings };
}

// ---- findings ----

/** What the scoped rules read of the document as a whole (rules/types.ts). */
function documentKey(doc: ResolutionDocument, profile: Profile, typography: Typography): string {
  const root = doc.parts.find((p) => p.organId) ?? doc.parts[0];
  return JSON.stringify([
    doc.lang, doc.kind, profile, typography, doc.usesEmphasis, doc.spacedSemicolons, doc.symbol?.text, doc.title?.text,
    doc.header.map((h) => [h.kind, h.text]), !!doc.meeting, organOf(root),
  ]);
}

function organOf(part: Part | undefined): string {
  let p = part;
  while (p && !p.organId) p = p.parent;
  return p ? `${p.organId} ${p.organ?.text ?? ''}` : '';
}

/** The lines of each chunk: from its first line to the next chunk's. */
function chunkLines(chunks: Kept[], lineCount: number): Map<Kept, [number, number]> {
  return new Map(chunks.map((c, i) => [c, [c.chunk.line, i + 1 < chunks.length ? chunks[i + 1].chunk.line : lineCount]]));
}

/** Every line a finding's positions stand on: its range and its fixes' edits. */
function findingLines(f: Finding): number[] {
  const out = [f.range.start.line, f.range.end.line];
  for (const fix of f.fixes ?? []) for (const e of fix.edits) out.push(e.range.start.line, e.range.end.line);
  return out;
}

/** Whether all a finding's positions lie in the chunk's lines: a kept chunk's findings move with it. */
function within(f: Finding, [from, to]: [number, number]): boolean {
  return findingLines(f).every((l) => l >= from && l < to);
}

/** The finding with its lines moved (a copy; the finding itself when nothing moves). */
function moveFinding(f: Finding, move: (line: number) => number): Finding {
  if (findingLines(f).every((l) => move(l) === l)) return f;
  const r = (x: Range): Range => ({ start: { line: move(x.start.line), character: x.start.character }, end: { line: move(x.end.line), character: x.end.character } });
  return { ...f, range: r(f.range), fixes: f.fixes && f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: r(e.range) })) })) };
}

/** Options of the scoped runs; the paragraph views, the same for most rules, are made once. */
type ScopedOptions = Parameters<typeof runRule>[2] & { views: WeakMap<Set<Kept>, Map<string, ResolutionDocument>>; targets: WeakMap<Set<Kept>, Targets> };

/** A part-scoped rule on the walked chunks, one chunk at a time; false when it threw or left its scope. */
function runOnParts(rule: Rule, doc: ResolutionDocument, walked: Set<Kept>, lines: Map<Kept, [number, number]>, options: ScopedOptions): boolean {
  for (const k of walked) {
    const c = k.chunk;
    const view: ResolutionDocument = { ...doc, parts: c.parts, paragraphs: c.paragraphs, footnoteDefs: c.footnoteDefs, footnoteRefs: c.footnoteRefs };
    const found: Finding[] = [];
    if (!runRule(rule, view, options, found) || !found.every((f) => within(f, lines.get(k)!))) return false;
    k.findings.set(rule.id, found);
  }
  return true;
}

/**
 * The paragraphs of the chunks a paragraph-scoped rule runs on, read once per version for every such
 * rule: their order and their chunk.
 */
interface Targets {
  /** Each paragraph's position, in the order of the chunks and of their paragraphs. */
  position: Map<Paragraph, number>;
  /** The chunk of the paragraph at each position. */
  chunkAt: Kept[];
}

function targetsOf(chunks: Set<Kept>): Targets {
  const position = new Map<Paragraph, number>();
  const chunkAt: Kept[] = [];
  for (const k of chunks) {
    for (const p of k.chunk.paragraphs) {
      position.set(p, chunkAt.length);
      chunkAt.push(k);
    }
  }
  return { position, chunkAt };
}

/**
 * A paragraph-scoped rule on the paragraphs of the walked chunks: a paragraph the same as one of the
 * replaced chunks keeps that one's findings; the others are checked in one run. Returns how many were
 * checked, or -1 when the rule threw or left its scope. What every such rule needs of the paragraphs
 * is read once (targetsOf); a rule then handles only the paragraphs with findings and those checked.
 */
function runOnParagraphs(
  rule: Rule, doc: ResolutionDocument, walked: Set<Kept>, lines: Map<Kept, [number, number]>, change: Change | undefined,
  matches: Matches | undefined, options: ScopedOptions,
): number {
  let t = options.targets.get(walked);
  if (!t) options.targets.set(walked, t = targetsOf(walked));
  // `change` is given only when `walked` are the walked chunks, those `matches` was read over.
  const before = change && matches ? previousFindings(rule, change) : undefined;
  // Without the findings of before, every paragraph is checked.
  let dirty: Paragraph[] = before ? matches!.unmatched : [...t.position.keys()];
  const kept = new Map<Paragraph, Finding[]>();
  if (before) {
    let again: Paragraph[] | undefined;
    for (const [old, list] of before) {
      const p = matches!.of.get(old);
      if (!p) continue; // changed or gone: its successor, if any, is unmatched
      const moved = moveFindings(list, change!.window);
      if (moved) kept.set(p, moved); else (again ??= []).push(p);
    }
    if (again) dirty = [...dirty, ...again].sort((a, b) => t.position.get(a)! - t.position.get(b)!);
  }
  const fresh = new Map<Paragraph, Finding[]>();
  if (dirty.length) {
    const found: Finding[] = [];
    const key = dirty.map((p) => p.segments[0].line).join(' ');
    let views = options.views.get(walked);
    if (!views) options.views.set(walked, views = new Map());
    let view = views.get(key);
    if (!view) views.set(key, view = paragraphView(doc, dirty, walked));
    if (!runRule(rule, view, options, found)) return -1;
    const owner = new Map<number, Paragraph>();
    for (const p of dirty) for (const s of p.segments) owner.set(s.line, p);
    for (const f of found) {
      const p = owner.get(f.range.start.line);
      if (!p) return -1;
      let list = fresh.get(p);
      if (!list) fresh.set(p, list = []);
      list.push(f);
    }
  }
  // Each chunk's findings in the order of its paragraphs.
  const lists = new Map<Kept, Finding[]>();
  for (const k of walked) lists.set(k, []);
  if (kept.size || fresh.size) {
    const holding = [...kept.keys(), ...fresh.keys()].sort((a, b) => t.position.get(a)! - t.position.get(b)!);
    for (const p of holding) {
      const k = t.chunkAt[t.position.get(p)!];
      const list = lists.get(k)!;
      for (const f of kept.get(p) ?? fresh.get(p)!) {
        if (!within(f, lines.get(k)!)) return -1;
        list.push(f);
      }
    }
  }
  for (const [k, list] of lists) k.findings.set(rule.id, list);
  return dirty.length;
}

/** The rule's findings in the replaced chunks, by the paragraph they stand on; undefined when they cannot be told apart. */
function previousFindings(rule: Rule, change: Change): Map<Paragraph, Finding[]> | undefined {
  const { replaced } = change;
  if (!replaced.every((k) => k.findings.has(rule.id))) return undefined;
  let owner = change.owners;
  if (!owner) {
    owner = change.owners = new Map();
    for (const k of replaced) for (const p of k.chunk.paragraphs) for (const s of p.segments) owner.set(s.line, p);
  }
  const out = new Map<Paragraph, Finding[]>();
  for (const k of replaced) {
    for (const f of k.findings.get(rule.id)!) {
      const p = owner.get(f.range.start.line);
      if (!p) return undefined;
      let own = out.get(p);
      if (!own) out.set(p, own = []);
      own.push(f);
    }
  }
  return out;
}

/** Findings of an unchanged paragraph placed on its new lines; undefined when one stands in the changed stretch. */
function moveFindings(list: Finding[], w: Window): Finding[] | undefined {
  if (list.some((f) => findingLines(f).some((l) => l >= w.from && l < w.oldTo))) return undefined;
  return w.delta ? list.map((f) => moveFinding(f, (l) => (l < w.from ? l : l + w.delta))) : list;
}

/**
 * A document whose lists keep only some paragraphs (those of walked chunks), for a paragraph-scoped
 * rule: the other top-level parts stay, empty, so that « the organ of the first part » reads the same.
 */
function paragraphView(doc: ResolutionDocument, paragraphs: Paragraph[], walked: Set<Kept>): ResolutionDocument {
  const keep = new Set(paragraphs);
  const lines = new Set<number>();
  for (const p of paragraphs) for (const s of p.segments) lines.add(s.line);
  const inWalked = new Set<Part>();
  const defs = [], refs = [];
  for (const k of walked) {
    for (const p of k.chunk.parts) inWalked.add(p);
    for (const d of k.chunk.footnoteDefs) if (keep.has(d.paragraph)) defs.push(d);
    for (const r of k.chunk.footnoteRefs) if (lines.has(r.range.start.line)) refs.push(r);
  }
  const prune = (part: Part): Part => ({
    ...part,
    preamble: part.preamble.filter((p) => keep.has(p)),
    operative: part.operative.filter((p) => keep.has(p)),
    items: part.items.filter((p) => keep.has(p)),
    children: part.children.map(prune),
  });
  const parts = doc.parts.map((p) => (inWalked.has(p) ? prune(p) : { ...p, preamble: [], operative: [], items: [], children: [] }));
  return { ...doc, paragraphs, parts, footnoteDefs: defs, footnoteRefs: refs };
}

/** Which paragraphs of the walked chunks are the same as one of the replaced chunks (matchParagraphs). */
interface Matches {
  /** Paragraph of the replaced chunks → the same paragraph in the walked ones. */
  of: Map<Paragraph, Paragraph>;
  /** The paragraphs of the walked chunks that are the same as none, in order: every paragraph-scoped rule checks them. */
  unmatched: Paragraph[];
}

/**
 * Paragraphs of the walked chunks that are the same as one of the replaced chunks, on the same lines
 * (once shifted): same own fields, same kind of part, same list of it, same organ (rules/types.ts).
 */
function matchParagraphs(walked: Set<Kept>, replaced: Kept[], w: Window): Matches {
  const matches: Matches = { of: new Map(), unmatched: [] };
  if (!replaced.length) {
    for (const k of walked) for (const p of k.chunk.paragraphs) matches.unmatched.push(p);
    return matches;
  }
  const byLine = new Map<number, Paragraph>();
  for (const k of replaced) for (const p of k.chunk.paragraphs) byLine.set(p.segments[0].line, p);
  const oldRoles = roles(replaced), newRoles = roles([...walked]);
  const toOld = (line: number) => (line < w.from ? line : line >= w.to ? line - w.delta : -1);
  const organs = new Map<Part, string>();
  const organ = (p: Paragraph) => {
    if (!p.part) return '';
    let o = organs.get(p.part);
    // Whether the part names its organ itself or takes a parent's: a rule may read either (rules/types.ts).
    if (o === undefined) organs.set(p.part, o = `${p.part.organId ? 'own' : 'parent'} ${organOf(p.part)}`);
    return o;
  };
  for (const k of walked) {
    for (const p of k.chunk.paragraphs) {
      const line = toOld(p.segments[0].line);
      const old = line < 0 ? undefined : byLine.get(line);
      if (old && old.part?.kind === p.part?.kind && oldRoles.get(old) === newRoles.get(p) && organ(old) === organ(p) && sameParagraph(old, p, toOld)) {
        matches.of.set(old, p);
      } else matches.unmatched.push(p);
    }
  }
  return matches;
}

/** Which list of its part each paragraph of the chunks sits in. */
function roles(chunks: Kept[]): Map<Paragraph, string> {
  const out = new Map<Paragraph, string>();
  for (const k of chunks) {
    for (const part of allParts(k.chunk.parts)) {
      for (const p of part.preamble) out.set(p, 'preamble');
      for (const p of part.operative) out.set(p, (out.get(p) ?? '') + 'operative');
    }
  }
  return out;
}

/** Lazily cached, or judged elsewhere: not part of what a paragraph-scoped rule may read of it. */
const NOT_OWN = new Set(['part', 'subparagraphs', 'ending']);

function sameParagraph(old: Paragraph, p: Paragraph, toOld: (line: number) => number): boolean {
  if (old.kind !== p.kind || old.text !== p.text) return false;
  const a = old as unknown as Record<string, unknown>, b = p as unknown as Record<string, unknown>;
  // The same own keys (counted, not looked up both ways); kind and text, compared above, not again.
  let n = 0;
  for (const k in a) {
    if (NOT_OWN.has(k)) continue;
    n++;
    if (!(k in b) || (k !== 'kind' && k !== 'text' && !same(a[k], b[k], toOld))) return false;
  }
  for (const k in b) if (!NOT_OWN.has(k)) n--;
  return n === 0;
}

/** Deep equality, a `line` of the new value compared once taken back to the previous version. */
function same(a: unknown, b: unknown, toOld: (line: number) => number): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  // The model's arrays are dense: element by element, without enumerating their keys.
  if (Array.isArray(a)) {
    const xs = b as unknown[];
    if (a.length !== xs.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], xs[i], toOld)) return false;
    return true;
  }
  const ra = a as Record<string, unknown>, rb = b as Record<string, unknown>;
  let n = 0;
  for (const k in ra) {
    n++;
    const x = ra[k], y = rb[k];
    if (k === 'line' && typeof x === 'number' && typeof y === 'number') {
      if (toOld(y) !== x) return false;
    } else if (!same(x, y, toOld) || (y === undefined && !(k in rb))) return false;
  }
  for (const k in rb) if (--n < 0 || !(k in ra)) return false;
  return n === 0;
}
