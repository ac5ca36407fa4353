// French typography of today's UN texts: a space before « : » (always) and before « ; », « ? », « ! »
// (modern practice; older texts glue them), spaces inside « », ordinals « 1er », « 1re », « 2e »
// (not « 1ère », « 2ème », « 2ième »). A plain space, a no-break space and a narrow no-break space
// all count as the space. Hints only, under the `modern` typography setting; `legacy` (and the
// legacy profile) turns the rule off. What the author quotes or sets in italics (titles, often
// English: "World Wildlife Crime Report: Trafficking…") keeps its own typography, and so do URLs,
// times (10:30), ratios, symbols and Markdown. A document that never spaces its semicolons follows
// the older practice throughout: it gets one hint, not one per semicolon. Fixes insert the space
// the document already uses before its marks (a no-break space if it uses one there, otherwise a
// plain space).
import data from '../data/terminology.json';
import type { Position } from '../model/types';
import { isSpace } from '../model/text';
import { digitRuns, offsetsTest, paragraphsWith, q } from './helpers';
import { paragraphPunctuation } from './paragraph-punctuation';
import { CODE, ITALIC, proseOf, QUOTE, textParagraphs, URL, type Prose } from './terminology';
import type { Rule, RuleContext, TextEdit } from './types';

const SCHEME = /(?:https?|ftp|mailto|doi|urn|file|isbn|issn)$/i;
/** What may follow a mark of punctuation: white space, the end, closing markup or quotes. */
const AFTER_MARK = /^(?:$|[\s\u00a0\u202f\u2009*_)\]»”"’'<\\,.?!])/;
// « 2ème », « 2ième », « IIème », « 1ère », « 3<sup>ème</sup> », « 4^ème^ »: the number, its markup, the suffix, a plural s.
const ORDINAL = /(?<![\p{L}\p{N}])(\d{1,4}|[IVX][IVXLC]+|[VX])(<sup>|\^\{|\^)?(ème|eme|ième|ieme|éme|è|ère|ere|ére)(s?)(<\/sup>|\}|\^)?(?![\p{L}\p{N}])/gu;

/**
 * The space the document writes before its marks: the no-break space it uses there, or a plain one.
 * Counts what /([\u00a0\u202f])[:;?!»]|«([\u00a0\u202f])/g matches, from the few no-break spaces
 * (a scan of the whole text for a rare character instead of a regular expression at every one).
 */
function spaceStyle(text: string): string {
  let nbsp = 0, narrow = 0;
  for (const s of ['\u00a0', '\u202f']) {
    for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
      // A space after « counts once, as such, even when a mark follows it (« « ; »).
      if (text[i - 1] !== '«' && !':;?!»'.includes(text[i + 1] ?? '\n')) continue;
      if (s === '\u00a0') nbsp++; else narrow++;
    }
  }
  if (!nbsp && !narrow) return ' ';
  return narrow > nbsp ? '\u202f' : '\u00a0';
}

/** White space as a regular expression's \s reads it. */
function isWhite(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Offsets of the characters of `chars` in `text`, in order (one indexOf scan per character: they are rare). */
function offsetsOf(text: string, chars: readonly string[]): number[] {
  const out: number[] = [];
  for (const c of chars) for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) out.push(i);
  if (chars.length > 1) out.sort((a, b) => a - b);
  return out;
}

/** Whether white space (or the join of two lines) stands at `i`, or the text ends there. */
function spaced(prose: Prose, i: number): boolean {
  const { text } = prose;
  return i < 0 || i >= text.length || isSpace(text[i]) || prose.joins.has(i);
}

const MARKS = [':', ';', '?', '!'];
const GUILLEMETS = ['«', '»'];

/**
 * The marks preceded by something other than white space, read as /[^\s\u00a0\u202f\u2009][:;?!]/g
 * reads them: pairs from left to right that do not overlap (in « a:; » only « : » is read).
 */
function unspacedMarks(text: string): number[] {
  const out: number[] = [];
  let from = 0;
  for (const i of offsetsOf(text, MARKS)) {
    if (i - 1 < from || isWhite(text.charCodeAt(i - 1))) continue;
    out.push(i);
    from = i + 1;
  }
  return out;
}

/** A mark after something other than white space in the whole text (where a paragraph joins two lines, its space is white). */
const markMayLackSpace = (text: string, at: number) => !isWhite(text.charCodeAt(at - 1));

/** A guillemet with something other than a space or another guillemet inside, in the whole text. */
function guillemetMayLackSpace(text: string, at: number): boolean {
  const inner = text[at] === '«' ? text[at + 1] : text[at - 1];
  return inner !== undefined && !isSpace(inner) && inner !== '«' && inner !== '»';
}

/** What can start a Roman numeral's ordinal: I, V, X (the digits' are found by digitRuns). */
const ROMAN_STARTS = ['I', 'V', 'X'];
const isRomanDigit = (c: number) => c === 73 || c === 86 || c === 88 || c === 76 || c === 67; // I V X L C

/**
 * A Roman numeral right before what an ordinal's markup or suffix starts with (« XXIème »), in the
 * whole text: with the digits' runs that digitRuns finds so (« 2ème », « 3<sup>e</sup> »), the
 * paragraphs worth MAY_BE_ORDINAL. Found with indexOf (one scan each), not by an expression at every
 * character.
 */
function numeralBeforeSuffix(text: string, at: number): boolean {
  let j = at + 1;
  if (isRomanDigit(text.charCodeAt(at))) while (isRomanDigit(text.charCodeAt(j))) j++; // the numeral goes on
  const next = text[j];
  return next === 'è' || next === 'e' || next === 'i' || next === 'é' || next === '<' || next === '^';
}

/**
 * Whether a paragraph may hold an ordinal ORDINAL reads: a number (digits, or a Roman numeral)
 * right before one of its suffixes. A plain expression, without Unicode lookarounds.
 */
const MAY_BE_ORDINAL = /(?:\d|[IVX][IVXLC]*)(?:<sup>|\^\{|\^)?(?:ème|eme|ième|ieme|éme|è|ère|ere|ére)/;

// English and French function words (data/terminology.json): an English title left in roman
// (« Global Report on Trafficking in Persons: 2022 ») keeps its English colon. « on » is French too.
const ENGLISH = new Set(data.functionWords.en.filter((w) => w !== 'on'));
const FRENCH = new Set(data.functionWords.fr);

/** Whether the words before a colon read as English (four words: an English function word, no French one). */
function english(text: string, at: number): boolean {
  const before = [...text.slice(Math.max(0, at - 80), at).matchAll(/[\p{L}]+/gu)].map((m) => m[0].toLowerCase()).slice(-4);
  return before.some((w) => ENGLISH.has(w)) && !before.some((w) => FRENCH.has(w));
}

const key = (p: Position) => `${p.line}:${p.character}`;

/** Closing marks paragraph-punctuation replaces: their space is not judged twice. */
function marksJudgedElsewhere(ctx: RuleContext): Set<string> {
  const judged = new Set<string>();
  paragraphPunctuation.check({ ...ctx, report: (r) => judged.add(key(r.range.start)) });
  return judged;
}

export const frenchTypography: Rule = {
  id: 'french-typography',
  defaultSeverity: 'hint',
  description: {
    fr: 'Typographie française actuelle : espace avant « : », « ; », « ? », « ! », espaces à l’intérieur des guillemets « », ordinaux « 1er », « 1re », « 2e » (réglage typography « modern »).',
    en: 'Modern French typography: a space before « : », « ; », « ? », « ! », spaces inside « », ordinals « 1er », « 1re », « 2e » (typography setting "modern").',
  },
  // The legacy profile implies legacy typography, under which the rule says nothing.
  profiles: ['general-assembly', 'security-council', 'draft'],
  check(ctx) {
    const { doc, lang } = ctx;
    if (lang !== 'fr' || ctx.typography !== 'modern') return;
    // The space fixes insert: read from the whole text, only once something is reported.
    let space: string | undefined, spaceName = '';
    const insert = (prose: Prose, at: number): TextEdit => {
      if (space === undefined) {
        space = spaceStyle(doc.text);
        spaceName = space === ' ' ? ctx.t('une espace', 'a space') : space === '\u00a0' ? ctx.t('une espace insécable', 'a no-break space') : ctx.t('une espace fine insécable', 'a narrow no-break space');
      }
      const pos = prose.at(at);
      return { range: { start: pos, end: pos }, newText: space };
    };
    let judged: Set<string> | undefined;
    const tight: { prose: Prose; at: number; mark: string }[] = [];
    // The paragraphs with something to judge, found by searching the whole text once for the rare
    // characters: a mark right after something other than white space, a guillemet with no space
    // inside (most paragraphs have neither), or a possible ordinal.
    const candidates = new Set([...paragraphsWith(doc, MARKS, markMayLackSpace), ...paragraphsWith(doc, GUILLEMETS, guillemetMayLackSpace)]);
    // The digits' runs are found once for the rules that read numbers (digitRuns); Roman numerals here.
    const romans: number[] = [];
    for (const c of ROMAN_STARTS) for (let i = doc.text.indexOf(c); i >= 0; i = doc.text.indexOf(c, i + 1)) if (numeralBeforeSuffix(doc.text, i)) romans.push(i);
    const numbered = offsetsTest(doc, digitRuns(doc).beforeSuffix, romans);
    for (const p of textParagraphs(doc)) {
      const ordinals = numbered(p);
      if (!candidates.has(p) && !(ordinals && MAY_BE_ORDINAL.test(p.text))) continue;
      const prose = proseOf(p);
      const { text } = prose;

      for (const i of unspacedMarks(text)) {
        const c = text[i];
        if (!AFTER_MARK.test(text.slice(i + 1, i + 2))) continue; // 10:30, SC:ORE, http://, ?q=
        if (spaced(prose, i - 1) || prose.zones[i] & (URL | CODE | ITALIC | QUOTE)) continue;
        const prev = text[i - 1];
        if (':;?!.…'.includes(prev)) continue; // « ?! », « etc.: »: the first mark carries the space
        if (c === ':' && (prev === ']' || SCHEME.test(text.slice(Math.max(0, i - 8), i)))) continue; // [^1]: note, « http: »
        if (c === ':' && english(text, i)) continue;
        judged ??= marksJudgedElsewhere(ctx);
        const pos = prose.at(i);
        if (judged.has(key(pos))) continue;
        if (c !== ':' && !doc.spacedSemicolons) { tight.push({ prose, at: i, mark: c }); continue; }
        const fix = insert(prose, i);
        ctx.report({
          range: prose.range(i, i + 1),
          message: c === ':'
            ? ctx.t(`Pas d’espace avant ${q(lang, ':')} : en français, le deux-points est précédé d’une espace`, `No space before « : »: in French, a colon is preceded by a space`)
            : ctx.t(`Pas d’espace avant ${q(lang, c)} : la typographie actuelle met une espace avant « ; », « ? » et « ! »`, `No space before « ${c} »: modern French typography puts a space before « ; », « ? » and « ! »`),
          fixes: [{ title: ctx.t(`Insérer ${spaceName} avant ${q(lang, c)}`, `Insert ${spaceName} before « ${c} »`), edits: [fix], safe: true }],
        });
      }

      // « texte »: a space inside each guillemet (the cheap tests first, the zones last).
      for (const i of offsetsOf(text, GUILLEMETS)) {
        const c = text[i];
        const inner = c === '«' ? i + 1 : i - 1;
        if (inner < 0 || inner >= text.length || spaced(prose, inner) || text[inner] === '«' || text[inner] === '»') continue;
        if (prose.zones[i] & (URL | CODE)) continue;
        const fix = insert(prose, c === '«' ? i + 1 : i);
        ctx.report({
          range: prose.range(i, i + 1),
          message: c === '«'
            ? ctx.t('Pas d’espace après « « » : les guillemets français encadrent le texte d’espaces (« texte »)', 'No space after « « »: French guillemets take a space inside (« texte »)')
            : ctx.t('Pas d’espace avant « » » : les guillemets français encadrent le texte d’espaces (« texte »)', 'No space before « » »: French guillemets take a space inside (« texte »)'),
          fixes: [{ title: ctx.t(`Insérer ${spaceName} ${c === '«' ? 'après' : 'avant'} « ${c} »`, `Insert ${spaceName} ${c === '«' ? 'after' : 'before'} « ${c} »`), edits: [fix], safe: true }],
        });
      }

      // Ordinals: « 2e », « 1re », « IIe », never « 2ème », « 1ère ».
      if (ordinals && MAY_BE_ORDINAL.test(text)) {
        for (const m of text.matchAll(ORDINAL)) {
          const [written, number, open = '', suffix, plural, close = ''] = m;
          if (prose.zones[m.index] & (URL | CODE | ITALIC)) continue;
          if (!open !== !close) continue;
          const first = /^(?:ère|ere|ére)$/.test(suffix);
          if (first && number !== '1' && number !== 'I') continue; // « 2ère » is no ordinal this rule can right
          if (!first && (number === '1' || number === 'I')) {
            ctx.report({
              range: prose.range(m.index, m.index + written.length),
              message: ctx.t(`Ordinal ${q(lang, written)} : premier s’écrit « ${number}er » ou « ${number}re »`, `Ordinal « ${written} »: "first" is written « ${number}er » or « ${number}re »`),
            });
            continue;
          }
          const right = `${number}${open}${first ? 're' : 'e'}${plural}${close}`;
          const start = m.index + number.length + open.length;
          ctx.report({
            range: prose.range(m.index, m.index + written.length),
            message: ctx.t(`Ordinal ${q(lang, written)} : il s’écrit ${q(lang, right)}`, `Ordinal « ${written} »: it is written « ${right} »`),
            fixes: [{ title: ctx.t(`Écrire ${q(lang, right)}`, `Write « ${right} »`), edits: [{ range: prose.range(start, start + suffix.length), newText: first ? 're' : 'e' }], safe: true }],
          });
        }
      }
    }

    // A document that never spaces its semicolons follows the older practice: one hint.
    if (tight.length) {
      const { prose, at } = tight[0];
      const edits = tight.map((t) => insert(t.prose, t.at));
      ctx.report({
        range: prose.range(at, at + 1),
        message: ctx.t(
          'Ce document écrit « ; » sans espace avant, comme les textes anciens : la typographie actuelle met une espace avant « ; », « ? » et « ! » (réglage typography « legacy » pour garder l’usage ancien)',
          'This document writes « ; » with no space before it, as older texts do: modern French typography puts a space before « ; », « ? » and « ! » (typography setting "legacy" to keep the older practice)'),
        fixes: [{
          title: ctx.t(`Insérer ${spaceName} avant les ${tight.length} signes`, `Insert ${spaceName} before all ${tight.length} marks`),
          edits,
        }],
      });
    }
  },
};
