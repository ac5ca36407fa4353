// Scenario a: a clean seed opens, the extension activates, and the Problems panel has neither
// an error nor a warning for it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCENARIO_TIMEOUT, sleep, withSession } from './harness';

const SEED = '000_adffb6421272b05b.txt';

test('seed 000 opens, the extension activates, no error and no warning', { timeout: SCENARIO_TIMEOUT }, async (t) => {
  await withSession('a-seed-000-clean', {}, async (s) => {
    await s.openFile(SEED);
    // seeds/.vscode/settings.json associates *.txt with the un-resolution language.
    await s.waitForLanguageMode('UN Resolution');
    await s.waitForActivation();
    await s.waitForLanguageServer();
    // Give the server time to publish (it has no "done" signal when there is nothing to say).
    await sleep(4_000);

    const markers = (await s.problemMarkers()).filter((r) => r.file === undefined || r.file === SEED);
    const serious = markers.filter((r) => r.severity === 'error' || r.severity === 'warning');
    assert.deepEqual(serious.map((r) => `${r.severity}: ${r.text}`), [], 'Problems rows for the clean seed');
    const counts = await s.problemCounts();
    assert.equal(counts.errors, 0, `status bar: ${counts.label}`);
    assert.equal(counts.warnings, 0, `status bar: ${counts.label}`);

    // The server must still be running (a crashed server would also show no problems).
    assert.ok(s.languageServerPids().length > 0, 'language server process still running');
    const crash = (await s.notifications()).filter((n) => /crash|couldn't start|failed/i.test(n));
    assert.deepEqual(crash, [], 'no crash notification');
    await s.screenshot('a-seed-000-clean');
  }, t.signal);
});
