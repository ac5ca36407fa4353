// Recognition of resolution and decision numbers and of document symbols in running text,
// footnotes and header lines (rules: docs un-drafting-rules.md §5.1–5.3, traps §9).
//
// A bare number « n/m » counts only where it is cited: after the words résolution(s), resolution(s),
// décision(s), decision(s) and in the list that follows them (« ses résolutions 69/193 et 69/196 »),
// at the start of a footnote (« ⁸ 70/1. »), or as a Markdown link « [46/152](#) ». Document symbols
// (A/…, E/…, S/…, CTOC/COP/…, CAC/COSP/…) are recognised anywhere.
//
// Canonical keys (`symbol`):
//   General Assembly       A/RES/73/185 · A/RES/31/16 A · A/RES/S-32/1 · A/RES/ES-10/19 · A/RES/217 A (III)
//   its decisions          A/DEC/74/550 A          (no individual document symbol exists: key only, no link)
//   Security Council       S/RES/1373 (2001)       (a number cited without its year: S/RES/1368)
//   ECOSOC                 E/RES/2021/20 · E/RES/155 C (VII) · decisions E/DEC/2000/288 (no link)
//   other bodies           <series>/RES/<session or year>/<number>, <series>/DEC/… with the series of
//                          the body named: A/HRC/RES/56/8, E/CN.4/RES/2005/69 (Commission on Human Rights),
//                          CCPCJ/RES/25/2, CND/RES/65/2, CTOC/COP/RES/10/4, CAC/COSP/RES/9/8,
//                          STATCOM/DEC/53/113 …; a body named but not in the table keys with its name
//                          as written; a session number below 31 cited with no organ (not a General
//                          Assembly number since 1976) keys as UNKNOWN/RES/9/2.
//   documents              the symbol as written, spaces removed: A/CONF.234/16, E/2022/24,
//                          A/78/80-E/2023/64 (joint symbols stay whole; the link opens the first one).
// Several letters (« 3411 A et B (XXX) », "43/222 A to E") are listed in parts.letters and left out
// of the key; a single letter is kept (A/RES/57/270 B).
// Links: https://undocs.org/<fr|en>/<official symbol without spaces> for General Assembly, Security
// Council and ECOSOC resolutions, Human Rights Council and Commission on Human Rights resolutions
// and documents (A/RES/31/16A, S/RES/1373(2001), A/RES/217(III), E/RES/155(VII)).
import type { Lang } from '../model/types';
import { matchDateAt, matchDatePairAt, SP, type DateMatch } from './dates';

export type CitationKind =
  | 'ga-resolution' | 'ga-decision' | 'sc-resolution' | 'ecosoc-resolution' | 'ecosoc-decision'
  | 'body-resolution' | 'body-decision' | 'document';

export interface OrganRef {
  /** Organ id, as in data/organs.json: general-assembly, security-council, economic-and-social-council,
   * human-rights-council, commission, conference-of-the-parties, committee, council …; or 'unknown'. */
  id: string;
  /** Symbol series of the body, used in keys: A, S, E, A/HRC, E/CN.4, CCPCJ, CND, CTOC/COP, CAC/COSP … */
  body?: string;
  /** The organ's name as written, when the citation names it. */
  name?: string;
  /** named in the citation; own (« sa résolution », "its resolution": the organ of the part); from the number's form; document default. */
  source: 'named' | 'own' | 'form' | 'default';
}

export interface SymbolParts {
  /** Session: « 73 », « S-32 », « ES-10 » (GA, bodies) or the roman session of older texts (« III », « S-VII », « ORG-75 »). */
  session?: string;
  number?: string;
  letters?: string[];
  /** Year: ECOSOC « 2021/20 », Security Council « 1373 (2001) ». */
  year?: number;
}

export interface TextSpan { start: number; end: number; text: string }

export interface SymbolHit {
  /** The number or symbol as written (offsets in the scanned text; link brackets and markup left out). */
  start: number;
  end: number;
  text: string;
  kind: CitationKind;
  /** Canonical key (see the head of this file). */
  symbol: string;
  parts: SymbolParts;
  organ?: OrganRef;
  link?: string;
  /** keyword: after résolution(s)/decision(s); footnote: at the start of a footnote; link: « [46/152](#) »; symbol: a document symbol. */
  via: 'keyword' | 'footnote' | 'link' | 'symbol';
  /** Whole citation: from « sa résolution » / "Security Council resolution" (first of a list) or the number, to its last clause. */
  extentStart: number;
  extentEnd: number;
  /** The stated date (« du 18 décembre 1991 »: the date part only). */
  date?: DateMatch;
  title?: TextSpan;
  /** Lists: items of one list share the id; joinNext tells how the next item follows (« et »/"and" or a comma). */
  list?: { id: number; index: number; joinNext?: 'and' | 'comma' };
}

export interface ScanContext {
  lang: Lang;
  /** Organ of the part the text stands in: what « sa résolution », "its resolution" refer to. */
  own?: OrganRef;
  /** Organ of the document (its first resolution part): session numbers below 31 cited without organ belong to it when it is a body. */
  documentOrgan?: OrganRef;
  /** The text is a footnote: a number at its very start counts without the word résolution. */
  footnote?: boolean;
  /** Skip keyword citations (the document's own number on its title line). */
  symbolsOnly?: boolean;
}

// ---- organs ----

interface BodyEntry { id: string; body: string; names: string[] }

/** Organs and bodies whose name can follow or precede a cited number (names without article, FR and EN). */
const BODIES: BodyEntry[] = [
  { id: 'general-assembly', body: 'A', names: ['Assemblée générale', 'General Assembly', 'Assemblée', 'Assembly'] },
  { id: 'security-council', body: 'S', names: ['Conseil de sécurité', 'Security Council'] },
  { id: 'economic-and-social-council', body: 'E', names: ['Conseil économique et social', 'Economic and Social Council'] },
  { id: 'human-rights-council', body: 'A/HRC', names: ["Conseil des droits de l'homme", 'Human Rights Council'] },
  { id: 'trusteeship-council', body: 'T', names: ['Conseil de tutelle', 'Trusteeship Council'] },
  { id: 'commission', body: 'E/CN.4', names: ["Commission des droits de l'homme", 'Commission on Human Rights'] },
  { id: 'commission', body: 'CCPCJ', names: ['Commission pour la prévention du crime et la justice pénale', 'Commission on Crime Prevention and Criminal Justice'] },
  { id: 'commission', body: 'CND', names: ['Commission des stupéfiants', 'Commission on Narcotic Drugs'] },
  { id: 'commission', body: 'CSW', names: ['Commission de la condition de la femme', 'Commission on the Status of Women'] },
  { id: 'commission', body: 'CPD', names: ['Commission de la population et du développement', 'Commission on Population and Development'] },
  { id: 'commission', body: 'CSocD', names: ['Commission du développement social', 'Commission for Social Development'] },
  { id: 'commission', body: 'STATCOM', names: ['Commission de statistique', 'Statistical Commission'] },
  { id: 'commission', body: 'CSTD', names: ['Commission de la science et de la technique au service du développement', 'Commission on Science and Technology for Development'] },
  {
    id: 'conference-of-the-parties', body: 'CTOC/COP', names: [
      'Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée',
      'Conférence des États parties à la Convention des Nations Unies contre la criminalité transnationale organisée',
      'Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
    ],
  },
  {
    id: 'conference-of-the-parties', body: 'CAC/COSP', names: [
      'Conférence des États parties à la Convention des Nations Unies contre la corruption',
      'Conference of the States Parties to the United Nations Convention against Corruption',
    ],
  },
];

const isLetter = (ch: string | undefined) => ch !== undefined && (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch > '\u00bf' && /\p{L}/u.test(ch));
const normName = (s: string) => s.replace(/’/g, "'").replace(/[ \t\u00a0\u202f\u2009]+/g, ' ').toLowerCase();
const BODY_BY_NAME = new Map<string, BodyEntry>();
for (const b of BODIES) for (const n of b.names) BODY_BY_NAME.set(normName(n), b);
const nameSrc = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/ /g, `${SP}+`);
const NAMES_SRC = BODIES.flatMap((b) => b.names).sort((a, b) => b.length - a.length).map(nameSrc).join('|');

const ORGAN_LEAD = `(?:${SP}*,)?${SP}+(?:de${SP}+l['’]|de${SP}+la${SP}+|du${SP}+|des${SP}+|of${SP}+the${SP}+)`;
/** « de la Commission pour la prévention du crime… », "of the Economic and Social Council" right after a number. */
const ORGAN_AFTER = new RegExp(`${ORGAN_LEAD}(${NAMES_SRC})(?![\\p{L}\\p{M}])`, 'iuy');
/** A body not in the table: the head word and the capitalised words and links that follow. */
const ORGAN_GENERIC = new RegExp(`${ORGAN_LEAD}(Commission|Conférence|Conference|Comité|Committee|Conseil|Council|Board)(?![\\p{L}\\p{M}])((?:${SP}+(?:\\p{Lu}[\\p{L}\\p{M}'’-]*|de|des|du|d['’]\\p{L}+|la|le|les|l['’]\\p{L}+|et|pour|sur|à|aux?|on|of|the|and|for|to|against|in|parties))*)`, 'uy');
/** "Security Council resolution", "General Assembly, in its resolution", « le Conseil économique et social, dans sa résolution ». */
const PRE_ORGAN = new RegExp(`(?:^|[^\\p{L}\\p{M}])(${NAMES_SRC}|Council)(?:${SP}*,?${SP}+(?:dans|in|par|by)${SP}+(?:sa|ses|son|its|their|leurs?)(?:${SP}+(?:propres?|own))?)?${SP}+$`, 'u');
// PRE_ORGAN only runs when the word before the keyword can end an organ name or « dans sa »/"in its".
const LAST_WORDS = new Set(['council', 'sa', 'ses', 'son', 'its', 'their', 'leur', 'leurs', 'propre', 'propres', 'own']);
for (const b of BODIES) for (const n of b.names) LAST_WORDS.add(normName(n).split(/[ ']/).pop()!);

function lastWordBefore(text: string, end: number): [number, string] | undefined {
  // Read backwards: skip a few spaces and commas, then take the letters.
  let e = end;
  while (e > 0 && !isLetter(text[e - 1])) { if (end - e > 4) return undefined; e--; }
  let b = e;
  while (b > 0 && e - b < 20 && isLetter(text[b - 1])) b--;
  return b < e ? [b, text.slice(b, e).toLowerCase()] : undefined;
}

const OWN_WORDS = new Set(['sa', 'ses', 'son', 'its', 'their', 'leur', 'leurs', 'propre', 'propres', 'own']);
const IN_WORDS = new Set(['dans', 'in', 'par', 'by']);

function mayNameOrgan(before: string): boolean {
  const w = lastWordBefore(before, before.length);
  if (!w || !LAST_WORDS.has(w[1])) return false;
  if (!OWN_WORDS.has(w[1])) return true;
  // « sa résolution » names an organ only as « le Conseil …, dans sa résolution », "the Assembly in its resolution".
  let prev = lastWordBefore(before, w[0]);
  if (prev && OWN_WORDS.has(prev[1])) prev = lastWordBefore(before, prev[0]); // « dans sa propre résolution »
  return !!prev && IN_WORDS.has(prev[1]);
}

const OWN = new RegExp(`(?:^|[^\\p{L}\\p{M}])((?:sa|ses|son|leurs?|its|their)(?:${SP}+(?:propres?|own))?)${SP}+$`, 'iu');
const ORGAN_IN_TEXT = new RegExp(`(?:^|[^\\p{L}\\p{M}])(${NAMES_SRC})(?![\\p{L}\\p{M}])`, 'iu');

function bodyRef(entry: BodyEntry, source: OrganRef['source'], name?: string): OrganRef {
  return name === undefined ? { id: entry.id, body: entry.body, source } : { id: entry.id, body: entry.body, name, source };
}

/**
 * The organ a part's organ line names, as used for « sa résolution »: organs.json ids, made precise for
 * bodies (« La Conférence des Parties à la Convention … contre la criminalité transnationale organisée » → CTOC/COP).
 */
export function organRefFor(organId: string | undefined, organLine: string | undefined): OrganRef | undefined {
  if (!organId) return undefined;
  const fixed = BODIES.find((b) => b.id === organId && (organId !== 'commission' && organId !== 'conference-of-the-parties'));
  if (fixed) return bodyRef(fixed, 'own');
  const m = organLine ? ORGAN_IN_TEXT.exec(organLine) : null;
  const entry = m ? BODY_BY_NAME.get(normName(m[1])) : undefined;
  if (entry && entry.id === organId) return bodyRef(entry, 'own', m![1]);
  return { id: organId, source: 'own' };
}

const ORGAN_IN_TEXT_ALL = new RegExp(`(?:^|[^\\p{L}\\p{M}])(${NAMES_SRC})(?![\\p{L}\\p{M}])`, 'giu');

/** The last body named in full before `pos` whose organ id is `id`. */
function lastBodyBefore(text: string, pos: number, id: string): BodyEntry | undefined {
  let found: BodyEntry | undefined;
  ORGAN_IN_TEXT_ALL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ORGAN_IN_TEXT_ALL.exec(text)) && m.index < pos) {
    const e = BODY_BY_NAME.get(normName(m[1]));
    if (e && e.id === id) found = e;
  }
  return found;
}

function genericOrgan(head: string, tail: string): { ref: OrganRef; words: string[] } {
  // Trailing function words belong to the sentence, not to the name.
  const words = tail.split(/[ \t\u00a0\u202f\u2009]+/).filter(Boolean);
  while (words.length && /^\p{Ll}/u.test(words[words.length - 1])) words.pop();
  const name = [head, ...words].join(' ');
  const h = head.toLowerCase();
  const id = /^conf/.test(h) ? (/^(?:des (?:États )?Parties|of the (?:States )?Parties)/i.test(words.join(' ')) ? 'conference-of-the-parties' : 'conference')
    : h === 'commission' ? 'commission'
    : h === 'comité' || h === 'committee' ? 'committee'
    : h === 'board' ? 'executive-board' : 'council';
  return { ref: { id, name, source: 'named' }, words };
}

// ---- numbers ----

const NOT_AFTER_LETTER = `(?![\\p{L}0-9/'’\\-]|\\.[\\p{L}0-9])`;
const LETTER = `[A-Z]${NOT_AFTER_LETTER}`;
const LETTERS = `(?:${SP}${LETTER}(?:(?:${SP}*,${SP}*|${SP}+(?:et|and|à|to)${SP}+)${LETTER})*)`;
const YEAR = '(?:19[4-9]|20\\d)\\d';
// 1–2 Security Council « 1373 (2001) »; 3–5 older GA/ECOSOC « 217 A (III) », « 155 C (VII) », « 1915 (ORG-75) »;
// 6–8 « 73/185 », « 31/16 A », « S-32/1 », ECOSOC « 2021/20 ».
const NUM = new RegExp(
  `(\\d{1,4})${SP}?\\((${YEAR})\\)`
  + `|(\\d{1,4})(${LETTERS})?${SP}?\\(((?:S-|ES-)?[IVXLC]{1,8}|ORG-\\d{2})\\)`
  + `|((?:S-|ES-)?\\d{1,2}|${YEAR})\\/(\\d{1,3})(?![\\p{L}0-9/]|[.,][0-9])(${LETTERS})?`,
  'uy');

type Form = 'sc' | 'old' | 'year' | 'session';
interface Num { start: number; end: number; text: string; form: Form; number: string; session: string | undefined; year: number | undefined; letters: string[] }

const BEFORE_NUMBER = /[\p{L}0-9/.\-]/u;

function matchNumAt(text: string, pos: number): Num | undefined {
  if (pos > 0 && BEFORE_NUMBER.test(text[pos - 1])) return undefined;
  NUM.lastIndex = pos;
  const m = NUM.exec(text);
  if (!m) return undefined;
  // Objects are built whole (no spread: V8 takes a slow path for « { ...base, … } » here).
  const end = pos + m[0].length;
  if (m[1] !== undefined) return { start: pos, end, text: m[0], form: 'sc', number: m[1], session: undefined, year: Number(m[2]), letters: [] };
  if (m[3] !== undefined) return { start: pos, end, text: m[0], form: 'old', number: m[3], session: m[5], year: undefined, letters: letters(m[4]) };
  const s = m[6];
  const isYear = s.length === 4 && s.charCodeAt(0) !== 83 && s.charCodeAt(0) !== 69; // not « S-32 », « ES-1 »
  return { start: pos, end, text: m[0], form: isYear ? 'year' : 'session', number: m[7], session: isYear ? undefined : s, year: isYear ? Number(s) : undefined, letters: letters(m[8]) };
}

function letters(s: string | undefined): string[] {
  if (!s) return [];
  const out: string[] = [];
  const tokens = s.match(/[A-Z]|à|to/g) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if ((t === 'à' || t === 'to') && out.length && tokens[i + 1]) {
      const from = out[out.length - 1].charCodeAt(0), to = tokens[++i].charCodeAt(0);
      for (let c = from + 1; c <= to; c++) out.push(String.fromCharCode(c));
    } else if (t !== 'à' && t !== 'to') out.push(t);
  }
  return out;
}

// ---- classification ----

interface Resolved { kind: CitationKind; organ: OrganRef; symbol: string; link?: string; parts: SymbolParts }

function resolveNumber(num: Num, organ: OrganRef | undefined, decision: boolean, ctx: ScanContext): Resolved {
  const parts: SymbolParts = { number: num.number };
  if (num.session !== undefined) parts.session = num.session;
  if (num.year !== undefined) parts.year = num.year;
  if (num.letters.length) parts.letters = num.letters;
  const L = num.letters.length === 1 ? ` ${num.letters[0]}` : '';
  const linkL = num.letters.length === 1 ? num.letters[0] : '';
  const link = (sym: string) => `https://undocs.org/${ctx.lang}/${sym}`;
  const ga = (o: OrganRef): Resolved => num.form === 'old'
    ? { kind: decision ? 'ga-decision' : 'ga-resolution', organ: o, parts, symbol: `A/${decision ? 'DEC' : 'RES'}/${num.number}${L} (${num.session})`, link: decision ? undefined : link(`A/RES/${num.number}(${num.session})`) }
    : { kind: decision ? 'ga-decision' : 'ga-resolution', organ: o, parts, symbol: `A/${decision ? 'DEC' : 'RES'}/${num.session}/${num.number}${L}`, link: decision ? undefined : link(`A/RES/${num.session}/${num.number}${linkL}`) };
  const sc = (o: OrganRef): Resolved => ({ kind: 'sc-resolution', organ: o, parts, symbol: `S/RES/${num.number} (${num.year})`, link: link(`S/RES/${num.number}(${num.year})`) });
  const eco = (o: OrganRef): Resolved => {
    const type = decision ? 'DEC' : 'RES';
    const kind = decision ? 'ecosoc-decision' : 'ecosoc-resolution';
    if (num.form === 'old') return { kind, organ: o, parts, symbol: `E/${type}/${num.number}${L} (${num.session})`, link: decision ? undefined : link(`E/RES/${num.number}(${num.session})`) };
    const sess = num.year ?? num.session;
    return { kind, organ: o, parts, symbol: `E/${type}/${sess}/${num.number}${L}`, link: decision ? undefined : link(`E/RES/${sess}/${num.number}${linkL}`) };
  };
  const body = (o: OrganRef): Resolved => {
    const series = o.body ?? o.name ?? 'UNKNOWN';
    const type = decision ? 'DEC' : 'RES';
    const rest = num.form === 'old' ? `${num.number}${L} (${num.session})` : `${num.year ?? num.session}/${num.number}${L}`;
    const linkable = !decision && num.form !== 'old' && (o.body === 'A/HRC' || o.body === 'E/CN.4');
    return { kind: decision ? 'body-decision' : 'body-resolution', organ: o, parts, symbol: `${series}/${type}/${rest}`, link: linkable ? link(`${series}/RES/${num.year ?? num.session}/${num.number}${linkL}`) : undefined };
  };
  // The form of the number decides where it is unambiguous; the named or own organ decides the rest.
  if (num.form === 'sc') return sc(organ?.id === 'security-council' ? organ : { id: 'security-council', body: 'S', source: 'form' });
  if (organ) {
    switch (organ.id) {
      case 'general-assembly':
        if (num.form !== 'year') return ga(organ);
        break;
      case 'economic-and-social-council':
        return eco(organ);
      case 'security-council':
        break; // its resolutions always carry their year; anything else is read from its form
      default:
        return body(organ);
    }
  }
  if (num.form === 'year') return eco({ id: 'economic-and-social-council', body: 'E', source: 'form' });
  if (num.form === 'old' || /^E?S-/.test(num.session ?? '')) return ga({ id: 'general-assembly', body: 'A', source: 'form' });
  if (Number(num.session) >= 31) return ga({ id: 'general-assembly', body: 'A', source: 'default' });
  // « la résolution 9/2 » with no organ: a session-numbered body (COP, commission, Human Rights Council).
  const doc = ctx.documentOrgan;
  if (doc && doc.id !== 'general-assembly' && doc.id !== 'security-council' && doc.id !== 'economic-and-social-council') return body({ ...doc, source: 'default' });
  return body({ id: 'unknown', source: 'default' });
}

// ---- list walking ----

const OPEN = /[*_[]*/y;
const LINK_CLOSE = /[*_]*\](?:\([^)\s]{0,300}\))?[*_]*/y;
const NOISE = /(?:<sup>\d{1,3}<\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^\d{1,3}\]|\\?[*_]|\]\([^)\s]{0,300}\)|\])*/y;
const DATE_LEAD = new RegExp(`(?:${SP}*,)?${SP}+(?:en${SP}+date${SP}+du|du|of|dated|adoptée?${SP}+le|adopted${SP}+on)${SP}+`, 'y');
const DATES_LEAD = new RegExp(`(?:${SP}*,)?${SP}+(?:en${SP}+date${SP}+des|des|of)${SP}+`, 'y');
const TITLE_LEAD = new RegExp(`(?:${SP}*,)?${SP}*(intitulée?s?|intitulé|entitled|titled)${SP}*(?::${SP}*)?(?=[«“"„])`, 'y');
const ANNEX = new RegExp(`${SP}*,${SP}*(?:annexes?|annex)(?:${SP}+[IVXLC]+(?:(?:${SP}*,${SP}*|${SP}+(?:et|and)${SP}+)[IVXLC]+)*)?(?=${SP}*[,.;)]|${SP}*$)`, 'y');
const SEP = new RegExp(`${SP}*,${SP}*(?:(et|and)${SP}+)?|${SP}+(et|and)${SP}+`, 'y');
const SPACES = new RegExp(`${SP}+`, 'y');

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

const CLOSERS: Record<string, string> = { '«': '»', '“': '”', '"': '"', '„': '“' };

/** The quoted title opening at `open` (« … », “…”, "…"): its inner text, nested quotes allowed. */
function quoted(text: string, open: number): TextSpan & { close: number } | undefined {
  const o = text[open];
  const c = CLOSERS[o];
  let depth = 0;
  const limit = Math.min(text.length, open + 1500);
  for (let i = open + 1; i < limit; i++) {
    const ch = text[i];
    if (ch === c && (o === c || depth === 0)) {
      let a = open + 1, b = i;
      while (a < b && /[ \u00a0\u202f\u2009]/.test(text[a])) a++;
      while (b > a && /[ \u00a0\u202f\u2009]/.test(text[b - 1])) b--;
      return { start: a, end: b, text: text.slice(a, b), close: i + 1 };
    }
    if (o !== c && ch === o) depth++;
    else if (o !== c && ch === c) depth--;
  }
  return undefined;
}

interface WalkOptions {
  decision: boolean;
  plural: boolean;
  via: SymbolHit['via'];
  extentStart: number;
  /** Organ named before the numbers (« résolutions du Conseil économique et social 2014/23 », "Security Council resolution"). */
  listOrgan?: OrganRef;
  own: boolean;
}

let listCounter = 0;

interface Item {
  num: Num;
  /** Where the item begins, opening markup included (« [69/196](#) »). */
  extentStart: number;
  extentEnd: number;
  date?: DateMatch;
  title?: TextSpan;
  organ?: OrganRef;
  joinNext?: 'and' | 'comma';
}

/** Reads the list of numbers starting at `pos` (just before the first number) with their dates, organs and titles. */
function walkList(text: string, pos: number, ctx: ScanContext, opt: WalkOptions, out: SymbolHit[]): number {
  const items: Item[] = [];
  let p = pos;
  let pendingOrganFrom = 0; // items from this index on have no organ yet
  for (;;) {
    const open = sticky(OPEN, text, p)!;
    const num = matchNumAt(text, p + open[0].length);
    if (!num) break;
    const item: Item = { num, extentStart: p, extentEnd: num.end };
    items.push(item);
    p = num.end;
    const close = sticky(LINK_CLOSE, text, p);
    if (close) { p += close[0].length; item.extentEnd = p; }
    // Clauses after the number, in any order, each once: date, dates of a pair, organ, title, annex.
    for (let guard = 0; guard < 6; guard++) {
      p += sticky(NOISE, text, p)![0].length;
      let m: RegExpExecArray | null;
      if (!item.date && (m = sticky(DATE_LEAD, text, p))) {
        const d = matchDateAt(text, p + m[0].length);
        if (d) { item.date = d; p = d.end; item.extentEnd = p; continue; }
      }
      if (!item.date && items.length >= 2 && (m = sticky(DATES_LEAD, text, p))) {
        // « résolutions 2007/12 et 2007/19 …, en date des 25 et 26 juillet 2007 »
        const pair = matchDatePairAt(text, p + m[0].length);
        if (pair && !items[items.length - 2].date) {
          items[items.length - 2].date = pair[0];
          item.date = pair[1];
          p = pair[1].end; item.extentEnd = p;
          continue;
        }
      }
      if (!item.organ && (m = sticky(ORGAN_AFTER, text, p))) {
        const entry = BODY_BY_NAME.get(normName(m[1]));
        if (entry) {
          const ref = bodyRef(entry, 'named', m[1]);
          for (let k = pendingOrganFrom; k < items.length; k++) items[k].organ = ref;
          pendingOrganFrom = items.length;
          p += m[0].length; item.extentEnd = p;
          continue;
        }
      }
      if (!item.organ && (m = sticky(ORGAN_GENERIC, text, p))) {
        const g = genericOrgan(m[1], m[2]);
        // « la résolution 31/1 de la Commission »: the commission named in full earlier in the paragraph.
        if (!g.words.length) {
          const earlier = lastBodyBefore(text, p, g.ref.id);
          if (earlier) g.ref = bodyRef(earlier, 'named', m[1]);
        }
        for (let k = pendingOrganFrom; k < items.length; k++) items[k].organ = g.ref;
        pendingOrganFrom = items.length;
        // The clause ends with the last word kept in the name (trailing lower-case words are the sentence's).
        let end = p + m[0].length - m[2].length;
        for (const w of g.words) end = text.indexOf(w, end) + w.length;
        p = end; item.extentEnd = p;
        continue;
      }
      if (!item.title && (m = sticky(TITLE_LEAD, text, p))) {
        const q = quoted(text, p + m[0].length);
        if (q) {
          item.title = { start: q.start, end: q.end, text: q.text };
          // « ses résolutions 74/170 et 76/183, intitulées « … » »: a plural title covers the list.
          const plural = /s$/.test(m[1]) || (m[1] === 'entitled' && opt.plural && items.length > 1);
          if (plural) for (const it of items) it.title ??= item.title;
          p = q.close; item.extentEnd = p;
          continue;
        }
      }
      if ((m = sticky(ANNEX, text, p))) { p += m[0].length; item.extentEnd = p; continue; }
      break;
    }
    const sep = sticky(SEP, text, p);
    if (!sep) break;
    const next = p + sep[0].length;
    const nextOpen = sticky(OPEN, text, next)!;
    if (!matchNumAt(text, next + nextOpen[0].length)) break;
    item.joinNext = sep[1] || sep[2] ? 'and' : 'comma';
    p = next;
  }
  if (!items.length) return pos;
  const listId = ++listCounter;
  items.forEach((item, index) => {
    let organ = item.organ ?? opt.listOrgan ?? (opt.own ? ctx.own : undefined);
    const r = resolveNumber(item.num, organ, opt.decision, ctx);
    organ = r.organ;
    const hit: SymbolHit = {
      start: item.num.start, end: item.num.end, text: item.num.text, kind: r.kind, symbol: r.symbol, parts: r.parts, organ, via: opt.via,
      extentStart: index === 0 ? opt.extentStart : item.extentStart, extentEnd: item.extentEnd,
    };
    if (r.link) hit.link = r.link;
    if (item.date) hit.date = item.date;
    if (item.title) hit.title = item.title;
    if (items.length > 1) hit.list = item.joinNext ? { id: listId, index, joinNext: item.joinNext } : { id: listId, index };
    out.push(hit);
  });
  return items[items.length - 1].extentEnd;
}

// ---- document symbols ----

// Components: « S-32 », « ES-10 » before words (« ES » alone must not end the match), words with dotted numbers (CONF.234, L.13, Add.1), numbers.
const DOC_BODY = `([A-Z]{1,6})((?:\\/(?:(?:S-|ES-)\\d{1,2}|[A-Z][A-Za-z]{0,7}(?:\\.\\d{1,4}){0,2}|\\d{1,4}))+)(?![\\p{L}0-9/])`;
const ADDENDUM = new RegExp(`${SP}+(?:and|et)${SP}+((?:Add|Corr|Rev)\\.\\d{1,3})(?![\\p{L}0-9/])`, 'uy');
const BEFORE_SYMBOL = /[\p{L}0-9/.\-]/u;
const isCapital = (c: number) => c >= 65 && c <= 90;
const DOC_STICKY = new RegExp(DOC_BODY, 'uy');
const SC_YEAR = new RegExp(`${SP}?\\((${YEAR})\\)`, 'y');
const OLD_SESSION = new RegExp(`(?:${SP}?([A-Z])(?=${SP}?\\())?${SP}?\\(((?:S-|ES-)?[IVXLC]{1,8})\\)`, 'y');
const RES_LETTER = new RegExp(`${SP}(${LETTER})`, 'uy');

function validDoc(series: string, comps: string[]): boolean {
  if (series.length === 1 && !/[ASET]/.test(series)) return false;
  if (!comps.some((c) => /\d/.test(c))) return false;
  return comps.length >= 2 || /^\d{3,}$/.test(comps[0]);
}

function docHit(text: string, m: RegExpExecArray, ctx: ScanContext): SymbolHit | undefined {
  const series = m[1];
  const comps = m[2].slice(1).split('/');
  if (!validDoc(series, comps)) return undefined;
  const start = m.index;
  let end = start + m[0].length;
  const link = (sym: string) => `https://undocs.org/${ctx.lang}/${sym}`;
  const path = [series, ...comps].join('/');
  const hit = (kind: CitationKind, symbol: string, parts: SymbolParts, organ: OrganRef | undefined, linkSym: string | undefined): SymbolHit => {
    const h: SymbolHit = { start, end, text: text.slice(start, end), kind, symbol, parts, via: 'symbol', extentStart: start, extentEnd: end };
    if (organ) h.organ = organ;
    if (linkSym) h.link = link(linkSym);
    return h;
  };
  // Resolution and decision symbols: A/RES/73/185, S/RES/1373 (2001), E/RES/2021/20, A/HRC/RES/56/8 …
  let r: RegExpExecArray | null;
  const res = /^(A|E|A\/HRC|E\/CN\.4)\/(RES|DEC)\/((?:S-|ES-)?\d{1,4})(?:\/(\d{1,4}))?$|^S\/RES\/(\d{1,4})$/.exec(path);
  if (res) {
    if (res[5] !== undefined) {
      const y = sticky(SC_YEAR, text, end);
      if (y) end += y[0].length;
      const year = y ? Number(y[1]) : undefined;
      const parts: SymbolParts = year ? { number: res[5], year } : { number: res[5] };
      return hit('sc-resolution', year ? `S/RES/${res[5]} (${year})` : `S/RES/${res[5]}`, parts, { id: 'security-council', body: 'S', source: 'form' }, year ? `S/RES/${res[5]}(${year})` : `S/RES/${res[5]}`);
    }
    const [, ser, type, first, second] = res;
    const decision = type === 'DEC';
    const organ: OrganRef = ser === 'A' ? { id: 'general-assembly', body: 'A', source: 'form' }
      : ser === 'E' ? { id: 'economic-and-social-council', body: 'E', source: 'form' }
      : ser === 'A/HRC' ? { id: 'human-rights-council', body: 'A/HRC', source: 'form' }
      : { id: 'commission', body: 'E/CN.4', source: 'form' };
    let num: Num | undefined;
    if (second === undefined && (r = sticky(OLD_SESSION, text, end))) {
      end += r[0].length;
      num = { start, end, text: '', form: 'old', number: first, session: r[2], year: undefined, letters: r[1] ? [r[1]] : [] };
    } else if (second !== undefined) {
      const isYear = /^\d{4}$/.test(first);
      const letter = (r = sticky(RES_LETTER, text, end)) ? r[1] : undefined;
      if (letter) end += r![0].length;
      num = { start, end, text: '', form: isYear ? 'year' : 'session', number: second, session: isYear ? undefined : first, year: isYear ? Number(first) : undefined, letters: letter ? [letter] : [] };
    }
    if (num) {
      const resolved = resolveNumber(num, organ, decision, ctx);
      const h = hit(resolved.kind, resolved.symbol, resolved.parts, resolved.organ, undefined);
      if (resolved.link) h.link = resolved.link;
      return h;
    }
  }
  // Joint symbols: A/78/80-E/2023/64, E/CN.15/2023/3-E/CN.7/2023/3.
  while (text[end] === '-') {
    const j = sticky(DOC_STICKY, text, end + 1);
    if (!j || !validDoc(j[1], j[2].slice(1).split('/'))) break;
    end += 1 + j[0].length;
  }
  const symbol = text.slice(start, end);
  return hit('document', symbol, {}, undefined, path);
}

// ---- scanning ----

// The words that introduce numbers: résolution(s), resolution(s), décision(s), decision(s), any case.
// Found by their literal tail, then checked around (much faster than one regex with \b and classes).
const KEYWORD_TAIL = /solution|cision|SOLUTION|CISION/g;

interface Keyword { start: number; end: number; decision: boolean; plural: boolean }

function nextKeyword(text: string): Keyword | undefined {
  let m: RegExpExecArray | null;
  while ((m = KEYWORD_TAIL.exec(text))) {
    const i = m.index;
    const decision = m[0].length === 6;
    const first = text[i - 2], second = text[i - 1];
    if (decision ? first !== 'D' && first !== 'd' : first !== 'R' && first !== 'r') continue;
    if (second !== 'é' && second !== 'e' && second !== 'É' && second !== 'E') continue;
    if (isLetter(text[i - 3])) continue;
    let end = i + m[0].length;
    const plural = text[end] === 's' || text[end] === 'S';
    if (plural) end++;
    if (isLetter(text[end])) continue;
    return { start: i - 2, end, decision, plural };
  }
  return undefined;
}
const LINK = /\[(?:(?:S-|ES-)?\d{1,4}\/\d{1,4}|\d{1,4}[ \u00a0]?\((?:\d{4}|[IVXLC]+)\))[^\]\n]{0,8}\]\(/g;
const FOOTNOTE_START = new RegExp(`^${SP}*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|<sup>\\d{1,3}<\\/sup>|\\[\\^\\d{1,3}\\]:|\\\\?\\*)${SP}*(?:[*_]*(?:Voir|See|Cf\\.)(?:${SP}+(?:également|aussi|also))?${SP}+)?`);

/**
 * Every resolution/decision number and document symbol in `text` (a paragraph's text or a single line),
 * with offsets into `text`, in order of position.
 */
export function scanSymbols(text: string, ctx: ScanContext): SymbolHit[] {
  const out: SymbolHit[] = [];
  let covered = 0; // keyword lists already read up to here
  if (!ctx.symbolsOnly && /\d/.test(text)) {
    if (ctx.footnote) {
      const f = FOOTNOTE_START.exec(text);
      if (f) covered = Math.max(covered, walkList(text, f[0].length, ctx, { decision: false, plural: true, via: 'footnote', extentStart: f[0].length, own: false }, out));
    }
    KEYWORD_TAIL.lastIndex = covered;
    let k: Keyword | undefined;
    while ((k = nextKeyword(text))) {
      const kwEnd = k.end;
      const sp = sticky(SPACES, text, kwEnd);
      // « résolutions du Conseil économique et social 2014/23 »: the organ between the word and the numbers.
      let listOrgan: OrganRef | undefined;
      let numPos = sp ? kwEnd + sp[0].length : kwEnd;
      if (sp) {
        const o = sticky(ORGAN_AFTER, text, kwEnd);
        const entry = o && BODY_BY_NAME.get(normName(o[1]));
        if (o && entry) {
          const after = sticky(SPACES, text, kwEnd + o[0].length);
          if (after) { listOrgan = bodyRef(entry, 'named', o[1]); numPos = kwEnd + o[0].length + after[0].length; }
        }
      } else if (text[kwEnd] !== '[') continue;
      const open = sticky(OPEN, text, numPos)!;
      if (!matchNumAt(text, numPos + open[0].length)) continue;
      let extentStart = k.start;
      let own = false;
      const before = text.slice(Math.max(0, k.start - 160), k.start);
      const pre = !listOrgan && mayNameOrgan(before) ? PRE_ORGAN.exec(before) : null;
      if (pre) {
        const entry = BODY_BY_NAME.get(normName(pre[1]));
        if (entry) listOrgan = bodyRef(entry, 'named', pre[1]);
        else if (/\b(?:sa|ses|son|its|their|leurs?)\b/.test(pre[0].slice(pre[0].indexOf(pre[1]) + pre[1].length))) own = true; // "Council, in its resolution"
        extentStart = k.start - before.length + pre.index + pre[0].indexOf(pre[1]);
      } else {
        const tail = before.slice(-28);
        const o = OWN.exec(tail);
        if (o) { own = true; extentStart = k.start - (tail.length - o.index - o[0].indexOf(o[1])); }
      }
      const end = walkList(text, numPos, ctx, { decision: k.decision, plural: k.plural, via: 'keyword', extentStart, listOrgan, own }, out);
      covered = Math.max(covered, end);
      KEYWORD_TAIL.lastIndex = Math.max(KEYWORD_TAIL.lastIndex, end);
    }
    if (text.includes('](')) {
      LINK.lastIndex = 0;
      let l: RegExpExecArray | null;
      const starts = new Set(out.map((h) => h.start));
      while ((l = LINK.exec(text))) {
        if (starts.has(l.index + 1)) continue;
        const before: SymbolHit[] = [];
        walkList(text, l.index, ctx, { decision: false, plural: true, via: 'link', extentStart: l.index, own: false }, before);
        for (const h of before) if (!starts.has(h.start)) { out.push(h); starts.add(h.start); }
      }
    }
  }
  // Document symbols: from each slash, back over the capital letters of a series (A, CTOC …).
  let from = 0;
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    if (slash < from) continue;
    let start = slash;
    while (start > 0 && slash - start < 6 && isCapital(text.charCodeAt(start - 1))) start--;
    if (start === slash || (start > 0 && BEFORE_SYMBOL.test(text[start - 1]))) continue;
    const d = sticky(DOC_STICKY, text, start);
    if (!d) continue;
    const h = docHit(text, d, ctx);
    if (!h) continue;
    out.push(h);
    from = h.end;
    // "A/61/L.45 and Add.1", « A/64/13 et Add.1 »: the addendum is a document of its own.
    const add = h.kind === 'document' ? sticky(ADDENDUM, text, h.end) : null;
    if (add) {
      const start = h.end + add[0].length - add[1].length;
      const symbol = `${h.symbol}/${add[1]}`;
      out.push({ start, end: start + add[1].length, text: add[1], kind: 'document', symbol, parts: {}, via: 'symbol', extentStart: h.start, extentEnd: start + add[1].length, link: `https://undocs.org/${ctx.lang}/${symbol}` });
      from = start + add[1].length;
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** A recognised number or symbol in one line, with its UTF-16 range in that line. */
export interface LineSymbol extends Omit<SymbolHit, 'start' | 'end' | 'extentStart' | 'extentEnd' | 'date' | 'title' | 'list'> {
  range: { line: number; start: number; end: number };
}

/** Numbers and symbols of one line of text (a line read alone: lists and dates that run onto the next line are not followed). */
export function findSymbols(line: string, lineIndex: number, ctx: ScanContext): LineSymbol[] {
  return scanSymbols(line, ctx).map((h) => {
    const s: LineSymbol = { range: { line: lineIndex, start: h.start, end: h.end }, text: h.text, kind: h.kind, symbol: h.symbol, parts: h.parts, via: h.via };
    if (h.organ) s.organ = h.organ;
    if (h.link) s.link = h.link;
    return s;
  });
}
