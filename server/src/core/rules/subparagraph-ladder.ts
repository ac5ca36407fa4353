// Subparagraph labels climb a fixed ladder: English (a) → (i) → a. → i., French a) → i); letters
// and roman numerals run without gap or repeat; the text after the label starts with a capital.
// One mistake, one finding: a label gives at most one finding (form and sequence together), a
// whole list in the wrong form gives one, and the first letter one more. The closing marks of
// lead-ins and subparagraphs are paragraph-punctuation's; the tree of degrees is the parser's.
import { endingOf, letterLabelValue, romanLabelValue, romanList, toRomanLabel } from '../model/parse';
import type { Lang, Paragraph, SubLabel } from '../model/types';
import { ALL_PROFILES } from '../profiles';
import { q } from './helpers';
import type { Fix, Rule, RuleContext } from './types';

type Style = SubLabel['style'];

export const subparagraphLadder: Rule = {
  id: 'subparagraph-ladder',
  defaultSeverity: 'warning',
  description: {
    fr: 'Alinéas : a), b)… puis i), ii)… en français, (a), (b)… puis (i), (ii)…, a., i. en anglais ; lettres et chiffres romains sans lacune ni répétition ; majuscule après l’étiquette.',
    en: 'Subparagraphs: (a), (b)… then (i), (ii)…, a., i. in English, a), b)… then i), ii)… in French; letters and roman numerals with no gap or repeat; a capital after the label.',
  },
  profiles: ALL_PROFILES,
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      if (p.subparagraphs.length) checkList(ctx, p);
    }
    let before: Paragraph | undefined;
    for (const p of ctx.doc.paragraphs) {
      if (p.kind === 'footnote' || p.kind === 'rule') continue;
      const previous = before;
      before = p;
      if (p.kind !== 'subparagraph' || !p.label || !p.depth || quoted(ctx, p) || (p.part?.kind !== 'resolution' && p.part?.kind !== 'draft')) continue;
      // A line of a hard-wrapped text that happens to start with « b) de l'article 2 » comes right
      // after a line that stops mid-sentence: that is a sentence going on, not a subparagraph.
      const mark = previous && endingOf(previous, ctx.doc.lines)?.char;
      const wrapped = previous && previous.range.end.line === p.range.start.line - 1 && !(mark && ':;,.'.includes(mark));
      if (!wrapped) checkCapital(ctx, p);
    }
  },
};

/** The form a label takes at a degree: French a) i); English (a) (i) a. i.; undefined where usage is not known. */
function expectedStyle(lang: Lang, depth: number, written: Style): Style | undefined {
  if (lang === 'fr') return depth <= 2 || written === 'paren' ? 'close' : undefined;
  return depth <= 2 ? 'paren' : 'dot';
}

function format(text: string, style: Style): string {
  return style === 'paren' ? `(${text})` : style === 'close' ? `${text})` : `${text}.`;
}

interface Verdict { expected: number; message: 'first' | 'follows' | 'repeated' | 'swapped'; previous?: number; fix: boolean; swapWith?: number }

/**
 * The sequence verdicts of one list, as paragraph-numbering reads numbers: each value is compared
 * with the previous one; when the next value shows that only this label is off, it is reported
 * once with the expected label as a fix and the count goes on from the expected value.
 */
function sequenceVerdicts(values: number[]): Map<number, Verdict> {
  const out = new Map<number, Verdict>();
  let previous: number | undefined;
  for (let k = 0; k < values.length; k++) {
    const n = values[k];
    const next = values[k + 1];
    if (previous === undefined) {
      if (n !== 1) {
        out.set(k, { expected: 1, message: 'first', fix: next === 2 });
        previous = next === 2 ? 1 : n;
      } else previous = n;
      continue;
    }
    const expected = previous + 1;
    if (n === expected) { previous = n; continue; }
    if (n === expected + 1 && next === expected) {
      out.set(k, { expected, message: 'swapped', fix: true, swapWith: k + 1 });
      previous = n;
      k++;
      continue;
    }
    const alone = next === expected + 1;
    out.set(k, { expected, message: n === previous ? 'repeated' : 'follows', previous, fix: alone });
    previous = alone ? expected : n;
  }
  return out;
}

function checkList(ctx: RuleContext, parent: Paragraph): void {
  const { doc, lang } = ctx;
  // A quoted list (« « a) … », an amendment that quotes "(c) …") keeps the labels of the text it quotes.
  const subs = parent.subparagraphs.filter((s) => s.label && !quoted(ctx, s));
  if (!subs.length) return;
  const depth = subs[0].depth ?? 1;
  // Letters at the first and third degrees, roman numerals at the second and fourth; a list that
  // opens at « i » is read as roman numerals at any degree (older texts number a first degree so).
  const roman = romanList(depth, subs.map((s) => s.label!.text));
  const valueOf = roman ? romanLabelValue : letterLabelValue;
  const text = (v: number) => (roman ? toRomanLabel(v) : letterText(v));
  const values = subs.map((s) => valueOf(s.label!.text));
  // PDF extraction loses labels (the list then seems to start at « m »): the sequence is judged only
  // when the list starts at a or i, or right after a lead-in that ends with a colon.
  const sure = values.every((v) => v !== undefined) && (values[0] === 1 || endingOf(parent, doc.lines)?.char === ':');
  const verdicts = sure ? sequenceVerdicts(values as number[]) : new Map<number, Verdict>();

  const styleOf = (s: Paragraph) => expectedStyle(lang, s.depth ?? depth, s.label!.style) ?? s.label!.style;
  if (subs.length > 1 && !verdicts.size && subs.every((s) => s.label!.style === subs[0].label!.style && styleOf(s) !== s.label!.style)) {
    // A whole list written in the wrong form (« (a) (b) » in French) is one mistake: one finding, one fix for every label.
    const style = styleOf(subs[0]);
    const written = `${subs.slice(0, 2).map((s) => format(s.label!.text, s.label!.style)).join(', ')}${subs.length > 2 ? '…' : ''}`;
    const expected = `${subs.slice(0, 2).map((s) => q(lang, format(s.label!.text, style))).join(', ')}${subs.length > 2 ? '…' : ''}`;
    ctx.report({
      range: subs[0].label!.range,
      message: styleMessage(ctx, subs[0].label!.style, written, expected, depth, true),
      fixes: [{
        title: ctx.t(`Noter ${expected}`, `Label them ${expected}`),
        edits: subs.map((s) => ({ range: s.label!.range, newText: format(s.label!.text, style) })),
        safe: true,
      }],
    });
    return;
  }

  subs.forEach((s, k) => {
    const label = s.label!;
    const written = format(label.text, label.style);
    const style = expectedStyle(lang, s.depth ?? depth, label.style) ?? label.style;
    const verdict = verdicts.get(k);
    const styleWrong = style !== label.style;
    if (!verdict && !styleWrong) return;
    const want = (v: number) => format(text(v), style);
    let message: string;
    const fixes: Fix[] = [];
    if (verdict) {
      const expected = want(verdict.expected);
      if (verdict.message === 'first') {
        message = ctx.t(`Le premier alinéa est noté ${written} : ${q(lang, expected)} attendu`, `The first subparagraph is labelled ${written}: expected ${q(lang, expected)}`);
      } else if (verdict.message === 'swapped') {
        const other = subs[verdict.swapWith!];
        const otherWritten = format(other.label!.text, other.label!.style);
        message = ctx.t(`Les alinéas ${written} et ${otherWritten} sont inversés : ${q(lang, expected)} attendu, puis ${q(lang, want(verdict.expected + 1))}`,
          `Subparagraphs ${written} and ${otherWritten} are swapped: expected ${q(lang, expected)}, then ${q(lang, want(verdict.expected + 1))}`);
        fixes.push({
          title: ctx.t('Rétablir l’ordre des alinéas', 'Put the labels in order'),
          edits: [{ range: label.range, newText: expected }, { range: other.label!.range, newText: format(text(verdict.expected + 1), expectedStyle(lang, other.depth ?? depth, other.label!.style) ?? other.label!.style) }],
          safe: true,
        });
      } else if (verdict.message === 'repeated') {
        message = ctx.t(`L’alinéa ${written} est répété : ${q(lang, expected)} attendu`, `Subparagraph ${written} is repeated: expected ${q(lang, expected)}`);
      } else {
        const prev = subs[k - 1].label!;
        message = ctx.t(`L’alinéa ${written} suit l’alinéa ${format(prev.text, prev.style)} : ${q(lang, expected)} attendu`,
          `Subparagraph ${written} follows subparagraph ${format(prev.text, prev.style)}: expected ${q(lang, expected)}`);
      }
      if (verdict.fix && verdict.message !== 'swapped') {
        fixes.push({ title: ctx.t(`Noter ${q(lang, expected)}`, `Label it ${q(lang, expected)}`), edits: [{ range: label.range, newText: expected }], safe: true });
      }
    } else {
      const expected = format(label.text, style);
      message = styleMessage(ctx, label.style, written, q(lang, expected), s.depth ?? depth, false);
      fixes.push({ title: ctx.t(`Noter ${q(lang, expected)}`, `Label it ${q(lang, expected)}`), edits: [{ range: label.range, newText: expected }], safe: true });
    }
    ctx.report({ range: label.range, message, fixes: fixes.length ? fixes : undefined });
  });
}

function styleMessage(ctx: RuleContext, written: Style, label: string, expected: string, depth: number, list: boolean): string {
  if (ctx.lang === 'fr') {
    const how = written === 'paren' ? (list ? ' sont notés à l’anglaise' : ' est noté à l’anglaise') : '';
    return `${list ? 'Les alinéas' : 'L’alinéa'} ${label}${how} : ${expected} ${list ? 'attendus' : 'attendu'} (en français : a), b)…, puis i), ii)…)`;
  }
  const degree = ['first', 'second', 'third', 'fourth'][Math.min(depth, 4) - 1];
  const how = written === 'close' ? (list ? ' are labelled the French way' : ' is labelled the French way') : '';
  return `${list ? 'Subparagraphs' : 'Subparagraph'} ${label}${how}: expected ${expected} at the ${degree} degree (in English: (a), then (i), then a., then i.)`;
}

function quoted(ctx: RuleContext, p: Paragraph): boolean {
  const label = p.label!;
  return /[«“"„]/.test(ctx.doc.lines[label.range.start.line].slice(0, label.range.start.character));
}

function letterText(v: number): string {
  const letter = String.fromCharCode(96 + ((v - 1) % 26) + 1);
  return letter.repeat(Math.floor((v - 1) / 26) + 1);
}

/** « a) Préviennent », "(a) To approve": the first word after the label takes a capital. */
function checkCapital(ctx: RuleContext, p: Paragraph): void {
  const { doc, lang } = ctx;
  const label = p.label!;
  const line = doc.lines[label.range.end.line];
  let c = label.range.end.character;
  while (c < line.length && /[ \t\u00a0\u202f*_]/.test(line[c])) c++;
  // Only a word of lower-case letters: not a digit, a quote, a bracket, an acronym or « eGovernment »,
  // and not an abbreviation (« e.g. »).
  const m = /^\p{Ll}[\p{Ll}\p{M}]*(?:['’][\p{L}\p{M}]+)?/u.exec(line.slice(c));
  if (!m || /^[\p{Lu}\p{N}.]/u.test(line.charAt(c + m[0].length))) return;
  const word = m[0];
  const capital = word.charAt(0).toLocaleUpperCase(lang) + word.slice(1);
  const written = format(label.text, label.style);
  const range = { start: { line: label.range.end.line, character: c }, end: { line: label.range.end.line, character: c + 1 } };
  ctx.report({
    range,
    message: ctx.t(`L’alinéa ${written} commence par une minuscule : majuscule attendue (${q(lang, capital)})`,
      `Subparagraph ${written} starts with a lower-case letter: expected a capital (${q(lang, capital)})`),
    fixes: [{ title: ctx.t('Mettre une majuscule', 'Capitalize'), edits: [{ range, newText: capital.charAt(0) }], safe: true }],
  });
}

