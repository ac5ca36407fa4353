// Semantic tokens: what the TextMate grammar cannot know because it reads one line at a time.
// The grammar colours an italic word after « 1. » as a verb; only the parsed document knows
// whether a paragraph sits in the preamble or the operative part, whether the vocabulary
// recognises its opener, and whether it belongs to a nested draft or an annex. The server
// sends these tokens and the editor lays them over the grammar's colours.
import { leadingMarkupLength } from '../model/markup';
import { allParts } from '../model/parse';
import type { Paragraph, Part, Range, ResolutionDocument, Segment } from '../model/types';

// The order of these lists is the wire format: a token's type is sent as its index in
// tokenTypes and its modifiers as a bitset over tokenModifiers. Append, never reorder.
const TOKEN_TYPES = [
  'preambleOpener',    // « Rappelant », « Consciente » opening a paragraph
  'operativeVerb',     // « Décide », « Prie également » opening a paragraph
  'unknownOpener',     // an opener the vocabulary does not know, where it should
  'organ',             // the organ line of a part (« L'Assemblée générale, ») or the voice of a declaration
  'paragraphNumber',   // « 12 » in « 12. »
  'subparagraphLabel', // « a) », « (ii) »
  'footnoteReference', // « <sup>3</sup> », « ³ », « [^3] »
  'annexHeading',      // « Annexe » and the titles right under it
] as const;

const TOKEN_MODIFIERS = [
  'nested',    // inside a draft that the text recommends for adoption, at any depth
  'annex',     // inside an annex, at any depth
  'misplaced', // an opener whose kind disagrees with where it stands (preambular opener among operative paragraphs …)
  'italic',    // an opener set in emphasis, as the editorial manual wants
] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

/** The legend the server announces in its capabilities (plain mutable arrays, as LSP types them). */
export const LEGEND: { tokenTypes: TokenType[]; tokenModifiers: TokenModifier[] } = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

/** One token: on one line, in UTF-16 code units like every position of the model. */
export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: TokenType;
  /** In legend order, without repeats. */
  modifiers: TokenModifier[];
}

// When two tokens claim the same characters, the more specific one keeps them and the other
// is cut around it: a footnote call inside an italic opener stays a footnote call.
const PRIORITY: Record<TokenType, number> = {
  footnoteReference: 3,
  paragraphNumber: 2,
  subparagraphLabel: 2,
  preambleOpener: 1,
  operativeVerb: 1,
  unknownOpener: 1,
  organ: 0,
  annexHeading: 0,
};

interface Candidate { line: number; start: number; end: number; type: TokenType; modifiers: Set<TokenModifier> }

export function semanticTokens(doc: ResolutionDocument): SemanticToken[] {
  const candidates: Candidate[] = [];
  const add = (line: number, start: number, end: number, type: TokenType, modifiers: Iterable<TokenModifier>) => {
    if (end > start) candidates.push({ line, start, end, type, modifiers: new Set(modifiers) });
  };
  const addRange = (r: Range, type: TokenType, modifiers: Iterable<TokenModifier>) => {
    // Every range the model gives a number, label or opener lies on one line; a range that did not would be dropped, not guessed at.
    if (r.start.line === r.end.line) add(r.start.line, r.start.character, r.end.character, type, modifiers);
  };

  const misplaced = misplacedParagraphs(doc);
  const owner = new Map<number, Paragraph>(); // line → paragraph, to give footnote calls their part's modifiers

  for (const p of doc.paragraphs) {
    for (const s of p.segments) owner.set(s.line, p);
    const where = placeModifiers(p.part);
    if (p.number) addRange(p.number.range, 'paragraphNumber', where);
    if (p.label) addRange(p.label.range, 'subparagraphLabel', where);
    if (p.kind === 'organ') {
      for (const s of p.segments) {
        const [a, b] = trimmed(doc.lines[s.line], s, /[\s*_,]/);
        add(s.line, a, b, 'organ', where);
      }
    }
    const type = openerType(p);
    if (type && p.opener) {
      const mods = [...where];
      if (misplaced.has(p)) mods.push('misplaced');
      if (p.opener.italic) mods.push('italic');
      addRange(p.opener.range, type, mods);
    }
  }

  for (const part of allParts(doc.parts)) {
    if (part.kind !== 'annex') continue;
    // The annex's heading block: « Annexe » (or « Article premier ») and the titles under it,
    // up to the first line that is not a heading (voice line, preamble, numbered paragraph).
    for (const p of part.items) {
      if (p.kind !== 'heading') break;
      for (const s of p.segments) {
        const [a, b] = trimmed(doc.lines[s.line], s, /[\s*_#]/);
        add(s.line, a, b, 'annexHeading', placeModifiers(part));
      }
    }
  }

  for (const ref of doc.footnoteRefs) {
    // Only the number: the grammar already scopes <sup>…</sup> and [^…] as punctuation.
    const { line, character } = ref.range.start;
    const [open, close] = ref.style === 'sup-tag' ? [5, 6] : ref.style === 'caret' ? [2, 1] : [0, 0];
    add(line, character + open, ref.range.end.character - close, 'footnoteReference', placeModifiers(owner.get(line)?.part));
  }

  return resolveOverlaps(candidates, doc.lines);
}

/** Which token an opener gets, if any. */
function openerType(p: Paragraph): TokenType | undefined {
  const o = p.opener;
  const part = p.part;
  // A report's paragraphs are prose: a word that happens to be in the vocabulary is no opener there.
  if (!o || !part || part.kind === 'report') return undefined;
  if (o.type === 'preamble') return 'preambleOpener';
  if (o.type === 'operative') return 'operativeVerb';
  // « Unknown » only means something where the vocabulary is expected to know the word: the
  // preamble and operative paragraphs of a resolution or a draft (where operative-verb and
  // preamble-opener warn too). A declaration's « Nous » or « Élaborer » is not an unknown verb.
  if (part.kind !== 'resolution' && part.kind !== 'draft') return undefined;
  if (p.kind === 'operative') return 'unknownOpener';
  // A preambular paragraph that starts in lower case continues a sentence; its first word is no opener.
  if (p.kind === 'preamble' && /^\p{Lu}/u.test(o.text)) return 'unknownOpener';
  return undefined;
}

/**
 * Paragraphs whose opener disagrees with where they stand: an operative verb in the preamble, a
 * preambular opener in an operative paragraph, and a preambular paragraph placed after operative
 * paragraphs of the same section (what preamble-after-operative reports).
 */
function misplacedParagraphs(doc: ResolutionDocument): Set<Paragraph> {
  const out = new Set<Paragraph>();
  for (const part of allParts(doc.parts)) {
    if (part.kind !== 'resolution' && part.kind !== 'draft') continue;
    let seenOperative = false;
    for (const p of part.items) {
      // Sectioned resolutions: each section may have its own preamble.
      if (p.kind === 'heading') { seenOperative = false; continue; }
      if (p.kind === 'operative') {
        seenOperative = true;
        if (p.opener?.type === 'preamble') out.add(p);
      } else if (p.kind === 'preamble') {
        if (p.opener?.type === 'operative' || (seenOperative && p.opener?.type === 'preamble')) out.add(p);
      }
    }
  }
  return out;
}

/** nested / annex, from the part a paragraph belongs to and the parts that hold it. */
function placeModifiers(part: Part | undefined): TokenModifier[] {
  let nested = false, annex = false;
  for (let q = part; q; q = q.parent) {
    if (q.kind === 'draft') nested = true;
    if (q.kind === 'annex') annex = true;
  }
  const out: TokenModifier[] = [];
  if (nested) out.push('nested');
  if (annex) out.push('annex');
  return out;
}

/** A segment without its leading markup (#, emphasis, quotes) and the trailing characters `tail` matches. */
function trimmed(line: string, s: Segment, tail: RegExp): [number, number] {
  const start = s.start + leadingMarkupLength(line, s.start);
  let end = s.end;
  while (end > start && tail.test(line[end - 1])) end--;
  return [start, end];
}

/** Sorts the candidates and cuts them so that no two tokens share a character. */
function resolveOverlaps(candidates: Candidate[], lines: string[]): SemanticToken[] {
  const byLine = new Map<number, Candidate[]>();
  for (const c of candidates) {
    const list = byLine.get(c.line);
    if (list) list.push(c); else byLine.set(c.line, [c]);
  }
  const out: SemanticToken[] = [];
  for (const [line, list] of byLine) {
    // Highest priority first; each later token keeps only the characters still free.
    list.sort((a, b) => PRIORITY[b.type] - PRIORITY[a.type] || a.start - b.start);
    const taken: [number, number][] = [];
    for (const c of list) {
      for (let [a, b] of freeStretches(c.start, c.end, taken)) {
        // A piece left by a cut does not start or end with the space next to the cut.
        while (a < b && /\s/.test(lines[line][a])) a++;
        while (b > a && /\s/.test(lines[line][b - 1])) b--;
        if (a === b) continue;
        out.push({ line, character: a, length: b - a, type: c.type, modifiers: TOKEN_MODIFIERS.filter((m) => c.modifiers.has(m)) });
      }
      taken.push([c.start, c.end]);
    }
  }
  return out.sort(compareTokens);
}

/** The parts of [start, end) that no taken interval covers. */
function freeStretches(start: number, end: number, taken: [number, number][]): [number, number][] {
  let free: [number, number][] = [[start, end]];
  for (const [ta, tb] of taken) {
    free = free.flatMap(([a, b]): [number, number][] => {
      if (tb <= a || ta >= b) return [[a, b]];
      const pieces: [number, number][] = [];
      if (ta > a) pieces.push([a, ta]);
      if (tb < b) pieces.push([tb, b]);
      return pieces;
    });
  }
  return free;
}

function compareTokens(a: SemanticToken, b: SemanticToken): number {
  return a.line - b.line || a.character - b.character;
}

const TYPE_INDEX = new Map<TokenType, number>(TOKEN_TYPES.map((t, i) => [t, i]));
const MODIFIER_BIT = new Map<TokenModifier, number>(TOKEN_MODIFIERS.map((m, i) => [m, 1 << i]));

/**
 * The LSP wire format of `textDocument/semanticTokens/full`: five integers per token (line
 * delta, start delta — relative to the previous token only on the same line —, length, type
 * index, modifier bitset). Tokens may come in any order; they are sorted first.
 */
export function encode(tokens: readonly SemanticToken[]): number[] {
  const data: number[] = [];
  let line = 0, character = 0;
  for (const t of [...tokens].sort(compareTokens)) {
    const deltaLine = t.line - line;
    data.push(deltaLine, deltaLine === 0 ? t.character - character : t.character, t.length, TYPE_INDEX.get(t.type)!,
      t.modifiers.reduce((bits, m) => bits | MODIFIER_BIT.get(m)!, 0));
    line = t.line;
    character = t.character;
  }
  return data;
}

/** The tokens that touch a range, for `textDocument/semanticTokens/range` (the visible part of the editor). */
export function rangeFilter(tokens: readonly SemanticToken[], range: Range): SemanticToken[] {
  const { start, end } = range;
  return tokens.filter((t) => {
    const endsAfterStart = t.line > start.line || (t.line === start.line && t.character + t.length > start.character);
    const startsBeforeEnd = t.line < end.line || (t.line === end.line && t.character < end.character);
    return endsAfterStart && startsBeforeEnd;
  });
}
