// Every quick fix applied to its fixture removes its diagnostic and introduces none;
// « fix all » leaves only what has no safe fix.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, codeActions, fixAll, isRenumberable } from '../../server/src/core/features/code-actions';
import { renumber } from '../../server/src/core/features/renumber';
import { lint } from '../../server/src/core/lint';
import { splitLines } from '../../server/src/core/model/text';
import type { Finding } from '../../server/src/core/rules/types';
import { fixtureFiles, readFixture } from '../helpers';

const key = (f: Finding) => `${f.rule} ${f.message}`;

function multisetMinus(a: string[], b: string[]): string[] {
  const rest = [...a];
  for (const x of b) { const i = rest.indexOf(x); if (i >= 0) rest.splice(i, 1); }
  return rest;
}

describe('quick fixes', () => {
  let checked = 0;
  for (const file of fixtureFiles()) {
    const { name, text, options } = readFixture(file);
    const before = lint(text, options).findings;
    before.forEach((finding) => {
      finding.fixes?.forEach((fix) => {
        it(`${name}: « ${fix.title} » fixes ${finding.rule} on line ${finding.range.start.line + 1}`, () => {
          checked++;
          const fixed = applyEdits(splitLines(text), fix.edits);
          const after = lint(fixed, options).findings;
          const remaining = multisetMinus(before.map(key), [key(finding)]);
          // Renumbered messages aside, nothing new appears and the fixed finding is gone.
          const introduced = multisetMinus(after.map(key), remaining);
          if (fix.safe) assert.deepEqual(introduced, [], `new findings after the fix:\n${introduced.join('\n')}`);
          else assert.ok(!after.some((f) => f.rule === finding.rule && f.range.start.line === finding.range.start.line && f.message === finding.message) || after.length <= before.length);
          assert.ok(after.length < before.length, 'the fix removes a finding');
        });
      });
    });
  }

  it('fix all applies every safe fix at once without new findings', () => {
    for (const file of fixtureFiles()) {
      const { text, options } = readFixture(file);
      const before = lint(text, options).findings;
      const { edits, findings } = fixAll(before);
      if (!edits.length) continue;
      const after = lint(applyEdits(splitLines(text), edits), options).findings;
      assert.deepEqual(multisetMinus(after.map(key), multisetMinus(before.map(key), findings.map(key))), []);
      assert.equal(after.length, before.length - findings.length);
    }
  });

  it('numbering problems are offered the renumbering, which settles them and introduces nothing', () => {
    let offered = 0;
    for (const file of fixtureFiles()) {
      const { name, text, options } = readFixture(file);
      const { doc, findings } = lint(text, options);
      const targets = findings.filter(isRenumberable);
      if (!targets.length) continue;
      // Renumbering leaves footnotes alone when it cannot tell their order (a note never called): nothing to offer then.
      const possible = renumber(doc).edits.length > 0;
      for (const f of targets) {
        const plan = codeActions(findings, f.range, doc.lang, doc).find((p) => /^(Renuméroter|Renumber)/.test(p.title));
        if (!possible) { assert.equal(plan, undefined); continue; }
        assert.ok(plan, `${name}:${f.range.start.line + 1} ${f.rule}: no renumbering offered`);
        offered++;
        const after = lint(applyEdits(splitLines(text), plan.edits), options).findings;
        assert.deepEqual(after.filter(isRenumberable).map(key), [], `${name}: numbering problems left after renumbering`);
        // Messages name paragraph numbers, which renumbering changes: compare rule and line.
        const where = (x: Finding) => `${x.rule} ${x.range.start.line}`;
        const introduced = multisetMinus(after.filter((x) => !isRenumberable(x)).map(where), findings.filter((x) => !isRenumberable(x)).map(where));
        assert.deepEqual(introduced, [], `${name}: new findings after renumbering`);
      }
    }
    assert.ok(offered >= 4, `renumbering offered only ${offered} times`);
  });

  it('fixture set exercises fixes', () => assert.ok(checked >= 8, `only ${checked} fixes exercised`));
});
