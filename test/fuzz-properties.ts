// Properties every input must satisfy, shared by the short run in the test suite and `npm run fuzz`:
// no exception anywhere (lint, outline, folding, semantic tokens, completion), every range inside
// the document, and every fix applies cleanly and leaves text that is checked without error.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { shippedIndex } from '../server/src/core/citations/shipped';
import { applyEdits } from '../server/src/core/features/code-actions';
import { completions } from '../server/src/core/features/completion';
import { documentInfo } from '../server/src/core/features/document-info';
import { foldingRanges } from '../server/src/core/features/folding';
import { semanticTokens } from '../server/src/core/features/semantic-tokens';
import { documentSymbols, type OutlineSymbol } from '../server/src/core/features/symbols';
import { lint } from '../server/src/core/lint';
import { splitLines } from '../server/src/core/model/text';
import type { Range } from '../server/src/core/model/types';

const ROOT = path.resolve(__dirname, '..');
const REAL = [
  ...readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => path.join(ROOT, 'seeds', f)),
  ...readdirSync(path.join(ROOT, 'test', 'corpus', 'en')).map((f) => path.join(ROOT, 'test', 'corpus', 'en', f)),
].map((f) => readFileSync(f, 'utf8'));

/** Pieces that stress the parser: structure, markup, footnotes, Unicode edge cases, line ends. */
const PIECES = [
  '\n', '\n\n', '\r\n', '\r', ' ', '\u00a0', '\u202f', '\u200b', '\u200f', '\u0301', '𝒜', '\ud800', '\udc00', '\ufeff', '\u0000',
  '¹', '²³', '<sup>4</sup>', '[^5]', '[^5]: note', '1<sup>er</sup>', '1^{er}', '50^e séance plénière', '*', '**', '_', '\\*', '#', '## ', '---',
  '1. ', '12. ', '5 bis. ', 'a) ', '(a) ', 'i) ', '(ii) ', '« ', ' »', '“', '”', ';', ' ;', ',', '.', ':', ' :',
  "L'Assemblée générale,", '*Le Conseil économique et social*', 'The Security Council,', 'Nous, chefs d’État,', '## **Annexe**', 'Article 1',
  'Rappelant ', 'Rappelle ', '*Décide* ', 'Decides ', 'Also requests ', 'Recalling ', '*Recommande* à l’Assemblée générale d’adopter le projet de résolution suivant :',
  '<!-- reslint-disable -->', '<!-- reslint-disable-next-line paragraph-numbering -->', '<!-- reslint-enable', '<!--', '-->', '<sup>', '</sup>', '[46/152](#)',
  'عربى', 'שלום', '中文', '\t',
];

export const pieceArb = fc.constantFrom(...PIECES);
export const randomText = fc.array(fc.oneof(pieceArb, fc.string({ maxLength: 12, unit: 'grapheme' }), fc.string({ maxLength: 6, unit: 'binary' })), { maxLength: 60 }).map((a) => a.join(''));

/** A slice of a real text (about 1 to 6 KB) with random insertions and deletions. */
export const editedRealText = fc
  .record({
    doc: fc.nat(REAL.length - 1),
    start: fc.nat(),
    length: fc.integer({ min: 500, max: 6000 }),
    edits: fc.array(fc.record({ at: fc.nat(), del: fc.nat(40), insert: fc.array(pieceArb, { maxLength: 3 }) }), { maxLength: 8 }),
  })
  .map(({ doc, start, length, edits }) => {
    const source = REAL[doc];
    const from = start % Math.max(1, source.length);
    let text = source.slice(from, from + length);
    for (const e of edits) {
      const at = text.length ? e.at % text.length : 0;
      text = text.slice(0, at) + e.insert.join('') + text.slice(at + e.del);
    }
    return text;
  });

function assertInside(range: Range, lines: string[], what: string): void {
  const { start, end } = range;
  assert.ok(start.line >= 0 && end.line < lines.length, `${what}: line out of the document ${JSON.stringify(range)}`);
  assert.ok(start.character >= 0 && start.character <= lines[start.line].length, `${what}: start outside its line ${JSON.stringify(range)}`);
  assert.ok(end.character >= 0 && end.character <= lines[end.line].length, `${what}: end outside its line ${JSON.stringify(range)}`);
  assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${what}: reversed ${JSON.stringify(range)}`);
}

// The index lets the rules that compare citations with it run too.
const index = shippedIndex();

/** The property itself: returns normally or throws an assertion error naming what broke. */
export function checkText(text: string, withFixes = true): void {
  const { doc, findings } = lint(text, { index });
  const lines = splitLines(text);
  for (const f of findings) {
    assertInside(f.range, lines, `${f.rule} finding`);
    for (const fix of f.fixes ?? []) {
      fix.edits.forEach((e) => assertInside(e.range, lines, `${f.rule} fix`));
      if (!withFixes) continue;
      const fixed = applyEdits(lines, fix.edits);
      lint(fixed, { index }); // must not throw on the fixed text either
    }
  }
  const walk = (s: OutlineSymbol) => { assertInside(s.range, lines, 'symbol'); assertInside(s.selectionRange, lines, 'symbol selection'); s.children.forEach(walk); };
  documentSymbols(doc).forEach(walk);
  for (const f of foldingRanges(doc)) assert.ok(f.startLine < f.endLine && f.endLine < lines.length, 'folding range');
  let last = { line: -1, end: 0 };
  for (const t of semanticTokens(doc)) {
    assert.ok(t.length > 0 && t.character + t.length <= lines[t.line].length, 'semantic token inside its line');
    assert.ok(t.line > last.line || t.character >= last.end, 'semantic tokens ordered and not overlapping');
    last = { line: t.line, end: t.character + t.length };
  }
  documentInfo(doc);
  const probe = Math.min(lines.length - 1, Math.floor(lines.length / 2));
  for (const c of completions(doc, { line: probe, character: lines[probe].length })) assertInside(c.textEdit.range, lines, 'completion');
}
