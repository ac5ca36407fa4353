// Closing marks: a preambular paragraph ends with a comma, an operative one with a semicolon,
// the last of a part with a full stop; a lead-in to subparagraphs with a colon, inner
// subparagraphs with a semicolon, and the last subparagraph takes the paragraph's own mark.
import { flattenSubs } from '../model/parse';
import type { Paragraph, Position, ResolutionDocument } from '../model/types';
import { isSpace } from '../model/text';
import { ending, formatMark, q, resolutionParts } from './helpers';
import { ALL_PROFILES } from '../profiles';
import type { RuleContext, Rule } from './types';

// « attendu » agrees with the French name of the mark.
const NAMES = {
  ',': { fr: 'virgule attendue', en: 'comma expected' },
  ';': { fr: 'point-virgule attendu', en: 'semicolon expected' },
  '.': { fr: 'point attendu', en: 'full stop expected' },
  ':': { fr: 'deux-points attendus', en: 'colon expected' },
} as const;
type Mark = keyof typeof NAMES;

export const paragraphPunctuation: Rule = {
  id: 'paragraph-punctuation',
  defaultSeverity: 'error',
  description: {
    fr: 'Préambule : virgule ; dispositif : point-virgule, point après le dernier paragraphe ; deux-points avant des alinéas a), b)…',
    en: 'Preamble: comma; operative part: semicolon, full stop after the last paragraph; colon before subparagraphs (a), (b)…',
  },
  profiles: ALL_PROFILES, scope: 'part',
  check(ctx) {
    const { doc } = ctx;
    for (const part of resolutionParts(doc)) {
      for (const p of part.preamble) expect(ctx, p, ',');
      const ops = part.operative;
      ops.forEach((p, k) => {
        const next = part.items[part.items.indexOf(p) + 1];
        const isLast = k === ops.length - 1;
        let mark: Mark = isLast ? '.' : ';';
        if (p.introducesDraft) mark = ':';
        // A section heading may follow either mark (sectioned resolutions end each section with a full stop).
        expect(ctx, p, mark, !isLast && next?.kind === 'heading' ? FULL_STOP : NONE);
      });
    }
  },
};

function describe(p: Paragraph): { fr: string; en: string } {
  if (p.kind === 'preamble') return { fr: "L'alinéa du préambule", en: 'The preambular paragraph' };
  if (p.kind === 'subparagraph') return { fr: `L'alinéa ${labelText(p)}`, en: `Subparagraph ${labelText(p)}` };
  return p.number ? { fr: `Le paragraphe ${p.number.value}`, en: `Paragraph ${p.number.value}` } : { fr: 'Le paragraphe', en: 'The paragraph' };
}

function labelText(p: Paragraph): string {
  return p.label ? (p.label.style === 'paren' ? `(${p.label.text})` : p.label.style === 'dot' ? `${p.label.text}.` : `${p.label.text})`) : '';
}

const NONE: readonly Mark[] = [];
const FULL_STOP: readonly Mark[] = ['.'];

/** Checks a paragraph and its subparagraphs against the mark the whole paragraph should end with. */
function expect(ctx: RuleContext, p: Paragraph, mark: Mark, alternatives: readonly Mark[] = NONE): void {
  if (!p.subparagraphs.length) return check(ctx, p, mark, alternatives);
  check(ctx, p, ':', NONE, true);
  const subs = flattenSubs(p);
  subs.forEach((s, k) => {
    const isLast = k === subs.length - 1;
    const own: Mark = s.subparagraphs.length ? ':' : isLast ? mark : ';';
    check(ctx, s, own, isLast ? alternatives : NONE, s.subparagraphs.length > 0);
  });
}

function check(ctx: RuleContext, p: Paragraph, mark: Mark, alternatives: readonly Mark[], leadIn = false): void {
  const { doc, lang } = ctx;
  const e = ending(doc, p);
  if (!e) return;
  if (e.char === mark || alternatives.includes(e.char as Mark)) return;
  const expected = NAMES[mark][lang];
  const why = leadIn
    ? ctx.t(' (il introduit des alinéas)', ' (it introduces subparagraphs)')
    : mark === '.' && p.kind === 'operative' ? ctx.t(' (dernier paragraphe du dispositif)', ' (last operative paragraph)') : '';
  const who = describe(p);
  const subject = lang === 'fr' ? who.fr : who.en;
  if (e.char in NAMES) {
    const start = spaceStart(doc, e.range.start);
    ctx.report({
      range: e.range,
      message: ctx.t(`${subject} se termine par ${q(lang, e.char)} : ${expected}${why}`, `${subject} ends with ${q(lang, e.char)}: ${expected}${why}`),
      fixes: [{
        title: ctx.t(`Remplacer par ${q(lang, mark)}`, `Replace with ${q(lang, mark)}`),
        edits: [{ range: { start, end: e.range.end }, newText: formatMark(doc, mark) }],
        safe: true,
      }],
    });
  } else {
    const at = insertionPoint(doc, p);
    ctx.report({
      range: e.range,
      message: ctx.t(`${subject} ne se termine par aucun signe de ponctuation : ${expected}${why}`, `${subject} has no closing punctuation: ${expected}${why}`),
      fixes: [{
        title: ctx.t(`Ajouter ${q(lang, mark)}`, `Add ${q(lang, mark)}`),
        edits: [{ range: { start: at, end: at }, newText: formatMark(doc, mark) }],
        safe: true,
      }],
    });
  }
}

function spaceStart(doc: ResolutionDocument, at: Position): Position {
  const line = doc.lines[at.line];
  let c = at.character;
  while (c > 0 && isSpace(line[c - 1])) c--;
  return { line: at.line, character: c };
}

/**
 * After the text proper and its closing quotes, before trailing spaces and emphasis. A final
 * footnote call comes before the mark in French (« organisée⁸, ») and after it in English ("Convention,1").
 */
function insertionPoint(doc: ResolutionDocument, p: Paragraph): Position {
  const seg = p.segments[p.segments.length - 1];
  const line = doc.lines[seg.line];
  let c = seg.end;
  while (c > seg.start && (isSpace(line[c - 1]) || line[c - 1] === '*' || line[c - 1] === '_')) c--;
  if (doc.lang === 'en') {
    const call = /(?:<sup>\d{1,3}<\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^\d{1,3}\])$/.exec(line.slice(Math.max(seg.start, c - 16), c));
    if (call) c -= call[0].length;
  }
  return { line: seg.line, character: c };
}
