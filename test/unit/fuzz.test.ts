// A short fuzz run in the default suite (npm run fuzz runs a million cases).
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText, editedRealText, randomText } from '../fuzz-properties';

describe('fuzz', () => {
  it('random text with structure, markup and Unicode edge cases', () => {
    fc.assert(fc.property(randomText, (t) => checkText(t)), { numRuns: 400, seed: 20261123 });
  });

  it('random edits of the seeds and the corpus', () => {
    fc.assert(fc.property(editedRealText, (t) => checkText(t)), { numRuns: 150, seed: 20261123 });
  });
});
