// Scenario b (as test/e2e/b-defects.test.ts): a copy of seed 002 with a numbering gap (« 3. »
// became « 4. ») and a preambular paragraph opened by « Rappelle » gets the diagnostics
// `paragraph-numbering` and `preamble-opener` on those lines, with French messages.
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Scratch, activeExtension, lineIndexOf, openInEditor, ruleOf, seedCopy, waitForDiagnostics } from './helpers';

const FILE = 'b-002-defects.txt';
const looksFrench = (s: string) => /[«»éèêàçù]|\b(le|la|les|du|des|un|une|est|au|aux)\b/i.test(s);

suite('b. defects in a copy of seed 002', () => {
  const scratch = new Scratch();
  teardown(() => scratch.cleanUp());

  test('a numbering gap and a wrong preambular opener are reported, in French', async () => {
    const text = seedCopy('002_767ec97c2a554405.txt', [
      ['3. *Note avec satisfaction*', '4. *Note avec satisfaction*'],
      ["Rappelant l'adoption", "Rappelle l'adoption"],
    ]);
    const numberingLine = lineIndexOf(text, '4. *Note avec satisfaction*');
    const openerLine = lineIndexOf(text, "Rappelle l'adoption");
    const uri = scratch.write(FILE, text);
    await openInEditor(uri);
    await activeExtension();

    const at = (d: vscode.Diagnostic[], rule: string, line: number) => d.find((x) => ruleOf(x) === rule && x.range.start.line === line);
    const diagnostics = await waitForDiagnostics(
      uri,
      (d) => !!at(d, 'paragraph-numbering', numberingLine) && !!at(d, 'preamble-opener', openerLine),
      `paragraph-numbering on line ${numberingLine + 1} and preamble-opener on line ${openerLine + 1}`,
    );
    for (const [rule, line] of [['paragraph-numbering', numberingLine], ['preamble-opener', openerLine]] as const) {
      const d = at(diagnostics, rule, line)!;
      assert.ok(looksFrench(d.message), `French message for ${rule}: ${d.message}`);
      assert.ok(d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning, `${rule} is an error or a warning`);
    }
  });
});
