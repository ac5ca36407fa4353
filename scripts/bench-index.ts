// Loading speed of the resolution index: builds a 20,000-entry data file in memory (same compact
// row format as data/resolution-index.json) and times ResolutionIndex.fromData, the first search
// (which sorts the keys) and lookups. The target for fromData is ≤ 100 ms; nothing is asserted.
// Run: node --import tsx scripts/bench-index.ts
import { performance } from 'node:perf_hooks';
import { ResolutionIndex, type IndexRow } from '../server/src/core/citations/index';

export function syntheticRows(n = 20000): IndexRow[] {
  const rows: IndexRow[] = [];
  for (let i = 0; rows.length < n; i++) {
    const session = 1 + (i % 80), num = 1 + Math.floor(i / 80);
    const month = String(1 + (i % 12)).padStart(2, '0'), day = String(1 + (i % 28)).padStart(2, '0');
    rows.push([`A/RES/${session}/${num}`, `${session}/${num}`, 'general-assembly', `${1945 + session}-${month}-${day}`,
      `Titre de la résolution ${session}/${num} sur la coopération internationale en matière de prévention du crime et de justice pénale`,
      `Title of resolution ${session}/${num} on international cooperation in crime prevention and criminal justice`]);
  }
  return rows;
}

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

if (require.main === module) {
  const json = JSON.stringify(syntheticRows());
  console.log(`data: 20000 entries, ${(Buffer.byteLength(json) / 1024 / 1024).toFixed(2)} MB`);
  const runs: number[] = [];
  let index!: ResolutionIndex;
  for (let i = 0; i < 10; i++) { const [ix, ms] = time(() => ResolutionIndex.fromData(json)); index = ix; runs.push(ms); }
  const sorted = [...runs].sort((a, b) => a - b);
  console.log(`fromData (JSON text): first ${runs[0].toFixed(1)} ms, median ${sorted[5].toFixed(1)} ms, best ${sorted[0].toFixed(1)} ms (target ≤ 100 ms)`);
  const [, first] = time(() => index.search('73/1', 'fr', 20));
  const [, again] = time(() => index.search('73/1', 'fr', 20));
  console.log(`search('73/1'): first ${first.toFixed(1)} ms (sorts the keys), then ${again.toFixed(1)} ms`);
  const [, look] = time(() => { for (let i = 1; i <= 1000; i++) index.lookup(`A/RES/73/${i}`); });
  console.log(`1000 lookups: ${look.toFixed(1)} ms`);
}
