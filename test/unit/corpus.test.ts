// What the checker says about the real corpus is reviewed, not accidental: a fresh report must
// match docs/corpus-report.md (regenerate it with `npm run corpus-report` and read the diff).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { corpusReport, REPORT } from '../../scripts/corpus-report';

describe('corpus', () => {
  it('the corpus report matches the reviewed one', () => {
    const fresh = corpusReport();
    const committed = readFileSync(REPORT, 'utf8');
    assert.ok(fresh === committed, 'docs/corpus-report.md is out of date: run `npm run corpus-report` and review the diff');
  });

  it('no seed raises an error or a warning in the report', () => {
    const seeds = corpusReport().split('### ').filter((s) => s.startsWith('seeds/'));
    assert.equal(seeds.length, 5);
    for (const s of seeds) assert.doesNotMatch(s, / (error|warning) `/);
  });
});
