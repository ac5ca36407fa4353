// Inline control comments and .reslintrc.json: read the same way by the editor (lint, as the
// server calls it) and by reslint, on the same file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findConfig, loadConfig, mergeSettings, parseConfig } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import { rules } from '../../server/src/core/rules/index';
import { FIXTURES_DIR, readFixture, ROOT } from '../helpers';

const BIN = path.join(ROOT, 'server', 'out', 'reslint.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, '--format', 'json', ...args], { encoding: 'utf8' });
const cliFindings = (...args: string[]) => (JSON.parse(cli(...args).stdout)[0].diagnostics as { line: number; code: string }[]).map((d) => `${d.line}:${d.code}`).sort();

describe('inline control comments', () => {
  const fixture = readFixture(path.join(FIXTURES_DIR, 'fr-control-comments.resolution'));

  it('the fixture reports exactly its markers (the others are silenced)', () => {
    const actual = lint(fixture.text).findings.map((f) => `${f.range.start.line + 1}:${f.rule}`).sort();
    assert.deepEqual(actual, fixture.expected);
  });

  it('without the comments, the silenced findings come back', () => {
    const bare = fixture.text.replace(/<!--[^>]*-->/g, '');
    const rulesSeen = new Set(lint(bare).findings.map((f) => f.rule));
    for (const r of ['paragraph-numbering', 'operative-verb-italic', 'paragraph-punctuation', 'footnote-reused']) assert.ok(rulesSeen.has(r), r);
  });

  it('editor and CLI agree on the same file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'reslint-control-'));
    const file = path.join(dir, 'control.resolution');
    writeFileSync(file, fixture.text);
    assert.deepEqual(cliFindings('--no-config', file), fixture.expected);
  });

  it('a comment alone on its line does not break the paragraph structure', () => {
    const text = "L'Assemblée générale,\n<!-- note de la délégation -->\nRappelant sa résolution 46/152,\n\n1. *Décide* de faire ;\n<!-- reslint-disable-line -->\n2. *Prie* le Secrétaire général. <!-- fin -->";
    assert.deepEqual(lint(text).findings.map((f) => f.rule), []);
  });
});

describe('.reslintrc.json', () => {
  it('parses what it understands and names what it ignores', () => {
    const r = parseConfig('{ "language": "en", "profile": "security-council", "rules": { "operative-verb-italic": "off", "nope": "error", "footnote-order": "loud" }, "extra": 1 }');
    assert.ok(r.ok);
    assert.deepEqual(r.config, { language: 'en', profile: 'security-council', rules: { 'operative-verb-italic': 'off' } });
    assert.deepEqual(r.warnings, ['rules: unknown rule "nope"', 'rules.footnote-order: expected off, error, warning, information or hint', 'unknown key "extra"']);
    assert.equal(parseConfig('{ oops').ok, false);
    assert.equal(parseConfig('[1]').ok, false);
  });

  it('the nearest file at or above the document applies; later layers win', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'reslint-config-'));
    mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    writeFileSync(path.join(root, '.reslintrc.json'), '{ "rules": { "paragraph-numbering": "warning" } }');
    writeFileSync(path.join(root, 'a', '.reslintrc.json'), '{ "language": "en" }');
    assert.equal(findConfig(path.join(root, 'a', 'b')), path.join(root, 'a', '.reslintrc.json'));
    assert.equal(findConfig(root), path.join(root, '.reslintrc.json'));
    const merged = mergeSettings({ rules: { 'footnote-order': 'off' } }, (loadConfig(path.join(root, '.reslintrc.json')) as { config: object }).config);
    assert.deepEqual(merged.rules, { 'footnote-order': 'off', 'paragraph-numbering': 'warning' });
  });

  it('reslint applies it, --no-config ignores it, a broken one is a usage error', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'reslint-config-'));
    const file = path.join(root, 'doc.resolution');
    writeFileSync(file, "L'Assemblée générale,\n\nRappelant sa résolution 46/152,\n\n1. *Décide* de faire ;\n\n3. Prie le Secrétaire général.\n");
    assert.deepEqual(cliFindings(file), ['7:operative-verb-italic', '7:paragraph-numbering']);
    writeFileSync(path.join(root, '.reslintrc.json'), '{ "rules": { "operative-verb-italic": "off", "paragraph-numbering": "warning" } }');
    const configured = JSON.parse(cli(file).stdout)[0].diagnostics;
    assert.deepEqual(configured.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`), ['paragraph-numbering:warning']);
    assert.equal(cli(file).status, 0);
    assert.equal(cliFindings('--no-config', file).length, 2);
    writeFileSync(path.join(root, '.reslintrc.json'), '{ "rules": ');
    const broken = spawnSync(process.execPath, [BIN, file], { encoding: 'utf8' });
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /\.reslintrc\.json: invalid JSON/);
  });

  it('the JSON schema lists every rule id', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'reslintrc.schema.json'), 'utf8'));
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...rules.map((r) => r.id), 'control-comment'].sort());
  });
});
