// Scenario e: completion at the start of an operative paragraph. In a copy of seed 002, after
// paragraph 35, a blank line and « 36. » open the suggest widget; it lists the operative verbs
// (« Décide ») and, for a verb already used in the operative part (« Recommande », paragraph 8),
// its next step « Recommande également ». Accepting « Décide » writes « 36. *Décide* », in
// italics like the document's other verbs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCENARIO_TIMEOUT, lineOf, seedCopy, withSession } from './harness';

const FILE = '002_completion.txt';
const TEXT = seedCopy('002_767ec97c2a554405.txt', []);
const LAST = 'des adhésions à ces instruments.'; // end of paragraph 35, the last one
const LINE_35 = lineOf(TEXT, LAST);

test('completion after « 36. » offers « Décide » and « Recommande également » and inserts « *Décide* »', { timeout: SCENARIO_TIMEOUT }, async (t) => {
  assert.ok(TEXT.split('\n')[LINE_35 - 1].startsWith('35. '), 'paragraph 35 is where expected');
  // Enter stays a plain line break here: numbering continuation (a client feature) would type « 36. » itself.
  const settings = { 'unResolution.editor.continueNumbering': false };
  await withSession('e-seed-002-completion', { files: { [FILE]: TEXT }, settings }, async (s) => {
    await s.openFile(FILE);
    await s.waitForActivation();
    await s.waitForLanguageServer();
    // The server has analysed the document once its findings are listed.
    await s.waitForProblems((r) => r.some((x) => x.file === FILE && x.text.includes('footnote-reused')));

    // End of paragraph 35, a blank line, then « 36. » and a space (a trigger character).
    await s.goToText(LAST);
    await s.page.keyboard.press('ArrowRight'); // collapse the selection at its end, the end of paragraph 35
    await s.waitForCursor(LINE_35, TEXT.split('\n')[LINE_35 - 1].length + 1);
    await s.page.keyboard.press('Enter');
    await s.page.keyboard.press('Enter');
    await s.page.keyboard.type('36. ');
    await s.waitForSuggestions();

    const labels = await s.suggestionLabels();
    assert.ok(labels.includes('Décide'), `« Décide » among ${labels.length} suggestions: ${labels.slice(0, 30).join(' | ')}…`);
    assert.ok(labels.includes('Recommande également'), `« Recommande également » among the suggestions: ${labels.slice(0, 30).join(' | ')}…`);
    await s.screenshot('e-seed-002-completion');

    await s.acceptSuggestion('Décide', { filter: 'Déc', key: 'Enter' });
    await s.save();
    // The completion inserts « *Décide* » and a space, ready for the rest of the sentence.
    const line36 = (text: string) => text.split('\n')[LINE_35 + 1] ?? '';
    const saved = await s.waitForWorkspaceFile(FILE, (text) => line36(text).trimEnd() === '36. *Décide*', `line ${LINE_35 + 2} reads « 36. *Décide* »`, line36);
    assert.equal(saved.split('\n')[LINE_35], '', 'a blank line between paragraphs 35 and 36');
  }, t.signal);
});
