// The TextMate grammar is generated from scripts/build-grammar.ts; the scope tests
// themselves are in test/grammar (npm run test:grammar).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { GRAMMAR_FILE, buildGrammar, grammarJson } from '../../scripts/build-grammar';

const ROOT = path.resolve(__dirname, '..', '..');

/** Every scope name used in a rule or capture, split on spaces. */
function scopeNames(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => scopeNames(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'name' || key === 'contentName') && typeof value === 'string') out.push(...value.split(' '));
      else scopeNames(value, out);
    }
  }
  return out;
}

describe('grammar build', () => {
  it(`${GRAMMAR_FILE} is up to date (node --import tsx scripts/build-grammar.ts)`, () => {
    assert.equal(readFileSync(path.join(ROOT, GRAMMAR_FILE), 'utf8'), grammarJson());
  });

  it('scope names all end with .un-resolution', () => {
    const { repository, patterns } = buildGrammar() as { repository: unknown; patterns: unknown };
    const names = scopeNames([repository, patterns]);
    assert.ok(names.length > 50);
    assert.deepEqual(names.filter((n) => !n.endsWith('.un-resolution')), []);
  });

  it('package.json contributes the grammar under the same scope name', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const entry = pkg.contributes.grammars.find((g: { language: string }) => g.language === 'un-resolution');
    assert.equal(path.normalize(entry.path), path.normalize(`./${GRAMMAR_FILE}`));
    assert.equal(entry.scopeName, buildGrammar().scopeName);
  });

  it('every include points at a repository entry', () => {
    const grammar = buildGrammar() as { repository: Record<string, unknown> };
    const includes = JSON.stringify(grammar).match(/"include":"#[^"]+"/g) ?? [];
    const missing = includes.map((i) => i.slice(12, -1)).filter((key) => !(key in grammar.repository));
    assert.deepEqual([...new Set(missing)], []);
  });
});
