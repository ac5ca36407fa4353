// The also/further sequence of repeated openers: within one part (a resolution body, a nested
// draft), the second use of an opener takes « également » / "also", the third « en outre » /
// "further", never "further" before "also", and never an adverb on a first use. English puts the
// adverb after a preambular participle (Recalling also) and, in General Assembly texts, before an
// operative verb (Also requests); French always after (Prie également). « de nouveau » / "once
// again" is a reiteration, not a step. Adopted texts apply the sequence to repetitions in a row and
// restart it freely (A/RES/66/181: Rappelant, Rappelant également, Tenant compte, Rappelant,
// Rappelant également), so a missing adverb is only a hint, and only in a row.
import type { Lang, Paragraph, Part, Range } from '../model/types';
import { sequenceAdverb, sequenceModifierAt, sequenceModifierWords, sequencePhrases, vocabulary, type OpenerMatch, type SequenceStep, type Token } from '../vocabulary';
import { ALL_PROFILES, type Profile } from '../profiles';
import { memoSlot } from '../memo';
import { derivedFrom, openerWords, q, resolutionParts, type OpenerWords } from './helpers';
import type { Fix, RuleContext, Rule, TextEdit } from './types';

type Kind = 'preamble' | 'operative';
type Step = 'none' | SequenceStep;

interface Modifier { index: number; length: number; step: SequenceStep; before: boolean }

interface Use {
  p: Paragraph;
  kind: Kind;
  line: number;
  text: string;
  tokens: Token[];
  match: OpenerMatch;
  /** The opener's words up to the end of its recognised phrase. */
  length: number;
  /** Loose identity for counting uses: the verb (« Prie » for « Prie instamment »), the participle's first word, the adjective. */
  coarse: string;
  /** Exact identity for repetitions in a row: the phrase without sequence adverbs (« prie instamment », "takes note of"). */
  strict: string;
  modifier?: Modifier;
  step: Step;
}

// Words after which an English "further" is still an adverb (« Decides further that », "Affirms
// further the necessity"); before a bare noun it is an adjective ("Encourages further efforts").
const ADVERBIAL_FURTHER_NEXT = new Set(['that', 'to', 'the', 'all', 'its', 'their', 'a', 'an', 'this', 'these', 'those', 'each', 'every', 'any', 'upon', 'on', 'for', 'in', 'with', 'by', 'at', 'as', 'of', 'and']);
/** An identity leaves out the Secretary-General addressed at its end (« Prie le Secrétaire général » is « Prie »). */
const OFFICERS = [' the secretary-general', ' le secrétaire général'];
const EN_PREPOSITIONS = new Set(['of', 'to', 'for', 'in', 'on', 'with', 'by', 'at', 'about', 'from', 'that']);

const ucfirst = (s: string) => s.charAt(0).toLocaleUpperCase('fr') + s.slice(1);
const lcfirst = (s: string) => s.charAt(0).toLocaleLowerCase('fr') + s.slice(1);
const isBlank = (s: string) => /^[ \t\u00a0\u202f]+$/.test(s);

export const alsoFurtherSequence: Rule = {
  id: 'also-further-sequence',
  defaultSeverity: 'warning',
  description: {
    fr: 'Un même début de paragraphe repris dans une partie prend « également » au deuxième emploi, « en outre » au troisième, jamais « en outre » avant « également » ni d’adverbe au premier emploi (Prie, Prie également, Prie en outre).',
    en: 'An opener used again in a part takes "also" the second time and "further" the third, never "further" before "also" nor an adverb on a first use; English puts it after a preambular participle and before a General Assembly operative verb (Recalling also, Also requests).',
  },
  profiles: ALL_PROFILES,
  check(ctx) {
    for (const part of resolutionParts(ctx.doc)) {
      if (part.voice !== 'organ') continue;
      for (const kind of ['preamble', 'operative'] as const) checkSection(ctx, part, kind);
    }
  },
};

/** Profiles that follow the General Assembly's sequence strictly (order, English placement, hints). */
function strictProfile(profile: Profile): boolean {
  return profile === 'general-assembly' || profile === 'draft';
}

function readUse(ctx: RuleContext, p: Paragraph, kind: Kind): Use | undefined {
  const o = p.opener;
  if (!o || o.type !== kind) return undefined;
  const words = openerWords(ctx.doc, p)!;
  // Read from the words alone: kept with them, for the next version of the document (derivedFrom).
  const reading = kind === 'preamble' ? derivedFrom(words, PREAMBLE_USE, readPreamble) : derivedFrom(words, OPERATIVE_USE, readOperative);
  if (!reading) return undefined;
  return new UseOf(p, words, reading);
}

/** A use, its opener's words read on (past those its reading needed) only if a report or a hint asks for them. */
class UseOf implements Use {
  readonly kind: Kind; readonly line: number; readonly text: string; readonly match: OpenerMatch; readonly length: number;
  readonly coarse: string; readonly strict: string; readonly modifier?: Modifier; readonly step: Step;
  constructor(readonly p: Paragraph, private readonly words: OpenerWords, reading: NonNullable<UseReading>) {
    this.kind = reading.kind; this.line = words.line; this.text = reading.text; this.match = reading.match; this.length = reading.length;
    this.coarse = reading.coarse; this.strict = reading.strict; this.modifier = reading.modifier; this.step = reading.step;
  }
  get tokens(): Token[] {
    return this.words.tokens;
  }
}

type UseReading = Omit<Use, 'p' | 'line' | 'tokens'> | undefined;
const PREAMBLE_USE = memoSlot<UseReading>('also-further-sequence: preambular use');
const OPERATIVE_USE = memoSlot<UseReading>('also-further-sequence: operative use');
const MAY_HOLD_ADVERB = memoSlot<boolean>('also-further-sequence: may hold a sequence adverb');
const readPreamble = (words: OpenerWords) => readOpener(words, 'preamble');
const readOperative = (words: OpenerWords) => readOpener(words, 'operative');

/** What a use is, from its opener's words (its paragraph and line aside). */
function readOpener(words: OpenerWords, kind: Kind): UseReading {
  const { text, match } = words;
  if (match.type !== kind || !match.length || !match.headLength) return undefined;
  const lang = words.lang;
  const length = match.length;
  // What follows reads the phrase's words, the word after it, and a sequence modifier starting in the
  // phrase (sequenceModifierWords at most): the words the parser read, when they go that far (most
  // openers), are those of `tokens`, and the opener is not read on to its twelfth word.
  const parsed = words.parsedPhrase;
  const tokens = parsed && parsed.length >= length + Math.max(1, sequenceModifierWords(lang) - 1) ? parsed : words.tokens;
  // Sequence adverbs inside the phrase (fixed phrases such as « Prie aussi instamment » included).
  let modifier: Modifier | undefined;
  let skip: Set<number> | undefined;
  for (let k = 0; k < length; k++) {
    const m = sequenceModifierAt(tokens, k, lang);
    if (!m || k + m.length > length) continue;
    const before = k < match.headIndex;
    if (lang === 'en' && m.step === 'further' && !before && !adverbialFurther(text, tokens, k)) { k += m.length - 1; continue; }
    skip ??= new Set<number>();
    for (let j = k; j < k + m.length; j++) skip.add(j);
    if (!modifier || m.step === 'again') modifier = { index: k, length: m.length, step: m.step, before };
    k += m.length - 1;
  }
  let strict = '';
  for (let k = 0; k < length; k++) if (!skip?.has(k)) strict = strict ? `${strict} ${tokens[k].key}` : tokens[k].key;
  for (const officer of OFFICERS) if (strict.endsWith(officer)) { strict = strict.slice(0, -officer.length); break; }
  const head = tokens.slice(match.headIndex, match.headIndex + match.headLength).map((t) => t.key);
  const coarse = kind === 'operative' || match.adjective ? head.join(' ') : head[0] === 'se' || head[0] === "s'" ? head.slice(0, 2).join(' ') : head[0];
  return { kind, text, match, length, coarse, strict, modifier, step: modifier?.step ?? 'none' };
}

// ---------------------------------------------------------------------------------------------
// Which openers to read. Reading one (its words classified, its sequence adverb found) is most of
// the rule's time, and most openers can be left unread: only those with a sequence adverb can be
// reported, and the others matter only as earlier uses of the same opener (the count) or as the
// first of two in a row (the hints). An opener whose first word starts no adverb phrase has its head
// there (classifyOpener reads adverbs, and English fronted modifiers, before the head, nothing
// else), so its identity (coarse, strict) starts with that word: an opener with another first word
// is not the same opener.

interface Glance {
  /** The opener's words (the first two read at once: most are never looked at further). */
  words: OpenerWords;
  /** Its head may stand after its first word, or a sequence adverb may be among its words: read it. */
  read: boolean;
}

const leadingWords = { fr: leadingWordsOf('fr'), en: leadingWordsOf('en') };
/** First words of the phrases classifyOpener reads before a head: adverbs, English fronted modifiers. */
function leadingWordsOf(lang: Lang): Set<string> {
  const v = vocabulary(lang);
  return new Set([...v.adverbs.keys(), ...v.modifiersBefore.keys()].map((k) => k.split(' ')[0]));
}

const sequenceWords = { fr: sequenceWordsOf('fr'), en: sequenceWordsOf('en') };
/**
 * A word of every sequence modifier (its longest: « outre » for « en outre »), in any case. The
 * expression's i flag matches a letter wherever toLowerCase gives the word's letter (no letter of
 * these words has another upper-case form, as the Kelvin sign has for k).
 */
function sequenceWordsOf(lang: Lang): RegExp {
  const words = new Set(sequencePhrases(lang).map((ph) => ph.split(' ').sort((a, b) => b.length - a.length)[0]));
  return new RegExp([...words].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
}

/**
 * Twelve stretches of a line, each from a character that cannot start a word (or the first word) to
 * the end of a run of characters that may be in a word (ASCII letters, « ' », « - », anything beyond
 * ASCII), with a Latin letter in it. Each holds at least one word of tokenize's (openerWords) whole:
 * the one its first Latin letter is in. So when there are twelve, they end no earlier than the
 * twelfth word, and the opener's words lie within them (found without reading the words).
 */
const LATIN = 'A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f';
const IN_WORD = "A-Za-z'\\-\\u0080-\\uffff";
const TWELVE_WORDS = new RegExp(`(?:[^${LATIN}]*[${LATIN}][${IN_WORD}]*(?![${IN_WORD}])){12}`, 'y');

function glance(ctx: RuleContext, p: Paragraph, kind: Kind): Glance | undefined {
  if (p.opener?.type !== kind) return undefined; // readUse reads nothing either
  const words = openerWords(ctx.doc, p)!;
  return { words, read: derivedFrom(words, MAY_HOLD_ADVERB, mayHoldAdverb) };
}

/** Whether the opener's head may stand after its first word, or a sequence adverb may be among its words. */
function mayHoldAdverb(words: OpenerWords): boolean {
  const { text, first } = words;
  if (!first.length || leadingWords[words.lang].has(first[0].key)) return true;
  // The words the parser read hold the phrase: a sequence adverb in it starts among them (readOpener
  // looks for one nowhere else), found by the vocabulary without an expression.
  const phrase = words.parsedPhrase;
  if (phrase) {
    for (let k = 0; k < phrase.length; k++) if (sequenceModifierAt(phrase, k, words.lang)) return true;
    return false;
  }
  // A sequence adverb may be among the opener's words: tested on a stretch that holds them all. An
  // opener read that has none (one beyond its twelfth word) is read for nothing: its use is plain,
  // its identity starts with its first word, so the count and the hints come out the same.
  const start = first[0].start;
  TWELVE_WORDS.lastIndex = start;
  const end = TWELVE_WORDS.test(text) ? TWELVE_WORDS.lastIndex : text.length;
  return sequenceWords[words.lang].test(text.slice(start, end));
}

/** Whether an unread opener's first word starts a use's identity (then the two may be the same opener). */
function startsIdentity(g: Glance, u: Use): boolean {
  const key = g.words.first[0].key;
  return u.strict.startsWith(key) && (u.strict.length === key.length || u.strict[key.length] === ' ');
}

/** Whether the opener's first words are `words` (for an unread opener: whether it may be that opener). */
function startsWith(opener: OpenerWords, words: string[]): boolean {
  // The first two words are read already; the others only for a longer identity.
  const tokens = words.length <= opener.first.length ? opener.first : opener.tokens;
  if (tokens.length < words.length) return false;
  for (let k = 0; k < words.length; k++) if (tokens[k].key !== words[k]) return false;
  return true;
}

/** The uses of a section, read when needed: at once those with a sequence adverb (and, for the hints, pairs that may be one). */
class Section {
  /** By position in the section: its glance, whether it was read, its use. */
  private readonly glances: (Glance | undefined)[];
  private readonly readAt: boolean[];
  private readonly usesAt: (Use | undefined)[];
  /** Each item of the part (what hintRepetitions walks) → its position in the section, or -1. */
  readonly slots: number[];
  constructor(private readonly ctx: RuleContext, private readonly kind: Kind, readonly paragraphs: Paragraph[], part: Part, strict: boolean) {
    const n = paragraphs.length;
    this.glances = new Array(n);
    this.readAt = new Array(n).fill(false);
    this.usesAt = new Array(n);
    for (let i = 0; i < n; i++) {
      const g = (this.glances[i] = glance(ctx, paragraphs[i], kind));
      if (g?.read) this.use(i);
    }
    this.slots = slotsOf(part.items, paragraphs);
    // Two in a row, for the hints: the items hintRepetitions walks, side by side. Two uses are the
    // same opener only if their identities (strict) are the same, and an unread opener's identity
    // starts with its first word: next to a read one, it is read only if that word starts the read
    // one's identity (otherwise it ends a run of uses, read or not).
    if (strict) {
      let previous: Glance | undefined, previousAt = -1;
      part.items.forEach((p, k) => {
        if (p.kind === 'subparagraph' || p.kind === 'footnote' || p.kind === 'rule') return;
        const at = this.slots[k];
        const g = at < 0 ? undefined : this.glances[at];
        if (previous && g) {
          if (previous.read || g.read) {
            const before = previous.read ? this.use(previousAt) : undefined;
            const after = g.read ? this.use(at) : undefined;
            if (before && !g.read && startsIdentity(g, before)) this.use(at);
            if (after && !previous.read && startsIdentity(previous, after)) this.use(previousAt);
          } else if (previous.words.first[0].key === g.words.first[0].key) { this.use(previousAt); this.use(at); }
        }
        previous = g; previousAt = at;
      });
    }
  }

  /** The use the i-th paragraph of the section holds, read once. */
  use(i: number): Use | undefined {
    if (this.readAt[i]) return this.usesAt[i];
    this.readAt[i] = true;
    return (this.usesAt[i] = readUse(this.ctx, this.paragraphs[i], this.kind));
  }

  /** The uses read so far, in the section's order. */
  uses(): Use[] {
    const out: Use[] = [];
    for (const u of this.usesAt) if (u) out.push(u);
    return out;
  }

  /** The use of the i-th paragraph if it is read already. */
  usedAt(i: number): Use | undefined {
    return this.usesAt[i];
  }

  /** Whether the i-th paragraph was read when the section was glanced at (the others hold no sequence adverb). */
  isRead(i: number): boolean {
    return this.readAt[i];
  }

  /**
   * How many uses of u's opener come before the i-th paragraph: 0, 1 or 2 (two or more: what the
   * messages tell apart). Reads the earlier openers that may be u's: those with a sequence adverb
   * (read already) and those whose first words are u's head.
   */
  countBefore(u: Use, i: number): number {
    const words = u.coarse.split(' ');
    let n = 0;
    for (let j = i - 1; j >= 0 && n < 2; j--) {
      const g = this.glances[j];
      if (!g || !(g.read || startsWith(g.words, words))) continue;
      if (this.use(j)?.coarse === u.coarse) n++;
    }
    return n;
  }
}

/** Each item's position among `paragraphs` (a list of some of them, in their order), or -1. */
function slotsOf(items: Paragraph[], paragraphs: Paragraph[]): number[] {
  const slots = new Array<number>(items.length);
  let j = 0;
  for (let k = 0; k < items.length; k++) slots[k] = j < paragraphs.length && items[k] === paragraphs[j] ? j++ : -1;
  if (j === paragraphs.length) return slots;
  // A list in another order (not met in the model): by identity.
  const index = new Map(paragraphs.map((p, i) => [p, i]));
  return items.map((p) => index.get(p) ?? -1);
}

function adverbialFurther(text: string, tokens: Token[], k: number): boolean {
  const after = text.slice(tokens[k].end).match(/^\s*(\S)/)?.[1];
  if (after === ',' || after === ';' || after === ':') return true;
  const next = tokens[k + 1];
  return !!next && ADVERBIAL_FURTHER_NEXT.has(next.key);
}

function checkSection(ctx: RuleContext, part: Part, kind: Kind): void {
  const { lang, profile } = ctx;
  const strict = strictProfile(profile);
  const paragraphs = sectionParagraphs(part, kind);
  const section = new Section(ctx, kind, paragraphs, part, strict);
  // Whether a use of each opener took « également » / "also" so far in this part. Only uses with a
  // sequence adverb are judged, and only they need how many uses of their opener came before.
  const also = new Set<string>();
  const earlier: Paragraph[] = [];
  const sequence = section.uses();
  paragraphs.forEach((p, i) => {
    const u = section.isRead(i) ? section.use(i) : undefined;
    if (!u || (u.step !== 'also' && u.step !== 'further')) { earlier.push(p); return; }
    const count = section.countBefore(u, i);
    let corrected: Step = u.step;
    let problem: 'first' | 'order' | undefined;
    if (count === 0 && !usedInline(earlier, u, lang)) { corrected = 'none'; problem = 'first'; }
    else if (u.step === 'further' && !also.has(u.coarse) && strict) { corrected = 'also'; problem = 'order'; }
    // One finding per opener: a first use is reported as such (the fix removes the adverb wherever it stands).
    if (problem === 'first') reportStep(ctx, u, problem, count, shifted(sequence, u, lang, profile));
    else if (misplaced(u, lang, profile)) reportPlacement(ctx, u, corrected, problem, count);
    else if (problem) reportStep(ctx, u, problem, count);
    // A first use with « également » starts the sequence one step ahead: the « en outre » that follows
    // it is consistent with it, and the fix moves both back (« Réaffirmant », « Réaffirmant également »).
    if (corrected === 'also' || (problem === 'first' && u.step === 'also')) also.add(u.coarse);
    earlier.push(p);
  });
  if (strict) hintRepetitions(ctx, part, section);
}

/**
 * The paragraphs of the preamble or of the operative part. A preambular paragraph after an operative
 * one (with no section heading in between) is left out: preamble-after-operative reports it, and in
 * PDF extractions it is most often a subparagraph that lost its label.
 */
function sectionParagraphs(part: Part, kind: Kind): Paragraph[] {
  if (kind === 'operative') return part.operative;
  const out: Paragraph[] = [];
  let afterOperative = false;
  for (const p of part.items) {
    if (p.kind === 'operative') afterOperative = true;
    else if (p.kind === 'heading') afterOperative = false;
    else if (p.kind === 'preamble' && !afterOperative) out.push(p);
  }
  return out;
}

/** After a first use with « également », the next « en outre » of the same opener, moved back to « également » by the same fix. */
function shifted(sequence: Use[], u: Use, lang: Lang, profile: Profile): { use: Use; edit: TextEdit } | undefined {
  if (u.step !== 'also') return undefined;
  const next = sequence.slice(sequence.indexOf(u) + 1).find((v) => v.coarse === u.coarse && (v.step === 'also' || v.step === 'further'));
  if (!next || next.step !== 'further' || misplaced(next, lang, profile)) return undefined;
  return { use: next, edit: replacement(next, 'also', lang) };
}

/** An earlier verb inside a paragraph (« …, et prie le Secrétaire général … ») makes the adverb right. */
function usedInline(earlier: Paragraph[], u: Use, lang: Lang): boolean {
  const verb = u.coarse.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const joiner = lang === 'fr' ? 'et' : 'and';
  const re = new RegExp(`(?:^|[\\s,;])${joiner}[\\s,]+(?:[\\p{L}'-]+[\\s,]+){0,4}(?:[lL]')?${verb}(?![\\p{L}\\p{M}])`, 'iu');
  return earlier.some((p) => re.test(p.text.replace(/’/g, "'")));
}

/** English adverb on the wrong side: fronted in a preambular opener (MUN style), after a General Assembly operative verb. */
function misplaced(u: Use, lang: Lang, profile: Profile): boolean {
  if (lang !== 'en' || !u.modifier) return false;
  if (u.kind === 'preamble') return u.modifier.before;
  return strictProfile(profile) && !u.modifier.before;
}

function sectionName(ctx: RuleContext, kind: Kind): string {
  return kind === 'preamble' ? ctx.t('dans le préambule', 'in the preamble') : ctx.t('dans le dispositif', 'in the operative part');
}

function tokenRange(u: Use, from: number, to: number): Range {
  return { start: { line: u.line, character: u.tokens[from].start }, end: { line: u.line, character: u.tokens[to - 1].end } };
}

/**
 * Where the opener shown in messages ends: the drafter's italics (« *Prie instamment* », "*Calls
 * upon*"), or else the head; always past the sequence adverb.
 */
function shownEnd(u: Use): number {
  const o = u.p.opener!;
  const t = u.tokens;
  const m = u.modifier;
  const headEnd = t[u.match.headIndex + u.match.headLength - 1].end;
  let end = o.italic ? o.range.end.character : headEnd;
  if (!o.italic) {
    // Without italics, the recognised phrase ("Calls upon", "Takes note of"), short of an object
    // ("Requests the Secretary-General") or of a long formula ("Decides to include in the provisional agenda of its").
    let n = u.length;
    if (n >= 3 && /^(?:the secretary-general|secrétaire général)$/.test(`${t[n - 2].key} ${t[n - 1].key}`)) n -= t[n - 3].key === 'le' ? 3 : 2;
    if (n <= 5) end = t[n - 1].end;
  }
  end = Math.max(end, headEnd);
  if (m) end = Math.max(end, t[m.index + m.length - 1].end);
  return end;
}

const unmarked = (s: string) => s.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();

/** The opener as written (markup left out). */
function shown(u: Use): string {
  return unmarked(u.text.slice(u.tokens[0].start, shownEnd(u)));
}

/** The opener without its sequence adverb (« Prie instamment », "Calls upon"), for messages. */
function bare(u: Use): string {
  const m = u.modifier;
  const end = shownEnd(u);
  const words: string[] = [];
  for (let k = 0; k < u.tokens.length && u.tokens[k].end <= end; k++) if (!m || k < m.index || k >= m.index + m.length) words.push(u.text.slice(u.tokens[k].start, u.tokens[k].end));
  return ucfirst(words.join(' '));
}

/** The opener as shown once an edit on its line is applied. */
function phraseAfter(u: Use, edit: TextEdit): string {
  const start = u.tokens[0].start;
  const end = Math.max(shownEnd(u), edit.range.end.character);
  return unmarked(u.text.slice(start, edit.range.start.character) + edit.newText + u.text.slice(edit.range.end.character, end));
}

function edit(u: Use, start: number, end: number, newText: string): TextEdit {
  return { range: { start: { line: u.line, character: start }, end: { line: u.line, character: end } }, newText };
}

/** Removes the sequence adverb (first use): « Prie également » → « Prie », "Also requests" → "Requests". */
function removal(u: Use): TextEdit | undefined {
  const m = u.modifier!;
  const t = u.tokens;
  const last = m.index + m.length - 1;
  if (m.index === 0) {
    const next = t[last + 1];
    if (!next || !isBlank(u.text.slice(t[last].end, next.start))) return undefined;
    return edit(u, t[0].start, next.end, ucfirst(u.text.slice(next.start, next.end)));
  }
  let start = t[m.index].start;
  const gap = u.text.slice(t[m.index - 1].end, start);
  if (isBlank(gap)) start = t[m.index - 1].end;
  else while (start > 0 && /[ \t\u00a0\u202f]/.test(u.text[start - 1])) start--;
  return edit(u, start, t[last].end, '');
}

/** Replaces the adverb by the one of the expected step, written where it stands. */
function replacement(u: Use, step: 'also' | 'further', lang: Lang): TextEdit {
  const m = u.modifier!;
  const r = tokenRange(u, m.index, m.index + m.length);
  const adverb = sequenceAdverb(step, lang);
  return edit(u, r.start.character, r.end.character, m.index === 0 ? ucfirst(adverb) : adverb);
}

/** Where a sequence adverb goes in this opener, as [insert-before token index] (after the head by default). */
function insertionIndex(u: Use, lang: Lang, withoutModifier: boolean): number {
  const { headIndex, headLength } = u.match;
  const headEnd = headIndex + headLength;
  if (lang === 'fr') {
    if (u.kind === 'operative' || u.match.adjective) return headEnd;
    // Participles: after the participle itself (« Prenant également note », « Se félicitant également »).
    return headIndex + (/^(?:se|s')$/.test(u.tokens[headIndex].key) ? 2 : 1);
  }
  // English preamble: after the participle phrase, before its closing preposition ("Taking note also of").
  let end = headEnd;
  if (withoutModifier && u.modifier && u.modifier.index >= headEnd) end = u.modifier.index;
  if (end - headIndex > 1 && EN_PREPOSITIONS.has(u.tokens[end - 1].key)) end--;
  return end;
}

/** The opener rewritten with the adverb of a step in its right place (or none), as one edit over plain words. */
function rewrite(u: Use, step: 'none' | 'also' | 'further', lang: Lang): TextEdit | undefined {
  const t = u.tokens;
  const m = u.modifier;
  // Only words separated by spaces can be moved (markup inside the phrase stays as written).
  const from = 0;
  const to = m ? Math.max(m.index + m.length, insertionIndex(u, lang, true)) : insertionIndex(u, lang, true);
  for (let k = from + 1; k < to; k++) if (!isBlank(u.text.slice(t[k - 1].end, t[k].start))) return undefined;
  const words: string[] = [];
  for (let k = from; k < to; k++) {
    if (m && k >= m.index && k < m.index + m.length) continue;
    words.push(u.text.slice(t[k].start, t[k].end));
  }
  if (!words.length) return undefined;
  words[0] = ucfirst(words[0]);
  if (step !== 'none') {
    const adverb = sequenceAdverb(step, lang);
    if (lang === 'en' && u.kind === 'operative') {
      words[0] = lcfirst(words[0]);
      words.unshift(ucfirst(adverb));
    } else {
      // The insertion index counts the tokens before it, modifier excluded.
      const at = insertionIndex(u, lang, true) - (m && m.index < insertionIndex(u, lang, true) ? m.length : 0);
      words.splice(at, 0, adverb);
    }
  }
  return edit(u, t[from].start, t[to - 1].end, words.join(' '));
}

function reportStep(ctx: RuleContext, u: Use, problem: 'first' | 'order', count: number, shift?: { use: Use; edit: TextEdit }): void {
  const lang = ctx.lang;
  const m = u.modifier!;
  const written = q(lang, u.text.slice(u.tokens[m.index].start, u.tokens[m.index + m.length - 1].end));
  const fixEdit = problem === 'first' ? removal(u) : replacement(u, 'also', lang);
  const expected = fixEdit ? phraseAfter(u, fixEdit) : undefined;
  const head = q(lang, bare(u));
  const where = sectionName(ctx, u.kind);
  const also = q(lang, sequenceAdverb('also', lang));
  const further = q(lang, sequenceAdverb('further', lang));
  const expect = expected ? ctx.t(` ; attendu ${q(lang, expected)}`, `; expected ${q(lang, expected)}`) : '';
  const message = problem === 'first'
    ? ctx.t(`Premier emploi de ${head} ${where} : ${written} marque ${u.step === 'also' ? 'le deuxième' : 'le troisième'} emploi${expect}`,
      `First use of ${head} ${where}: ${written} marks the ${u.step === 'also' ? 'second' : 'third'} use${expect}`)
    : count === 1
      ? ctx.t(`Deuxième emploi de ${head} ${where} : il prend ${also}, ${further} ne vient qu’au troisième${expect}`,
        `Second use of ${head} ${where}: it takes ${also}, ${further} comes only with the third${expect}`)
      : ctx.t(`${further} sans ${also} avant lui pour ${head} ${where} : ${further} suit ${also}${expect}`,
        `${further} with no ${also} before it for ${head} ${where}: ${further} follows ${also}${expect}`);
  ctx.report({
    range: tokenRange(u, m.index, m.index + m.length),
    message,
    fixes: fixEdit && expected ? [shift ? shiftFix(ctx, expected, fixEdit, shift) : fix(ctx, expected, fixEdit, true)] : undefined,
  });
}

function shiftFix(ctx: RuleContext, expected: string, e: TextEdit, also: { use: Use; edit: TextEdit }): Fix {
  const lang = ctx.lang;
  const then = q(lang, phraseAfter(also.use, also.edit));
  return {
    title: ctx.t(`Écrire ${q(lang, expected)}, puis ${then} ligne ${also.use.line + 1}`, `Write ${q(lang, expected)}, then ${then} on line ${also.use.line + 1}`),
    edits: [e, also.edit],
    safe: true,
  };
}

function reportPlacement(ctx: RuleContext, u: Use, corrected: Step, problem: 'order' | undefined, count: number): void {
  const lang = ctx.lang;
  const m = u.modifier!;
  const step = corrected === 'also' || corrected === 'further' ? corrected : 'none';
  const fixEdit = rewrite(u, step, lang);
  const expected = fixEdit ? phraseAfter(u, fixEdit) : undefined;
  const headFrom = Math.min(m.index, u.match.headIndex);
  const headTo = Math.max(m.index + m.length, u.match.headIndex + u.match.headLength);
  const written = q(lang, u.text.slice(u.tokens[headFrom].start, u.tokens[headTo - 1].end));
  const expect = expected ? `; expected ${q(lang, expected)}` : '';
  const extra = problem !== 'order' ? '' : count === 1 ? ', and its second use takes "also"' : ', and "further" follows an "also"';
  const message = u.kind === 'preamble'
    ? `${written}: in a preambular paragraph the adverb follows the participle${extra}${expect}`
    : `${written}: in a General Assembly operative paragraph the adverb comes before the verb${extra}${expect}`;
  ctx.report({ range: tokenRange(u, headFrom, headTo), message, fixes: fixEdit && expected ? [fix(ctx, expected, fixEdit, true)] : undefined });
}

function fix(ctx: RuleContext, expected: string, e: TextEdit, safe: boolean): Fix {
  return { title: ctx.t(`Écrire ${q(ctx.lang, expected)}`, `Write ${q(ctx.lang, expected)}`), edits: [e], safe };
}

/**
 * Hints for an opener repeated in the very next paragraph without an adverb (« Invite … ;
 * Invite … »). Only the second of a run of two or three: adopted texts restart the sequence at will,
 * and a run of four or more (« Considérant … » ×7 in A/RES/217 A (III)) is a deliberate litany.
 */
function hintRepetitions(ctx: RuleContext, part: Part, section: Section): void {
  const runs: Use[][] = [];
  let run: Use[] = [];
  const close = () => { if (run.length) runs.push(run); run = []; };
  for (let k = 0; k < part.items.length; k++) {
    const p = part.items[k];
    if (p.kind === 'subparagraph' || p.kind === 'footnote' || p.kind === 'rule') continue;
    const at = section.slots[k];
    const u = at < 0 ? undefined : section.usedAt(at);
    if (!u || u.step === 'again') { close(); continue; }
    if (run.length && run[run.length - 1].strict !== u.strict) close();
    run.push(u);
  }
  close();
  const lang = ctx.lang;
  for (const r of runs) {
    if (r.length < 2 || r.length > 3 || r[1].step !== 'none') continue;
    const u = r[1];
    if (lang === 'en' && /^whereas$/.test(u.coarse)) continue;
    const e = insertion(u, lang);
    const expected = phraseAfter(u, e);
    const head = q(lang, shown(u));
    ctx.report({
      severity: 'hint',
      range: tokenRange(u, u.match.headIndex, u.match.headIndex + u.match.headLength),
      message: ctx.t(`${head} ouvre déjà le paragraphe précédent : le deuxième emploi de suite prend ${q(lang, sequenceAdverb('also', lang))} ; attendu ${q(lang, expected)}`,
        `${head} already opens the paragraph before: the second use in a row takes ${q(lang, sequenceAdverb('also', lang))}; expected ${q(lang, expected)}`),
      fixes: [fix(ctx, expected, e, false)],
    });
  }
}

/** Inserts « également » / "also" in a plain opener. */
function insertion(u: Use, lang: Lang): TextEdit {
  const t = u.tokens;
  const adverb = sequenceAdverb('also', lang);
  if (lang === 'en' && u.kind === 'operative') {
    const first = u.text.slice(t[0].start, t[0].end);
    return edit(u, t[0].start, t[0].end, `${ucfirst(adverb)} ${lcfirst(first)}`);
  }
  const at = insertionIndex(u, lang, false);
  const pos = t[at - 1].end;
  return edit(u, pos, pos, ` ${adverb}`);
}
