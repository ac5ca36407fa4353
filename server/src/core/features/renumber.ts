// Renumbering (the « Renumber paragraphs and footnotes » command and the document formatter):
// numbered paragraphs run 1..n in each part (« 5, 5 bis, 6 » becomes « 5, 6, 7 »), footnotes
// run 1..n in the order of their first call, and every reference of the text to one of its own
// paragraphs (« au paragraphe 10 », « paragraphe 34 ci-dessus », "paragraph 1 (a) above") is
// rewritten in the same edit set, so that it still names the same paragraph. A reference that
// may name another text (« paragraphe 5 de la résolution 60/1 », "paragraph 3 of resolution
// 1373 (2001)") is never touched; one whose target is unsure is left and listed (`left`).
// Pure: a parsed document in, non-overlapping text edits (UTF-16 positions) out.
import { allParts, flattenSubs } from '../model/parse';
import { comparePositions } from '../model/text';
import type { FootnoteDef, Lang, Paragraph, Part, Position, Range, ResolutionDocument } from '../model/types';
import type { TextEdit } from '../rules/types';

export type LeftReason =
  /** The words around it do not say whether it points into this text (« notamment le paragraphe 5 », preamble). */
  | 'doubtful'
  /** Several paragraphs of the part bear that number (duplicate numbers, sections that restart). */
  | 'ambiguous'
  /** No paragraph of the part bears that number. */
  | 'unknown'
  /** « paragraphe 5 de l'annexe », "paragraph 2 of the annex": may point into an annex of this text, whose numbering changes. */
  | 'annex';

export interface LeftReference { range: Range; text: string; reason: LeftReason }

export type FootnoteSkip =
  /** Two notes carry the same number (legacy texts numbered per page): which call is which cannot be told. */
  | { reason: 'duplicate'; numbers: number[] }
  /** Notes that no call points to (calls often lost in PDF extraction): their place in the order is unknown. */
  | { reason: 'unreferenced'; numbers: number[] }
  /** Calls that have no note (a superscript that is not a call, a note not yet written). */
  | { reason: 'undefined'; numbers: number[] };

export interface RenumberResult {
  /** Every change, sorted, never overlapping: apply them as one edit. */
  edits: TextEdit[];
  /** Paragraph numbers changed. */
  paragraphs: number;
  /** Footnotes whose number changed. */
  footnotes: number;
  /** Runs of notes (a page's notes, a Markdown list) rewritten in the new order. */
  footnoteRunsReordered: number;
  /** Numbers rewritten inside references to paragraphs. */
  references: number;
  /** References that may be stale and were left as written (only where the numbering changes). */
  left: LeftReference[];
  /** Set when footnotes would need renumbering but were left as they are. */
  footnotesSkipped?: FootnoteSkip;
}

export interface RenumberOptions { paragraphs?: boolean; footnotes?: boolean }

export function renumber(doc: ResolutionDocument, options: RenumberOptions = {}): RenumberResult {
  const result: RenumberResult = { edits: [], paragraphs: 0, footnotes: 0, footnoteRunsReordered: 0, references: 0, left: [] };
  if (options.paragraphs !== false) renumberParagraphs(doc, result);
  if (options.footnotes !== false) renumberFootnotes(doc, result);
  result.edits = withoutOverlaps(result.edits);
  result.left.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return result;
}

// ---------------------------------------------------------------- paragraphs

interface Numbered { p: Paragraph; label: string; newNumber: number; range: Range; written: string }

interface PartPlan {
  part: Part;
  numbered: Numbered[];
  byOld: Map<string, Numbered[]>;
  byNew: Map<number, Numbered[]>;
  changes: boolean;
}

const SUFFIXES = 'bis|ter|quater|quinquies|sexies|septies|octies';

function labelOf(value: number, suffix?: string): string {
  return suffix ? `${value} ${suffix.toLowerCase()}` : String(value);
}

/**
 * The new numbers of a part, by paragraph-numbering's rule: the numbered paragraphs run on from
 * 1; after a heading, a paragraph numbered 1 restarts the count (sectioned texts), any other
 * number continues it. « 5 bis » takes the next number. A paragraph that opens with a quotation
 * mark (« « 3. … ») quotes another text and keeps its number.
 */
function planPart(part: Part, lines: string[]): PartPlan {
  const numbered: Numbered[] = [];
  let previous: number | undefined;
  let afterHeading = false;
  for (const p of part.items) {
    if (p.kind === 'heading') { afterHeading = true; continue; }
    const num = p.number;
    if (!num) continue;
    const seg = p.segments[0];
    if (/[«“"„]/.test(lines[seg.line].slice(seg.start, num.range.start.character))) continue;
    const restart = afterHeading && num.value === 1 && !num.suffix;
    afterHeading = false;
    const newNumber = previous === undefined || restart ? 1 : previous + 1;
    previous = newNumber;
    const range = { start: num.range.start, end: num.suffix ? num.suffix.range.end : num.range.end };
    const written = lines[range.start.line].slice(range.start.character, range.end.character);
    numbered.push({ p, label: labelOf(num.value, num.suffix?.text), newNumber, range, written });
  }
  const byOld = new Map<string, Numbered[]>();
  const byNew = new Map<number, Numbered[]>();
  for (const n of numbered) {
    byOld.set(n.label, [...(byOld.get(n.label) ?? []), n]);
    byNew.set(n.newNumber, [...(byNew.get(n.newNumber) ?? []), n]);
  }
  return { part, numbered, byOld, byNew, changes: numbered.some((n) => n.written !== String(n.newNumber)) };
}

function renumberParagraphs(doc: ResolutionDocument, result: RenumberResult): void {
  const plans = allParts(doc.parts).map((part) => planPart(part, doc.lines));
  const annexChanges = plans.some((pl) => pl.part.kind === 'annex' && pl.changes);
  for (const plan of plans) {
    for (const n of plan.numbered) {
      if (n.written === String(n.newNumber)) continue;
      result.edits.push({ range: n.range, newText: String(n.newNumber) });
      result.paragraphs++;
    }
    for (const group of partReferences(plan.part, doc.lines)) resolveGroup(group, plan, annexChanges, result);
  }
}

/** Rewrites the numbers of one reference that points into its own part, or says why it was left. */
function resolveGroup(group: ReferenceGroup, plan: PartPlan, annexChanges: boolean, result: RenumberResult): void {
  const leave = (reason: LeftReason) => result.left.push({ range: group.range, text: group.text, reason });
  if (group.verdict === 'external') return;
  if (group.verdict === 'annex') { if (annexChanges) leave('annex'); return; }
  const targets = group.numbers.map((n) => plan.byOld.get(n.label) ?? []);
  // A target whose number changes: only then can a reference go stale.
  const moves = (t: Numbered[]) => t.some((x) => x.written !== String(x.newNumber));
  if (group.verdict === 'doubtful') {
    if (targets.some(moves)) leave('doubtful');
    return;
  }
  let reason: LeftReason | undefined;
  group.numbers.forEach((n, k) => {
    const t = targets[k];
    if (t.length === 0) { if (plan.changes) reason ??= 'unknown'; return; }
    if (t.length > 1) { if (moves(t)) reason ??= 'ambiguous'; return; }
    const target = t[0];
    const newText = String(target.newNumber);
    if (n.written === newText) return;
    // The new number must name that paragraph alone (sections that restart can repeat it).
    if ((plan.byNew.get(target.newNumber) ?? []).length !== 1) { reason ??= 'ambiguous'; return; }
    result.edits.push({ range: n.range, newText });
    result.references++;
  });
  if (reason) leave(reason);
}

// ---------------------------------------------------------------- references

export type Verdict = 'internal' | 'external' | 'doubtful' | 'annex';

export interface ReferenceNumber { range: Range; label: string; written: string }

export interface ReferenceGroup {
  /** From the word « paragraphe » to the last number or subparagraph label. */
  range: Range;
  text: string;
  numbers: ReferenceNumber[];
  verdict: Verdict;
}

type Host = 'operative' | 'other';

/** The references to numbered paragraphs written in a part's own text (not its child parts, not footnotes). */
export function partReferences(part: Part, lines: string[]): ReferenceGroup[] {
  const groups: ReferenceGroup[] = [];
  const seen = new Set<Paragraph>();
  for (const item of part.items) {
    if (item.kind === 'heading' || item.kind === 'organ' || item.kind === 'header' || item.kind === 'meeting' || item.kind === 'rule') continue;
    const host: Host = item.kind === 'operative' || item.kind === 'statement' ? 'operative' : 'other';
    for (const p of [item, ...flattenSubs(item)]) {
      if (seen.has(p)) continue;
      seen.add(p);
      groups.push(...paragraphReferences(p, lines, part, host));
    }
  }
  return groups;
}

const SP = '[ \\t\\u00a0\\u202f]';
const HEAD = /(?<![\p{L}\p{N}\-–])(paragraphes?|paragraphs?|par\.|paras?\.)(?=[ \t\u00a0\u202f]+\d)/giu;
const NUMBER = new RegExp(`^(\\d{1,3})(?:${SP}(${SUFFIXES}))?(?![\\p{L}\\p{N}/]|[.,]\\d)`, 'u');
const SUBLABEL = new RegExp(`^${SP}*(?:\\((?:[a-z]{1,2}|[ivxlc]{1,6})\\)|(?:[a-z]{1,2}|[ivxlc]{1,6})\\))`, 'u');
const SUB_SEP = new RegExp(`^(?:${SP}*,${SP}*(?:(?:et|and|ou|or)${SP}+)?|${SP}+(?:et|and|ou|or)${SP}+)(?=\\(?[a-z]{1,2}\\)|\\(?[ivxlc]{1,6}\\))`, 'u');
const LIST_SEP = new RegExp(`^(?:${SP}*(,)${SP}*(?:(?:et|and|ou|or)${SP}+)?|${SP}+(?:et|and|ou|or|à|au|to|through)${SP}+|${SP}*[-–]${SP}*)(?=\\d)`, 'u');

/** Joined text of a paragraph and a map from its offsets back to positions. */
function joinedWithPositions(p: Paragraph, lines: string[]): { text: string; at: (offset: number) => Position } {
  const starts: number[] = [];
  let text = '';
  p.segments.forEach((s, k) => {
    if (k) text += ' ';
    starts.push(text.length);
    text += lines[s.line].slice(s.start, s.end);
  });
  const at = (offset: number): Position => {
    let k = starts.length - 1;
    while (k > 0 && starts[k] > offset) k--;
    const s = p.segments[k];
    return { line: s.line, character: s.start + Math.min(offset - starts[k], s.end - s.start) };
  };
  return { text, at };
}

function paragraphReferences(p: Paragraph, lines: string[], part: Part, host: Host): ReferenceGroup[] {
  const { text, at } = joinedWithPositions(p, lines);
  if (!/par/i.test(text)) return [];
  const groups: ReferenceGroup[] = [];
  let lastExternalEnd = -1;
  HEAD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEAD.exec(text))) {
    const headStart = m.index;
    const abbreviated = m[1].endsWith('.');
    let i = headStart + m[0].length;
    i += /^[ \t\u00a0\u202f]+/.exec(text.slice(i))![0].length;
    // The list: « 5 », « 5 bis », « 8 a) et b) », « 2 et 3 », « 8 à 13 », "24, 25 and 27".
    const numbers: (ReferenceNumber & { start: number; end: number; comma: boolean })[] = [];
    let comma = false;
    let end = i;
    for (;;) {
      const n = NUMBER.exec(text.slice(i));
      if (!n) break;
      const start = i;
      const numEnd = i + n[0].length;
      numbers.push({ start, end: numEnd, comma, label: labelOf(Number(n[1]), n[2]), written: n[0], range: { start: at(start), end: at(numEnd) } });
      i = numEnd;
      for (;;) {
        const sub = SUBLABEL.exec(text.slice(i));
        if (!sub) break;
        i += sub[0].length;
        const more = SUB_SEP.exec(text.slice(i));
        if (more && SUBLABEL.exec(text.slice(i + more[0].length))) i += more[0].length;
      }
      end = i;
      const sep = LIST_SEP.exec(text.slice(i));
      if (!sep) break;
      comma = sep[1] === ',' && !/(?:et|and|ou|or)[ \t\u00a0\u202f]+$/.test(sep[0]);
      i += sep[0].length;
    }
    if (!numbers.length) continue;
    // « au paragraphe 5, 12 États … »: a comma list needs a conjunction before its last number.
    if (numbers.some((n) => n.comma) && numbers[numbers.length - 1].comma) {
      const cut = numbers.findIndex((n) => n.comma);
      numbers.length = cut;
      const last = numbers[cut - 1];
      end = last.end;
      for (;;) {
        const sub = SUBLABEL.exec(text.slice(end));
        if (!sub) break;
        end += sub[0].length;
      }
    }
    HEAD.lastIndex = end;
    // The words either side decide; a long paragraph with many references stays linear.
    let verdict = classify(text.slice(Math.max(0, headStart - 160), headStart), text.slice(end, end + 160), part, host, abbreviated);
    if (verdict === 'internal-if-bare') {
      const between = text.slice(lastExternalEnd, headStart);
      verdict = lastExternalEnd >= 0 && !/[;:]|\.\s/.test(between) ? 'doubtful' : host === 'operative' && !abbreviated ? 'internal' : 'doubtful';
    }
    if (verdict === 'external' || verdict === 'annex') lastExternalEnd = end;
    groups.push({
      range: { start: at(headStart), end: at(end) },
      text: text.slice(headStart, end),
      numbers: numbers.map(({ range, label, written }) => ({ range, label, written })),
      verdict,
    });
  }
  return groups;
}

// After « de », « du », « des », « d' »: the words that name a document, or the start of one.
const DOCUMENT_NOUN = /^(?:résolution|décision|rapport|article|annexe|appendice|document|lettre|note|déclaration|convention|accord|protocole|programme|plan|statut|charte|règlement|section|chapitre|partie|pacte|traité|recommandation|observation|conclusion|principe|règle|stratégie|mémorandum|résumé|communiqué|préambule|procès-verbal|directive|code|cadre|instrument|constitution|mandat|texte|projet|même|celle-ci|celui-ci|celles-ci|ceux-ci|ce dernier|cette dernière)(?:s|x)?(?![\p{L}])/iu;
const DETERMINERS = /^(?:(?:la|le|les|l'|sa|son|ses|leur|leurs|cette|cet|ce|ces|ladite|ledit|lesdits|lesdites|dudit|desdits|desdites|notre|nos)[ \t\u00a0\u202f]*)*/iu;

/**
 * Whether a reference points into the text it stands in. `before` and `after` are the
 * paragraph's text either side of the reference. 'internal-if-bare': nothing says either way.
 */
function classify(beforeRaw: string, afterRaw: string, part: Part, host: Host, abbreviated: boolean): Verdict | 'internal-if-bare' {
  const before = clean(beforeRaw).replace(/[ \t]+$/, '');
  // "article 12, paragraph 3, of the Rome Statute"; "resolution 1373 (2001), paragraph 3"; « A/78/482, par. 29 ».
  if (/(?:article|articles|rule|règle|section|chapter|chapitre|appendix|appendice|part|partie|annex|annexe)[ \t]+[\dIVXLC]+[a-z]?[ \t]*,$/i.test(before)) return 'external';
  if (/[\d)\]][ \t]*,$/.test(before)) return 'external';
  // « sa résolution 60/1 et son paragraphe 5 », "its paragraph 5": the text just named.
  if (/(?:^|[^\p{L}])(?:son|sa|ses|leur|leurs|its|their|dudit|ledit|ladite|desdits|même)$/iu.test(before)) return 'external';
  // "preambular paragraph 3": preambular paragraphs have no number of their own.
  if (/(?:preambular|préambule)$/i.test(before)) return 'external';
  const after = clean(afterRaw).replace(/^[ \t,]*/, (s) => (s.includes(',') ? ', ' : ''));
  const commaQualified = after.startsWith(', ');
  const a = commaQualified ? after.slice(2) : after;
  const own = (kind: 'resolution' | 'annex' | 'report') =>
    kind === 'resolution' ? part.kind === 'resolution' || part.kind === 'draft' : part.kind === kind;
  if (!commaQualified) {
    if (/^(?:ci-dessus|ci-dessous|ci-après|supra|infra|above|below|hereof|hereunder|hereafter)(?![\p{L}-])/iu.test(a)) return 'internal';
    const present = /^(?:de la présente|de cette|du présent|de ce|of the present|of this)[ \t]+([\p{L}-]+)/iu.exec(a);
    if (present) {
      const noun = present[1].toLowerCase();
      if (/^(?:résolution|resolution|décision|decision)$/.test(noun)) return own('resolution') ? 'internal' : 'doubtful';
      if (/^(?:annexe|annex|déclaration|declaration|plan|programme|stratégie|strategy|document|texte|text)$/.test(noun)) return own('annex') ? 'internal' : 'doubtful';
      if (/^(?:rapport|report)$/.test(noun)) return own('report') ? 'internal' : 'external';
      return 'doubtful';
    }
    // « paragraphe 3 du dispositif » is this resolution's, unless another one follows (« … de la résolution 60/1 »).
    const operativePart = /^(?:du dispositif|of the operative part)(?![\p{L}])/iu.exec(a);
    if (operativePart) {
      const rest = a.slice(operativePart[0].length).trimStart();
      if (/^(?:de|du|des|d'|of)(?![\p{L}])/iu.test(rest) && !/^(?:de la présente|of the present|of this)/i.test(rest)) return 'external';
      return own('resolution') ? 'internal' : 'doubtful';
    }
  }
  if (/^(?:thereof|therein|thereto|ibid)(?!\p{L})/iu.test(a)) return 'external';
  const annex = /^(?:de l'annexe|de l'appendice|of (?:the )?annex|of (?:the )?appendix)(?![\p{L}])/iu.exec(a);
  if (annex) {
    const rest = a.slice(annex[0].length, annex[0].length + 60);
    return /thereto|celle-ci|celui-ci|(?:de|à) (?:la|sa) (?:résolution|décision)|(?:of|to) (?:its |the )?(?:resolution|decision)/i.test(rest) ? 'external' : 'annex';
  }
  // "of resolution …", "of the Convention", "of the Final Document": English "of" after a reference always names a text.
  if (/^of(?![\p{L}])/iu.test(a)) return 'external';
  if (/^in[ \t]+(?:the[ \t]+|its[ \t]+)?(?:resolution|decision|annex|appendix|document|report|article|Convention|Charter|Declaration|Programme|Plan)/.test(a)) return 'external';
  const de = /^(?:(?:de|du|des)(?!\p{L})|d')[ \t]*/iu.exec(a);
  if (de) {
    const rest = a.slice(de[0].length).replace(DETERMINERS, '');
    if (DOCUMENT_NOUN.test(rest) || /^[\p{Lu}\d[]/u.test(rest)) return 'external';
    // « au paragraphe 34 des renseignements … » reads as an object as well as a qualifier.
    return commaQualified ? bare(beforeRaw, abbreviated, host) : 'doubtful';
  }
  return bare(beforeRaw, abbreviated, host);
}

/** Nothing after the reference qualifies it: it points into this text, unless what precedes it says otherwise. */
function bare(beforeRaw: string, abbreviated: boolean, host: Host): 'doubtful' | 'internal-if-bare' {
  const before = clean(beforeRaw).replace(/[ \t]+$/, '');
  // « Rappelant sa résolution 60/1, notamment le paragraphe 5 »: the text just cited.
  if (/(?:en particulier|notamment|y compris|in particular|including|especially|particularly|among others)[ \t,]*(?:(?:le|les|l'|au|aux|à|the|in|of|to|under)(?:[ \t]+|$))*$/i.test(before)) return 'doubtful';
  if (abbreviated || host !== 'operative') return 'doubtful';
  return 'internal-if-bare';
}

/** Text for matching words: markup, footnote calls and special spaces set aside. */
function clean(s: string): string {
  return s
    .replace(/<sup>\d{1,3}<\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^\d{1,3}\]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_]+/g, '')
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/’/g, "'");
}

// ---------------------------------------------------------------- footnotes

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const toSuperscript = (n: number) => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join('');

/** A call or a note marker written with another number, in the same style (¹², <sup>12</sup>, [^12]). */
function withNumber(marker: string, n: number): string {
  if (/[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(marker)) return marker.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/, toSuperscript(n));
  return marker.replace(/\d+/, String(n));
}

function textOf(lines: string[], r: Range): string {
  return lines[r.start.line].slice(r.start.character, r.end.character);
}

function renumberFootnotes(doc: ResolutionDocument, result: RenumberResult): void {
  const refs = [...doc.footnoteRefs].sort((a, b) => comparePositions(a.range.start, b.range.start));
  const defs = doc.footnoteDefs.filter((d): d is FootnoteDef & { number: number } => d.number !== null);
  if (!refs.length && !defs.length) return;
  // Old number → new: calls in order of first appearance, then notes never called, in their order.
  const mapping = new Map<number, number>();
  for (const r of refs) if (!mapping.has(r.number)) mapping.set(r.number, mapping.size + 1);
  const uncalled = [...new Set(defs.map((d) => d.number))].filter((n) => !mapping.has(n)).sort((a, b) => a - b);
  for (const n of uncalled) mapping.set(n, mapping.size + 1);
  const changed = [...mapping].filter(([a, b]) => a !== b).length;
  const groups = definitionGroups(doc, defs);
  const outOfOrder = (g: FootnoteDef[]) => g.some((d, k) => k > 0 && mapping.get(d.number!)! < mapping.get(g[k - 1].number!)!);
  // A Markdown list `[^2]: … [^1]: …` already numbered right but written out of order is still put in order.
  if (!changed && !groups.some((g) => outOfOrder(g) && reorderable(g))) return;
  const counts = new Map<number, number>();
  for (const d of defs) counts.set(d.number, (counts.get(d.number) ?? 0) + 1);
  const duplicate = [...counts].filter(([, c]) => c > 1).map(([n]) => n);
  if (duplicate.length) { result.footnotesSkipped = { reason: 'duplicate', numbers: duplicate }; return; }
  if (uncalled.length) { result.footnotesSkipped = { reason: 'unreferenced', numbers: uncalled }; return; }
  const undefinedCalls = [...new Set(refs.map((r) => r.number))].filter((n) => !counts.has(n));
  if (undefinedCalls.length) { result.footnotesSkipped = { reason: 'undefined', numbers: undefinedCalls }; return; }
  result.footnotes = changed;
  for (const r of refs) {
    const to = mapping.get(r.number)!;
    if (to !== r.number) result.edits.push({ range: r.range, newText: withNumber(textOf(doc.lines, r.range), to) });
  }
  for (const group of groups) {
    const reordered = [...group].sort((a, b) => mapping.get(a.number)! - mapping.get(b.number)!);
    if (outOfOrder(group) && reorderable(group)) {
      result.edits.push(reorderGroup(doc, group, reordered, mapping));
      result.footnoteRunsReordered++;
      continue;
    }
    for (const d of group) {
      const to = mapping.get(d.number)!;
      if (to !== d.number) result.edits.push({ range: d.markerRange, newText: withNumber(textOf(doc.lines, d.markerRange), to) });
    }
  }
}

/** Notes of one line each move safely; a note of several lines may have absorbed the text that follows it. */
function reorderable(group: FootnoteDef[]): boolean {
  return group.length > 1 && group.every((d) => d.paragraph.segments.length === 1);
}

/** Runs of notes separated only by blank lines (a page's notes, a Markdown list of `[^n]:` at the end). */
function definitionGroups<D extends FootnoteDef>(doc: ResolutionDocument, defs: D[]): D[][] {
  const sorted = [...defs].sort((a, b) => comparePositions(a.range.start, b.range.start));
  const groups: D[][] = [];
  for (const d of sorted) {
    const last = groups[groups.length - 1]?.at(-1);
    const adjacent = last && doc.lines.slice(last.range.end.line + 1, d.range.start.line).every((l) => l.trim() === '');
    if (adjacent) groups[groups.length - 1].push(d);
    else groups.push([d]);
  }
  return groups;
}

/** One edit that writes the run's notes in their new order, each note moving whole into another's slot. */
function reorderGroup(doc: ResolutionDocument, group: (FootnoteDef & { number: number })[], reordered: (FootnoteDef & { number: number })[], mapping: Map<number, number>): TextEdit {
  const eol = /\r\n/.test(doc.text) ? '\r\n' : /\r/.test(doc.text) ? '\r' : '\n';
  const lineOf = (d: FootnoteDef) => {
    const line = doc.lines[d.range.start.line];
    const m = d.markerRange;
    return line.slice(0, m.start.character) + withNumber(line.slice(m.start.character, m.end.character), mapping.get(d.number!)!) + line.slice(m.end.character);
  };
  const parts: string[] = [];
  group.forEach((slot, k) => {
    parts.push(lineOf(reordered[k]));
    const next = group[k + 1];
    if (next) parts.push(...doc.lines.slice(slot.range.start.line + 1, next.range.start.line));
  });
  const first = group[0].range.start.line;
  const last = group[group.length - 1].range.start.line;
  return { range: { start: { line: first, character: 0 }, end: { line: last, character: doc.lines[last].length } }, newText: parts.join(eol) };
}

// ---------------------------------------------------------------- edits and messages

function withoutOverlaps(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    // Never expected (each edit has its own stretch of text); dropping keeps the set applicable.
    if (prev && comparePositions(e.range.start, prev.range.end) < 0) continue;
    out.push(e);
  }
  return out;
}

const REASON: Record<LeftReason, { fr: string; en: string }> = {
  doubtful: { fr: 'peut viser un autre texte', en: 'may refer to another text' },
  ambiguous: { fr: 'plusieurs paragraphes portent ce numéro', en: 'several paragraphs bear that number' },
  unknown: { fr: 'aucun paragraphe ne porte ce numéro', en: 'no paragraph bears that number' },
  annex: { fr: 'renvoi à une annexe', en: 'points into an annex' },
};

/** What the command tells the drafter: what changed, what was left and why. */
export function renumberMessage(r: RenumberResult, lang: Lang): string {
  const fr = lang === 'fr';
  const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
  const out: string[] = [];
  const done = [
    r.paragraphs ? plural(r.paragraphs, fr ? 'numéro de paragraphe' : 'paragraph number', fr ? 'numéros de paragraphe' : 'paragraph numbers') : '',
    r.footnotes ? plural(r.footnotes, fr ? 'note' : 'footnote', fr ? 'notes' : 'footnotes') : '',
    r.references ? plural(r.references, fr ? 'renvoi' : 'reference', fr ? 'renvois' : 'references') : '',
  ].filter(Boolean);
  if (!done.length && r.footnoteRunsReordered) done.push(fr ? 'ordre des notes' : 'order of the footnotes');
  if (done.length) {
    const list = done.length > 1 ? `${done.slice(0, -1).join(', ')} ${fr ? 'et' : 'and'} ${done[done.length - 1]}` : done[0];
    out.push(fr ? `Renumérotation : ${list} mis à jour.` : `Renumbered: ${list} updated.`);
  } else if (!r.left.length && !r.footnotesSkipped) {
    return fr ? 'Rien à renuméroter : les paragraphes et les notes se suivent déjà.' : 'Nothing to renumber: paragraphs and footnotes already run in order.';
  }
  if (r.left.length) {
    const shown = r.left.slice(0, 5).map((l) => `${fr ? 'ligne' : 'line'} ${l.range.start.line + 1} ${fr ? `« ${l.text} »` : `"${l.text}"`} (${REASON[l.reason][lang]})`);
    const more = r.left.length > 5 ? (fr ? ` et ${r.left.length - 5} autres` : ` and ${r.left.length - 5} more`) : '';
    out.push(fr ? `Renvois laissés tels quels, à vérifier : ${shown.join(' ; ')}${more}.` : `References left as written, to check: ${shown.join('; ')}${more}.`);
  }
  const skip = r.footnotesSkipped;
  if (skip) {
    const nums = skip.numbers.join(', ');
    const why = {
      duplicate: fr ? `plusieurs notes portent le numéro ${nums}` : `several footnotes are numbered ${nums}`,
      unreferenced: fr ? `note ${nums} appelée nulle part dans le texte` : `footnote ${nums} is not called in the text`,
      undefined: fr ? `appel ${nums} sans note` : `call ${nums} has no footnote`,
    }[skip.reason];
    out.push(fr ? `Notes non renumérotées : ${why}.` : `Footnotes not renumbered: ${why}.`);
  }
  return out.join(' ');
}
