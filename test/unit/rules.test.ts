// Each fixture under test/fixtures is its own assertion: the diagnostics reported must be
// exactly the « {rule-id} » markers it carries, line for line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';
import { fixtureFiles, readFixture } from '../helpers';

describe('rule fixtures', () => {
  for (const file of fixtureFiles()) {
    const fixture = readFixture(file);
    it(`${fixture.name} reports exactly its markers`, () => {
      const { findings } = lint(fixture.text, fixture.options);
      const actual = findings.map((f) => `${f.range.start.line + 1}:${f.rule}`).sort();
      assert.deepEqual(actual, fixture.expected, findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule} ${f.message}`).join('\n'));
    });
  }
});
