// Scenario i: the status bar item and Enter. For seed 000 the item reads « Résolution · Assemblée
// générale · FR · 93 § · 53 notes ». In a small resolution, Enter at the end of « 1. … » opens
// « 2. » after a blank line, at the end of « a) … » opens « b) », and on a bare « c) » removes it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCENARIO_TIMEOUT, TIMEOUTS, pollUntil, withSession, type Session } from './harness';

const SEED = '000_adffb6421272b05b.txt';
const SEED_LABEL = 'Résolution · Assemblée générale · FR · 93 § · 53 notes';
const FILE = 'enter.txt';
const TEXT = [
  "L'Assemblée générale,",
  '',
  'Rappelant sa résolution 77/1,',
  '',
  '1. *Prie* le Secrétaire général de lui présenter un rapport ;',
  '',
  'a) Sur la coopération ;',
  '',
].join('\n');
const EXPECTED = [
  "L'Assemblée générale,",
  '',
  'Rappelant sa résolution 77/1,',
  '',
  '1. *Prie* le Secrétaire général de lui présenter un rapport ;',
  '',
  '2. *Décide* de rester saisie de la question ;',
  '',
  'a) Sur la coopération ;',
  '',
  'b) Sur la formation ;',
  '',
  'Fin',
  '', // the file's final line break, kept
].join('\n');

/** The text of the extension's status bar item (« Résolution · … »), '' when it is not shown. */
const statusLabel = async (s: Session) => {
  const item = s.page.locator('.statusbar-item', { hasText: /^\s*Résolution · / });
  return (await item.count()) ? (await item.first().innerText()).trim() : '';
};

async function waitForStatus(s: Session, accept: (label: string) => boolean, what: string, signal: AbortSignal): Promise<string> {
  let label = '';
  await pollUntil(async () => accept((label = await statusLabel(s))), TIMEOUTS.language, what, signal).catch((err: Error) => {
    err.message += ` (status bar item: « ${label} »)`;
    throw err;
  });
  return label;
}

/** Enter, then wait for the cursor where the continuation (a command in the extension host) puts it. */
async function enter(s: Session, line: number, column: number): Promise<void> {
  await s.page.keyboard.press('Enter');
  await s.waitForCursor(line, column);
}

test('the status bar item describes seed 000 and Enter continues « 1. » and « a) »', { timeout: SCENARIO_TIMEOUT }, async (t) => {
  // No suggest widget while typing: Enter must reach the continuation, not accept a suggestion.
  const settings = { 'editor.wordWrap': 'off', 'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' }, 'editor.suggestOnTriggerCharacters': false };
  await withSession('i-status-bar', { files: { [FILE]: TEXT }, settings }, async (s) => {
    await s.openFile(SEED);
    await s.waitForLanguageMode('UN Resolution');
    await s.waitForActivation();
    await s.waitForLanguageServer();
    const label = await waitForStatus(s, (l) => l === SEED_LABEL, `the status bar item « ${SEED_LABEL} »`, t.signal);
    assert.equal(label, SEED_LABEL);
    await s.screenshot('i-status-bar');

    await s.openFile(FILE);
    await s.waitForLanguageMode('UN Resolution');
    await waitForStatus(s, (l) => l.startsWith('Résolution · Assemblée générale · FR · 1 §'), 'the status bar item for enter.txt (1 §)', t.signal);

    // « 1. … » + Enter: a blank line and « 2. » (line 7, after « 2. »).
    await s.goToText('lui présenter un rapport ;');
    await s.page.keyboard.press('End');
    await s.waitForCursor(5, TEXT.split('\n')[4].length + 1);
    await enter(s, 7, 4);
    await s.page.keyboard.type('*Décide* de rester saisie de la question ;');

    // « a) … » + Enter: a blank line and « b) »; again « c) »; Enter on the bare « c) » removes it.
    await s.goToText('Sur la coopération ;');
    await s.page.keyboard.press('End');
    await s.waitForCursor(9, 'a) Sur la coopération ;'.length + 1);
    await enter(s, 11, 4);
    await s.page.keyboard.type('Sur la formation ;');
    await enter(s, 13, 4);
    assert.ok((await s.visibleLines()).some((l) => l.trimEnd() === 'c)'), 'Enter after « b) … » opens « c) »');
    await enter(s, 13, 1);
    await s.page.keyboard.type('Fin');

    await s.save();
    const saved = await s.waitForWorkspaceFile(FILE, (text) => text.trimEnd().endsWith('Fin'), 'the last line reads « Fin »', (text) => text);
    assert.equal(saved, EXPECTED, 'numbers and labels continued, the bare « c) » removed');
    await waitForStatus(s, (l) => l.startsWith('Résolution · Assemblée générale · FR · 2 §'), 'the status bar item counting 2 §', t.signal);
  }, t.signal);
});
