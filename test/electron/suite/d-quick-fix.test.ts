// Scenario d (as test/e2e/d-quick-fix.test.ts): in a copy of seed 002 with a roman « 4. Exhorte »,
// the diagnostic `operative-verb-italic` comes with the quick fix « Mettre « Exhorte » en
// italique », which writes « 4. *Exhorte* »; the diagnostic then goes away.
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Scratch, activeExtension, applyCodeAction, codeActions, lineIndexOf, openInEditor, published, ruleOf, seedCopy, waitForDiagnostics } from './helpers';

const FILE = 'd-002-exhorte-roman.txt';
const RULE = 'operative-verb-italic';

suite('d. quick fix', () => {
  const scratch = new Scratch();
  teardown(() => scratch.cleanUp());

  test('« Mettre « Exhorte » en italique » italicises the verb', async () => {
    const text = seedCopy('002_767ec97c2a554405.txt', [['4. *Exhorte*', '4. Exhorte']]);
    const line = lineIndexOf(text, '4. Exhorte');
    const uri = scratch.write(FILE, text);
    const editor = await openInEditor(uri);
    await activeExtension();

    const before = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === RULE), `a ${RULE} diagnostic`);
    const diagnostic = before.find((x) => ruleOf(x) === RULE)!;
    assert.equal(diagnostic.range.start.line, line, `${RULE} on line ${line + 1}`);
    assert.equal(editor.document.getText(diagnostic.range), 'Exhorte', 'the diagnostic covers the verb');

    const actions = await codeActions(uri, diagnostic.range);
    const fix = actions.find((a) => /^Mettre\s*«\s*Exhorte\s*»\s*en italique$/.test(a.title));
    assert.ok(fix, `quick fix offered; got: ${actions.map((a) => a.title).join(' | ') || '(none)'}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `a quick fix (kind ${fix.kind?.value})`);
    await applyCodeAction(fix);

    assert.ok(editor.document.lineAt(line).text.startsWith('4. *Exhorte* les États Membres'), `line ${line + 1}: ${editor.document.lineAt(line).text.slice(0, 40)}…`);
    assert.equal(editor.document.getText(), text.replace('4. Exhorte', '4. *Exhorte*'), 'nothing else changed');
    await waitForDiagnostics(uri, (d) => published(d) && !d.some((x) => ruleOf(x) === RULE), `the ${RULE} diagnostic gone`);
    assert.ok(await editor.document.save(), 'saved');
  });
});
