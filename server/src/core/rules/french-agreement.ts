// French openers and operative phrases agree with the organ that speaks: *Consciente*, *Vivement
// préoccupée*, *Se déclare satisfaite*, *Décide de rester saisie* after « L'Assemblée générale »
// (feminine); *Conscient*, *préoccupé*, *saisi* after « Le Conseil de sécurité » (masculine). The
// gender and number of each organ come from data/organs.json; each part (an ECOSOC body and the
// General Assembly draft it carries) agrees with its own organ line.
import type { Paragraph, Range } from '../model/types';
import { organById, tokenize, vocabulary, type AdjectiveForm, type Token } from '../vocabulary';
import { ALL_PROFILES } from '../profiles';
import { matchCase, openerWords, q, resolutionParts } from './helpers';
import type { Rule, RuleContext } from './types';

interface Organ { name: string; gender: 'm' | 'f'; number: 's' | 'p' }

// « se déclare » / « se dit » (operative) and « se déclarant » / « se disant » (preamble), then the adjective.
const REFLEXIVE = /^(?:se|s') +(?:déclare|déclarant|dit|disant)$/;
// « …, et se déclare » / « …, se dit » inside an operative paragraph.
const INLINE_DECLARES = /(?:,|(?<![\p{L}\p{M}])et)[ \u00a0]+se[ \u00a0]+(?:déclare|dit)(?![\p{L}\p{M}])/gu;
// « Décide de rester saisie », « décide également de demeurer activement saisi » … wherever it stands in an operative paragraph.
const REMAIN_SEIZED = /(^|[^\p{L}\p{M}])([Dd]écide(?:[ \u00a0]+(?:également|aussi|en outre|de nouveau))?[ \u00a0]+de[ \u00a0]+(?:rester|demeurer)[ \u00a0]+(?:activement[ \u00a0]+)?)(saisi(?:e|s|es)?)(?![\p{L}\p{M}])/gu;

export const frenchAgreement: Rule = {
  id: 'french-agreement',
  defaultSeverity: 'warning',
  description: {
    fr: 'Les adjectifs et participes des formules d’ouverture s’accordent avec l’organe (Consciente après « L’Assemblée générale », Conscient après « Le Conseil de sécurité », Décide de rester saisie / saisi).',
    en: 'French adjectives and participles in openers agree with the organ (Consciente after the General Assembly, Conscient after the Security Council, Décide de rester saisie / saisi).',
  },
  profiles: ALL_PROFILES, scope: 'paragraph',
  check(ctx) {
    if (ctx.lang !== 'fr') return;
    for (const part of resolutionParts(ctx.doc)) {
      if (part.voice !== 'organ') continue;
      const entry = organById(part.organId);
      if (!entry) continue;
      const organ: Organ = { name: entry.fr[0], gender: entry.gender, number: entry.number };
      for (const p of part.preamble) if (p.opener?.type === 'preamble') checkOpener(ctx, p, organ);
      for (const p of part.operative) {
        if (p.opener?.type === 'operative') checkOpener(ctx, p, organ);
        const words = accentedWords(p.text);
        // The expressions cannot match a paragraph without « écide » and « saisi », or without « dit »
        // or « éclare »: most are left at once.
        if (words & DECIDE && p.text.includes('saisi')) checkRemainSeized(ctx, p, organ);
        if (mayDeclare(p.text, 'dit') || (words & DECLARE && mayDeclare(p.text, 'déclare'))) checkInlineDeclares(ctx, p, organ);
      }
    }
  },
};

/** The adjective of a preambular opener (« Vivement préoccupée ») or after « Se déclarant » / « Se déclare ». */
function checkOpener(ctx: RuleContext, p: Paragraph, organ: Organ): void {
  const words = openerWords(ctx.doc, p)!;
  if (!mayAgree(words.first)) return;
  const { line, text, tokens, match } = words;
  if (match.type === 'preamble' && match.adjective) {
    checkAdjective(ctx, line, text, tokens[match.headIndex], match.adjective, organ);
    return;
  }
  // « Se déclarant [de nouveau] [profondément] préoccupée », « Se déclare satisfaite », « Se dit préoccupé ».
  const head = tokens.slice(match.headIndex, match.headIndex + 2).map((t) => t.key).join(' ');
  if (REFLEXIVE.test(head)) checkAfterReflexive(ctx, line, text, tokens, match.headIndex + 2, organ);
}

let firstWords: Set<string> | undefined;
const DECLARES = new Set(['déclare', 'déclarant', 'dit', 'disant']);

/**
 * Whether the opener's first words let it hold what checkOpener judges: an adjective reached through
 * adverbs (« Vivement préoccupée »), an adjective (« Consciente »), or « Se déclarant », « Se déclare »
 * (classifyOpener puts the head after adverbs only, so any other opener has its head first, and
 * REFLEXIVE then reads its first two words). Looking at two words spares classifying the opener
 * for most (« Rappelant », « Prie », « Se félicite »); the words are read once for both rules
 * (openerWords), the first two at once and the others only for the openers that may agree.
 */
function mayAgree(tokens: Token[]): boolean {
  const v = vocabulary('fr');
  firstWords ??= new Set([...v.adverbs.keys(), ...v.adjectives.keys()].map((k) => k.split(' ')[0]));
  const [first, second] = tokens;
  if (first === undefined) return false;
  if (firstWords.has(first.key)) return true;
  return (first.key === 'se' || first.key === "s'") && second !== undefined && DECLARES.has(second.key);
}

/** The adjective after « se déclare » and its adverbs (« de nouveau », « profondément »), when it is a known one. */
function checkAfterReflexive(ctx: RuleContext, line: number, text: string, tokens: Token[], from: number, organ: Organ): void {
  let i = from;
  const v = vocabulary('fr');
  for (let guard = 0; guard < 4 && i < tokens.length; guard++) {
    const skip = v.modifiersAfter.match(tokens, i) ?? v.adverbs.match(tokens, i);
    if (!skip) break;
    i += skip.length;
  }
  const adjective = i < tokens.length ? v.adjectives.match(tokens, i) : undefined;
  if (adjective && adjective.length === 1) checkAdjective(ctx, line, text, tokens[i], adjective.value, organ);
}

function checkAdjective(ctx: RuleContext, line: number, text: string, token: Token, forms: AdjectiveForm[], organ: Organ): void {
  if (forms.some((f) => f.gender === organ.gender && f.number === organ.number)) return;
  const entry = forms[0].entry;
  const expected = (organ.number === 'p' ? (organ.gender === 'f' ? entry.fpl : entry.mpl) : organ.gender === 'f' ? entry.f : entry.m);
  if (!expected) return;
  const written = text.slice(token.start, token.end);
  report(ctx, { start: { line, character: token.start }, end: { line, character: token.end } }, written, matchCase(written, expected), organ);
}

const DECIDE = 1, DECLARE = 2;

/** Which of « écide » (DECIDE) and « éclare » (DECLARE) a text holds: one search for « éc » finds both. */
function accentedWords(text: string): number {
  let found = 0;
  for (let i = text.indexOf('éc'); i >= 0 && found !== (DECIDE | DECLARE); i = text.indexOf('éc', i + 2)) {
    if (text.startsWith('ide', i + 2)) found |= DECIDE;
    else if (text.startsWith('lare', i + 2)) found |= DECLARE;
  }
  return found;
}

/**
 * Whether `verb` (« dit », « déclare ») stands in the text as INLINE_DECLARES needs it: after « se »
 * and spaces, before something other than an ASCII letter. Most « dit » are in other words
 * (« crédit », « édition »): the expression then need not run.
 */
function mayDeclare(text: string, verb: string): boolean {
  for (let i = text.indexOf(verb); i >= 0; i = text.indexOf(verb, i + 1)) {
    const next = text.charCodeAt(i + verb.length);
    if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) continue;
    let k = i - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\u00a0')) k--;
    if (k < i - 1 && text[k] === 'e' && text[k - 1] === 's') return true;
  }
  return false;
}

/**
 * « …, et se déclare préoccupée par … » inside an operative paragraph: after « et » or a comma the
 * subject is the organ (« le Comité, qui se déclare préoccupé » is not read).
 */
function checkInlineDeclares(ctx: RuleContext, p: Paragraph, organ: Organ): void {
  for (const seg of p.segments) {
    const text = ctx.doc.lines[seg.line];
    const from = seg.line === p.segments[0].line && p.opener ? p.opener.range.end.character : seg.start;
    for (const m of text.slice(from, seg.end).matchAll(INLINE_DECLARES)) {
      const at = from + m.index! + m[0].length;
      checkAfterReflexive(ctx, seg.line, text, tokenize(text, at, 8), 0, organ);
    }
  }
}

/** « Décide de rester saisie de la question » (General Assembly) / « saisi » (a Council). */
function checkRemainSeized(ctx: RuleContext, p: Paragraph, organ: Organ): void {
  const expected = `saisi${organ.gender === 'f' ? 'e' : ''}${organ.number === 'p' ? 's' : ''}`;
  for (const seg of p.segments) {
    const text = ctx.doc.lines[seg.line];
    const slice = text.slice(seg.start, seg.end);
    for (const m of slice.matchAll(REMAIN_SEIZED)) {
      const written = m[3];
      if (written === expected) continue;
      const at = seg.start + m.index! + m[1].length;
      // The organ speaks in the opener, or after « et » or a comma (« …, et décide de rester saisie »);
      // elsewhere (« … dans laquelle il décide de rester saisi », a quotation) someone else may.
      const opener = p.opener && seg.line === p.opener.range.start.line && at === p.opener.range.start.character;
      if (!opener && !/(?:,|(?<![\p{L}\p{M}])et)[ \u00a0]*$/u.test(text.slice(0, at))) continue;
      const start = at + m[2].length;
      report(ctx, { start: { line: seg.line, character: start }, end: { line: seg.line, character: start + written.length } }, written, expected, organ);
    }
  }
}

function report(ctx: RuleContext, range: Range, written: string, expected: string, organ: Organ): void {
  const genre = `${organ.gender === 'f' ? 'féminin' : 'masculin'} ${organ.number === 'p' ? 'pluriel' : 'singulier'}`;
  ctx.report({
    range,
    message: `${q('fr', written)} ne s’accorde pas avec l’organe, ${q('fr', organ.name)} (${genre}) : attendu ${q('fr', expected)}`,
    fixes: [{ title: `Remplacer par ${q('fr', expected)}`, edits: [{ range, newText: expected }], safe: true }],
  });
}
