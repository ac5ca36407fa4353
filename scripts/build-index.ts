// Builds the shipped resolution index (server/src/core/data/resolution-index.json) from the seeds and
// the corpus: each text's own header (symbol, organ, adoption date, title) and every citation in them
// that states a date or a title (« sa résolution 73/185 du 17 décembre 2018 intitulée « … » »).
// When sources disagree, the most frequent date (or title) is kept, the text's own header first on a
// tie, and the conflict is printed. Output is sorted, one row per line: the test suite compares a fresh
// build with the committed file (`node --import tsx scripts/build-index.ts` to regenerate it).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { findCitations } from '../server/src/core/citations/citations';
import { documentDefinition, organOfKey, shortSymbol, type IndexRow } from '../server/src/core/citations/index';
import { plain } from '../server/src/core/model/markup';
import { parse } from '../server/src/core/model/parse';
import type { Lang } from '../server/src/core/model/types';

const ROOT = path.resolve(__dirname, '..');
export const INDEX_FILE = path.join(ROOT, 'server', 'src', 'core', 'data', 'resolution-index.json');

export function sourceFiles(): string[] {
  return [
    ...readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => `seeds/${f}`),
    ...['en', 'fr'].flatMap((lang) => readdirSync(path.join(ROOT, 'test', 'corpus', lang)).filter((f) => f.endsWith('.txt')).sort().map((f) => `test/corpus/${lang}/${f}`)),
  ];
}

/** Votes for one value, with where each came from; the own header wins ties. */
class Votes {
  private readonly counts = new Map<string, { n: number; header: boolean; from: Set<string> }>();
  add(value: string, from: string, header: boolean): void {
    const v = this.counts.get(value) ?? { n: 0, header: false, from: new Set<string>() };
    v.n++;
    v.header ||= header;
    v.from.add(from);
    this.counts.set(value, v);
  }
  best(): string | undefined {
    const all = [...this.counts].sort((a, b) => b[1].n - a[1].n || Number(b[1].header) - Number(a[1].header) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return all[0]?.[0];
  }
  conflict(): string | undefined {
    if (this.counts.size < 2) return undefined;
    const best = this.best();
    return [...this.counts].map(([v, c]) => `${v === best ? '*' : ' '} ${JSON.stringify(v)} ×${c.n} (${[...c.from].sort().join(', ')})`).join('\n    ');
  }
}

interface Acc { organ?: string; date: Votes; fr: Votes; en: Votes }

const clean = (t: string) => plain(t).replace(/[*_]+/g, '').replace(/\s+/g, ' ').trim();

export interface BuildResult { rows: IndexRow[]; json: string; conflicts: string[] }

export function buildIndex(): BuildResult {
  const acc = new Map<string, Acc>();
  const get = (key: string) => {
    let a = acc.get(key);
    if (!a) acc.set(key, a = { date: new Votes(), fr: new Votes(), en: new Votes() });
    return a;
  };
  for (const file of sourceFiles()) {
    const doc = parse(readFileSync(path.join(ROOT, file), 'utf8'));
    const def = documentDefinition(doc);
    if (def) {
      const a = get(def.key);
      a.organ = def.organ;
      if (def.date) a.date.add(def.date, file, true);
      for (const l of ['fr', 'en'] as Lang[]) { const t = def[l]; if (t) a[l].add(t, file, true); }
    }
    for (const c of findCitations(doc)) {
      if (c.kind === 'document' && !/\/(?:RES|DEC)\//.test(c.symbol)) continue;
      if (c.symbol.startsWith('UNKNOWN/')) continue;
      const iso = c.date?.iso;
      const title = c.title ? clean(c.title.text) : '';
      if (!iso && !title) continue;
      const a = get(c.symbol);
      if (!a.organ && c.organ && c.organ.id !== 'unknown') a.organ = c.organ.id;
      if (iso) a.date.add(iso, file, false);
      if (title) a[doc.lang].add(title, file, false);
    }
  }
  const conflicts: string[] = [];
  const rows: IndexRow[] = [...acc.keys()].sort().map((key) => {
    const a = acc.get(key)!;
    for (const what of ['date', 'fr', 'en'] as const) {
      const c = a[what].conflict();
      if (c) conflicts.push(`${key} ${what === 'date' ? 'date' : `title (${what})`}:\n    ${c}`);
    }
    return [key, shortSymbol(key), a.organ ?? organOfKey(key), a.date.best() ?? '', a.fr.best() ?? '', a.en.best() ?? ''];
  });
  const json = `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
  return { rows, json, conflicts };
}

if (require.main === module) {
  const { rows, json, conflicts } = buildIndex();
  for (const c of conflicts) console.log(`conflict ${c}`);
  writeFileSync(INDEX_FILE, json);
  console.log(`wrote ${path.relative(ROOT, INDEX_FILE)}: ${rows.length} entries, ${Buffer.byteLength(json)} bytes, ${conflicts.length} conflict(s)`);
}
