// Scenario f: a snippet expands. In an empty `new.resolution` (an un-resolution document by its
// extension), typing `res-ga-fr` offers the snippet « Résolution de l’Assemblée générale »; Tab
// accepts it and the editor holds a General Assembly skeleton: « *L'Assemblée générale,* »,
// numbered operative paragraphs from « 1. ».
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCENARIO_TIMEOUT, withSession } from './harness';

const FILE = 'new.resolution';
const PREFIX = 'res-ga-fr';

test('the snippet res-ga-fr expands into a General Assembly resolution', { timeout: SCENARIO_TIMEOUT }, async (t) => {
  await withSession('f-snippet-res-ga-fr', { files: { [FILE]: '' } }, async (s) => {
    await s.openFile(FILE);
    await s.waitForLanguageMode('UN Resolution');
    await s.waitForActivation();
    await s.focusEditor();
    await s.page.keyboard.type(PREFIX);
    await s.waitForSuggestions();
    await s.acceptSuggestion(PREFIX, { key: 'Tab' });

    // What the drafter sees (the whole skeleton fits on the screen)…
    const shown = await s.visibleLines();
    assert.ok(shown.some((l) => l.trim() === "*L'Assemblée générale,*"), `editor shows « *L'Assemblée générale,* »:\n${shown.join('\n')}`);
    assert.ok(shown.some((l) => l.startsWith('1. ')), `editor shows a paragraph « 1. »:\n${shown.join('\n')}`);
    await s.screenshot('f-snippet-res-ga-fr');

    // …and what is saved (leave the snippet's placeholders first).
    await s.page.keyboard.press('Escape');
    await s.save();
    const text = await s.waitForWorkspaceFile(FILE, (t) => t.includes("*L'Assemblée générale,*"), "the skeleton with « *L'Assemblée générale,* »");
    assert.ok(!text.includes(PREFIX), 'the prefix was replaced');
    const lines = text.split('\n');
    assert.ok(lines.includes("*L'Assemblée générale,*"), `saved text has « *L'Assemblée générale,* »:\n${text}`);
    const ops = lines.filter((l) => /^\d+\. \*/.test(l)).map((l) => l.split(' ')[0]);
    assert.deepEqual(ops, ['1.', '2.', '3.'], 'operative paragraphs 1. to 3.');
    assert.ok(lines.indexOf("*L'Assemblée générale,*") < lines.findIndex((l) => l.startsWith('1. ')), 'organ line before paragraph 1');
  }, t.signal);
});
