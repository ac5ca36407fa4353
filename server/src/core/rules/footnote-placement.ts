// Where a footnote call stands against the punctuation: before it in French (« texte¹, »,
// « » »⁷, »), after it in English ("Child,¹"); several calls at one point are separated by
// commas (« ¹,² »). Only calls the parser recognises (¹, <sup>1</sup>, [^1]) are read: the plain
// digits PDF extraction leaves in English texts ("for 2024,1") could be anything and are not judged.
import type { FootnoteRef, Range } from '../model/types';
import { ALL_PROFILES } from '../profiles';
import { q } from './helpers';
import type { Rule, RuleContext } from './types';

const MARKS = ',;.:';
const SPACE = /[ \u00a0\u202f\u2009]/;
// A full stop that belongs to an abbreviation or an initial (« etc.¹ », "Inc.¹", « J.¹ ») is not a closing mark.
const ABBREVIATION = /(?:^|[^\p{L}])(?:etc|cf|al|p|pp|vol|n[o°]|No|par|art|Inc|Ltd|Co|Corp|Rev|Add|Corr|\p{Lu})$/u;

export const footnotePlacement: Rule = {
  id: 'footnote-placement',
  defaultSeverity: 'warning',
  description: {
    fr: 'L’appel de note précède la ponctuation en français (« texte¹, ») et la suit en anglais ("text,¹") ; plusieurs appels sont séparés par des virgules.',
    en: 'A footnote indicator comes before the punctuation in French (« texte¹, ») and after it in English ("text,¹"); several indicators are separated by commas.',
  },
  profiles: ALL_PROFILES,
  check(ctx) {
    const byLine = new Map<number, FootnoteRef[]>();
    for (const ref of ctx.doc.footnoteRefs) {
      const list = byLine.get(ref.range.start.line) ?? [];
      list.push(ref);
      byLine.set(ref.range.start.line, list);
    }
    for (const [line, refs] of byLine) {
      refs.sort((a, b) => a.range.start.character - b.range.start.character);
      for (const group of groups(ctx, line, refs)) checkGroup(ctx, line, group);
    }
  },
};

/** Runs of calls at one point (« ¹,² »); calls with only spaces or nothing between them are reported and kept together. */
function groups(ctx: RuleContext, line: number, refs: FootnoteRef[]): FootnoteRef[][] {
  const text = ctx.doc.lines[line];
  const out: FootnoteRef[][] = [];
  for (const ref of refs) {
    const current = out[out.length - 1];
    const last = current?.[current.length - 1];
    const between = last ? text.slice(last.range.end.character, ref.range.start.character) : undefined;
    if (last && between !== undefined && /^,[ \u00a0]?$/.test(between)) { current.push(ref); continue; }
    if (last && between !== undefined && /^[ \u00a0]*$/.test(between)) {
      const gap: Range = { start: last.range.end, end: ref.range.start };
      ctx.report({
        range: ref.range,
        message: ctx.t(`Appels de note ${last.number} et ${ref.number} accolés : les séparer par une virgule`,
          `Footnote indicators ${last.number} and ${ref.number} run together: separate them with a comma`),
        fixes: [{ title: ctx.t('Séparer par une virgule', 'Separate with a comma'), edits: [{ range: gap, newText: ',' }], safe: true }],
      });
      current.push(ref);
      continue;
    }
    out.push([ref]);
  }
  return out;
}

function checkGroup(ctx: RuleContext, line: number, group: FootnoteRef[]): void {
  const { doc, lang } = ctx;
  const text = doc.lines[line];
  const start = group[0].range.start.character;
  const end = group[group.length - 1].range.end.character;
  const calls = text.slice(start, end);
  const numbers = group.map((r) => r.number);
  const range: Range = { start: { line, character: start }, end: { line, character: end } };
  if (lang === 'fr') {
    const mark = text[start - 1];
    if (!mark || !MARKS.includes(mark)) return;
    const before = text.slice(0, start - 1);
    if (mark === '.' && (before.endsWith('.') || ABBREVIATION.test(before))) return;
    // « texte¹,² » : the comma before a call that follows another call separates them.
    if (doc.footnoteRefs.some((r) => r.range.start.line === line && r.range.end.character === start - 1)) return;
    let from = start - 1;
    while (from > 0 && SPACE.test(text[from - 1])) from--;
    if (from === 0) return;
    const written = text.slice(from, start);
    ctx.report({
      range,
      message: numbers.length > 1
        ? `Les appels de note ${numbers.join(', ')} sont placés après ${q(lang, mark)} : en français, l’appel de note précède la ponctuation`
        : `L’appel de note ${numbers[0]} est placé après ${q(lang, mark)} : en français, l’appel de note précède la ponctuation`,
      fixes: [{
        title: `Placer l’appel de note avant ${q(lang, mark)}`,
        edits: [{ range: { start: { line, character: from }, end: { line, character: end } }, newText: calls + written }],
        safe: true,
      }],
    });
    return;
  }
  const mark = text[end];
  if (!mark || !MARKS.includes(mark)) return;
  // "1.5", "2,000": a digit after the mark means the mark is not punctuation closing the phrase.
  if (/\d/.test(text[end + 1] ?? '')) return;
  ctx.report({
    range,
    message: numbers.length > 1
      ? `Footnote indicators ${numbers.join(', ')} come before ${q(lang, mark)}: in English, the indicator follows the punctuation`
      : `Footnote indicator ${numbers[0]} comes before ${q(lang, mark)}: in English, the indicator follows the punctuation`,
    fixes: [{
      title: `Move the indicator after ${q(lang, mark)}`,
      edits: [{ range: { start: range.start, end: { line, character: end + 1 } }, newText: mark + calls }],
      safe: true,
    }],
  });
}
