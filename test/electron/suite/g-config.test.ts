// Scenario g (as test/e2e/g-config.test.ts): inline control comments and configuration change
// what is reported.
//   1. A copy of seed 002 with a numbering gap has `paragraph-numbering`; the line
//      `<!-- reslint-disable-next-line paragraph-numbering -->` before that paragraph removes it.
//   2. The setting unResolution.rules (workspace.getConfiguration) changes a rule's severity.
//   3. A .reslintrc.json at the workspace root, written before the document is opened (so that
//      nothing depends on file watching), turns `operative-verb-italic` off for a copy with a roman
//      « 4. Exhorte »; the same text under strict/, whose nearer .reslintrc.json makes the rule an
//      error, gets it.
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Scratch, activeExtension, lineIndexOf, openInEditor, published, ruleOf, seedCopy, waitForDiagnostics } from './helpers';

const SEED = '002_767ec97c2a554405.txt';
const COMMENT = '<!-- reslint-disable-next-line paragraph-numbering -->';
const rule = (d: vscode.Diagnostic[], id: string) => d.filter((x) => ruleOf(x) === id);

suite('g. control comments and configuration', () => {
  const scratch = new Scratch();
  teardown(async () => {
    await vscode.workspace.getConfiguration('unResolution').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await scratch.cleanUp();
  });

  test('reslint-disable-next-line silences paragraph-numbering on the next paragraph', async () => {
    const text = seedCopy(SEED, [['3. *Note avec satisfaction*', '4. *Note avec satisfaction*']]);
    const line = lineIndexOf(text, '4. *Note avec satisfaction*');
    const uri = scratch.write('g-002-numbering-gap.txt', text);
    const editor = await openInEditor(uri);
    await activeExtension();
    await waitForDiagnostics(uri, (d) => rule(d, 'paragraph-numbering').some((x) => x.range.start.line === line), `paragraph-numbering on line ${line + 1}`);

    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, 0), `${COMMENT}\n`)), 'comment inserted');
    assert.ok(await editor.document.save(), 'saved');
    await waitForDiagnostics(uri, (d) => published(d) && rule(d, 'paragraph-numbering').length === 0, 'paragraph-numbering gone');
    assert.equal(editor.document.lineAt(line).text, COMMENT);
  });

  test('unResolution.rules changes the severity of a rule', async () => {
    const uri = scratch.write('g-002-settings.txt', seedCopy(SEED, []));
    await openInEditor(uri);
    await activeExtension();
    const infos = await waitForDiagnostics(uri, published, 'the seed\'s footnote-reused diagnostics');
    assert.ok(rule(infos, 'footnote-reused').every((d) => d.severity === vscode.DiagnosticSeverity.Information), 'footnote-reused is information by default');

    await vscode.workspace.getConfiguration('unResolution').update('rules', { 'footnote-reused': 'warning' }, vscode.ConfigurationTarget.Workspace);
    assert.deepEqual(vscode.workspace.getConfiguration('unResolution').get('rules'), { 'footnote-reused': 'warning' });
    await waitForDiagnostics(
      uri,
      (d) => rule(d, 'footnote-reused').length > 0 && rule(d, 'footnote-reused').every((x) => x.severity === vscode.DiagnosticSeverity.Warning),
      'footnote-reused as warnings',
    );
  });

  test('.reslintrc.json turns operative-verb-italic off; a nearer one makes it an error', async () => {
    const text = seedCopy(SEED, [['4. *Exhorte*', '4. Exhorte']]);
    scratch.write('.reslintrc.json', `${JSON.stringify({ rules: { 'operative-verb-italic': 'off' } }, null, 2)}\n`);
    scratch.write('g-strict/.reslintrc.json', `${JSON.stringify({ rules: { 'operative-verb-italic': 'error' } }, null, 2)}\n`);
    const strict = scratch.write('g-strict/g-002-exhorte-roman-strict.txt', text);
    const root = scratch.write('g-002-exhorte-roman.txt', text);

    await openInEditor(strict);
    await activeExtension();
    const control = await waitForDiagnostics(strict, (d) => rule(d, 'operative-verb-italic').length > 0, 'operative-verb-italic under g-strict/');
    assert.equal(rule(control, 'operative-verb-italic')[0].severity, vscode.DiagnosticSeverity.Error, 'g-strict/.reslintrc.json makes it an error');

    await openInEditor(root);
    const silenced = await waitForDiagnostics(root, published, 'the findings for the copy at the root');
    assert.deepEqual(rule(silenced, 'operative-verb-italic'), [], 'no operative-verb-italic under the root .reslintrc.json');
  });
});
