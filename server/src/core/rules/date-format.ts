// Dates are written day month year, the French month in lower case with its accents, the English
// month with a capital, the day without a leading zero or ordinal, the French first day « 1er »
// (« 1er octobre 2020 », "15 December 2022"). Every date the citation recognizer reads is judged:
// dates anywhere in a paragraph (citations, header lines, footnotes, running text) and the first
// date of a pair stated in a citation (« en date des 1 et 2 octobre 2020 »). One finding per date,
// naming every problem, with a safe fix that rewrites the date in place.
import { findDates, matchDateAt, matchDatePairAt, type DateFormIssue, type DateMatch, type ParsedDate } from '../citations/dates';

// « 1 et », « 1er and », « 1<sup>er</sup> et » right before a date: the first day of a pair (a possible
// day only: in « 20 March 53 and 28 March 1991 » the 53 is a footnote call left by extraction).
const PAIR_TAIL = /(?<![\p{L}0-9])(?:0?[1-9]|[12]\d|3[01])(?:er|<sup>er<\/sup>|\^\{er\}|\^er\^?|ᵉʳ|st|nd|rd|th)?[ \t\u00a0\u202f\u2009]+(?:et|and)[ \t\u00a0\u202f\u2009]+$/u;
import type { Paragraph, Position, Range } from '../model/types';
import { q } from './helpers';
import { ALL_PROFILES } from '../profiles';
import type { Rule, RuleContext } from './types';

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SP = '[ \\t\\u00a0\\u202f\\u2009]+';
const SUFFIX = 'er|<sup>er<\\/sup>|\\^\\{er\\}|\\^er\\^?|ᵉʳ|st|nd|rd|th';
/** A date as the recognizer matches it: day first (the month and year may be left out in the first date of a pair), or US order. */
const DAY_FIRST = new RegExp(`^(\\d{1,2})(${SUFFIX})?(?:(${SP})(\\p{L}+)(?:(${SP})(\\d{4}))?)?$`, 'u');
const US = new RegExp(`^(\\p{L}+)(${SP})(\\d{1,2})(st|nd|rd|th)?(,?)(${SP})(\\d{4})$`, 'u');
const FRENCH_1ER = /^(?:er|<sup>er<\/sup>|\^\{er\}|\^er\^?|ᵉʳ)$/;

interface Written { month?: string; text: string }

/** The parts of the date as written: its month name, when it has one. */
function written(text: string): Written | undefined {
  let m = DAY_FIRST.exec(text);
  if (m) return { month: m[4], text };
  m = US.exec(text);
  return m ? { month: m[1], text } : undefined;
}

/** The date written the house way, keeping what was right as written (separators, the markup of « 1er »). */
function rewrite(text: string, date: ParsedDate): string | undefined {
  const month = date.lang === 'fr' ? MONTHS_FR[date.month - 1] : MONTHS_EN[date.month - 1];
  const day = (suffix: string | undefined) => {
    const d = String(date.day);
    if (date.lang !== 'fr' || date.day !== 1) return d;
    return d + (suffix && FRENCH_1ER.test(suffix) ? suffix : 'er');
  };
  let m = DAY_FIRST.exec(text);
  if (m) {
    const [, , suffix, sp1, monthText, sp2, year] = m;
    let out = day(suffix);
    if (monthText !== undefined) out += sp1 + month;
    if (year !== undefined) out += sp2 + year;
    return out;
  }
  m = US.exec(text);
  if (m) {
    const [, , sp1, , , , sp2, year] = m;
    return `${day(undefined)}${sp1}${month}${sp2}${year}`;
  }
  return undefined;
}

function explain(ctx: RuleContext, issue: DateFormIssue, date: ParsedDate): string {
  switch (issue) {
    case 'capital-month': return ctx.t('le mois s’écrit en minuscules', 'the French month is written in lower case');
    case 'lowercase-month': return ctx.t('le mois anglais prend une majuscule', 'the month takes a capital');
    case 'leading-zero': return ctx.t('le jour s’écrit sans zéro initial', 'the day is written without a leading zero');
    case 'first-day-not-1er': return ctx.t('le premier jour du mois s’écrit « 1er »', 'the first day of a French month is written « 1er »');
    case 'us-order': return ctx.t('le jour précède le mois, sans virgule', 'the day comes before the month, with no comma');
    case 'ordinal-suffix': return date.lang === 'fr'
      ? ctx.t('seul le premier jour du mois prend « er »', 'only the first day of a French month takes « er »')
      : ctx.t('le jour s’écrit sans suffixe ordinal', 'the day takes no ordinal suffix');
    case 'missing-accent': return ctx.t('le mois prend son accent', 'the French month takes its accent');
    case 'invalid-date': return ctx.t('ce jour n’existe pas', 'there is no such day');
  }
}

/** Maps offsets in a paragraph's text (segments joined by one space) to positions in the document. */
function offsetMap(p: Paragraph): (offset: number, isEnd?: boolean) => Position {
  const starts: number[] = [];
  let o = 0;
  for (const s of p.segments) { starts.push(o); o += s.end - s.start + 1; }
  return (offset, isEnd = false) => {
    let k = p.segments.length - 1;
    while (k > 0 && (isEnd ? offset <= starts[k] : offset < starts[k])) k--;
    const s = p.segments[k];
    return { line: s.line, character: Math.min(s.start + offset - starts[k], s.end) };
  };
}

// ---------------------------------------------------------------------------------------------
// The dates of a paragraph: what findDates (citations/dates.ts) returns, found with less work. It
// scans for years with a regular expression and, for each year, tries its date expression at every
// digit and month initial of the 40 characters before (a dozen tries a year); a paragraph with many
// citations cost more than the rest of the rule. Here the years are found with indexOf, and the
// date expression (matchDateAt) is tried only where a date can start. Same dates, same order
// (checked against findDates on every paragraph of the seeds, corpus and fixtures).

/** How far before its year findDates looks for the start of a date (MAX_DATE_LENGTH there). */
const MAX_DATE_LENGTH = 40;
const isDigit = (c: number) => c >= 48 && c <= 57;
/** The spaces a date's parts are separated by (SP in dates.ts). */
const isDateSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009;
const LETTER = /^\p{L}$/u;
/** The first two letters of the English months, lower case, as numbers (c1 * 128 + c2): the US order starts with one ("December 15, 2022"). */
const EN_MONTH_STARTS = new Set(['ja', 'fe', 'ma', 'ap', 'ju', 'au', 'se', 'oc', 'no', 'de'].map((m) => m.charCodeAt(0) * 128 + m.charCodeAt(1)));
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The offsets of the years findDates reads, as /(?:1[89]|20)\d\d/g finds them (left to right, not overlapping). */
function yearsIn(text: string): number[] {
  const starts: number[] = [];
  for (let i = text.indexOf('1'); i >= 0; i = text.indexOf('1', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if ((next === 56 || next === 57) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3))) starts.push(i); // 18xx, 19xx
  }
  for (let i = text.indexOf('20'); i >= 0; i = text.indexOf('20', i + 1)) {
    if (isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3))) starts.push(i);
  }
  starts.sort((a, b) => a - b);
  const years: number[] = [];
  let from = 0;
  for (const i of starts) if (i >= from) { years.push(i); from = i + 4; }
  return years;
}

/** Characters a date can start with, as findDates tries them: 1 a digit, 2 a month initial [JFMASONDjfmasond]. */
const STARTS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) STARTS[c] = 1;
for (const c of 'JFMASONDjfmasond') STARTS[c.charCodeAt(0)] = 2;

/**
 * Whether the date expression can match at `start`: a digit (day first), or the first two letters
 * of an English month in any case (US order; findDates tries only the letters [JFMASONDjfmasond],
 * and the expression's i flag folds no other letter into these), with no letter or digit before
 * (the expression's lookbehind).
 */
function mayStartDate(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  const kind = c < 128 ? STARTS[c] : 0;
  if (!kind) return false;
  if (kind === 2) {
    const c2 = text.charCodeAt(start + 1);
    if (!isAsciiLetter(c2) || !EN_MONTH_STARTS.has((c | 32) * 128 + (c2 | 32))) return false;
  }
  if (start === 0) return true;
  const b = text.charCodeAt(start - 1);
  if (isDigit(b) || isAsciiLetter(b)) return false;
  if (b < 128 || (b >= 0xd800 && b <= 0xdfff)) return true; // a surrogate: left to the expression
  return !LETTER.test(text[start - 1]);
}

/**
 * The dates findDates(text) returns. `longS`: whether the document holds a « ſ » (long s), the one
 * letter the expression's i flag reads as a month letter (« ſeptembre ») that toLowerCase does not:
 * findDates then reads no date there, which matchDateAt cannot tell; such a text is left to it.
 */
function datesOf(text: string, longS: boolean): DateMatch[] {
  if (longS && text.includes('ſ')) return findDates(text);
  const out: DateMatch[] = [];
  let lastEnd = 0;
  for (const year of yearsIn(text)) {
    const yearEnd = year + 4;
    if (isDigit(text.charCodeAt(year - 1)) || isDigit(text.charCodeAt(yearEnd))) continue;
    // Both orders put spaces right before the year: no date ends with this one.
    if (!isDateSpace(text.charCodeAt(year - 1))) continue;
    let found = canonicalDate(text, year, lastEnd);
    for (let start = Math.max(lastEnd, year - MAX_DATE_LENGTH); start < year && !found; start++) {
      if (!mayStartDate(text, start)) continue;
      const d = matchDateAt(text, start);
      if (d && d.end === yearEnd) found = d;
    }
    if (!found) continue;
    lastEnd = yearEnd;
    out.push(found);
  }
  return out;
}

const MONTH_OF = new Map<string, { month: number; lang: 'fr' | 'en' }>([
  ...MONTHS_FR.map((m, i) => [m, { month: i + 1, lang: 'fr' as const }] as const),
  ...MONTHS_EN.map((m, i) => [m, { month: i + 1, lang: 'en' as const }] as const),
]);
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Most dates are written right, as « 18 décembre 2019 » or "15 December 2022": a day from 2 to 28
 * without leading zero, one space, a month as the house writes it, one space, the year. Such a date
 * is read here, as the date expression and interpret() (dates.ts) read it (no form issue; the start
 * findDates would find: nothing before the day can begin a date ending with this year), so that the
 * expression runs only for the others. Undefined: not such a date (or not after `from`).
 */
function canonicalDate(text: string, year: number, from: number): DateMatch | undefined {
  if (text.charCodeAt(year - 1) !== 32) return undefined;
  let m = year - 1;
  while (m > 0 && isMonthLetter(text.charCodeAt(m - 1))) m--;
  const month = MONTH_OF.get(text.slice(m, year - 1));
  if (!month || text.charCodeAt(m - 1) !== 32) return undefined;
  const d2 = text.charCodeAt(m - 2), d1 = text.charCodeAt(m - 3);
  if (!isDigit(d2)) return undefined;
  const start = isDigit(d1) ? m - 3 : m - 2;
  const day = isDigit(d1) ? (d1 - 48) * 10 + d2 - 48 : d2 - 48;
  if (day < 2 || day > 28 || (isDigit(d1) && d1 === 48) || start < from) return undefined;
  // The expression's lookbehind: no letter or digit before the day.
  if (start > 0) {
    const b = text.charCodeAt(start - 1);
    if (isDigit(b) || isAsciiLetter(b) || (b >= 0xd800 && b <= 0xdfff) || (b >= 128 && LETTER.test(text[start - 1]))) return undefined;
  }
  const y = Number(text.slice(year, year + 4));
  const date: ParsedDate = { iso: `${y}-${pad2(month.month)}-${pad2(day)}`, year: y, month: month.month, day, lang: month.lang, formIssue: undefined, formIssues: [] };
  return { start, end: year + 4, text: text.slice(start, year + 4), date };
}

/** A letter of a month name as the house writes it (ASCII letters, « é », « û »). */
const isMonthLetter = (c: number) => isAsciiLetter(c) || c === 0xe9 || c === 0xfb;

/** Whether the text before `at` ends with « et » or "and" and a space, as PAIR_TAIL requires. */
function pairMayEndAt(text: string, at: number): boolean {
  let k = at - 1;
  if (!isDateSpace(text.charCodeAt(k))) return false;
  while (k >= 0 && isDateSpace(text.charCodeAt(k))) k--;
  return text.startsWith('et', k - 1) || text.startsWith('and', k - 2);
}

export const dateFormat: Rule = {
  id: 'date-format',
  defaultSeverity: 'warning',
  description: {
    fr: 'Une date s’écrit jour, mois, année : mois français en minuscules et accentué, premier jour « 1er », jour sans zéro initial ni ordinal (« 1er octobre 2020 », "15 December 2022").',
    en: 'A date is written day, month, year: English month with a capital, French month in lower case, French first day « 1er », day without leading zero or ordinal ("15 December 2022", « 1er octobre 2020 »).',
  },
  profiles: ALL_PROFILES, scope: 'paragraph',
  check(ctx) {
    const { doc, lang } = ctx;
    // Dates judged, by where they start (a number: no string built per date).
    const seen = new Set<number>();
    const key = (r: Range) => r.start.line * 4294967296 + r.start.character;
    const judge = (range: Range, text: string, date: ParsedDate) => {
      const k = key(range);
      if (seen.has(k)) return;
      seen.add(k);
      // A date written right (most) needs no further look: every check below only takes issues away.
      if (!date.formIssues.length) return;
      const w = written(text);
      if (!w) return;
      let issues = date.formIssues;
      // The first date of a pair without its month (« 1 et 2 octobre »): the month is judged on the second date.
      if (w.month === undefined) issues = issues.filter((i) => i !== 'capital-month' && i !== 'lowercase-month' && i !== 'missing-accent');
      // An all-capitals heading (« 19 DÉCEMBRE 2023 ») follows its own typography.
      if (w.month && w.month.length > 1 && w.month === w.month.toUpperCase()) issues = issues.filter((i) => i !== 'capital-month' && i !== 'missing-accent');
      if (!issues.length) return;
      // « 01 octobre »: saying « 1er » is enough.
      if (issues.includes('first-day-not-1er')) issues = issues.filter((i) => i !== 'leading-zero');
      const what = (issues.includes('invalid-date') ? ['invalid-date' as const] : issues).map((i) => explain(ctx, i, date)).join(ctx.t(' ; ', '; '));
      const fixed = issues.includes('invalid-date') ? undefined : rewrite(text, date);
      const oneLine = range.start.line === range.end.line;
      if (fixed === text) return; // nothing the rule can say precisely
      ctx.report({
        range,
        message: fixed
          ? ctx.t(`Date ${q(lang, text)} : ${what} (${q(lang, fixed)})`, `Date ${q(lang, text)}: ${what} (${q(lang, fixed)})`)
          : ctx.t(`Date ${q(lang, text)} : ${what}`, `Date ${q(lang, text)}: ${what}`),
        fixes: fixed && oneLine
          ? [{ title: ctx.t(`Écrire ${q(lang, fixed)}`, `Write ${q(lang, fixed)}`), edits: [{ range, newText: fixed }], safe: true }]
          : undefined,
      });
    };
    // Paragraph by paragraph, not by a search of the whole text: incremental analysis runs this
    // rule on a document that keeps only the paragraphs to check.
    const longS = doc.text.includes('ſ');
    for (const p of doc.paragraphs) {
      if (p.kind === 'rule') continue;
      const dates = datesOf(p.text, longS);
      if (!dates.length) continue;
      const pos = offsetMap(p);
      for (const d of dates) {
        judge({ start: pos(d.start), end: pos(d.end, true) }, d.text, d.date);
        // The first date of a pair (« des 1 et 2 octobre 2020 ») stands just before the second,
        // after « et » or « and » and a space (PAIR_TAIL runs only then).
        if (!pairMayEndAt(p.text, d.start)) continue;
        const before = PAIR_TAIL.exec(p.text.slice(Math.max(0, d.start - 24), d.start));
        if (!before) continue;
        const pair = matchDatePairAt(p.text, d.start - before[0].length);
        const first = pair?.[0];
        if (!first) continue;
        const r = { start: pos(first.start), end: pos(first.end, true) };
        if (r.start.line === r.end.line) judge(r, doc.lines[r.start.line].slice(r.start.character, r.end.character), first.date);
      }
    }
  },
};
