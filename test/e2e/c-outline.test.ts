// Scenario c: Explorer > Outline lists seed 000's operative paragraphs as « 3. Souligne » labels
// (number and the italic operative phrase), in order.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SCENARIO_TIMEOUT, SEEDS, sleep, withSession } from './harness';

const SEED = '000_adffb6421272b05b.txt';

test('the Outline view lists the operative paragraphs of seed 000', { timeout: SCENARIO_TIMEOUT }, async (t) => {
  const expected = [...readFileSync(join(SEEDS, SEED), 'utf8').matchAll(/^(\d+)\. \*([^*]+)\*/gm)].map((m) => `${m[1]}. ${m[2].trim()}`);
  assert.ok(expected.length > 50 && expected.includes('3. Souligne'), 'seed 000 has its operative paragraphs');

  await withSession('c-seed-000-outline', {}, async (s) => {
    await s.openFile(SEED);
    await s.waitForActivation();
    const labels = await s.outline(expected.length);
    assert.ok(labels.includes('3. Souligne'), `Outline has « 3. Souligne »; first labels: ${labels.slice(0, 15).join(' | ')}`);
    const operative = labels.filter((l) => /^\d+\.\s/.test(l));
    assert.deepEqual(operative, expected, 'operative paragraphs in the Outline, in order');

    // Picture: the editor on paragraph 3 with the Outline following the cursor.
    await s.collapseExplorerFolders();
    await s.outlineFollowCursor();
    await s.goToText('3. *Souligne*');
    await s.page.keyboard.press('Escape');
    await sleep(800);
    await s.screenshot('c-seed-000-outline');
  }, t.signal);
});
