// Scenario g: inline control comments and .reslintrc.json change what is reported.
//   1. A copy of seed 002 with a numbering gap (« 3. » became « 4. ») lists `paragraph-numbering`;
//      typing `<!-- reslint-disable-next-line paragraph-numbering -->` on the line before that
//      paragraph and saving removes the row.
//   2. The workspace root's .reslintrc.json (written before the workbench opens, so that nothing
//      depends on file watching) turns `operative-verb-italic` off: a copy of seed 002 with a roman
//      « 4. Exhorte » has no such row. Control: the same text under strict/, whose nearer
//      .reslintrc.json makes the rule an error, does get the row.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCENARIO_TIMEOUT, TIMEOUTS, lineOf, pollUntil, seedCopy, withSession, type ProblemRow } from './harness';

const SEED = '002_767ec97c2a554405.txt';
const GAP_FILE = '002_numbering-gap.txt';
const GAP_TEXT = seedCopy(SEED, [['3. *Note avec satisfaction*', '4. *Note avec satisfaction*']]);
const GAP_PARAGRAPH = '4. *Note avec satisfaction*';
const GAP_LINE = lineOf(GAP_TEXT, GAP_PARAGRAPH);
const COMMENT = '<!-- reslint-disable-next-line paragraph-numbering -->';

const ROMAN_TEXT = seedCopy(SEED, [['4. *Exhorte*', '4. Exhorte']]);
const ROMAN_FILE = '002_exhorte-roman.txt';
const STRICT_FILE = '002_exhorte-roman-strict.txt';

const rowsOf = (rows: ProblemRow[], file: string, rule: string) => rows.filter((r) => r.file === file && r.text.includes(rule));
// The seed's own findings (four « footnote-reused » infos) show that the server has published for a file.
const published = (rows: ProblemRow[], file: string) => rowsOf(rows, file, 'footnote-reused').length > 0;

test('a disable-next-line comment and .reslintrc.json silence rules', { timeout: SCENARIO_TIMEOUT }, async (t) => {
  const files = {
    [GAP_FILE]: GAP_TEXT,
    [ROMAN_FILE]: ROMAN_TEXT,
    '.reslintrc.json': `${JSON.stringify({ rules: { 'operative-verb-italic': 'off' } }, null, 2)}\n`,
    [`strict/${STRICT_FILE}`]: ROMAN_TEXT,
    'strict/.reslintrc.json': `${JSON.stringify({ rules: { 'operative-verb-italic': 'error' } }, null, 2)}\n`,
  };
  await withSession('g-seed-002-config', { files }, async (s) => {
    // 1. The inline control comment.
    await s.openFile(GAP_FILE);
    await s.waitForActivation();
    const before = await s.waitForProblems(
      (r) => rowsOf(r, GAP_FILE, 'paragraph-numbering').some((x) => x.line === GAP_LINE),
      undefined,
      `a « paragraph-numbering » row on line ${GAP_LINE}`,
    );
    assert.equal(rowsOf(before, GAP_FILE, 'paragraph-numbering').length, 1, 'one paragraph-numbering row');

    await s.goToText(GAP_PARAGRAPH);
    await s.page.keyboard.press('ArrowLeft'); // collapse the selection at the start of the line
    await s.waitForCursor(GAP_LINE, 1);
    await s.page.keyboard.type(COMMENT);
    await s.page.keyboard.press('Enter'); // the Enter command runs in the extension host: wait for its line break
    await pollUntil(async () => (await s.visibleLines()).includes(COMMENT), TIMEOUTS.ui, 'the control comment on a line of its own');
    await s.save();
    const around = (text: string) => text.split('\n').slice(GAP_LINE - 2, GAP_LINE + 1).join('\n');
    await s.waitForWorkspaceFile(
      GAP_FILE,
      (text) => { const l = text.split('\n'); return l[GAP_LINE - 1] === COMMENT && l[GAP_LINE].startsWith(GAP_PARAGRAPH); },
      `line ${GAP_LINE} is the control comment, line ${GAP_LINE + 1} the paragraph`,
      around,
    );
    await s.waitForProblems(
      (r) => rowsOf(r, GAP_FILE, 'paragraph-numbering').length === 0 && published(r, GAP_FILE),
      undefined,
      'the « paragraph-numbering » row gone',
    );
    await s.runCommand('View: Close All Editors');

    // 2. .reslintrc.json — first the control in strict/, where the rule is an error…
    await s.openFile(`strict/${STRICT_FILE}`);
    const strict = await s.waitForProblems(
      (r) => rowsOf(r, STRICT_FILE, 'operative-verb-italic').length > 0,
      undefined,
      `an « operative-verb-italic » row for strict/${STRICT_FILE}`,
    );
    assert.equal(rowsOf(strict, STRICT_FILE, 'operative-verb-italic')[0].severity, 'error', 'strict/.reslintrc.json makes it an error');
    await s.runCommand('View: Close All Editors');

    // …then the root, where it is off.
    await s.openFile(ROMAN_FILE);
    const rows = await s.waitForProblems((r) => published(r, ROMAN_FILE), undefined, `the findings for ${ROMAN_FILE}`);
    assert.deepEqual(rowsOf(rows, ROMAN_FILE, 'operative-verb-italic').map((r) => r.text), [], 'no operative-verb-italic row under the root .reslintrc.json');
    await s.goToText('4. Exhorte');
    await s.screenshot('g-seed-002-config');
  }, t.signal);
});
