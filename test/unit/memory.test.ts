// What the rules compute for a document (opener readings, the paragraphs' running text, the
// citations, the text index) goes with the document at the next young-generation collection, not
// at the next full one: kept in WeakMaps, or in an object literal with a getter (V8 gives each its
// own hidden class in the old generation), it was copied by every young collection and promoted,
// which made a collection in a lint loop take ~4 ms instead of under 1 (scripts/bench.ts times it).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers';

describe('memory', () => {
  it('what linting seed 000 eight times computed is gone after two young-generation collections', () => {
    const probe = path.join(ROOT, 'test', 'probes', 'young-retention.ts');
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', probe], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const { dropped, held } = JSON.parse(r.stdout) as { dropped: number; held: number };
    // The control: the same measure with the eight results held shows them (eight models, ~4 MB).
    assert.ok(held > 2_000_000, `the measure sees eight documents held (${held} bytes)`);
    // Dropped, they go: what stays is well under half (before: about as much as held).
    assert.ok(dropped < held / 2, `left after two young collections: ${dropped} bytes, ${held} with the results held`);
  });
});
