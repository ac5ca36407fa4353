// One body, one acronym, within a document. Two acronyms are taken to name the same body only on
// evidence the document itself gives, never because they look alike (UNDP and UNEP differ by one
// letter and are two programmes):
//   - the same name introduces both: « Office des Nations Unies contre la drogue et le crime (ONUDC) »
//     and, further on, « … contre la drogue et le crime (ONUDD) »;
//   - an acronym the document never defines is a defined one with one letter added (ONUDDC, ONUUDC,
//     ONUSDC for ONUDC), or cut in two by a space (« ONU DC »). Acronyms of real, distinct bodies
//     (UNMIS and UNMISS, UNAMI and UNAMID; data/terminology.json) are never read as such slips, and
//     short acronyms (under four letters) are left alone: too many real ones are a letter apart.
// The form to use is the defined one the document uses most (an undefined form, however frequent,
// is never proposed: nothing in the document says what it means). Every occurrence of another form
// gets one information, with a fix for that occurrence and one for all of them.
import data from '../data/terminology.json';
import type { Range, ResolutionDocument } from '../model/types';
import { ALL_PROFILES } from '../profiles';
import { paragraphsWith, q } from './helpers';
import { CODE, inZone, isCapitalsLine, ITALIC, proseOf, textParagraphs, URL, type Prose } from './terminology';
import type { Rule, RuleContext, TextEdit } from './types';

const KNOWN = new Set<string>(data.knownAcronyms);
const BANNED = new Set<string>(data.abbreviations.map((a) => a.abbr));
const TOKEN = /(?<![\p{L}\p{N}_\-/.@#&])[A-Z]{2,}(?![\p{L}\p{N}_\-/@#&]|\.[\p{L}\p{N}])/gu;
const ROMAN = /^[IVXLCDM]+$/;
/** Small words: skipped when a name is read back from initials, not counted as content words. */
const STOP = new Set([...data.functionWords.en, ...data.functionWords.fr].map((w) => w.normalize('NFD').replace(/\p{M}/gu, '')));
const MIN_DEFINED = 4;

interface Occurrence { prose: Prose; start: number; end: number; /** Its range, computed once: a form's every finding lists every occurrence. */ range?: Range }
interface Word { readonly text: string; readonly key: string; /** Offset in the paragraph's text. */ readonly start: number }
interface Definition { acronym: string; words: Word[]; occurrence: Occurrence; /** Offset of « ( ». */ paren: number }
type Kind = 'defined' | 'variant' | 'split';

const bare = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/** The words before « (ACRONYM) », back to the previous sentence mark or bracket, markup set aside. */
function wordsBefore(text: string, at: number): Word[] {
  const from = Math.max(0, at - 240);
  let window = text.slice(from, at);
  const cut = Math.max(...[';', ':', '.', '!', '?', '(', ')', '«', '»', '“', '”', '"', '[', ']'].map((c) => window.lastIndexOf(c)));
  window = ' '.repeat(cut + 1) + window.slice(cut + 1).replace(/<sup>[^<]*<\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[*_]/g, (m) => ' '.repeat(m.length));
  return [...window.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => new NameWord(m[0], from + m.index));
}

/** A word before « (ACRONYM) », its key read when first asked for (most definitions are compared by their last word only). */
class NameWord implements Word {
  private bared?: string;
  constructor(readonly text: string, readonly start: number) {}
  get key(): string {
    return (this.bared ??= bare(this.text));
  }
}

/** The name as written, from its first word to the parenthesis, markup set aside. */
function nameAt(d: Definition, start: number): string {
  return d.occurrence.prose.text.slice(start, d.paren).replace(/<sup>[^<]*<\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[*_]/g, '').replace(/\s+/g, ' ').trim();
}

const capital = (w: Word) => /^\p{Lu}/u.test(w.text);
const content = (w: Word) => w.key.length >= 3 && !STOP.has(w.key);

/** Where the name two definitions share starts in the first: their common last words, from a capital, with at least three content words. */
function sharedName(a: Word[], b: Word[]): number | undefined {
  let k = 0;
  while (k < a.length && k < b.length && a[a.length - 1 - k].key === b[b.length - 1 - k].key) k++;
  for (let i = 0; i < k; i++) {
    const wa = a[a.length - k + i], wb = b[b.length - k + i];
    if (!content(wa) || !capital(wa) || !capital(wb)) continue;
    const name = a.slice(a.length - k + i);
    return name.filter(content).length >= 3 ? name[0].start : undefined;
  }
  return undefined;
}

/** Where the name an acronym stands for starts, read back from its initials (« Office des Nations Unies contre la drogue et le crime »). */
function initialsName(acronym: string, words: Word[]): number | undefined {
  // Each letter, from the last, is the initial of a word; small words may be skipped ("Office on Drugs").
  const memo = new Map<number, number>();
  const match = (i: number, j: number): number => {
    if (j < 0) return i + 1;
    if (i < 0) return -1;
    const k = i * (acronym.length + 1) + j;
    const known = memo.get(k);
    if (known !== undefined) return known;
    const w = words[i];
    let start = w.key.charAt(0) === acronym.charAt(j).toLowerCase() ? match(i - 1, j - 1) : -1;
    if (start < 0 && STOP.has(w.key)) start = match(i - 1, j);
    memo.set(k, start);
    return start;
  };
  const start = match(words.length - 1, acronym.length - 1);
  return start >= 0 ? words[start].start : undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading the text. TOKEN over every paragraph with capitals, and the definition expression
// /\(([A-Z]{2,})\)/g over every one with a parenthesis, cost more than the rest of the rule, in
// documents where nothing comes of them. Definitions are found from the parentheses, acronyms from
// pieces of the defined ones searched in the whole text (every form the rule counts holds one: see
// anchorsOf). Same definitions and tokens, in the same order.

const isCapital = (c: number) => c >= 65 && c <= 90;

/** Whether « (ABC) » starts at `at` (a match of the definition expression). */
function startsDefinition(text: string, at: number): boolean {
  let j = at + 1;
  while (isCapital(text.charCodeAt(j))) j++;
  return j - at - 1 >= 2 && text.charCodeAt(j) === 41;
}

/** The definition expression's matches in a text: the offset of « ( » and the acronym. */
function definitionsIn(text: string): { index: number; acronym: string }[] {
  const out: { index: number; acronym: string }[] = [];
  for (let i = text.indexOf('('); i >= 0; i = text.indexOf('(', i + 1)) {
    if (startsDefinition(text, i)) out.push({ index: i, acronym: text.slice(i + 1, text.indexOf(')', i)) });
  }
  return out;
}

const NOT_BEFORE = /^[\p{L}\p{N}_\-/.@#&]$/u;
const NOT_AFTER = /^[\p{L}\p{N}_\-/@#&]$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** The character (code point) that ends right before `i`, and the one that starts at `i`. */
const charBefore = (text: string, i: number) => String.fromCodePoint(i >= 2 && /[\udc00-\udfff]/.test(text[i - 1]) && /[\ud800-\udbff]/.test(text[i - 2]) ? text.codePointAt(i - 2)! : text.charCodeAt(i - 1));
const charAt = (text: string, i: number) => String.fromCodePoint(text.codePointAt(i)!);

/**
 * Whether TOKEN matches the run of capitals [start, end): a run is matched whole or not at all
 * (shorter, it would be followed by a capital, a letter), when its lookbehind and lookahead allow.
 */
function isToken(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  if (start > 0 && NOT_BEFORE.test(charBefore(text, start))) return false;
  if (end < text.length) {
    const after = charAt(text, end);
    if (NOT_AFTER.test(after)) return false;
    if (after === '.' && end + 1 < text.length && LETTER_OR_DIGIT.test(charAt(text, end + 1))) return false;
  }
  return true;
}

interface Token { start: number; end: number; /** The token TOKEN matches right before, ending one character before this one (a pair). */ previous?: { start: number; end: number } }

/** The token at the run of capitals around `i`, if TOKEN matches it. */
function tokenAround(text: string, i: number): { start: number; end: number } | undefined {
  let start = i, end = i;
  while (start > 0 && isCapital(text.charCodeAt(start - 1))) start--;
  while (end < text.length && isCapital(text.charCodeAt(end))) end++;
  return isToken(text, start, end) ? { start, end } : undefined;
}

/**
 * Where to look for the defined acronyms' forms: an acronym of four letters or more is found by its
 * first half and its second half, as each form the rule counts holds one of them whole (the acronym
 * holds both; with a letter added, the half the letter is not in; cut in two by a space, the part
 * with the larger piece holds its half). A shorter one has no variants: itself.
 */
function anchorsOf(defined: Set<string>): string[] {
  const anchors = new Set<string>();
  for (const a of defined) {
    if (a.length < MIN_DEFINED) { anchors.add(a); continue; }
    const h = a.length >> 1;
    anchors.add(a.slice(0, h));
    anchors.add(a.slice(h));
  }
  return [...anchors];
}
/** Past this many anchors, TOKEN over the paragraphs with capitals costs less than the searches. */
const MAX_ANCHORS = 24;

/**
 * The tokens TOKEN finds that can matter, paragraph by paragraph (those with capitals, not in
 * capitals), each with the token just before it when they stand one space apart: all of them, or
 * those at an anchor and the token after each.
 */
function tokenScan(doc: ResolutionDocument, defined: Set<string>): { prose: Prose; tokens: Token[] }[] {
  const out: { prose: Prose; tokens: Token[] }[] = [];
  const anchors = anchorsOf(defined);
  if (anchors.length > MAX_ANCHORS) {
    for (const p of textParagraphs(doc)) {
      if (!/[A-Z]{2}/.test(p.text) || isCapitalsLine(p.text)) continue;
      const tokens: Token[] = [];
      let last: Token | undefined;
      for (const m of p.text.matchAll(TOKEN)) {
        const t: Token = { start: m.index, end: m.index + m[0].length };
        if (last && last.end + 1 === t.start) t.previous = last;
        tokens.push(t);
        last = t;
      }
      out.push({ prose: proseOf(p), tokens });
    }
    return out;
  }
  for (const p of paragraphsWith(doc, anchors)) {
    if (p.kind === 'rule') continue;
    const text = p.text;
    const starts = new Map<number, number>(); // start → end of the tokens found
    for (const anchor of anchors) {
      for (let i = text.indexOf(anchor); i >= 0; i = text.indexOf(anchor, i + 1)) {
        const t = tokenAround(text, i);
        if (!t) continue;
        starts.set(t.start, t.end);
        // The token after it, for a pair whose first part holds the anchor.
        if (t.end + 1 < text.length && isCapital(text.charCodeAt(t.end + 1))) {
          const next = tokenAround(text, t.end + 1);
          if (next && next.start === t.end + 1) starts.set(next.start, next.end);
        }
      }
    }
    if (!starts.size || isCapitalsLine(text)) continue;
    const tokens: Token[] = [...starts].sort((a, b) => a[0] - b[0]).map(([start, end]) => {
      const t: Token = { start, end };
      // The token one character before, if TOKEN matches one there.
      if (start >= 3 && isCapital(text.charCodeAt(start - 2))) {
        const previous = tokenAround(text, start - 2);
        if (previous && previous.end === start - 1) t.previous = previous;
      }
      return t;
    });
    out.push({ prose: proseOf(p), tokens });
  }
  return out;
}

export const acronymConsistency: Rule = {
  id: 'acronym-consistency',
  defaultSeverity: 'information',
  description: {
    fr: 'Un organisme garde le même sigle dans tout le document : le sigle défini que le document emploie le plus (« ONUDC »), pas une variante (« ONUDD », « ONUDDC », « ONU DC »).',
    en: 'A body keeps one acronym throughout the document: the defined one the document uses most ("UNODC"), not a variant ("UNODD", "UNOODC", "UN ODC").',
  },
  profiles: ALL_PROFILES,
  check(ctx) {
    const { doc } = ctx;
    const occurrences = new Map<string, Occurrence[]>();
    const add = (form: string, o: Occurrence) => {
      const list = occurrences.get(form);
      if (list) list.push(o); else occurrences.set(form, [o]);
    };
    const definitions: Definition[] = [];
    const skip = (prose: Prose, start: number, end: number) => inZone(prose, start, end, URL | CODE | ITALIC);
    // Definitions first, from the few paragraphs with « (ABC) »: a document that defines no acronym
    // (most) has nothing to compare. (A paragraph in capitals follows its own typography.)
    for (const p of paragraphsWith(doc, ['('], startsDefinition)) {
      if (p.kind === 'rule') continue;
      const found = definitionsIn(p.text);
      if (!found.length || isCapitalsLine(p.text)) continue;
      const prose = proseOf(p);
      const { text } = prose;
      for (const { index, acronym } of found) {
        if (ROMAN.test(acronym) || skip(prose, index, index + acronym.length + 2)) continue;
        definitions.push({ acronym, words: wordsBefore(text, index), paren: index, occurrence: { prose, start: index + 1, end: index + 1 + acronym.length } });
      }
    }
    if (!definitions.length) return;

    // Groups: acronyms the same name introduces (compared only when their last word is the same).
    const parent = new Map<string, string>();
    const find = (a: string): string => { while (parent.get(a) !== a) a = parent.get(a)!; return a; };
    const defined = new Set(definitions.map((d) => d.acronym));
    for (const a of defined) parent.set(a, a);
    const names = new Map<string, string>();
    const byLastWord = new Map<string, Definition[]>();
    for (const d of definitions) {
      const k = d.words[d.words.length - 1]?.key;
      if (k === undefined) continue;
      // One definition per acronym and last word is enough.
      const bucket = byLastWord.get(k) ?? [];
      if (!bucket.some((b) => b.acronym === d.acronym)) bucket.push(d);
      byLastWord.set(k, bucket);
    }
    const kinds = new Map<string, Kind>();
    for (const bucket of byLastWord.values()) {
      for (let i = 0; i < bucket.length; i++) {
        for (let j = i + 1; j < bucket.length; j++) {
          const a = bucket[i], b = bucket[j];
          const start = sharedName(a.words, b.words);
          if (start === undefined) continue;
          const name = nameAt(a, start);
          parent.set(find(b.acronym), find(a.acronym));
          if (!names.has(a.acronym)) names.set(a.acronym, name);
          if (!names.has(b.acronym)) names.set(b.acronym, name);
          kinds.set(a.acronym, 'defined');
          kinds.set(b.acronym, 'defined');
        }
      }
    }

    // Undefined acronyms one letter longer than a defined one (of a single group).
    const members = new Map<string, string>(); // form → group root
    for (const a of defined) members.set(a, find(a));
    // The groups of the defined acronyms (of four letters or more) a token is one letter longer than:
    // read from the token (each letter taken out in turn) rather than listing every such variant.
    const insertionRoots = new Map<string, Set<string> | undefined>();
    const insertions = {
      get(x: string): Set<string> | undefined {
        if (insertionRoots.has(x)) return insertionRoots.get(x);
        let roots: Set<string> | undefined;
        if (x.length > MIN_DEFINED && /^[A-Z]+$/.test(x)) {
          for (let k = 0; k < x.length; k++) {
            const y = x.slice(0, k) + x.slice(k + 1);
            if (defined.has(y)) (roots ??= new Set()).add(find(y));
          }
        }
        insertionRoots.set(x, roots);
        return roots;
      },
      has(x: string): boolean { return this.get(x) !== undefined; },
    };
    // The occurrences of what may belong to a group: defined acronyms, their one-letter variants,
    // and two capital words side by side whose letters make a defined acronym (« ONU DC »).
    const pairs: { form: string; joined: string; o: Occurrence }[] = [];
    for (const { prose, tokens } of tokenScan(doc, defined)) {
      const { text } = prose;
      for (const t of tokens) {
        const token = text.slice(t.start, t.end);
        const previous = t.previous;
        const joined = previous && /[ \u00a0]/.test(text[previous.end]) && !prose.joins.has(previous.end) ? text.slice(previous.start, previous.end) + token : undefined;
        if (joined && defined.has(joined) && !skip(prose, previous!.start, t.end)) pairs.push({ form: `${text.slice(previous!.start, previous!.end)} ${token}`, joined, o: { prose, start: previous!.start, end: t.end } });
        if ((defined.has(token) || insertions.has(token)) && !skip(prose, t.start, t.end)) add(token, { prose, start: t.start, end: t.end });
      }
    }
    for (const x of occurrences.keys()) {
      const roots = insertions.get(x);
      if (!roots || roots.size !== 1 || defined.has(x) || KNOWN.has(x) || BANNED.has(x) || ROMAN.test(x)) continue;
      members.set(x, [...roots][0]);
      kinds.set(x, 'variant');
    }
    // Defined acronyms cut in two by a space (« ONU DC »).
    for (const { form, joined, o } of pairs) {
      if (joined.length < MIN_DEFINED) continue;
      add(form, o);
      members.set(form, find(joined));
      kinds.set(form, 'split');
    }

    // Each group with more than one form: the defined form used most is the one to keep.
    const groups = new Map<string, string[]>();
    for (const [form, root] of members) {
      if (!occurrences.has(form)) continue;
      groups.set(root, [...(groups.get(root) ?? []), form]);
    }
    const count = (form: string) => occurrences.get(form)?.length ?? 0;
    const firstDefinition = new Map<string, number>();
    definitions.forEach((d, k) => { if (!firstDefinition.has(d.acronym)) firstDefinition.set(d.acronym, k); });
    const definedAt = new Map<Prose, Set<number>>();
    for (const { occurrence: o } of definitions) definedAt.set(o.prose, (definedAt.get(o.prose) ?? new Set<number>()).add(o.start));
    for (const forms of groups.values()) {
      if (forms.length < 2) continue;
      const candidates = forms.filter((f) => defined.has(f));
      if (!candidates.length) continue;
      const keep = candidates.sort((a, b) => count(b) - count(a) || firstDefinition.get(a)! - firstDefinition.get(b)!)[0];
      const def = definitions[firstDefinition.get(keep)!];
      const initials = initialsName(keep, def.words);
      const name = names.get(keep) ?? (initials === undefined ? undefined : nameAt(def, initials));
      for (const form of forms) {
        if (form === keep) continue;
        reportForm(ctx, { form, keep, kind: kinds.get(form) ?? 'defined', name, line: def.occurrence.prose.at(def.occurrence.start).line + 1, keepCount: count(keep), all: occurrences.get(form)! },
          (o) => definedAt.get(o.prose)?.has(o.start) ?? false);
      }
    }
  },
};

interface FormFindings { form: string; keep: string; kind: Kind; name?: string; line: number; keepCount: number; all: Occurrence[] }

/**
 * One information per occurrence of a form to replace. The message and the fix for all occurrences
 * are the same for each: built once and shared, so a form used n times costs n, not n² (a compendium
 * repeats a text's variants hundreds of times).
 */
function reportForm(ctx: RuleContext, f: FormFindings, isDefinition: (o: Occurrence) => boolean): void {
  const { lang } = ctx;
  const { form, keep } = f;
  const formCount = f.all.length;
  const named = f.name ? ctx.t(` pour ${q(lang, f.name)}`, ` for ${q(lang, f.name)}`) : '';
  const times = (n: number) => ctx.t(`${n} fois`, n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
  let message: string;
  switch (f.kind) {
    case 'defined': {
      const who = f.name ? q(lang, f.name) : ctx.t('Le même nom', 'The same name');
      message = ctx.t(
        `Sigle ${q(lang, form)} : ${who} a déjà le sigle ${q(lang, keep)} (ligne ${f.line}), employé ${times(f.keepCount)} contre ${formCount} pour ${q(lang, form)} : un organisme, un sigle`,
        `Acronym ${q(lang, form)}: ${who} already has the acronym ${q(lang, keep)} (line ${f.line}), used ${times(f.keepCount)} against ${formCount} for ${q(lang, form)}: one body, one acronym`);
      break;
    }
    case 'variant':
      message = ctx.t(
        `Sigle ${q(lang, form)} : jamais défini, il ne diffère que d’une lettre ajoutée de ${q(lang, keep)}, défini ligne ${f.line}${named} et employé ${times(f.keepCount)} (${q(lang, form)} : ${times(formCount)})`,
        `Acronym ${q(lang, form)}: never defined, it differs only by an added letter from ${q(lang, keep)}, defined on line ${f.line}${named} and used ${times(f.keepCount)} (${q(lang, form)}: ${times(formCount)})`);
      break;
    case 'split':
      message = ctx.t(
        `Sigle ${q(lang, form)} : ${q(lang, keep)}, défini ligne ${f.line}${named} et employé ${times(f.keepCount)}, s’écrit d’un seul tenant`,
        `Acronym ${q(lang, form)}: ${q(lang, keep)}, defined on line ${f.line}${named} and used ${times(f.keepCount)}, is written as one word`);
      break;
  }
  const edit = (o: Occurrence): TextEdit | undefined => {
    const range: Range = (o.range ??= o.prose.range(o.start, o.end));
    return range.start.line === range.end.line ? { range, newText: keep } : undefined;
  };
  const everywhere = f.all.map(edit).filter((e): e is TextEdit => !!e);
  const replaceAll = everywhere.length ? {
    title: everywhere.length > 1
      ? ctx.t(`Remplacer les ${everywhere.length} ${q(lang, form)} par ${q(lang, keep)}`, `Replace all ${everywhere.length} ${q(lang, form)} with ${q(lang, keep)}`)
      : ctx.t(`Écrire ${q(lang, keep)}`, `Write ${q(lang, keep)}`),
    edits: everywhere,
  } : undefined;
  for (const o of f.all) {
    const here = edit(o);
    const fixes = [];
    // Renaming the definition alone would leave the other occurrences without their evidence: all of them.
    if (here && !isDefinition(o) && formCount > 1) fixes.push({ title: ctx.t(`Écrire ${q(lang, keep)}`, `Write ${q(lang, keep)}`), edits: [here] });
    if (replaceAll) fixes.push(replaceAll);
    ctx.report({ range: o.prose.range(o.start, o.end), message, fixes });
  }
}
