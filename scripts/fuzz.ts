// npm run fuzz [-- CASES]: the fuzz properties over a million cases by default (random text with
// structure, markup and Unicode edge cases; random edits of the seeds and the corpus), in batches
// with fresh seeds, printing each batch and a final count. A failure prints fast-check's shrunk
// counterexample and exits 1; a hang leaves its input in the temp folder (reslint-fuzz-current.txt).
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkText, editedRealText, randomText } from '../test/fuzz-properties';

// The case being checked is kept on disk, so a run that hangs (killed from outside) leaves its input.
const CURRENT = path.join(tmpdir(), 'reslint-fuzz-current.txt');
const check = (t: string, withFixes: boolean) => { writeFileSync(CURRENT, t); checkText(t, withFixes); };

const total = Number(process.argv[2] ?? 1_000_000);
const BATCH = 20_000;
// Edits of real texts cost more per case (kilobytes instead of a line): one case in ten.
const REAL_SHARE = 0.1;
let done = 0;
const started = Date.now();
try {
  while (done < total) {
    const n = Math.min(BATCH, total - done);
    const seed = Date.now() ^ done;
    const real = Math.max(1, Math.round(n * REAL_SHARE));
    fc.assert(fc.property(randomText, (t) => check(t, false)), { numRuns: n - real, seed });
    fc.assert(fc.property(editedRealText, (t) => check(t, true)), { numRuns: real, seed });
    done += n;
    console.log(`fuzz: ${done} cases (seed ${seed}), ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  console.log(`fuzz: ${done} passed, 0 failed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch (e) {
  console.error(String(e));
  console.log(`fuzz: ${done} passed before a failure`);
  process.exitCode = 1;
}
