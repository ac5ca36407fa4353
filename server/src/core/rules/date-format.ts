// Dates are written day month year, the French month in lower case with its accents, the English
// month with a capital, the day without a leading zero or ordinal, the French first day « 1er »
// (« 1er octobre 2020 », "15 December 2022"). Every date the citation recognizer reads is judged:
// dates anywhere in a paragraph (citations, header lines, footnotes, running text) and the first
// date of a pair stated in a citation (« en date des 1 et 2 octobre 2020 »). One finding per date,
// naming every problem, with a safe fix that rewrites the date in place.
import { findDates, isDateSpace, matchDatePairAt, MONTHS_EN, MONTHS_FR, yearMayEndDate, type DateFormIssue, type ParsedDate } from '../citations/dates';

// « 1 et », « 1er and », « 1<sup>er</sup> et » right before a date: the first day of a pair (a possible
// day only: in « 20 March 53 and 28 March 1991 » the 53 is a footnote call left by extraction).
const PAIR_TAIL = /(?<![\p{L}0-9])(?:0?[1-9]|[12]\d|3[01])(?:er|<sup>er<\/sup>|\^\{er\}|\^er\^?|ᵉʳ|st|nd|rd|th)?[ \t\u00a0\u202f\u2009]+(?:et|and)[ \t\u00a0\u202f\u2009]+$/u;
import type { Paragraph, Position, Range } from '../model/types';
import { digitRuns, paragraphTest, q } from './helpers';
import { ALL_PROFILES } from '../profiles';
import type { Rule, RuleContext } from './types';

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
    // Most dates are written right (« 18 décembre 2019 ») and stand alone: the rule has nothing to
    // say of a paragraph holding only such dates. The whole text is searched once for the others
    // (a date findDates may read otherwise, or the second of a possible pair); the paragraphs on
    // their lines are read. A text with a « ſ » is left to findDates' own reading, paragraph by paragraph.
    const worth = doc.text.includes('ſ') ? () => true : paragraphTest(doc, (text, hit) => {
      for (const year of digitRuns(doc).years) if (yearMayEndDate(text, year)) hit(year);
    });
    // Paragraph by paragraph, not by a search of the whole text: incremental analysis runs this
    // rule on a document that keeps only the paragraphs to check.
    for (const p of doc.paragraphs) {
      if (p.kind === 'rule' || !worth(p)) continue;
      const dates = findDates(p.text);
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
