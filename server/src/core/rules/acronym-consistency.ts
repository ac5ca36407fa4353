// One body, one acronym, within a document. Two acronyms are taken to name the same body only on
// evidence the document itself gives, never because they look alike (UNDP and UNEP differ by one
// letter and are two programmes):
//   - the same name introduces both: « Office des Nations Unies contre la drogue et le crime (ONUDC) »
//     and, further on, « … contre la drogue et le crime (ONUDD) »;
//   - an acronym the document never defines is a defined one with one letter added (ONUDDC, ONUUDC,
//     ONUSDC for ONUDC), or cut in two by a space (« ONU DC »). Acronyms of real, distinct bodies
//     (UNMIS and UNMISS, UNAMI and UNAMID; data/terminology.json) are never read as such slips, and
//     short acronyms (under four letters) are left alone: too many real ones are a letter apart.
// The form to use is the defined one the document uses most (an undefined form, however frequent,
// is never proposed: nothing in the document says what it means). Every occurrence of another form
// gets one information, with a fix for that occurrence and one for all of them.
import data from '../data/terminology.json';
import type { Range } from '../model/types';
import { ALL_PROFILES } from '../profiles';
import { q } from './helpers';
import { CODE, inZone, isCapitalsLine, ITALIC, proseOf, textParagraphs, URL, type Prose } from './terminology';
import type { Rule, RuleContext, TextEdit } from './types';

const KNOWN = new Set<string>(data.knownAcronyms);
const BANNED = new Set<string>(data.abbreviations.map((a) => a.abbr));
const TOKEN = /(?<![\p{L}\p{N}_\-/.@#&])[A-Z]{2,}(?![\p{L}\p{N}_\-/@#&]|\.[\p{L}\p{N}])/gu;
const DEFINITION = /\(([A-Z]{2,})\)/g;
const ROMAN = /^[IVXLCDM]+$/;
/** Small words: skipped when a name is read back from initials, not counted as content words. */
const STOP = new Set([...data.functionWords.en, ...data.functionWords.fr].map((w) => w.normalize('NFD').replace(/\p{M}/gu, '')));
const MIN_DEFINED = 4;

interface Occurrence { prose: Prose; start: number; end: number }
interface Word { text: string; key: string; /** Offset in the paragraph's text. */ start: number }
interface Definition { acronym: string; words: Word[]; occurrence: Occurrence; /** Offset of « ( ». */ paren: number }
type Kind = 'defined' | 'variant' | 'split';

const bare = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/** The words before « (ACRONYM) », back to the previous sentence mark or bracket, markup set aside. */
function wordsBefore(text: string, at: number): Word[] {
  const from = Math.max(0, at - 240);
  let window = text.slice(from, at);
  const cut = Math.max(...[';', ':', '.', '!', '?', '(', ')', '«', '»', '“', '”', '"', '[', ']'].map((c) => window.lastIndexOf(c)));
  window = ' '.repeat(cut + 1) + window.slice(cut + 1).replace(/<sup>[^<]*<\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[*_]/g, (m) => ' '.repeat(m.length));
  return [...window.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ text: m[0], key: bare(m[0]), start: from + m.index }));
}

/** The name as written, from its first word to the parenthesis, markup set aside. */
function nameAt(d: Definition, start: number): string {
  return d.occurrence.prose.text.slice(start, d.paren).replace(/<sup>[^<]*<\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[*_]/g, '').replace(/\s+/g, ' ').trim();
}

const capital = (w: Word) => /^\p{Lu}/u.test(w.text);
const content = (w: Word) => w.key.length >= 3 && !STOP.has(w.key);

/** Where the name two definitions share starts in the first: their common last words, from a capital, with at least three content words. */
function sharedName(a: Word[], b: Word[]): number | undefined {
  let k = 0;
  while (k < a.length && k < b.length && a[a.length - 1 - k].key === b[b.length - 1 - k].key) k++;
  for (let i = 0; i < k; i++) {
    const wa = a[a.length - k + i], wb = b[b.length - k + i];
    if (!content(wa) || !capital(wa) || !capital(wb)) continue;
    const name = a.slice(a.length - k + i);
    return name.filter(content).length >= 3 ? name[0].start : undefined;
  }
  return undefined;
}

/** Where the name an acronym stands for starts, read back from its initials (« Office des Nations Unies contre la drogue et le crime »). */
function initialsName(acronym: string, words: Word[]): number | undefined {
  // Each letter, from the last, is the initial of a word; small words may be skipped ("Office on Drugs").
  const memo = new Map<number, number>();
  const match = (i: number, j: number): number => {
    if (j < 0) return i + 1;
    if (i < 0) return -1;
    const k = i * (acronym.length + 1) + j;
    const known = memo.get(k);
    if (known !== undefined) return known;
    const w = words[i];
    let start = w.key.charAt(0) === acronym.charAt(j).toLowerCase() ? match(i - 1, j - 1) : -1;
    if (start < 0 && STOP.has(w.key)) start = match(i - 1, j);
    memo.set(k, start);
    return start;
  };
  const start = match(words.length - 1, acronym.length - 1);
  return start >= 0 ? words[start].start : undefined;
}

export const acronymConsistency: Rule = {
  id: 'acronym-consistency',
  defaultSeverity: 'information',
  description: {
    fr: 'Un organisme garde le même sigle dans tout le document : le sigle défini que le document emploie le plus (« ONUDC »), pas une variante (« ONUDD », « ONUDDC », « ONU DC »).',
    en: 'A body keeps one acronym throughout the document: the defined one the document uses most ("UNODC"), not a variant ("UNODD", "UNOODC", "UN ODC").',
  },
  profiles: ALL_PROFILES,
  check(ctx) {
    const { doc } = ctx;
    const occurrences = new Map<string, Occurrence[]>();
    const add = (form: string, o: Occurrence) => {
      const list = occurrences.get(form);
      if (list) list.push(o); else occurrences.set(form, [o]);
    };
    const definitions: Definition[] = [];
    const proses = textParagraphs(doc).filter((p) => /[A-Z]{2}/.test(p.text) && !isCapitalsLine(p.text)).map(proseOf);
    const skip = (prose: Prose, start: number, end: number) => inZone(prose, start, end, URL | CODE | ITALIC);
    for (const prose of proses) {
      const { text } = prose;
      if (!text.includes('(')) continue;
      for (const m of text.matchAll(DEFINITION)) {
        const acronym = m[1];
        if (ROMAN.test(acronym) || skip(prose, m.index, m.index + m[0].length)) continue;
        definitions.push({ acronym, words: wordsBefore(text, m.index), paren: m.index, occurrence: { prose, start: m.index + 1, end: m.index + 1 + acronym.length } });
      }
    }
    if (!definitions.length) return;

    // Groups: acronyms the same name introduces (compared only when their last word is the same).
    const parent = new Map<string, string>();
    const find = (a: string): string => { while (parent.get(a) !== a) a = parent.get(a)!; return a; };
    const defined = new Set(definitions.map((d) => d.acronym));
    for (const a of defined) parent.set(a, a);
    const names = new Map<string, string>();
    const byLastWord = new Map<string, Definition[]>();
    for (const d of definitions) {
      const k = d.words[d.words.length - 1]?.key;
      if (k === undefined) continue;
      // One definition per acronym and last word is enough.
      const bucket = byLastWord.get(k) ?? [];
      if (!bucket.some((b) => b.acronym === d.acronym)) bucket.push(d);
      byLastWord.set(k, bucket);
    }
    const kinds = new Map<string, Kind>();
    for (const bucket of byLastWord.values()) {
      for (let i = 0; i < bucket.length; i++) {
        for (let j = i + 1; j < bucket.length; j++) {
          const a = bucket[i], b = bucket[j];
          const start = sharedName(a.words, b.words);
          if (start === undefined) continue;
          const name = nameAt(a, start);
          parent.set(find(b.acronym), find(a.acronym));
          if (!names.has(a.acronym)) names.set(a.acronym, name);
          if (!names.has(b.acronym)) names.set(b.acronym, name);
          kinds.set(a.acronym, 'defined');
          kinds.set(b.acronym, 'defined');
        }
      }
    }

    // Undefined acronyms one letter longer than a defined one (of a single group).
    const members = new Map<string, string>(); // form → group root
    for (const a of defined) members.set(a, find(a));
    const insertions = new Map<string, Set<string>>();
    for (const y of defined) {
      if (y.length < MIN_DEFINED) continue;
      for (let k = 0; k <= y.length; k++) {
        for (let c = 65; c <= 90; c++) {
          const x = y.slice(0, k) + String.fromCharCode(c) + y.slice(k);
          const roots = insertions.get(x) ?? new Set<string>();
          roots.add(find(y));
          insertions.set(x, roots);
        }
      }
    }
    // The occurrences of what may belong to a group: defined acronyms, their one-letter variants,
    // and two capital words side by side whose letters make a defined acronym (« ONU DC »).
    const pairs: { form: string; joined: string; o: Occurrence }[] = [];
    for (const prose of proses) {
      const { text } = prose;
      let last: { start: number; end: number; text: string } | undefined;
      for (const m of text.matchAll(TOKEN)) {
        const token = m[0];
        const end = m.index + token.length;
        const joined = last && last.end + 1 === m.index && /[ \u00a0]/.test(text[last.end]) && !prose.joins.has(last.end) ? last.text + token : undefined;
        const previous = last;
        last = { start: m.index, end, text: token };
        if (joined && defined.has(joined) && !skip(prose, previous!.start, end)) pairs.push({ form: `${previous!.text} ${token}`, joined, o: { prose, start: previous!.start, end } });
        if ((defined.has(token) || insertions.has(token)) && !skip(prose, m.index, end)) add(token, { prose, start: m.index, end });
      }
    }
    for (const x of occurrences.keys()) {
      const roots = insertions.get(x);
      if (!roots || roots.size !== 1 || defined.has(x) || KNOWN.has(x) || BANNED.has(x) || ROMAN.test(x)) continue;
      members.set(x, [...roots][0]);
      kinds.set(x, 'variant');
    }
    // Defined acronyms cut in two by a space (« ONU DC »).
    for (const { form, joined, o } of pairs) {
      if (joined.length < MIN_DEFINED) continue;
      add(form, o);
      members.set(form, find(joined));
      kinds.set(form, 'split');
    }

    // Each group with more than one form: the defined form used most is the one to keep.
    const groups = new Map<string, string[]>();
    for (const [form, root] of members) {
      if (!occurrences.has(form)) continue;
      groups.set(root, [...(groups.get(root) ?? []), form]);
    }
    const count = (form: string) => occurrences.get(form)?.length ?? 0;
    const firstDefinition = new Map<string, number>();
    definitions.forEach((d, k) => { if (!firstDefinition.has(d.acronym)) firstDefinition.set(d.acronym, k); });
    const definedAt = new Map<Prose, Set<number>>();
    for (const { occurrence: o } of definitions) definedAt.set(o.prose, (definedAt.get(o.prose) ?? new Set<number>()).add(o.start));
    for (const forms of groups.values()) {
      if (forms.length < 2) continue;
      const candidates = forms.filter((f) => defined.has(f));
      if (!candidates.length) continue;
      const keep = candidates.sort((a, b) => count(b) - count(a) || firstDefinition.get(a)! - firstDefinition.get(b)!)[0];
      const def = definitions[firstDefinition.get(keep)!];
      const initials = initialsName(keep, def.words);
      const name = names.get(keep) ?? (initials === undefined ? undefined : nameAt(def, initials));
      for (const form of forms) {
        if (form === keep) continue;
        const all = occurrences.get(form)!;
        for (const o of all) {
          const isDefinition = definedAt.get(o.prose)?.has(o.start) ?? false;
          report(ctx, { form, keep, kind: kinds.get(form) ?? 'defined', name, line: def.occurrence.prose.at(def.occurrence.start).line + 1, keepCount: count(keep), formCount: all.length, o, all, isDefinition });
        }
      }
    }
  },
};

interface Finding { form: string; keep: string; kind: Kind; name?: string; line: number; keepCount: number; formCount: number; o: Occurrence; all: Occurrence[]; isDefinition: boolean }

function report(ctx: RuleContext, f: Finding): void {
  const { lang } = ctx;
  const { form, keep } = f;
  const named = f.name ? ctx.t(` pour ${q(lang, f.name)}`, ` for ${q(lang, f.name)}`) : '';
  const times = (n: number) => ctx.t(`${n} fois`, n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
  let message: string;
  switch (f.kind) {
    case 'defined': {
      const who = f.name ? q(lang, f.name) : ctx.t('Le même nom', 'The same name');
      message = ctx.t(
        `Sigle ${q(lang, form)} : ${who} a déjà le sigle ${q(lang, keep)} (ligne ${f.line}), employé ${times(f.keepCount)} contre ${f.formCount} pour ${q(lang, form)} : un organisme, un sigle`,
        `Acronym ${q(lang, form)}: ${who} already has the acronym ${q(lang, keep)} (line ${f.line}), used ${times(f.keepCount)} against ${f.formCount} for ${q(lang, form)}: one body, one acronym`);
      break;
    }
    case 'variant':
      message = ctx.t(
        `Sigle ${q(lang, form)} : jamais défini, il ne diffère que d’une lettre ajoutée de ${q(lang, keep)}, défini ligne ${f.line}${named} et employé ${times(f.keepCount)} (${q(lang, form)} : ${times(f.formCount)})`,
        `Acronym ${q(lang, form)}: never defined, it differs only by an added letter from ${q(lang, keep)}, defined on line ${f.line}${named} and used ${times(f.keepCount)} (${q(lang, form)}: ${times(f.formCount)})`);
      break;
    case 'split':
      message = ctx.t(
        `Sigle ${q(lang, form)} : ${q(lang, keep)}, défini ligne ${f.line}${named} et employé ${times(f.keepCount)}, s’écrit d’un seul tenant`,
        `Acronym ${q(lang, form)}: ${q(lang, keep)}, defined on line ${f.line}${named} and used ${times(f.keepCount)}, is written as one word`);
      break;
  }
  const edit = (o: Occurrence): TextEdit | undefined => {
    const range: Range = o.prose.range(o.start, o.end);
    return range.start.line === range.end.line ? { range, newText: keep } : undefined;
  };
  const here = edit(f.o);
  const everywhere = f.all.map(edit).filter((e): e is TextEdit => !!e);
  const fixes = [];
  // Renaming the definition alone would leave the other occurrences without their evidence: all of them.
  if (here && !f.isDefinition && f.all.length > 1) fixes.push({ title: ctx.t(`Écrire ${q(lang, keep)}`, `Write ${q(lang, keep)}`), edits: [here] });
  if (everywhere.length) {
    fixes.push({
      title: everywhere.length > 1
        ? ctx.t(`Remplacer les ${everywhere.length} ${q(lang, form)} par ${q(lang, keep)}`, `Replace all ${everywhere.length} ${q(lang, form)} with ${q(lang, keep)}`)
        : ctx.t(`Écrire ${q(lang, keep)}`, `Write ${q(lang, keep)}`),
      edits: everywhere,
    });
  }
  ctx.report({ range: f.o.prose.range(f.o.start, f.o.end), message, fixes });
}
