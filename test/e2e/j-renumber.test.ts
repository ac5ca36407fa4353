// Scenario j: « Renumber paragraphs and footnotes » from the command palette. A copy of seed 002
// with a paragraph « 5 bis. » inserted after paragraph 5 lists `draft-markup`; the command turns
// « 5 bis. » into « 6. », the old 6–35 into 7–36, and rewrites « au paragraphe 34 ci-dessus » (in
// old paragraph 35) into « au paragraphe 35 ci-dessus », so the reference still names the same
// paragraph; the row goes away.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCENARIO_TIMEOUT, seedCopy, withSession, type ProblemRow } from './harness';

const FILE = '002_cinq-bis.txt';
const INSERTED = "*Encourage* les États Membres à échanger leurs données d'expérience ;";
const TEXT = seedCopy('002_767ec97c2a554405.txt', [['6. *Prend note avec satisfaction*', `5 bis. ${INSERTED}\n\n6. *Prend note avec satisfaction*`]]);
const published = (rows: ProblemRow[]) => rows.some((r) => r.file === FILE && r.text.includes('footnote-reused'));
const bisRow = (rows: ProblemRow[]) => rows.find((r) => r.file === FILE && r.text.includes('draft-markup'));

test('the renumbering command renumbers « 5 bis. » and the reference « paragraphe 34 ci-dessus »', { timeout: SCENARIO_TIMEOUT }, async (t) => {
  await withSession('j-renumber', { files: { [FILE]: TEXT } }, async (s) => {
    await s.openFile(FILE);
    await s.waitForActivation();
    const rows = await s.waitForProblems((r) => bisRow(r) !== undefined, undefined, 'a Problems row « draft-markup »');
    assert.match(bisRow(rows)!.text, /5 bis/);

    await s.focusEditor();
    await s.runCommand('Renumber paragraphs and footnotes');
    await s.waitForProblems((r) => bisRow(r) === undefined && published(r), undefined, 'the « draft-markup » row gone');
    await s.save();
    const saved = await s.waitForWorkspaceFile(FILE, (text) => text.includes(`6. ${INSERTED}`), `« 6. ${INSERTED.slice(0, 20)}… »`, (text) => text.split('\n').find((l) => l.includes('Encourage les États Membres à échanger')) ?? '');
    const expected = TEXT
      .replace(/^(\d+)\. /gm, (m, n: string) => (Number(n) >= 6 && Number(n) <= 35 ? `${Number(n) + 1}. ` : m))
      .replace(`5 bis. ${INSERTED}`, `6. ${INSERTED}`)
      .replace('au paragraphe 34 ci-dessus', 'au paragraphe 35 ci-dessus');
    assert.equal(saved, expected, 'paragraphs 6–36 and the reference renumbered, nothing else changed');
    await s.goToText(`6. ${INSERTED.slice(0, 12)}`);
    await s.screenshot('j-renumber');
  }, t.signal);
});
