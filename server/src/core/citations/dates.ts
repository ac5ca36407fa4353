// Dates as they are written in citations (« du 18 décembre 1991 », "of 24 November 1992"):
// recognised even when their form is wrong, so that a rule can report the form.
import type { Lang } from '../model/types';

/**
 * What is wrong with the way a date is written (the date itself is still read):
 * - capital-month: French month with a capital (« 15 Décembre 2022 »);
 * - lowercase-month: English month in lower case ("15 december 2022");
 * - leading-zero: « 01 octobre », "05 May";
 * - first-day-not-1er: French first day written « 1 » (or « 01 ») instead of « 1er »;
 * - us-order: "December 15, 2022" (house style is day month year);
 * - ordinal-suffix: "1st December", "15th December" (no ordinal in English dates) or « 2er »;
 * - missing-accent: « fevrier », « aout », « decembre »;
 * - invalid-date: no such day (« 31 février »).
 */
export type DateFormIssue =
  | 'capital-month' | 'lowercase-month' | 'leading-zero' | 'first-day-not-1er' | 'us-order' | 'ordinal-suffix' | 'missing-accent' | 'invalid-date';

export interface ParsedDate {
  /** YYYY-MM-DD; undefined when the day does not exist (invalid-date). */
  iso?: string;
  year: number;
  month: number;
  day: number;
  /** Language of the month name. */
  lang: Lang;
  /** The first form issue found, if any (see DateFormIssue). */
  formIssue?: DateFormIssue;
  /** Every form issue found, in the order of DateFormIssue (« 01 octobre »: leading-zero, first-day-not-1er). */
  formIssues: DateFormIssue[];
}

export interface DateMatch { start: number; end: number; text: string; date: ParsedDate }

/** Spaces that may separate the parts of a date: space, tab, NBSP, narrow NBSP, thin space. */
export const SP = '[ \\t\\u00a0\\u202f\\u2009]';

export const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTHS_FR_BARE: Record<string, number> = { fevrier: 2, aout: 8, decembre: 12 };
export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_INDEX = new Map<string, { month: number; lang: Lang; bare?: boolean }>();
MONTHS_FR.forEach((m, i) => MONTH_INDEX.set(m, { month: i + 1, lang: 'fr' }));
for (const [m, i] of Object.entries(MONTHS_FR_BARE)) MONTH_INDEX.set(m, { month: i, lang: 'fr', bare: true });
MONTHS_EN.forEach((m, i) => MONTH_INDEX.set(m.toLowerCase(), { month: i + 1, lang: 'en' }));

const MONTH_ANY = [...MONTH_INDEX.keys()].sort((a, b) => b.length - a.length).join('|');
const MONTH_EN = MONTHS_EN.join('|');
// Footnote calls may follow the year (« 2018³⁴ »): only ASCII digits bound the date.
// 1er may be written with markup: 1<sup>er</sup>, 1^er^, 1^{er}, 1ᵉʳ.
const DAY_SUFFIX = 'er|<sup>er<\\/sup>|\\^\\{er\\}|\\^er\\^?|ᵉʳ|st|nd|rd|th';
// Groups: 1 day, 2 suffix, 3 month (day-month order); 4 month, 5 day, 6 suffix (US order); 7 year.
const DATE_SRC = `(?<![\\p{L}0-9])(?:(\\d{1,2})(${DAY_SUFFIX})?${SP}+(${MONTH_ANY})|(${MONTH_EN})${SP}+(\\d{1,2})(st|nd|rd|th)?,?)${SP}+((?:1[89]|20)\\d{2})(?![0-9])`;
const DATE_STICKY = new RegExp(DATE_SRC, 'iuy');
const DATE_WHOLE = new RegExp(`^${DATE_SRC}$`, 'iu');
const YEAR_SCAN = /(?:1[89]|20)\d\d/g;
// The longest date before its year: « 1<sup>er</sup> septembre » or "September 30," with spaces.
const MAX_DATE_LENGTH = 40;
// Letters a month name can start with (US order "December 15, 2022" starts with the month).
const MONTH_INITIAL = /[JFMASONDjfmasond]/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function interpret(m: RegExpExecArray): ParsedDate | undefined {
  const us = m[4] !== undefined;
  const dayText = us ? m[5] : m[1];
  const monthText = us ? m[4] : m[3];
  const suffix = us ? m[6] : m[2];
  const info = MONTH_INDEX.get(monthText.toLowerCase());
  if (!info) return undefined;
  const day = Number(dayText);
  const year = Number(m[7]);
  const issues = new Set<DateFormIssue>();
  const lower = monthText === monthText.toLowerCase();
  if (info.lang === 'fr') {
    if (!lower) issues.add('capital-month');
    if (day === 1 && !suffix) issues.add('first-day-not-1er');
    if (suffix && (day !== 1 || !/er/.test(suffix) && suffix !== 'ᵉʳ')) issues.add('ordinal-suffix');
    if (info.bare) issues.add('missing-accent');
  } else {
    if (monthText[0] !== monthText[0].toUpperCase()) issues.add('lowercase-month');
    if (us) issues.add('us-order');
    if (suffix) issues.add('ordinal-suffix');
  }
  if (dayText.length === 2 && dayText[0] === '0') issues.add('leading-zero');
  const valid = day >= 1 && day <= DAYS_IN_MONTH[info.month - 1] && !(info.month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)));
  if (!valid) issues.add('invalid-date');
  const order: DateFormIssue[] = ['capital-month', 'lowercase-month', 'leading-zero', 'first-day-not-1er', 'us-order', 'ordinal-suffix', 'missing-accent', 'invalid-date'];
  const formIssues = order.filter((i) => issues.has(i));
  return {
    iso: valid ? `${year}-${String(info.month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : undefined,
    year, month: info.month, day, lang: info.lang, formIssue: formIssues[0], formIssues,
  };
}

/**
 * Reads a whole string as a date, French or English: « 1er octobre 2020 », "15 December 2022",
 * and wrong forms too (« 15 Décembre 2022 », « 1 octobre 2020 », "December 15, 2022", « 01 octobre 2020 »),
 * which come back with a formIssue. Undefined when the string is not a date.
 */
export function parseDate(s: string): ParsedDate | undefined {
  const m = DATE_WHOLE.exec(s.trim());
  return m ? interpret(m) : undefined;
}

/** A date starting exactly at `pos` in `text`. */
export function matchDateAt(text: string, pos: number): DateMatch | undefined {
  DATE_STICKY.lastIndex = pos;
  const m = DATE_STICKY.exec(text);
  if (!m) return undefined;
  const date = interpret(m);
  return date && { start: pos, end: pos + m[0].length, text: m[0], date };
}

// « en date des 25 et 26 juillet 2007 », "of 25 and 26 July 2007", « des 21 mars 2001 et 24 avril 2001 »:
// the first date may leave out its month and year, taken from the second.
const PAIR_FIRST = new RegExp(`((\\d{1,2})(${DAY_SUFFIX})?(?:${SP}+(${MONTH_ANY})(?:${SP}+((?:1[89]|20)\\d{2}))?)?),?${SP}+(?:et|and)${SP}+`, 'iuy');

/** Two dates joined by « et »/"and" starting exactly at `pos`, the first possibly reduced to its day. */
export function matchDatePairAt(text: string, pos: number): [DateMatch, DateMatch] | undefined {
  PAIR_FIRST.lastIndex = pos;
  const m = PAIR_FIRST.exec(text);
  if (!m) return undefined;
  const second = matchDateAt(text, pos + m[0].length);
  if (!second) return undefined;
  // The second date's month and year as written (« juillet 2007 »), after its day.
  const tail = second.text.replace(/^\S+[ \t\u00a0\u202f\u2009]+/, '');
  const monthYear = m[4] ? `${m[4]} ${m[5] ?? String(second.date.year)}` : tail;
  const date = parseDate(`${m[2]}${m[3] ?? ''} ${monthYear}`);
  if (!date) return undefined;
  return [{ start: pos, end: pos + m[1].length, text: m[1], date }, second];
}

/** findDates by the expression alone: the reference the faster scan below reproduces, and its fallback. */
function findDatesByExpression(text: string): DateMatch[] {
  // Every date ends with a year: find the years first (a cheap scan), then try the full pattern only
  // where a date can start in the few characters before — a day (digit) or a month (US order).
  // Trying the pattern, with its Unicode lookbehind, at every character cost more than the whole parse.
  const out: DateMatch[] = [];
  let lastEnd = 0;
  YEAR_SCAN.lastIndex = 0;
  let year: RegExpExecArray | null;
  while ((year = YEAR_SCAN.exec(text))) {
    const yearEnd = year.index + 4;
    if (isDigitAt(text, year.index - 1) || isDigitAt(text, yearEnd)) continue;
    let found: RegExpExecArray | null = null;
    for (let start = Math.max(lastEnd, year.index - MAX_DATE_LENGTH); start < year.index && !found; start++) {
      const c = text.charCodeAt(start);
      const digit = c >= 48 && c <= 57;
      if (!digit && !MONTH_INITIAL.test(text[start])) continue;
      DATE_STICKY.lastIndex = start;
      const m = DATE_STICKY.exec(text);
      if (m && start + m[0].length === yearEnd) found = m;
    }
    if (!found) continue;
    const date = interpret(found);
    lastEnd = yearEnd;
    if (date) out.push({ start: found.index, end: yearEnd, text: found[0], date });
  }
  return out;
}

// The faster scan findDates uses: what findDatesByExpression returns (same dates, same order,
// checked on every paragraph of the seeds, corpus and fixtures and on 600,000 random texts), with
// less work: the expression scan finds years with a regular expression and, for each year, tries the
// date expression at every digit and month initial of the 40 characters before (a dozen tries a
// year). Here the years are found with indexOf, most dates (written right) are read without the
// expression, and the expression (matchDateAt) is tried only where a date can start.

const isDigit = (c: number) => c >= 48 && c <= 57;
/** The spaces a date's parts are separated by (SP). */
export const isDateSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009;
const LETTER = /^\p{L}$/u;
/** The first two letters of the English months, lower case, as numbers (c1 * 128 + c2): the US order starts with one ("December 15, 2022"). */
const EN_MONTH_STARTS = new Set(['ja', 'fe', 'ma', 'ap', 'ju', 'au', 'se', 'oc', 'no', 'de'].map((m) => m.charCodeAt(0) * 128 + m.charCodeAt(1)));
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The offsets of the years findDatesByExpression reads, as /(?:1[89]|20)\d\d/g finds them (left to right, not overlapping). */
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

/** Characters a date can start with, as findDatesByExpression tries them: 1 a digit, 2 a month initial [JFMASONDjfmasond]. */
const STARTS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) STARTS[c] = 1;
for (const c of 'JFMASONDjfmasond') STARTS[c.charCodeAt(0)] = 2;

/**
 * Whether the date expression can match at `start`: a digit (day first), or the first two letters
 * of an English month in any case (US order; the expression scan tries only the letters [JFMASONDjfmasond],
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
 * Every date in a text (citations, and the rules that check dates anywhere). A text holding a « ſ »
 * (long s), the one letter the expression's i flag reads as a month letter (« ſeptembre ») that
 * toLowerCase does not, is left to the expression scan, which alone reads it as it should.
 */
export function findDates(text: string): DateMatch[] {
  if (text.includes('ſ')) return findDatesByExpression(text);
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
 * is read here, as the date expression and interpret() read it (no form issue; the start
 * the expression scan would find: nothing before the day can begin a date ending with this year), so that the
 * expression runs only for the others. Undefined: not such a date (or not after `from`).
 */
function canonicalDate(text: string, year: number, from: number): DateMatch | undefined {
  const start = canonicalDateStart(text, year);
  if (start < from) return undefined;
  const m = text.lastIndexOf(' ', year - 2) + 1;
  const month = MONTH_OF.get(text.slice(m, year - 1))!;
  const d2 = text.charCodeAt(m - 2), d1 = text.charCodeAt(m - 3);
  const day = isDigit(d1) ? (d1 - 48) * 10 + d2 - 48 : d2 - 48;
  const y = Number(text.slice(year, year + 4));
  const date: ParsedDate = { iso: `${y}-${pad2(month.month)}-${pad2(day)}`, year: y, month: month.month, day, lang: month.lang, formIssue: undefined, formIssues: [] };
  return { start, end: year + 4, text: text.slice(start, year + 4), date };
}

/** Where the date canonicalDate reads, ending with the year at `year`, starts; -1 when there is none. */
export function canonicalDateStart(text: string, year: number): number {
  if (text.charCodeAt(year - 1) !== 32) return -1;
  let m = year - 1;
  while (m > 0 && isMonthLetter(text.charCodeAt(m - 1))) m--;
  if (text.charCodeAt(m - 1) !== 32 || !isHouseMonth(text, m, year - 1)) return -1;
  const d2 = text.charCodeAt(m - 2), d1 = text.charCodeAt(m - 3);
  if (!isDigit(d2)) return -1;
  const start = isDigit(d1) ? m - 3 : m - 2;
  const day = isDigit(d1) ? (d1 - 48) * 10 + d2 - 48 : d2 - 48;
  if (day < 2 || day > 28 || (isDigit(d1) && d1 === 48)) return -1;
  // The expression's lookbehind: no letter or digit before the day.
  if (start > 0) {
    const b = text.charCodeAt(start - 1);
    if (isDigit(b) || isAsciiLetter(b) || (b >= 0xd800 && b <= 0xdfff) || (b >= 128 && LETTER.test(text[start - 1]))) return -1;
  }
  return start;
}

/**
 * Whether the year at `i` in a whole document's text (an isolated group of four digits
 * /(?:1[89]|20)\d\d/) may end a date findDates reads in a paragraph's text and that is not a
 * canonical date (canonicalDateStart) standing alone (not the second of a pair « 1 et 2 octobre
 * 2020 »). A paragraph joins two of its lines with a space: where the reading meets white space or
 * a line break, the paragraph's text may hold another character, and the answer is yes.
 */
export function yearMayEndDate(text: string, i: number): boolean {
  if (!isDateSpace(text.charCodeAt(i - 1))) return isWhiteAt(text, i - 1);
  // The word before the spaces: a month (day first), or a day (US order); anything else ends no date.
  let k = i - 1;
  while (k >= 0 && isDateSpace(text.charCodeAt(k))) k--;
  if (isWhiteAt(text, k)) return true;
  let j = k;
  while (j >= 0 && !isWhiteAt(text, j)) j--;
  const month = mayBeMonth(text, j + 1, k + 1);
  if (!month && !(isDigit(text.charCodeAt(j + 1)) && US_DAY.test(text.slice(j + 1, k + 1)))) return false;
  const start = canonicalDateStart(text, i);
  if (start < 0) return !month || mayHaveDayBefore(text, j);
  // A canonical date is judged only as the second of a pair (« 1 et 2 octobre 2020 »), after « et » or « and ».
  k = start - 1;
  if (!isDateSpace(text.charCodeAt(k))) return isWhiteAt(text, k);
  while (k >= 0 && isDateSpace(text.charCodeAt(k))) k--;
  return isWhiteAt(text, k) || text.startsWith('et', k - 1) || text.startsWith('and', k - 2);
}

/** White space or a line break (as \s reads it), or outside the text. */
function isWhiteAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return true;
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/**
 * Whether a day may stand before the month that white space at `j` precedes, as the date expression
 * reads a day first: date spaces, then a day and its suffix (« 1er », « 1<sup>er</sup> », "3rd") with
 * no letter or digit before it.
 */
function mayHaveDayBefore(text: string, j: number): boolean {
  if (!isDateSpace(text.charCodeAt(j))) return true; // another white space: a line may end there
  let k = j;
  while (k >= 0 && isDateSpace(text.charCodeAt(k))) k--;
  if (isWhiteAt(text, k)) return true;
  return DAY_BEFORE.test(text.slice(Math.max(0, k - 16), k + 1));
}
const DAY_BEFORE = new RegExp(`(?<![\\p{L}0-9])\\d{1,2}(?:${DAY_SUFFIX})?$`, 'iu');

/** The day of a date in US order as the date expression reads it before the year ("15th,"). */
const US_DAY = /^\d{1,2}(?:st|nd|rd|th)?,?$/iu;

/** The months the date expression reads (MONTH_INDEX's keys), by length. */
const MONTHS_BY_LENGTH: string[][] = [];
for (const m of MONTH_INDEX.keys()) (MONTHS_BY_LENGTH[m.length] ??= []).push(m);

/**
 * Whether text[from, to) may be a month name as the date expression's case-insensitive
 * alternatives read it: no ASCII character other than a letter (none folds into a month's
 * letters), and, when all its letters are ASCII or « é », « û » in either case, a known month
 * (compared in lower case, without slicing the text).
 */
function mayBeMonth(text: string, from: number, to: number): boolean {
  let plain = true;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c < 128) { if (!isAsciiLetter(c)) return false; }
    else if (c !== 0xe9 && c !== 0xc9 && c !== 0xfb && c !== 0xdb) plain = false;
  }
  if (!plain) return true;
  next: for (const m of MONTHS_BY_LENGTH[to - from] ?? []) {
    for (let k = 0; k < m.length; k++) {
      let c = text.charCodeAt(from + k);
      if (c < 128) c |= 32; else if (c === 0xc9 || c === 0xdb) c += 32; // É → é, Û → û
      if (c !== m.charCodeAt(k)) continue next;
    }
    return true;
  }
  return false;
}

/** The months as the house writes them (MONTH_OF's keys), by length. */
const HOUSE_MONTHS_BY_LENGTH: string[][] = [];
for (const m of MONTH_OF.keys()) (HOUSE_MONTHS_BY_LENGTH[m.length] ??= []).push(m);

/** Whether text[from, to) is a key of MONTH_OF (compared without slicing the text). */
function isHouseMonth(text: string, from: number, to: number): boolean {
  next: for (const m of HOUSE_MONTHS_BY_LENGTH[to - from] ?? []) {
    for (let k = 0; k < m.length; k++) if (text.charCodeAt(from + k) !== m.charCodeAt(k)) continue next;
    return true;
  }
  return false;
}

/** A letter of a month name as the house writes it (ASCII letters, « é », « û »). */
const isMonthLetter = (c: number) => isAsciiLetter(c) || c === 0xe9 || c === 0xfb;

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** An ISO date written the UN way: « 1er octobre 2020 », « 17 décembre 2018 », "17 December 2018". */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const day = Number(m[3]);
  const month = lang === 'fr' ? MONTHS_FR[Number(m[2]) - 1] : MONTHS_EN[Number(m[2]) - 1];
  return `${lang === 'fr' && day === 1 ? '1er' : day} ${month} ${m[1]}`;
}
