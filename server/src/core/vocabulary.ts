// Recognises paragraph openers from the vocabulary data files (data/*.json): preambular
// participles and adjectives, operative verbs with their modifiers, and organ names.
import { distance } from 'fastest-levenshtein';
import organsData from './data/organs.json';
import preambleData from './data/preamble-openers.json';
import operativeData from './data/operative-verbs.json';
import type { Lang } from './model/types';

export interface Token { text: string; start: number; end: number; /** Lower-cased, for lookups. */ key: string }

const WORD = /[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*['’]?/gu;

/**
 * Words with their columns; apostrophes and hyphens stay inside a word (« S'inquiétant », « l'attention »).
 * The words WORD matches, found by a scan of the characters: the parser and several rules tokenise
 * every opener, and WORD's Unicode classes cost ~120 ns a word where the scan costs a few. A text with
 * a surrogate pair (letters outside the BMP) is left to the expression itself.
 */
export function tokenize(text: string, from = 0, limit = 12): Token[] {
  const words = new Words(text, from, limit);
  words.has(limit - 1);
  return words.read;
}

/**
 * tokenize's words, read one after another as they are asked for: classifying an opener needs two or
 * three words of the ten it may look at. has(i) is true when tokenize(text, from, limit) has a word i,
 * and at(i) is then that word (the same values).
 */
export class Words {
  read: Token[] = [];
  /** What classifyWords found in these words, in that language. */
  classified?: { lang: Lang; match: OpenerMatch };
  private next: number;
  private done = false;
  /** Read with WORD (a surrogate pair): no going on from these words. */
  private regex = false;

  constructor(private readonly text: string, private readonly from: number, private readonly limit: number) {
    this.next = from;
  }

  /** Words already read (tokenize's result for them). */
  static of(tokens: Token[]): Words {
    const words = new Words('', 0, tokens.length);
    words.read = tokens;
    words.done = true;
    return words;
  }

  has(i: number): boolean {
    while (i >= this.read.length && !this.done) this.readWord();
    return i < this.read.length;
  }

  at(i: number): Token {
    return this.read[i];
  }

  /**
   * The words read so far when they hold every word a reading with a higher limit would look at:
   * fewer than the limit were read, so no question was answered by the limit (the text ran out, or
   * no more were asked for), and classifyWords on a reading of the same text and column with any
   * higher limit reads the same words and gives the same match, its phrase among them. Undefined
   * otherwise.
   */
  wordsBelowLimit(): Token[] | undefined {
    return this.read.length < this.limit ? this.read : undefined;
  }

  /** Whether this is a reading of `text` from column `from`. */
  reads(text: string, from: number): boolean {
    return this.text === text && this.from === from;
  }

  /**
   * tokenize(text, from, limit) for this reading's text and column, going on after the words read so
   * far (its first words): a caller that reads the same words again need not tokenise them twice.
   */
  readOn(limit: number): Token[] {
    if (this.regex) return tokenize(this.text, this.from, limit);
    if (this.read.length >= limit) return this.read.slice(0, limit);
    const words = new Words(this.text, this.from, limit);
    const known = Math.min(this.read.length, limit);
    if (known) {
      words.read = this.read.slice(0, known);
      words.next = this.read[known - 1].end;
    }
    words.has(limit - 1);
    return words.read;
  }

  private readWord(): void {
    const { text, read } = this;
    if (read.length >= this.limit) { this.done = true; return; }
    let i = this.next;
    const n = text.length;
    // The next letter or mark.
    let c = 0;
    while (i < n && !isWordChar((c = text.charCodeAt(i)))) {
      if (isSurrogate(c)) return this.readWithRegex();
      i++;
    }
    if (i >= n) { this.done = true; return; }
    const start = i;
    // Whether a letter changes in lower case (then key lower-cases the word), whether a ’ is read (text writes it ').
    let cased = LETTER_CASE[c] === CHANGES;
    let curly = false;
    i++;
    for (;;) {
      while (i < n && isWordChar((c = text.charCodeAt(i)))) {
        if (LETTER_CASE[c] === CHANGES) cased = true;
        i++;
      }
      c = text.charCodeAt(i);
      if (isSurrogate(c)) return this.readWithRegex();
      if (c !== 39 && c !== 0x2019 && c !== 45) break;
      // « l'attention », « non-membres »: a separator followed by a letter continues the word.
      const next = text.charCodeAt(i + 1);
      if (isSurrogate(next)) return this.readWithRegex();
      if (!isWordChar(next)) break;
      if (c === 0x2019) curly = true;
      if (LETTER_CASE[next] === CHANGES) cased = true;
      i += 2;
    }
    if (c === 39 || c === 0x2019) { curly ||= c === 0x2019; i++; } // « l' », « d’ »
    read.push(new Word(text, start, i, cased, curly));
    this.next = i;
  }

  /** A surrogate pair: every word from WORD (those read so far are the same). */
  private readWithRegex(): void {
    this.read = tokenizeWithRegex(this.text, this.from, this.limit);
    this.done = true;
    this.regex = true;
  }
}

/**
 * A word tokenize found: its text and key are read from the line when first asked for (a caller
 * reads the first few words of the twelve it asks for; slicing and lower-casing the rest was half
 * of tokenize's time). Same values as the plain objects WORD's matches give.
 */
class Word implements Token {
  private written?: string;
  private lower?: string;
  /**
   * `cased`: a letter of the word changes in lower case (else toLowerCase() gives the same text: most
   * words but the first of an opener). `curly`: the word holds a ’.
   */
  constructor(private readonly line: string, readonly start: number, readonly end: number, private readonly cased: boolean, private readonly curly: boolean) {}
  get text(): string {
    if (this.written === undefined) {
      const w = this.line.slice(this.start, this.end);
      this.written = this.curly ? w.replace(/’/g, "'") : w;
    }
    return this.written;
  }
  get key(): string {
    return (this.lower ??= this.cased ? this.text.toLowerCase() : this.text);
  }
  toJSON(): { text: string; start: number; end: number; key: string } {
    return { text: this.text, start: this.start, end: this.end, key: this.key };
  }
}

/** The same words, read with WORD (texts with surrogate pairs). */
function tokenizeWithRegex(text: string, from: number, limit: number): Token[] {
  const tokens: Token[] = [];
  const re = WORD;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while (tokens.length < limit && (m = re.exec(text))) {
    const t = m[0].replace(/’/g, "'");
    tokens.push({ text: t, start: m.index, end: m.index + m[0].length, key: t.toLowerCase() });
  }
  return tokens;
}

const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
/** Per UTF-16 unit outside ASCII: 0 not yet known, 1 a letter or mark (\p{L}, \p{M}), 2 neither. */
const WORD_CHARS = new Uint8Array(0x10000);
const WORD_CHAR = /^[\p{L}\p{M}]$/u;

/** Whether a BMP character is a letter or a mark, as WORD reads it (surrogates are not). */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let known = WORD_CHARS[c];
  if (!known) {
    WORD_CHARS[c] = known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    if (known === 1) LETTER_CASE[c] = String.fromCharCode(c).toLowerCase() === String.fromCharCode(c) ? 0 : CHANGES;
  }
  return known === 1;
}

/**
 * Per UTF-16 unit, CHANGES for a letter or mark that toLowerCase() changes (A–Z, É …), set as isWordChar
 * first meets it. A word none of whose units changes is its own lower case (toLowerCase's only rule
 * that reads the context, the final sigma, is about Σ, which changes).
 */
const LETTER_CASE = new Uint8Array(0x10000);
const CHANGES = 1;
for (let c = 65; c <= 90; c++) LETTER_CASE[c] = CHANGES;

export interface OrganInfo { id: string; gender: 'm' | 'f'; number: 's' | 'p' }

interface AdjectiveFr { m?: string; f?: string; mpl?: string; fpl?: string; en?: string[] }
interface ParticipleEntry { form: string; operative?: string | null; en?: string[]; fr?: string[] }
interface VerbEntry { form: string; preamble?: string | null; en?: string[]; fr?: string[] }

// French lower-casing needs no locale (no dotted/dotless i), and toLowerCase is much faster.
const key = (s: string) => s.toLowerCase().replace(/’/g, "'");

/** Phrases by their words: a phrase's value, and the phrases that continue it by their next word. */
interface PhraseNode<T> { value?: T; next?: Map<string, PhraseNode<T>> }

/** Word sequences (lower-cased) mapped to a value; longest match wins. */
class PhraseTable<T> {
  private readonly map = new Map<string, T>();
  /** The same phrases word by word, so a lookup follows the words and stops as soon as no phrase can continue. */
  private readonly first = new Map<string, PhraseNode<T>>();
  maxWords = 1;
  add(phrase: string, value: T): void {
    const words = key(phrase).split(/\s+/).filter(Boolean);
    if (!words.length) return;
    this.maxWords = Math.max(this.maxWords, words.length);
    let level = this.first;
    let node: PhraseNode<T> | undefined;
    for (const w of words) {
      if (node) level = node.next ??= new Map();
      node = level.get(w);
      if (!node) level.set(w, (node = {}));
    }
    if (!this.map.has(words.join(' '))) {
      this.map.set(words.join(' '), value);
      node!.value = value;
    }
  }
  /**
   * Longest phrase starting at tokens[i]: number of tokens and value. The same walk as matchWords, over
   * an array: going through Words.of here slowed the parse by a tenth (matchVerb calls it per opener).
   */
  match(tokens: Token[], i: number): { length: number; value: T } | undefined {
    let best: { length: number; value: T } | undefined;
    let level: Map<string, PhraseNode<T>> | undefined = this.first;
    const last = Math.min(this.maxWords, tokens.length - i);
    for (let n = 1; n <= last && level; n++) {
      const node = level.get(tokens[i + n - 1].key);
      if (!node) break;
      if (node.value !== undefined) best = { length: n, value: node.value };
      level = node.next;
    }
    return best;
  }
  /** match() on words read as they are asked for. */
  matchWords(words: Words, i: number): { length: number; value: T } | undefined {
    let best: { length: number; value: T } | undefined;
    let level: Map<string, PhraseNode<T>> | undefined = this.first;
    for (let n = 1; n <= this.maxWords && level && words.has(i + n - 1); n++) {
      const node = level.get(words.at(i + n - 1).key);
      if (!node) break;
      if (node.value !== undefined) best = { length: n, value: node.value };
      level = node.next;
    }
    return best;
  }
  has(phrase: string): boolean { return this.map.has(key(phrase)); }
  keys(): string[] { return [...this.map.keys()]; }
}

export interface AdjectiveForm { gender: 'm' | 'f'; number: 's' | 'p'; entry: AdjectiveFr }

interface LangVocabulary {
  adverbs: PhraseTable<true>;
  adjectives: PhraseTable<AdjectiveForm[]>;
  participles: PhraseTable<ParticipleEntry>;
  notOpeners: Set<string>;
  verbs: PhraseTable<VerbEntry>;
  verbPhrases: PhraseTable<true>;
  modifiersAfter: PhraseTable<true>;
  modifiersBefore: PhraseTable<true>;
  verbForms: string[];
  preambleToOperative: Map<string, string>;
  operativeToPreamble: Map<string, string>;
}

function buildVocabulary(lang: Lang): LangVocabulary {
  const pre = (preambleData as any)[lang] ?? {};
  const op = (operativeData as any)[lang] ?? {};
  const v: LangVocabulary = {
    adverbs: new PhraseTable(), adjectives: new PhraseTable(), participles: new PhraseTable(), notOpeners: new Set(),
    verbs: new PhraseTable(), verbPhrases: new PhraseTable(), modifiersAfter: new PhraseTable(), modifiersBefore: new PhraseTable(),
    verbForms: [], preambleToOperative: new Map(), operativeToPreamble: new Map(),
  };
  for (const a of pre.adverbs ?? []) v.adverbs.add(a, true);
  for (const a of pre.adjectives ?? []) {
    if (typeof a === 'string') { addAdjective(v, a, 'm', 's', { m: a }); continue; }
    if (a.form) { addAdjective(v, a.form, 'm', 's', a); continue; }
    if (a.m) addAdjective(v, a.m, 'm', 's', a);
    if (a.f) addAdjective(v, a.f, 'f', 's', a);
    if (a.mpl) addAdjective(v, a.mpl, 'm', 'p', a);
    if (a.fpl) addAdjective(v, a.fpl, 'f', 'p', a);
  }
  for (const p of pre.participles ?? []) {
    const entry: ParticipleEntry = typeof p === 'string' ? { form: p } : p;
    v.participles.add(entry.form, entry);
    if (entry.operative) v.preambleToOperative.set(key(entry.form), entry.operative);
  }
  for (const p of pre.phrases ?? []) v.participles.add(p, { form: p });
  for (const w of pre.notOpeners ?? []) v.notOpeners.add(key(w));
  for (const e of op.verbs ?? []) {
    const entry: VerbEntry = typeof e === 'string' ? { form: e } : e;
    v.verbs.add(entry.form, entry);
    v.verbForms.push(entry.form);
    if (entry.preamble) v.operativeToPreamble.set(key(entry.form), entry.preamble);
  }
  for (const p of op.phrases ?? []) v.verbPhrases.add(p, true);
  const mods = op.modifiers ?? [];
  if (Array.isArray(mods)) for (const m of mods) v.modifiersAfter.add(m, true);
  else {
    for (const m of mods.after ?? []) v.modifiersAfter.add(m, true);
    for (const m of mods.before ?? []) v.modifiersBefore.add(m, true);
  }
  return v;
}

function addAdjective(v: LangVocabulary, form: string, gender: 'm' | 'f', number: 's' | 'p', entry: AdjectiveFr): void {
  const existing = v.adjectives.match(tokenize(form), 0);
  const forms: AdjectiveForm[] = existing && existing.length === tokenize(form).length ? existing.value : [];
  forms.push({ gender, number, entry });
  if (!existing || existing.length !== tokenize(form).length) v.adjectives.add(form, forms);
}

const vocabularies: Record<Lang, LangVocabulary> = { fr: buildVocabulary('fr'), en: buildVocabulary('en') };

export function vocabulary(lang: Lang): LangVocabulary {
  return vocabularies[lang];
}

export interface OpenerMatch {
  type: 'preamble' | 'operative' | 'unknown';
  /** Tokens consumed by the recognised phrase (head, modifiers and fixed complements). */
  length: number;
  /** Index of the head token (after adverbs / fronted modifiers) and how many tokens the head spans. */
  headIndex: number;
  headLength: number;
  head?: string;
  /** Adjective forms when the head is an adjective (for agreement checks). */
  adjective?: AdjectiveForm[];
}

const FR_REFLEXIVE = /^(?:se|s')$/i;

/** Classifies the words that open a paragraph. */
export function classifyOpener(tokens: Token[], lang: Lang): OpenerMatch {
  return classifyWords(Words.of(tokens), lang);
}

/**
 * classifyOpener on words read as they are asked for (the parser reads no more words than it needs).
 * The match is kept with the words (Words.classified): a rule that reads the same opener again takes it.
 */
export function classifyWords(tokens: Words, lang: Lang): OpenerMatch {
  const match = classify(tokens, lang);
  tokens.classified = { lang, match };
  return match;
}

function classify(tokens: Words, lang: Lang): OpenerMatch {
  const v = vocabularies[lang];
  if (!tokens.has(0)) return { type: 'unknown', length: 0, headIndex: 0, headLength: 0 };
  // Operative: [fronted modifier (EN)] verb [modifiers …] [fixed phrase]
  let i = 0;
  const before = lang === 'en' ? v.modifiersBefore.matchWords(tokens, 0) : undefined;
  if (before) i += before.length;
  const verb = matchVerb(v, tokens, i, lang);
  if (verb) {
    let end = i + verb.length;
    const phrase = v.verbPhrases.matchWords(tokens, i);
    if (phrase && i + phrase.length > end) end = i + phrase.length;
    end = consumeModifiers(v, tokens, end);
    return { type: 'operative', length: end, headIndex: i, headLength: verb.length, head: verb.value.form };
  }
  // Preamble: [adverbs …] participle | adjective | -ant / -ing word
  i = 0;
  for (let guard = 0; guard < 3; guard++) {
    const adv = v.adverbs.matchWords(tokens, i);
    if (!adv || !tokens.has(i + adv.length)) break;
    i += adv.length;
  }
  if (lang === 'en') {
    const fronted = v.modifiersBefore.matchWords(tokens, i);
    if (fronted && tokens.has(i + fronted.length)) i += fronted.length;
  }
  const participle = v.participles.matchWords(tokens, i);
  if (participle) return { type: 'preamble', length: consumeModifiers(v, tokens, i + participle.length), headIndex: i, headLength: participle.length, head: participle.value.form };
  const adjective = v.adjectives.matchWords(tokens, i);
  if (adjective) return { type: 'preamble', length: consumeModifiers(v, tokens, i + adjective.length), headIndex: i, headLength: adjective.length, head: wordsText(tokens, i, i + adjective.length), adjective: adjective.value };
  const word = tokens.at(i).text;
  if (lang === 'fr') {
    const reflexive = FR_REFLEXIVE.test(word) && tokens.has(i + 1) ? 1 : 0;
    const w = tokens.at(i + reflexive).text;
    const bare = w.replace(/^s'/i, '');
    if (/ants?$/i.test(bare) && bare.length > 4 && !v.notOpeners.has(key(w)) && isCapitalised(tokens.at(i).text)) {
      return { type: 'preamble', length: consumeModifiers(v, tokens, i + reflexive + 1), headIndex: i, headLength: reflexive + 1, head: wordsText(tokens, i, i + reflexive + 1) };
    }
    if (/^ayant$/i.test(w)) return { type: 'preamble', length: tokens.has(i + 1) ? i + 2 : i + 1, headIndex: i, headLength: 1, head: 'Ayant' };
  } else {
    if (/^[A-Z][a-z]+ing$/.test(word) && word.length > 5 && !v.notOpeners.has(key(word))) {
      return { type: 'preamble', length: consumeModifiers(v, tokens, i + 1), headIndex: i, headLength: 1, head: word };
    }
    if (word === 'Having') return { type: 'preamble', length: tokens.has(i + 1) ? i + 2 : i + 1, headIndex: i, headLength: 1, head: 'Having' };
  }
  return { type: 'unknown', length: 0, headIndex: 0, headLength: 0 };
}

/** The words [from, to) joined by a space, as written. */
function wordsText(tokens: Words, from: number, to: number): string {
  let text = tokens.at(from).text;
  for (let k = from + 1; k < to; k++) text += ' ' + tokens.at(k).text;
  return text;
}

function matchVerb(v: LangVocabulary, tokens: Words, i: number, lang: Lang) {
  // The opener's first word carries the capital (« Also decides »: "decides" is lower case).
  if (!tokens.has(i) || !isCapitalised(tokens.at(0).text)) return undefined;
  const m = v.verbs.matchWords(tokens, i);
  if (m) return m;
  // « S'inquiète » is one token; try it against « S'inquiète » entries as written.
  if (lang === 'fr' && /^s'/i.test(tokens.at(i).text)) return v.verbs.match([tokens.at(i)], 0);
  return undefined;
}

function consumeModifiers(v: LangVocabulary, tokens: Words, end: number): number {
  for (let guard = 0; guard < 4; guard++) {
    const m = v.modifiersAfter.matchWords(tokens, end);
    if (!m) break;
    end += m.length;
  }
  return end;
}

/** Per UTF-16 unit: 0 not yet known, 1 an upper-case letter (as isCapitalised reads a word's first unit), 2 not. */
const CAPITALS = new Uint8Array(0x10000);

function isCapitalised(word: string): boolean {
  if (!word) return false;
  const c = word.charCodeAt(0);
  let known = CAPITALS[c];
  if (!known) {
    const ch = word[0];
    CAPITALS[c] = known = ch === ch.toLocaleUpperCase('fr') && ch !== ch.toLocaleLowerCase('fr') ? 1 : 2;
  }
  return known === 1;
}

/** Known operative verbs nearest to a word, for « did you mean ». */
export function nearestVerbs(word: string, lang: Lang, count = 3): string[] {
  const w = key(word);
  return vocabularies[lang].verbForms
    .map((form) => ({ form, d: distance(w, key(form.split(' ').pop()!)) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(w.length / 3)))
    .sort((a, b) => a.d - b.d || a.form.localeCompare(b.form))
    .slice(0, count)
    .map((x) => x.form);
}

export function preambleFormOf(operativeHead: string, lang: Lang): string | undefined {
  return vocabularies[lang].operativeToPreamble.get(key(operativeHead));
}

export function operativeFormOf(preambleHead: string, lang: Lang): string | undefined {
  return vocabularies[lang].preambleToOperative.get(key(preambleHead));
}

// ---- organs ----

export interface OrganEntry { id: string; gender: 'm' | 'f'; number: 's' | 'p'; fr: string[]; en: string[] }
const organs: OrganEntry[] = (organsData as any).organs;
const organNames = organs
  .flatMap((o) => [...o.fr, ...o.en].map((name) => ({ name, organ: o })))
  .sort((a, b) => b.name.length - a.name.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// JavaScript's \b is ASCII-only (« sécurité, » has no \b after the é): end the name with a non-letter lookahead.
const ORGAN_LINE = new RegExp(`^(?:L'|Le |La |Les |The )(${organNames.map((o) => escape(o.name)).join('|')})(?![\\p{L}\\p{M}])(.*)$`, 'u');

/**
 * An organ line: article + organ name (+ complement), ending with a comma or set in emphasis.
 * Takes plain text (markup removed). « Assemblée générale » alone (masthead) is not one.
 */
export function matchOrganLine(plainText: string, emphasised: boolean): OrganInfo | undefined {
  const t = plainText.trim();
  if (t.length > 300) return undefined;
  const m = ORGAN_LINE.exec(t);
  if (!m) return undefined;
  const rest = m[2];
  // « The General Assembly » alone on its line (older texts) is an organ line even without its comma.
  if (!(t.endsWith(',') || emphasised || !rest.trim())) return undefined;
  // The complement names what the organ belongs to (« à la Convention … », « on the Status of Women »), not a sentence.
  if (rest && !/^\s*(?:,|$|à |au |aux |de |des |du |d'|pour |sur |to |of |on |for |\()/.test(rest)) return undefined;
  if (/[;.:]\s*$/.test(t)) return undefined;
  const organ = organNames.find((o) => o.name === m[1])!.organ;
  return { id: organ.id, gender: organ.gender, number: organ.number };
}

/** An organ of data/organs.json by id: its gender (French agreement) and its names (the first is shown). */
export function organById(id: string | undefined): OrganEntry | undefined {
  return id ? organs.find((o) => o.id === id) : undefined;
}

/** The organ line a resolution of this organ opens with: « L'Assemblée générale, », "The Security Council,". */
export function organLineOf(id: string, lang: Lang): string | undefined {
  const organ = organById(id);
  const name = organ?.[lang][0];
  if (!organ || !name) return undefined;
  if (lang === 'en') return `The ${name},`;
  return `${/^[AEIOUÉÈÊ]/.test(name) ? "L'" : organ.gender === 'f' ? 'La ' : 'Le '}${name},`;
}

/** First-person voice line of an annexed declaration: « Nous, chefs d'État … », "We, the Heads of State …". */
export function matchVoiceLine(plainText: string): boolean {
  return /^(?:Nous|We),\s/.test(plainText.trim()) && plainText.trim().endsWith(',');
}

// ---- suggestions (completion) ----

export interface OpenerSuggestion { head: string; equivalents: string[] }

/** Preambular openers to offer; French adjectives agree with the organ (Consciente / Conscient). */
export function preambleSuggestions(lang: Lang, gender: 'm' | 'f' | undefined): OpenerSuggestion[] {
  const pre = (preambleData as any)[lang] ?? {};
  const out: OpenerSuggestion[] = [];
  for (const p of pre.participles ?? []) {
    const e: ParticipleEntry = typeof p === 'string' ? { form: p } : p;
    out.push({ head: e.form, equivalents: (lang === 'fr' ? e.en : e.fr) ?? [] });
  }
  for (const a of pre.adjectives ?? []) {
    if (typeof a === 'string') { out.push({ head: a, equivalents: [] }); continue; }
    const form = a.form ?? (gender === 'm' ? a.m : a.f ?? a.m);
    if (form) out.push({ head: form, equivalents: (lang === 'fr' ? a.en : a.fr) ?? [] });
  }
  for (const p of pre.phrases ?? []) if (!out.some((o) => o.head === p)) out.push({ head: p, equivalents: [] });
  return out;
}

export function operativeSuggestions(lang: Lang): OpenerSuggestion[] {
  const op = (operativeData as any)[lang] ?? {};
  const out: OpenerSuggestion[] = [];
  for (const v of op.verbs ?? []) {
    const e: VerbEntry = typeof v === 'string' ? { form: v } : v;
    out.push({ head: e.form, equivalents: (lang === 'fr' ? e.en : e.fr) ?? [] });
  }
  for (const p of op.phrases ?? []) if (!out.some((o) => o.head === p)) out.push({ head: p, equivalents: [] });
  return out;
}

export function sameHead(a: string, b: string): boolean {
  return key(a) === key(b);
}

// ---- the also / further sequence (rule also-further-sequence, completion) ----

/** 'also' marks the 2nd use of an opener in a part, 'further' the 3rd; 'again' is a reiteration, not a step. */
export type SequenceStep = 'also' | 'further' | 'again';

function buildSequence(lang: Lang): { table: PhraseTable<SequenceStep>; first: Record<SequenceStep, string> } {
  const data = (operativeData as any)[lang]?.sequence ?? {};
  const table = new PhraseTable<SequenceStep>();
  const first = { also: '', further: '', again: '' } as Record<SequenceStep, string>;
  for (const step of ['also', 'further', 'again'] as const) {
    for (const form of data[step] ?? []) table.add(form, step);
    first[step] = data[step]?.[0] ?? '';
  }
  return { table, first };
}

const sequences = { fr: buildSequence('fr'), en: buildSequence('en') };

/** The sequence modifier (« également », « en outre », « de nouveau », "also"…) starting at tokens[i], if any. */
export function sequenceModifierAt(tokens: Token[], i: number, lang: Lang): { length: number; step: SequenceStep } | undefined {
  const m = sequences[lang].table.match(tokens, i);
  return m && { length: m.length, step: m.value };
}

/** The most words a sequence modifier of the language has (« en outre », "once again": two). */
export function sequenceModifierWords(lang: Lang): number {
  return sequences[lang].table.maxWords;
}

/** Every sequence modifier of the language, lower case (« également », « en outre », "once again"…). */
export function sequencePhrases(lang: Lang): string[] {
  return sequences[lang].table.keys();
}

/** The adverb fixes and completion write for a step: « également », « en outre », "also", "further". */
export function sequenceAdverb(step: 'also' | 'further', lang: Lang): string {
  return sequences[lang].first[step];
}

/**
 * An opener with the adverb of its step: French after the head (« Prie également »), English after a
 * preambular participle ("Recalling also") and before an operative verb ("Also requests").
 */
export function withSequenceAdverb(head: string, kind: 'preamble' | 'operative', lang: Lang, step: 'also' | 'further'): string {
  const adverb = sequenceAdverb(step, lang);
  if (lang === 'fr' || kind === 'preamble') return `${head} ${adverb}`;
  return `${adverb.charAt(0).toUpperCase()}${adverb.slice(1)} ${head.charAt(0).toLowerCase()}${head.slice(1)}`;
}

/** The sequence step an opener's words carry (« Prie également » → also, "Further requests" → further), if any. */
export function openerSequenceStep(openerText: string, lang: Lang): SequenceStep | undefined {
  const tokens = tokenize(openerText, 0, 12);
  for (let i = 0; i < tokens.length; i++) {
    const m = sequenceModifierAt(tokens, i, lang);
    if (m) return m.step;
  }
  return undefined;
}
