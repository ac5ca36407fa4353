// Scenario d: the lightbulb's quick fix italicises an operative verb. In a copy of seed 002 whose
// paragraph 4 opens with a roman « Exhorte », the Problems panel lists `operative-verb-italic`;
// from that row, Control+. offers « Mettre « Exhorte » en italique », which writes « 4. *Exhorte* »
// and the problem goes away.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCENARIO_TIMEOUT, lineOf, seedCopy, withSession, type ProblemRow } from './harness';

const RULE = 'operative-verb-italic';
const FILE = '002_exhorte-roman.txt';
const TEXT = seedCopy('002_767ec97c2a554405.txt', [['4. *Exhorte*', '4. Exhorte']]);
const LINE = lineOf(TEXT, '4. Exhorte');
// The seed's own findings (four « footnote-reused » infos) show that the server has published for the file.
const published = (rows: ProblemRow[]) => rows.some((r) => r.file === FILE && r.text.includes('footnote-reused'));
const italicRow = (rows: ProblemRow[]) => rows.find((r) => r.file === FILE && r.text.includes(RULE));

test('the quick fix « Mettre « Exhorte » en italique » italicises the verb', { timeout: SCENARIO_TIMEOUT }, async (t) => {
  await withSession('d-seed-002-quick-fix', { files: { [FILE]: TEXT } }, async (s) => {
    await s.openFile(FILE);
    await s.waitForActivation();
    const rows = await s.waitForProblems((r) => italicRow(r) !== undefined, undefined, `a Problems row « ${RULE} »`);
    const row = italicRow(rows)!;
    assert.equal(row.line, LINE, `${RULE} on line ${LINE}: ${row.text}`);
    assert.match(row.text, /Exhorte/, 'the message names the verb');
    assert.equal(rows.filter((r) => r.text.includes(RULE)).length, 1, 'one operative-verb-italic row');

    // Cursor on the problem (click its row), then the quick fixes (Control+.).
    await s.clickProblem(RULE);
    const offered = await s.applyQuickFix(/Mettre\s*«\s*Exhorte\s*»\s*en italique/);
    assert.ok(offered.length >= 1, `quick fixes offered: ${offered.join(' | ')}`);

    await s.waitForProblems((r) => italicRow(r) === undefined && published(r), undefined, `the « ${RULE} » row gone`);
    await s.save();
    const lineOfFix = (text: string) => text.split('\n')[LINE - 1] ?? '';
    const saved = await s.waitForWorkspaceFile(FILE, (text) => lineOfFix(text).startsWith('4. *Exhorte* les États Membres'), `line ${LINE} reads « 4. *Exhorte* les États Membres… »`, (text) => lineOfFix(text).slice(0, 80));
    assert.equal(saved, TEXT.replace('4. Exhorte', '4. *Exhorte*'), 'nothing else changed');
    await s.screenshot('d-seed-002-quick-fix');
  }, t.signal);
});
