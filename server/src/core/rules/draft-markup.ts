// Negotiation markup: square brackets around text not yet agreed and « 5 bis. » paragraphs
// inserted between agreed numbers (Editorial Manual, paragraphs and subparagraphs). Normal in a
// draft under negotiation; gone once the text is agreed. Under the draft profile only what is
// broken is reported: a bracket never closed (or closed without being opened) and a « bis » out of
// order; under the other profiles any bracket in the body and any « bis » paragraph is reported.
import { allParts } from '../model/parse';
import type { Range, ResolutionDocument } from '../model/types';
import { ALL_PROFILES } from '../profiles';
import { needleTest, q, resolutionParts, textAt, WORDING_KINDS } from './helpers';
import type { RuleContext, Rule } from './types';

const SUFFIX_ORDER = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies'];
/** A bracket that is neither a footnote call `[^1]` nor a link's `[text](…)`: a closing one, or an opening one not followed by `^` nor closed before `(`. */
const DRAFT_BRACKET = /\[(?!\^)(?![^\]\n]*\]\()|(?<!\[\^\d{1,3})(?<!\[[^\[\]\n]*)\]/;

/**
 * Whether a bracket at `at` in the whole text may be one DRAFT_BRACKET matches in a paragraph's text:
 * not a call « [^1] » nor a link « [text]( », not a « ] » closing a bracket opened before it. What
 * these tests read stands on the bracket's line, in its segment; where the search meets a line
 * break, the paragraph may go on on another line: yes.
 */
function mayBeDraftBracket(text: string, at: number): boolean {
  if (text[at] === '[') {
    if (text[at + 1] === '^') return false;
    for (let k = at + 1; k < text.length; k++) {
      const c = text[k];
      if (c === '\n' || c === '\r') return true;
      if (c === ']') return text[k + 1] !== '(';
    }
    return true;
  }
  let k = at - 1;
  while (k >= 0 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57 && at - k <= 3) k--;
  if (k < at - 1 && text[k] === '^' && text[k - 1] === '[') return false; // « [^12] »
  for (k = at - 1; k >= 0; k--) {
    const c = text[k];
    if (c === '[') return false;
    if (c === ']' || c === '\n' || c === '\r') return true;
  }
  return true;
}

export const draftMarkup: Rule = {
  id: 'draft-markup',
  defaultSeverity: 'warning',
  description: {
    fr: 'Crochets et paragraphes « 5 bis. » : normaux dans un projet en négociation (profil draft, où seuls un crochet non fermé et un « bis » mal placé sont signalés), à retirer d’un texte adopté.',
    en: 'Square brackets and "5 bis." paragraphs: normal in a draft under negotiation (draft profile, where only an unclosed bracket and a misplaced "bis" are reported), to be removed from an adopted text.',
  },
  profiles: ALL_PROFILES,
  check(ctx) {
    const draft = ctx.profile === 'draft';
    checkSuffixes(ctx, draft);
    if (draft) checkBalance(ctx);
    else checkBrackets(ctx);
  },
};

function checkSuffixes(ctx: RuleContext, draft: boolean): void {
  for (const part of allParts(ctx.doc.parts)) {
    let previous: { value: number; rank: number } | undefined;
    for (const p of part.items) {
      const n = p.number;
      if (!n) continue;
      if (!n.suffix) { previous = { value: n.value, rank: 0 }; continue; }
      const range: Range = { start: n.range.start, end: n.suffix.range.end };
      const written = textAt(ctx.doc, range);
      const rank = SUFFIX_ORDER.indexOf(n.suffix.text) + 1;
      if (!draft) {
        ctx.report({
          range,
          renumbering: true,
          message: ctx.t(`Paragraphe ${q('fr', written)} : numérotation de négociation, absente d’un texte adopté ; renuméroter (commande « Renuméroter les paragraphes et les notes ») ou, pour un projet, choisir le profil draft`,
            `Paragraph ${q('en', written)}: negotiation numbering, not used in an adopted text; renumber (command "Renumber paragraphs and footnotes") or, for a draft, choose the draft profile`),
        });
        continue;
      }
      if (!previous || previous.value !== n.value || previous.rank !== rank - 1) {
        const expected = previous && `${previous.value} ${SUFFIX_ORDER[previous.rank] ?? SUFFIX_ORDER[0]}`;
        const after = previous && `${previous.value}${previous.rank ? ' ' + SUFFIX_ORDER[previous.rank - 1] : ''}`;
        ctx.report({
          range,
          message: expected
            ? ctx.t(`Paragraphe ${q('fr', written)} après le paragraphe ${after} : attendu ${q('fr', expected)} ou un numéro simple`,
              `Paragraph ${q('en', written)} after paragraph ${after}: expected ${q('en', expected)} or a plain number`)
            : ctx.t(`Paragraphe ${q('fr', written)} sans paragraphe ${n.value} avant lui : un paragraphe « bis » suit celui dont il porte le numéro`,
              `Paragraph ${q('en', written)} with no paragraph ${n.value} before it: a "bis" paragraph follows the one whose number it bears`),
        });
      }
      previous = { value: n.value, rank: Math.max(rank, previous?.value === n.value ? previous.rank : 0) };
    }
  }
}

/** Every outermost bracketed span of a paragraph (an unmatched bracket on its own). */
function checkBrackets(ctx: RuleContext): void {
  for (const marks of bodyBrackets(ctx.doc)) {
    const spans: Range[] = [];
    let open: Range | undefined;
    let depth = 0;
    for (const m of marks) {
      if (m.kind === '[') { if (depth++ === 0) open = m.range; }
      else if (depth === 0) spans.push(m.range);
      else if (--depth === 0) spans.push({ start: open!.start, end: m.range.end });
    }
    if (depth > 0) spans.push(open!);
    for (const range of spans) {
      ctx.report({
        range,
        message: ctx.t('Texte entre crochets : passage non encore agréé, absent d’un texte adopté ; retirer les crochets ou, pour un projet en négociation, choisir le profil draft',
          'Text in square brackets: wording not yet agreed, not used in an adopted text; remove the brackets or, for a draft under negotiation, choose the draft profile'),
      });
    }
  }
}

/** Under the draft profile brackets may span paragraphs; only one never closed, or closed unopened, is wrong. */
function checkBalance(ctx: RuleContext): void {
  const open: Range[] = [];
  for (const marks of bodyBrackets(ctx.doc)) {
    for (const m of marks) {
      if (m.kind === '[') open.push(m.range);
      else if (!open.pop()) {
        ctx.report({
          range: m.range,
          message: ctx.t('Crochet fermant sans crochet ouvrant avant lui : le passage entre crochets commence où ?', 'Closing bracket with no opening bracket before it: where does the bracketed text begin?'),
        });
      }
    }
  }
  for (const r of open) {
    ctx.report({
      range: r,
      message: ctx.t('Crochet ouvrant jamais fermé : fermer le passage non agréé par « ] »', 'Opening bracket never closed: close the wording not yet agreed with "]"'),
    });
  }
}

interface Mark { kind: '[' | ']'; range: Range }

/**
 * Square brackets of the body, paragraph by paragraph in reading order, leaving out markdown
 * (links `[77/237](#)`, footnotes `[^1]`), the bracketed origin line of the masthead, reports and
 * annexes, quotations, where brackets are editorial (« [l]es États »), and parentheses, where they
 * are the inner level (« (voir [A/78/1]) »).
 */
function bodyBrackets(doc: ResolutionDocument): Mark[][] {
  const out: Mark[][] = [];
  const bodies = new Set(resolutionParts(doc));
  // Most paragraphs have no bracket but a Markdown link or call: those that may are found in the
  // whole text, then a cheap test of their own text.
  const worth = needleTest(doc, ['[', ']'], mayBeDraftBracket);
  for (const p of doc.paragraphs) {
    if (!WORDING_KINDS.has(p.kind) || !p.part || !bodies.has(p.part)) continue;
    if (!worth(p) || !DRAFT_BRACKET.test(p.text)) continue;
    const marks: Mark[] = [];
    let quoteDepth = 0;
    let parenDepth = 0;
    for (const seg of p.segments) {
      const line = doc.lines[seg.line];
      for (let i = seg.start; i < seg.end; i++) {
        const ch = line[i];
        if (ch === '«' || ch === '“') quoteDepth++;
        else if ((ch === '»' || ch === '”') && quoteDepth > 0) quoteDepth--;
        else if (ch === '(') parenDepth++;
        else if (ch === ')' && parenDepth > 0) parenDepth--;
        else if (quoteDepth > 0 || parenDepth > 0 || (ch !== '[' && ch !== ']')) continue;
        else if (ch === '[' && line[i + 1] === '^') i = skipTo(line, i, ']');
        else if (ch === '[' && /^\[[^\]\n]*\]\(/.test(line.slice(i, i + 200))) i = skipTo(line, skipTo(line, i, ']'), ')');
        else marks.push({ kind: ch, range: { start: { line: seg.line, character: i }, end: { line: seg.line, character: i + 1 } } });
      }
    }
    if (marks.length) out.push(marks);
  }
  return out;
}

function skipTo(line: string, i: number, ch: string): number {
  const j = line.indexOf(ch, i + 1);
  return j < 0 ? line.length : j;
}
