// The resolution index: what is known about the resolutions and decisions a text may cite, from
// three sources merged by key (canonical keys, see symbols.ts):
//   - the shipped data (data/resolution-index.json, built by scripts/build-index.ts from the seeds and
//     the corpus): rows [key, symbol, organ, date, titleFr, titleEn], "" for what is unknown;
//   - catalogues (an office's CSV or JSON export: symbol, date, title, language);
//   - the workspace: a document whose own symbol is a key defines it (adoption date, title);
//     its citations are references (with their ranges) and, for keys known nowhere else, give
//     the date and title they state.
// For the date and each language's title, a workspace definition wins over a catalogue, which wins
// over the shipped data, which wins over what workspace citations state.
import { plain } from '../model/markup';
import type { Lang, Range, ResolutionDocument } from '../model/types';
import { findCitations } from './citations';
import { findDates } from './dates';
import { organRefFor, scanSymbols } from './symbols';

export interface ResolutionTitles { fr?: string; en?: string }

export interface IndexEntry {
  /** Canonical key: A/RES/73/185, S/RES/1373 (2001), E/RES/2021/20, CTOC/COP/RES/10/4 … */
  key: string;
  /** Short form as cited: « 73/185 », « 1373 (2001) », « 2021/20 », « 10/4 ». */
  symbol: string;
  /** Organ id (data/organs.json ids; 'unknown' when the key does not tell). */
  organ: string;
  /** ISO adoption date. */
  date?: string;
  titles: ResolutionTitles;
  link?: string;
  /** The workspace file whose own symbol is this key. */
  definedIn?: { uri: string; line: number };
}

export interface Reference { uri: string; range: Range }

export interface CatalogReport {
  /** Rows read into the index. */
  loaded: number;
  /** Invalid rows (no recognisable symbol, bad date or language), skipped. */
  skipped: number;
  errors: { row: number; reason: string }[];
}

/** Shipped data row: [key, symbol, organ, date, titleFr, titleEn]. */
export type IndexRow = [string, string, string, string, string, string];

interface Info { date?: string; fr?: string; en?: string }
interface Definition extends Info { key: string; organ: string; line: number }
interface Cited { key: string; range: Range; organ?: string; date?: string; title?: string; lang: Lang }
interface DocRecord { def?: Definition; refs: Cited[] }

// ---- keys ----

const BODY_ORGANS: [RegExp, string][] = [
  [/^A\/HRC\//, 'human-rights-council'],
  [/^A\//, 'general-assembly'],
  [/^S\//, 'security-council'],
  [/^E\/CN\.4\//, 'commission'],
  [/^E\//, 'economic-and-social-council'],
  [/^T\//, 'trusteeship-council'],
  [/^(?:CCPCJ|CND|CSW|CPD|CSocD|STATCOM|CSTD)\//, 'commission'],
  [/^(?:CTOC\/COP|CAC\/COSP)\//, 'conference-of-the-parties'],
];

/** Organ id a key belongs to, read from its series. */
export function organOfKey(key: string): string {
  for (const [re, id] of BODY_ORGANS) if (re.test(key)) return id;
  return 'unknown';
}

/** The short form of a key as texts cite it: A/RES/73/185 → 73/185, S/RES/1373 (2001) → 1373 (2001). */
export function shortSymbol(key: string): string {
  const m = /\/(?:RES|DEC)\/(.+)$/.exec(key);
  return m ? m[1] : key;
}

const LINKED = /^(?:A\/RES|S\/RES|E\/RES|A\/HRC\/RES|E\/CN\.4\/RES)\//;

/** https://undocs.org link of a key, for the series that have one (see symbols.ts). */
export function linkOfKey(key: string, lang: Lang = 'fr'): string | undefined {
  if (!LINKED.test(key)) return undefined;
  // A/RES/31/16 A → A/RES/31/16A; A/RES/217 A (III) → A/RES/217(III); S/RES/1373 (2001) → S/RES/1373(2001).
  const official = / [A-Z] \(/.test(key) ? key.replace(/ [A-Z] \(/, '(') : key.replace(/ /g, '');
  return `https://undocs.org/${lang}/${official.replace(/ /g, '')}`;
}

/**
 * The key of a symbol as an export or a user writes it: « A/RES/73/185 », « 73/185 », « S/RES/1373(2001) »,
 * « 1373 (2001) », « E/RES/2021/20 », « 2021/20 », « CTOC/COP/RES/10/4 ». Undefined when it is not one.
 */
export function keyOf(symbol: string, lang: Lang = 'fr'): string | undefined {
  const s = symbol.trim().replace(/\s+/g, ' ');
  if (!s) return undefined;
  const full = scanSymbols(s, { lang });
  if (full.length === 1 && full[0].start === 0 && full[0].end === s.length) {
    const h = full[0];
    return h.kind === 'document' && !/\/(?:RES|DEC)\//.test(h.symbol) ? undefined : h.symbol;
  }
  const bare = scanSymbols(`résolution ${s}`, { lang });
  if (bare.length === 1 && bare[0].end === s.length + 11 && !bare[0].symbol.startsWith('UNKNOWN/')) return bare[0].symbol;
  return undefined;
}

// ---- documents ----

const cleanTitle = (t: string) => plain(t).replace(/[*_]+/g, '').replace(/\s+/g, ' ').trim();
/** A Security Council masthead line read as a title: « of 22 November 1967 », "on 4 December 2002". */
const DATE_LINE = /^(?:of|on|du|le|en date du)\s+\S+\s+\S+\s+\d{4}\W*$/i;

/** The document's own key, organ, adoption date and title (undefined without a symbol). */
export function documentDefinition(doc: ResolutionDocument): Omit<Definition, 'line'> & { line: number } | undefined {
  if (!doc.symbol) return undefined;
  const root = doc.parts.find((p) => p.organId) ?? doc.parts[0];
  const organLine = root?.organ ? plain(root.organ.text) : undefined;
  const own = organRefFor(root?.organId, organLine);
  const hits = scanSymbols(`résolution ${doc.symbol.text}`, { lang: doc.lang, own, documentOrgan: own });
  const key = hits[0]?.symbol;
  if (!key || hits[0].kind === 'document') return undefined;
  const organ = own?.id ?? hits[0].organ?.id ?? organOfKey(key);
  const def: Definition = { key, organ, line: doc.symbol.range.start.line };
  const dateIn = (t: string | undefined) => (t ? findDates(t).find((d) => d.date.iso)?.date.iso : undefined);
  const adoption = doc.header.filter((h) => h.kind === 'adoption');
  let date = adoption.map((h) => dateIn(h.text)).find(Boolean);
  const titleIsDate = !!doc.title && DATE_LINE.test(cleanTitle(doc.title.text));
  if (!date && organ === 'security-council') {
    // « Resolution 242 (1967) / of 22 November 1967 »; "Adopted … at its 4653rd meeting, / on 4 December 2002".
    date = (titleIsDate ? dateIn(doc.title!.text) : undefined) ?? doc.header.filter((h) => h.kind === 'date').map((h) => dateIn(h.text)).find(Boolean);
  }
  if (date) def.date = date;
  if (doc.title && !titleIsDate) {
    const t = cleanTitle(doc.title.text);
    if (t) def[doc.lang] = t;
  }
  return def;
}

/** References of a document: its citations of resolutions and decisions (documents left out), with what they state. */
function documentReferences(doc: ResolutionDocument): Cited[] {
  const out: Cited[] = [];
  for (const c of findCitations(doc)) {
    if (c.kind === 'document' && !/\/(?:RES|DEC)\//.test(c.symbol)) continue;
    const r: Cited = { key: c.symbol, range: c.symbolRange, lang: doc.lang };
    if (c.organ && c.organ.id !== 'unknown') r.organ = c.organ.id;
    if (c.date?.iso) r.date = c.date.iso;
    if (c.title) { const t = cleanTitle(c.title.text); if (t) r.title = t; }
    out.push(r);
  }
  return out;
}

// ---- catalogues ----

/** Splits CSV text into rows: quoted fields with "" escapes, commas and line breaks inside quotes, CRLF; « ; » as separator when the header uses it. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.indexOf('\n') >= 0 ? src.indexOf('\n') : src.length);
  const sep = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === '') { field = ''; quoted = true; }
    else if (ch === sep) { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}

const COLUMN: Record<string, 'symbol' | 'date' | 'title' | 'language'> = {
  symbol: 'symbol', symbole: 'symbol', cote: 'symbol', key: 'symbol',
  date: 'date', adopted: 'date', adoption: 'date',
  title: 'title', titre: 'title', intitulé: 'title',
  language: 'language', langue: 'language', lang: 'language',
};

function langOf(v: string | undefined, fallback: Lang): Lang | undefined {
  const s = (v ?? '').trim().toLowerCase();
  if (!s) return fallback;
  if (['fr', 'fra', 'fre', 'french', 'français', 'francais'].includes(s)) return 'fr';
  if (['en', 'eng', 'english', 'anglais'].includes(s)) return 'en';
  return undefined;
}

function isoOf(v: string | undefined): string | undefined | null {
  const s = (v ?? '').trim();
  if (!s) return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) {
    const d = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s); // 17/12/2018 (day first, as both languages' offices write it)
    if (d) m = [s, d[3], d[2].padStart(2, '0'), d[1].padStart(2, '0')] as unknown as RegExpExecArray;
  }
  if (m) {
    const t = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
    return !isNaN(t.getTime()) && t.getUTCDate() === Number(m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  }
  const found = findDates(s)[0];
  return found?.date.iso ?? null;
}

// ---- the index ----

export class ResolutionIndex {
  private readonly shipped = new Map<string, IndexRow>();
  private readonly catalog = new Map<string, Info>();
  private readonly docs = new Map<string, DocRecord>();
  /** key → uris defining it, in the order they were added. */
  private readonly defs = new Map<string, string[]>();
  /** key → uri → references. */
  private readonly refs = new Map<string, Map<string, Cited[]>>();
  private sortedKeys?: string[];
  private changeCount = 0;

  /**
   * How many times what lookup() answers may have changed: while the count stays the same, every
   * lookup gives the same answer (the incremental analysis then need not ask its lookups again).
   */
  get changes(): number { return this.changeCount; }

  /** The index of the shipped data (the rows of data/resolution-index.json, or its text). */
  static fromData(json: string | IndexRow[]): ResolutionIndex {
    const rows: IndexRow[] = typeof json === 'string' ? JSON.parse(json) : json;
    const index = new ResolutionIndex();
    const map = index.shipped;
    for (let i = 0; i < rows.length; i++) map.set(rows[i][0], rows[i]);
    return index;
  }

  /** Indexes a workspace document: its own key becomes a definition, its citations references. Replaces what the uri gave before. */
  addDocument(uri: string, doc: ResolutionDocument): void {
    const d = documentDefinition(doc);
    const rec: DocRecord = { refs: documentReferences(doc) };
    if (this.sameAnswers(uri, d, rec.refs)) return;
    this.removeDocument(uri);
    this.changeCount++;
    if (d) {
      rec.def = d;
      const list = this.defs.get(d.key);
      if (list) list.push(uri); else this.defs.set(d.key, [uri]);
    }
    for (const r of rec.refs) {
      let byUri = this.refs.get(r.key);
      if (!byUri) this.refs.set(r.key, byUri = new Map());
      const list = byUri.get(uri);
      if (list) list.push(r); else byUri.set(uri, [r]);
    }
    this.docs.set(uri, rec);
    this.sortedKeys = undefined;
  }

  /**
   * Whether indexing the document again would change no lookup: the same definition, the same
   * citations in the same order but for where they stand, and the uri already the last to define or
   * cite each key (adding moves it last). The citations then only take their new ranges, which
   * references() gives. An open document is indexed again after each analysis: most edits cite nothing new.
   */
  private sameAnswers(uri: string, def: Definition | undefined, refs: Cited[]): boolean {
    const rec = this.docs.get(uri);
    if (!rec || !sameFields(rec.def, def) || rec.refs.length !== refs.length) return false;
    if (def && this.defs.get(def.key)!.at(-1) !== uri) return false;
    for (let i = 0; i < refs.length; i++) if (!sameFields(rec.refs[i], refs[i], 'range')) return false;
    for (const r of refs) if (lastKey(this.refs.get(r.key)!) !== uri) return false;
    for (let i = 0; i < refs.length; i++) rec.refs[i].range = refs[i].range;
    return true;
  }

  removeDocument(uri: string): void {
    const rec = this.docs.get(uri);
    if (!rec) return;
    this.changeCount++;
    this.docs.delete(uri);
    if (rec.def) {
      const list = this.defs.get(rec.def.key)!.filter((u) => u !== uri);
      if (list.length) this.defs.set(rec.def.key, list); else this.defs.delete(rec.def.key);
    }
    for (const r of rec.refs) {
      const byUri = this.refs.get(r.key);
      if (!byUri) continue;
      byUri.delete(uri);
      if (!byUri.size) this.refs.delete(r.key);
    }
    this.sortedKeys = undefined;
  }

  /**
   * Reads an office's export: CSV with a header row (symbol, date, title, language; French names
   * accepted) or JSON (an array of objects with those fields, or { entries: [...] }). A row without
   * a language gives its title in `lang`. Later rows and catalogues override earlier ones.
   */
  loadCatalog(text: string, format: 'csv' | 'json', lang: Lang = 'fr'): CatalogReport {
    const report: CatalogReport = { loaded: 0, skipped: 0, errors: [] };
    let records: Record<string, unknown>[];
    if (format === 'csv') {
      const rows = parseCsv(text);
      const header = (rows.shift() ?? []).map((h) => COLUMN[h.trim().toLowerCase()]);
      if (!header.includes('symbol')) {
        report.skipped = rows.length;
        report.errors.push({ row: 1, reason: 'no symbol column in the header' });
        return report;
      }
      records = rows.map((r) => {
        const o: Record<string, unknown> = {};
        header.forEach((h, i) => { if (h && r[i] !== undefined) o[h] = r[i]; });
        return o;
      });
    } else {
      let data: unknown;
      try { data = JSON.parse(text); } catch (e) {
        report.errors.push({ row: 0, reason: `invalid JSON: ${(e as Error).message}` });
        return report;
      }
      const list = Array.isArray(data) ? data : (data as { entries?: unknown; resolutions?: unknown })?.entries ?? (data as { resolutions?: unknown })?.resolutions;
      if (!Array.isArray(list)) {
        report.errors.push({ row: 0, reason: 'expected an array of entries' });
        return report;
      }
      records = list.map((o) => {
        if (!o || typeof o !== 'object') return {};
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(o)) { const c = COLUMN[k.toLowerCase()]; if (c) out[c] = v; }
        return out;
      });
    }
    records.forEach((r, i) => {
      const row = format === 'csv' ? i + 2 : i + 1;
      const bad = (reason: string) => { report.skipped++; report.errors.push({ row, reason }); };
      const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
      const key = keyOf(str(r.symbol) ?? '', lang);
      if (!key) return bad(`not a resolution or decision symbol: ${JSON.stringify(r.symbol ?? '')}`);
      const date = isoOf(str(r.date));
      if (date === null) return bad(`invalid date: ${JSON.stringify(r.date)}`);
      const l = langOf(str(r.language), lang);
      if (!l) return bad(`unknown language: ${JSON.stringify(r.language)}`);
      const info = this.catalog.get(key) ?? {};
      if (date) info.date = date;
      const title = str(r.title)?.replace(/\s+/g, ' ').trim();
      if (title) info[l] = title;
      this.catalog.set(key, info);
      report.loaded++;
    });
    this.sortedKeys = undefined;
    this.changeCount++;
    return report;
  }

  /** Everything known about a key (a short form such as « 73/185 » is read as a key too). */
  lookup(key: string, lang: Lang = 'fr'): IndexEntry | undefined {
    const k = this.has(key) ? key : keyOf(key, lang);
    if (!k || !this.has(k)) return undefined;
    const row = this.shipped.get(k);
    const cat = this.catalog.get(k);
    const defUri = this.defs.get(k)?.[0];
    const def = defUri ? this.docs.get(defUri)!.def! : undefined;
    const cited = this.refs.get(k);
    const e: IndexEntry = { key: k, symbol: row?.[1] || shortSymbol(k), organ: row?.[2] || def?.organ || organOfKey(k), titles: {} };
    let citedOrgan: string | undefined;
    const citedInfo: Info = {};
    if (cited && (!row || !def)) {
      for (const list of cited.values()) for (const c of list) {
        citedInfo.date ??= c.date;
        if (c.title) citedInfo[c.lang] ??= c.title;
        citedOrgan ??= c.organ;
      }
    }
    if (e.organ === 'unknown' && citedOrgan) e.organ = citedOrgan;
    const date = def?.date ?? cat?.date ?? (row?.[3] || undefined) ?? citedInfo.date;
    if (date) e.date = date;
    const fr = def?.fr ?? cat?.fr ?? (row?.[4] || undefined) ?? citedInfo.fr;
    const en = def?.en ?? cat?.en ?? (row?.[5] || undefined) ?? citedInfo.en;
    if (fr) e.titles.fr = fr;
    if (en) e.titles.en = en;
    const link = linkOfKey(k, lang);
    if (link) e.link = link;
    if (defUri) e.definedIn = { uri: defUri, line: def!.line };
    return e;
  }

  /** Where the workspace cites the key: symbol ranges, by file in the order files were added. */
  references(key: string): Reference[] {
    const byUri = this.refs.get(key) ?? this.refs.get(keyOf(key) ?? '');
    if (!byUri) return [];
    const out: Reference[] = [];
    for (const [uri, list] of byUri) for (const r of list) out.push({ uri, range: r.range });
    return out;
  }

  citedCount(key: string): number {
    const byUri = this.refs.get(key) ?? this.refs.get(keyOf(key) ?? '');
    let n = 0;
    if (byUri) for (const list of byUri.values()) n += list.length;
    return n;
  }

  /** Number of keys known (shipped, catalogues, workspace definitions and citations). */
  get size(): number { return this.keys().length; }

  /**
   * Completion: entries whose short symbol (or key) starts with the typed text, those with a title in
   * `lang` first, then the most cited, then in symbol order (« 73/185 » before « 73/1850 »).
   */
  search(prefix: string, lang: Lang = 'fr', limit = 50): (IndexEntry & { title?: string })[] {
    const p = prefix.trim().replace(/\s+/g, ' ').toUpperCase();
    const keys = this.keys();
    const hits: string[] = [];
    if (/^[A-Z]/.test(p)) {
      // A key prefix: binary search in the sorted keys.
      let lo = 0, hi = keys.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (keys[mid] < p) lo = mid + 1; else hi = mid; }
      for (let i = lo; i < keys.length && keys[i].startsWith(p); i++) hits.push(keys[i]);
    } else {
      for (const k of keys) if (shortSymbol(k).startsWith(p)) hits.push(k);
    }
    const scored = hits.map((k) => {
      const e = this.lookup(k, lang)!;
      return { e, own: e.titles[lang] ? 0 : e.titles.fr || e.titles.en ? 1 : 2, cited: this.citedCount(k) };
    });
    scored.sort((a, b) => a.own - b.own || b.cited - a.cited || compareSymbols(a.e.symbol, b.e.symbol) || (a.e.key < b.e.key ? -1 : a.e.key > b.e.key ? 1 : 0));
    return scored.slice(0, limit).map(({ e }) => {
      const title = e.titles[lang] ?? e.titles.fr ?? e.titles.en;
      return title ? { ...e, title } : e;
    });
  }

  private has(key: string): boolean {
    return this.shipped.has(key) || this.catalog.has(key) || this.defs.has(key) || this.refs.has(key);
  }

  private keys(): string[] {
    if (!this.sortedKeys) {
      const set = new Set<string>(this.shipped.keys());
      for (const k of this.catalog.keys()) set.add(k);
      for (const k of this.defs.keys()) set.add(k);
      for (const k of this.refs.keys()) set.add(k);
      this.sortedKeys = [...set].sort();
    }
    return this.sortedKeys;
  }
}

/** The same own fields with the same values (flat records), `except` aside. */
function sameFields(a: object | undefined, b: object | undefined, except?: string): boolean {
  if (!a || !b) return a === b;
  const x = a as Record<string, unknown>, y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (k === except) continue;
    n++;
    if (x[k] !== y[k] || !(k in y)) return false;
  }
  for (const k in y) if (k !== except) n--;
  return n === 0;
}

function lastKey<K>(map: Map<K, unknown>): K | undefined {
  let last: K | undefined;
  for (const k of map.keys()) last = k;
  return last;
}

/** Symbol order: numbers compared as numbers (« 73/9 » before « 73/185 »). */
export function compareSymbols(a: string, b: string): number {
  const ta = a.split(/(\d+)/), tb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    if (ta[i] === tb[i]) continue;
    if (i % 2) return Number(ta[i]) - Number(tb[i]) || (ta[i] < tb[i] ? -1 : 1);
    return ta[i] < tb[i] ? -1 : 1;
  }
  return ta.length - tb.length;
}
