// The Organization's fixed terms, and its principal organs named in full. Resolution text never
// abbreviates the Organization or a principal organ (UN, UNGA, ECOSOC, « l'ONU », « le CS »), and
// writes « États Membres », « Nations Unies », « Secrétaire général », "Member States",
// "Secretary-General". Other acronyms are fine (UNDP, « ONU-Femmes »), and so is what the text does
// not write in its own voice: titles in quotes or italics, URLs, code, the masthead. Lower case is
// right for the members and officers of other organizations (« États membres de l'Union
// européenne », "Secretary General of the Council of Europe"): those terms are left alone when the
// words after them or the paragraph name another organization. The vocabularies are in
// data/terminology.json. This file also holds the reading of a paragraph's running text (what is
// quoted, italic, a URL…) that the acronym-consistency and french-typography rules share.
import data from '../data/terminology.json';
import type { Paragraph, Position, Range } from '../model/types';
import { memoized, memoSlot } from '../memo';
import { ALL_PROFILES } from '../profiles';
import { KeyedPattern, q } from './helpers';
import type { Rule, RuleContext } from './types';

// ---------------------------------------------------------------------------------------------
// Running text of a paragraph, with what the author does not write in his own voice marked.

/** Zones of a paragraph's text. */
export const URL = 1, CODE = 2, ITALIC = 4, QUOTE = 8;

/**
 * A paragraph's running text. A class, not an object literal with a getter: V8 gives every such
 * literal a hidden class of its own, made in the old generation and pointing at the getter's closure,
 * which kept each paragraph's reading (and its paragraph) alive through the young-generation
 * collections until a full one.
 */
export class Prose {
  /** The paragraph's text: its segments joined by one space. */
  readonly text: string;
  /** Offsets of the spaces that join two segments (a page break, not a space the author typed). */
  readonly joins = new Set<number>();
  /** Where each segment starts in `text`. */
  private readonly starts: number[] = [];
  private zoned?: Uint8Array;

  constructor(readonly p: Paragraph) {
    this.text = p.text;
    let o = 0;
    for (const s of p.segments) {
      if (this.starts.length) this.joins.add(o - 1);
      this.starts.push(o);
      o += s.end - s.start + 1;
    }
  }

  /** Zone flags per UTF-16 unit of `text`, computed on first use: most paragraphs hold nothing a rule looks at twice. */
  get zones(): Uint8Array {
    return (this.zoned ??= zonesOf(this.text));
  }

  /** Document position of an offset in `text`. */
  at(offset: number, isEnd = false): Position {
    const { segments } = this.p, starts = this.starts;
    let k = segments.length - 1;
    while (k > 0 && (isEnd ? offset <= starts[k] : offset < starts[k])) k--;
    const s = segments[k];
    return { line: s.line, character: Math.min(s.start + offset - starts[k], s.end) };
  }

  /** Range of `text` from `start` to `end`. */
  range(start: number, end: number): Range {
    return { start: this.at(start), end: this.at(end, true) };
  }
}

const PROSE = memoSlot<Prose>('prose');
const readProse = (p: Paragraph) => new Prose(p);

/** Reads a paragraph's running text once (the three rules share it). */
export function proseOf(p: Paragraph): Prose {
  return memoized(p, PROSE, readProse);
}

function mark(zones: Uint8Array, start: number, end: number, flag: number): void {
  for (let i = Math.max(0, start); i < Math.min(end, zones.length); i++) zones[i] |= flag;
}

const URL_RE = /(?:\b(?:https?|ftp):\/\/|\bwww\.|\bmailto:)[^\s<>()\]»”"]*(?:\([^\s()]*\)[^\s<>()\]»”"]*)*|\]\([^)\s]*\)|<(?:https?|ftp):[^>\s]*>/gi;
const CODE_RE = /`[^`]*`|<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);/g;
const SPACE_RE = /[\s\u00a0\u202f\u2009]/;

/**
 * Marks URLs, code and tags, quotations (« », “ ”, "…") and italics (*…*, _…_). Each expression
 * runs only on a text holding what it needs, and the walks visit only the quotes and asterisks,
 * not every character: rules read the zones of many paragraphs (every one with an acronym, in a
 * document that defines some).
 */
function zonesOf(text: string): Uint8Array {
  const zones = new Uint8Array(text.length);
  let m: RegExpExecArray | null;
  if (mayHoldUrl(text)) {
    URL_RE.lastIndex = 0;
    while ((m = URL_RE.exec(text))) mark(zones, m.index, m.index + m[0].length, URL);
  }
  if (text.includes('`') || text.includes('<') || text.includes('&')) {
    CODE_RE.lastIndex = 0;
    while ((m = CODE_RE.exec(text))) mark(zones, m.index, m.index + m[0].length, CODE);
  }
  const free = (i: number) => !(zones[i] & (URL | CODE));

  // Quotations: French guillemets (nested), English curly quotes, straight double quotes in pairs.
  const stack: number[] = [];
  let curly = -1, straight = -1;
  QUOTE_RE.lastIndex = 0;
  for (let q = QUOTE_RE.exec(text); q; q = QUOTE_RE.exec(text)) {
    const i = q.index;
    if (!free(i)) continue;
    const c = text[i];
    if (c === '«') stack.push(i);
    else if (c === '»' && stack.length) { const s = stack.pop()!; if (!stack.length) mark(zones, s, i + 1, QUOTE); }
    else if (c === '“' || c === '„') { if (curly < 0) curly = i; }
    else if (c === '”' && curly >= 0) { mark(zones, curly, i + 1, QUOTE); curly = -1; }
    else if (c === '"') {
      if (straight < 0) straight = i;
      else { mark(zones, straight, i + 1, QUOTE); straight = -1; }
    }
  }

  // Italics: a run of one or three asterisks (not escaped) opens before a non-space and closes after one.
  let open = -1;
  for (let i = text.indexOf('*'); i >= 0; i = text.indexOf('*', i + 1)) {
    if (!free(i) || text[i - 1] === '\\') continue;
    let j = i;
    while (text[j] === '*') j++;
    const run = j - i;
    if (run === 1 || run === 3) {
      const before = text[i - 1], after = text[j];
      if (open < 0 && after !== undefined && !SPACE_RE.test(after)) open = i;
      else if (open >= 0 && before !== undefined && !SPACE_RE.test(before)) { mark(zones, open, j, ITALIC); open = -1; }
    }
    i = j - 1;
  }
  // _…_ at word boundaries (not snake_case words, not escaped).
  if (text.includes('_')) {
    const UNDERSCORE = /(?<![\p{L}\p{N}\\_])_(?![\s_])[^_]*?[^\s\\_]_(?![\p{L}\p{N}_])/gu;
    while ((m = UNDERSCORE.exec(text))) if (free(m.index)) mark(zones, m.index, m.index + m[0].length, ITALIC);
  }
  return zones;
}

/**
 * The quotation marks, found by one expression: indexOf('“') would cost a scan per space, as V8
 * looks for the higher byte of U+201C (0x20) before comparing.
 */
const QUOTE_RE = /[«»“„”"]/g;

/**
 * Whether URL_RE can match: each of its forms holds « :// », « ]( », « < », or « www. » or
 * « mailto: » in any case (its i flag folds only ASCII letters into these).
 */
function mayHoldUrl(text: string): boolean {
  return text.includes('://') || text.includes('](') || text.includes('<') || endsCaseless(text, '.', 'www') || endsCaseless(text, ':', 'mailto');
}

/** Whether `mark` stands somewhere right after `word` written in any case (ASCII letters). */
function endsCaseless(text: string, mark: string, word: string): boolean {
  outer: for (let i = text.indexOf(mark, word.length); i >= 0; i = text.indexOf(mark, i + 1)) {
    for (let k = 0; k < word.length; k++) {
      const c = text.charCodeAt(i - word.length + k);
      if (c !== word.charCodeAt(k) && c !== word.charCodeAt(k) - 32) continue outer;
    }
    return true;
  }
  return false;
}

/** Whether any unit of [start, end) is in one of the zones. */
export function inZone(prose: Prose, start: number, end: number, flags: number): boolean {
  for (let i = start; i < end; i++) if (prose.zones[i] & flags) return true;
  return false;
}

/** A line in capitals (a masthead, a heading): it follows its own typography. */
export function isCapitalsLine(text: string): boolean {
  // At least four letters (UTF-16 units), none of them lower case. One scan that stops at the first
  // lower-case letter: running text gives up within a few characters, where stripping every
  // non-letter of a long paragraph with a Unicode regex cost more than the rest of the rule.
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 97 && c <= 122) return false; // a-z
      if (c >= 65 && c <= 90) letters++; // A-Z
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (ch.length === 2) i++;
    if (!LETTER.test(ch)) continue;
    if (ch !== ch.toUpperCase()) return false;
    letters += ch.length;
  }
  return letters >= 4;
}
const LETTER = /^\p{L}$/u;

/** Paragraphs whose text the rules read: everything but the running headers left by page breaks. */
export function textParagraphs(doc: { paragraphs: Paragraph[] }): Paragraph[] {
  return doc.paragraphs.filter((p) => p.kind !== 'rule');
}

// ---------------------------------------------------------------------------------------------
// The rule.

interface Abbreviation { lang: string; abbr: string; full: string; names?: string[]; before?: string[]; after?: string[]; masculine?: boolean }
interface FixedTerm { lang: string; right: string; wrong: string[]; otherBodies?: boolean }

const ABBREVIATIONS = data.abbreviations as Abbreviation[];
const FIXED = data.fixedTerms as FixedTerm[];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const apostrophes = (s: string) => s.replace(/'/g, "['’]");

/** Another organization named in a text (« Union africaine », "Council of Europe", EU). */
const OTHER_BODY = new RegExp(`(?<![\\p{L}\\p{N}])(?:${data.otherBodies.map((b) => apostrophes(escape(b))).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`, 'u');
/** The United Nations itself as the complement of a term (« de l'Organisation des Nations Unies », "of the United Nations"). */
const OWN = /^(?:de l['’]Organisation(?: des Nations Unies)?|des Nations Unies|of the United Nations|of the Organization)(?![\p{L}])/u;
/** A complement naming what the members belong to (« de l'Union », « des organisations régionales », "of the Commission"). */
const COMPLEMENT = /^(?:de |du |des |d['’]|of )/u;

const WORD_AFTER = /^[ \u00a0]+([\p{L}]+)/u;
const WORD_BEFORE = /([\p{L}]+['’]?)[ \u00a0]*$/u;

const BOUNDARY_BEFORE = '(?<![\\p{L}\\p{N}_\\-/.@#&])';
const BOUNDARY_AFTER = '(?![\\p{L}\\p{N}_\\-/@#&]|\\.[\\p{L}\\p{N}]|:[\\p{L}\\p{N}/])';
interface Compiled { abbr: KeyedPattern; abbreviations: Map<string, Abbreviation>; fixed: KeyedPattern; terms: Map<string, FixedTerm> }
/** One pass per paragraph for each list: the alternatives, longest first, in a single expression, run only where a key stands. */
function compile(lang: string): Compiled {
  const abbreviations = new Map(ABBREVIATIONS.filter((a) => a.lang === lang).map((a) => [a.abbr, a]));
  const terms = new Map(FIXED.filter((f) => f.lang === lang).flatMap((f) => f.wrong.map((w) => [w, f] as const)));
  const alternatives = (keys: Iterable<string>) => [...keys].sort((a, b) => b.length - a.length).map(escape).join('|');
  return {
    abbr: new KeyedPattern(new RegExp(`${BOUNDARY_BEFORE}(?:${alternatives(abbreviations.keys())})${BOUNDARY_AFTER}`, 'gu'), abbreviations.keys()),
    abbreviations,
    fixed: new KeyedPattern(new RegExp(`(?<![\\p{L}\\p{N}\\-])(?:${alternatives(terms.keys())})(?![\\p{L}\\p{N}\\-])`, 'gu'), terms.keys()),
    terms,
  };
}
const COMPILED = { fr: compile('fr'), en: compile('en') };

export const terminology: Rule = {
  id: 'terminology',
  defaultSeverity: 'warning',
  description: {
    fr: 'Les organes principaux et l’Organisation sont nommés en toutes lettres (ni « ONU », ni « ECOSOC », ni « le CS ») ; termes consacrés : « États Membres », « Nations Unies », « Secrétaire général », "Member States", "Secretary-General".',
    en: 'The Organization and its principal organs are named in full (no UN, UNGA, UNSC, ECOSOC); fixed terms: "Member States", "Secretary-General", "United Nations", « États Membres », « Nations Unies », « Secrétaire général ».',
  },
  profiles: ALL_PROFILES, scope: 'paragraph',
  check(ctx) {
    const { doc } = ctx;
    const compiled = COMPILED[doc.lang];
    // Abbreviations: resolution text only (a report may write « l'ONU »), not the masthead.
    const abbreviations = doc.kind !== 'report' && compiled.abbr.mayMatch(doc);
    // A report in a compendium of resolutions keeps its own usage too.
    if (!abbreviations && !compiled.fixed.mayMatch(doc)) return;
    // The paragraphs that may hold a match, found by one search of the whole text for each key.
    const mayAbbreviate = abbreviations ? compiled.abbr.test(doc) : undefined;
    const mayMisspell = compiled.fixed.test(doc);
    for (const p of textParagraphs(doc)) {
      const text = p.text;
      const abbr = mayAbbreviate?.(p) && p.kind !== 'header' && p.part?.kind !== 'report' ? compiled.abbr.matches(doc, text) : [];
      const fixed = mayMisspell(p) ? compiled.fixed.matches(doc, text) : [];
      if ((!abbr.length && !fixed.length) || isCapitalsLine(text)) continue;
      const prose = proseOf(p);
      const quoted = (start: number, end: number) => inZone(prose, start, end, URL | CODE | ITALIC | QUOTE);
      for (const m of abbr) {
        if (!quoted(m.index, m.index + m[0].length)) abbreviation(ctx, prose, compiled.abbreviations.get(m[0])!, m.index);
      }
      for (const m of fixed) {
        if (!quoted(m.index, m.index + m[0].length)) fixedTerm(ctx, prose, compiled.terms.get(m[0])!, m.index, m[0]);
      }
    }
  },
};

function abbreviation(ctx: RuleContext, prose: Prose, a: Abbreviation, start: number): void {
  const { text } = prose;
  const end = start + a.abbr.length;
  const after = text.slice(end, end + 40);
  const before = text.slice(Math.max(0, start - 40), start);
  const next = WORD_AFTER.exec(after)?.[1];
  const previous = WORD_BEFORE.exec(before)?.[1];
  // Part of a name (« ONU Femmes », "UN Women") or of a longer acronym cut by a space (« ONU DC »).
  if (next && (a.names?.includes(next) || /^[\p{Lu}]{2,}$/u.test(next))) return;
  if (a.before || a.after) {
    const prev = previous?.replace(/’/g, "'").toLowerCase();
    const ok = (a.before?.some((b) => b === prev) ?? false) || (a.after?.some((w) => w === next?.toLowerCase()) ?? false);
    if (!ok) return;
  }
  const lang = ctx.lang;
  let range = prose.range(start, end);
  let replacement = a.full;
  // « l'ECOSOC » → « le Conseil économique et social », « de l'ECOSOC », « d'ECOSOC » → « du … », « à l'ECOSOC » → « au … ».
  let fixable = true;
  if (a.masculine && /[\p{L}]['’]$/u.test(before)) {
    const elided = /(?:(?<![\p{L}])([Dd]e|[àÀ]) )?(?<![\p{L}])([LlDd])['’]$/u.exec(before);
    if (elided && !(elided[1] && /^[Dd]$/.test(elided[2]))) {
      const s = start - elided[0].length;
      const which = (elided[1] ?? elided[2]).toLowerCase();
      const article = which === 'l' ? 'le' : which === 'à' ? 'au' : 'du';
      const cap = (elided[1] ?? elided[2]).charAt(0);
      range = prose.range(s, end);
      replacement = `${cap === cap.toUpperCase() ? article.charAt(0).toUpperCase() + article.slice(1) : article} ${a.full}`;
    } else fixable = false; // « qu'ECOSOC »: the sentence needs rewording
  }
  // "an SC resolution" → "a Security Council resolution".
  const an = /(?<![\p{L}])([Aa])n $/u.exec(before);
  if (lang === 'en' && an && !/^[AEIOU]/.test(a.full)) {
    const s = start - an[0].length;
    range = prose.range(s, end);
    replacement = `${an[1]} ${a.full}`;
  }
  const possessive = /^['’]s?(?![\p{L}])/u.test(after);
  const oneLine = range.start.line === range.end.line;
  ctx.report({
    range: prose.range(start, end),
    message: ctx.t(
      `Abréviation ${q(lang, a.abbr)} : dans une résolution, l’Organisation et ses organes principaux sont nommés en toutes lettres (${q(lang, a.full)})`,
      `Abbreviation ${q(lang, a.abbr)}: a resolution names the Organization and its principal organs in full (${q(lang, a.full)})`),
    fixes: oneLine && !possessive && fixable
      ? [{ title: ctx.t(`Écrire ${q(lang, replacement)}`, `Write ${q(lang, replacement)}`), edits: [{ range, newText: replacement }], safe: true }]
      : undefined,
  });
}

function fixedTerm(ctx: RuleContext, prose: Prose, f: FixedTerm, start: number, written: string): void {
  const { text, p } = prose;
  const end = start + written.length;
  if (f.otherBodies) {
    // « États membres de l'Union africaine », "member States of the Commission", "Secretary General of NATO";
    // "non-member States" is the house form.
    const rest = text.slice(end).replace(/^[ \u00a0]+/, '');
    if (COMPLEMENT.test(rest) && !OWN.test(rest)) return;
    if (OTHER_BODY.test(p.text)) return;
  }
  let right = f.right;
  // The legacy profile accepts unaccented capitals (« Etats Membres »), older practice.
  if (ctx.profile === 'legacy' && /^Etat/.test(written)) right = right.replace(/^État/, 'Etat');
  if (right === written) return;
  const lang = ctx.lang;
  const why = describe(ctx, written, right);
  const range = prose.range(start, end);
  ctx.report({
    range,
    message: ctx.t(`${q(lang, written)} : le terme consacré est ${q(lang, right)}${why ? ` (${why})` : ''}`,
      `${q(lang, written)}: the fixed term is ${q(lang, right)}${why ? ` (${why})` : ''}`),
    fixes: range.start.line === range.end.line
      ? [{ title: ctx.t(`Écrire ${q(lang, right)}`, `Write ${q(lang, right)}`), edits: [{ range, newText: right }], safe: true }]
      : undefined,
  });
}

/** What differs between the written form and the fixed term, in words. */
function describe(ctx: RuleContext, written: string, right: string): string {
  const reasons: string[] = [];
  const hyphen = (s: string) => s.includes('-');
  if (hyphen(written) !== hyphen(right)) reasons.push(hyphen(right) ? ctx.t('avec un trait d’union', 'with a hyphen') : ctx.t('sans trait d’union', 'without a hyphen'));
  const ws = written.split(/[ \-]/), rs = right.split(/[ \-]/);
  const bare = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  ws.forEach((w, i) => {
    const r = rs[i];
    if (r === undefined || w === r) return;
    const a = w.charAt(0), b = r.charAt(0);
    if (a !== b && bare(a) === bare(b) && (a === a.toUpperCase()) !== (b === b.toUpperCase())) {
      reasons.push(b === b.toUpperCase() ? ctx.t(`« ${r} » prend une majuscule`, `"${r}" takes a capital`) : ctx.t(`« ${r} » s’écrit en minuscules`, `"${r}" is written in lower case`));
    }
    if (bare(w) === bare(r) && w.toLowerCase() !== r.toLowerCase()) {
      const accents = [...r].filter((c, k) => c.toLowerCase() !== (w[k] ?? '').toLowerCase()).length;
      reasons.push(accents > 1 ? ctx.t(`« ${r} » prend ses accents`, `"${r}" takes its accents`) : ctx.t(`« ${r} » prend son accent`, `"${r}" takes its accent`));
    }
  });
  return reasons.join(', ');
}
