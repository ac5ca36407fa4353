import { readFileSync } from 'node:fs';
import { parse } from '../server/src/core/model/parse';
const doc = parse(readFileSync(process.argv[2], 'utf8'));
const from = Number(process.argv[3] ?? 0), to = Number(process.argv[4] ?? 1e9);
console.log('lang', doc.lang, 'kind', doc.kind, 'symbol', doc.symbol?.text, 'title', doc.title?.text?.slice(0, 60));
for (const p of doc.paragraphs) {
  if (p.range.start.line + 1 < from || p.range.start.line + 1 > to) continue;
  console.log(`${p.range.start.line + 1}-${p.range.end.line + 1} ${p.kind}${p.number ? ' #' + p.number.value : ''}${p.label ? ' (' + p.label.text + ')' : ''} part=${p.part?.kind ?? '-'} opener=${p.opener ? p.opener.type + ':' + p.opener.text : '-'} | ${p.text.slice(0, 70)}`);
}
const walk = (p: any, d = 0): void => { console.log(' '.repeat(d * 2) + `PART ${p.kind} voice=${p.voice} organ=${p.organ?.text.slice(0, 40)} pre=${p.preamble.length} op=${p.operative.length} items=${p.items.length} lines ${p.range.start.line + 1}-${p.range.end.line + 1}`); p.children.forEach((c: any) => walk(c, d + 1)); };
doc.parts.forEach((p) => walk(p));
console.log('refs', doc.footnoteRefs.map((r) => r.number).join(','));
console.log('defs', doc.footnoteDefs.map((r) => r.number).join(','));
