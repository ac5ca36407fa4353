// Scenario b: a copy of seed 002 with two defects — a gap in the operative numbering and a
// preambular paragraph opened by an operative verb. The server reports them as
// `paragraph-numbering` and `preamble-opener`, with French messages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SCENARIO_TIMEOUT, SEEDS, withSession, type ProblemRow } from './harness';

const NUMBERING_RULE = 'paragraph-numbering';
const OPENER_RULE = 'preamble-opener';
const FILE = '002_defective.txt';

function defectiveCopy(): { text: string; numberingLine: number; openerLine: number } {
  const seed = readFileSync(join(SEEDS, '002_767ec97c2a554405.txt'), 'utf8');
  const swap = (text: string, from: string, to: string) => {
    assert.equal(text.split(from).length, 2, `seed 002 contains « ${from} » exactly once`);
    return text.replace(from, to);
  };
  let text = swap(seed, '3. *Note avec satisfaction*', '4. *Note avec satisfaction*'); // 1, 2, 4, 4, 5 …
  text = swap(text, "Rappelant l'adoption", "Rappelle l'adoption");
  const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
  return { text, numberingLine: lineOf('4. *Note avec satisfaction*'), openerLine: lineOf("Rappelle l'adoption") };
}

/** French, judged from its characters and small words (the rule ids themselves are English). */
const looksFrench = (s: string) => /[«»éèêàçù]|\b(le|la|les|du|des|un|une|est|au|aux)\b/i.test(s);

test('a numbering gap and a wrong preambular opener are listed in the Problems panel', { timeout: SCENARIO_TIMEOUT }, async (t) => {
  const { text, numberingLine, openerLine } = defectiveCopy();
  await withSession('b-seed-002-defects', { files: { [FILE]: text } }, async (s) => {
    await s.openFile(FILE);
    await s.waitForActivation();
    const has = (rows: ProblemRow[], rule: string, line: number) => rows.some((r) => r.file === FILE && r.text.includes(rule) && r.line === line);
    const rows = await s.waitForProblems(
      (r) => has(r, NUMBERING_RULE, numberingLine) && has(r, OPENER_RULE, openerLine),
      undefined,
      `Problems rows « ${NUMBERING_RULE} » on line ${numberingLine} and « ${OPENER_RULE} » on line ${openerLine}`,
    );
    for (const rule of [NUMBERING_RULE, OPENER_RULE]) {
      const row = rows.find((r) => r.text.includes(rule))!;
      const message = row.text.split(rule)[0];
      assert.ok(looksFrench(message), `French message for ${rule}: ${row.text}`);
      assert.ok(row.severity === 'error' || row.severity === 'warning', `${rule} is an error or a warning: ${row.severity}`);
    }
    await s.screenshot('b-seed-002-defects');
  }, t.signal);
});
