// Localisation: package.json's user-visible strings are %key% references resolved by
// package.nls.json (English) and package.nls.fr.json (French); the client's runtime strings go
// through vscode.l10n.t with their French in l10n/bundle.l10n.fr.json.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers';

const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
const pkg = json('package.json');
const nls: Record<string, Record<string, string>> = { en: json('package.nls.json'), fr: json('package.nls.fr.json') };

/** Every string of the manifest, with its JSON path. */
function strings(value: unknown, at = ''): Array<{ at: string; text: string }> {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  return [];
}

const references = strings(pkg).filter((s) => /^%[^%\s]+%$/.test(s.text)).map((s) => ({ ...s, key: s.text.slice(1, -1) }));
const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('package.json localisation (package.nls*.json)', () => {
  it('every %key% of package.json exists in both nls files', () => {
    for (const lang of ['en', 'fr']) {
      const missing = references.filter((r) => !(r.key in nls[lang])).map((r) => `${r.at}: %${r.key}%`);
      assert.deepEqual(missing, [], `missing from ${lang === 'en' ? 'package.nls.json' : 'package.nls.fr.json'}`);
    }
  });

  it('no key of the nls files is unused, and both files have the same keys', () => {
    const used = new Set(references.map((r) => r.key));
    for (const lang of ['en', 'fr']) assert.deepEqual(Object.keys(nls[lang]).filter((k) => !used.has(k)), [], `unused keys in ${lang}`);
    assert.deepEqual(Object.keys(nls.fr).sort(), Object.keys(nls.en).sort());
  });

  it('translations are non-empty and differ from the English where the text is a sentence', () => {
    for (const [key, en] of Object.entries(nls.en)) {
      assert.ok(en.trim(), `${key} is empty in English`);
      assert.ok(nls.fr[key]?.trim(), `${key} is empty in French`);
      if (en.split(' ').length > 3) assert.notEqual(nls.fr[key], en, `${key} is not translated`);
    }
  });

  it('user-visible texts are all references: display name, description, settings, commands', () => {
    const visible = strings(pkg).filter((s) =>
      /^(displayName|description)$/.test(s.at)
      || /^contributes\.configuration\.title$/.test(s.at)
      || /^contributes\.configuration\.properties\..+\.(description|markdownDescription|enumDescriptions\[\d+\]|deprecationMessage)$/.test(s.at)
      || /^contributes\.commands\[\d+\]\.(title|category)$/.test(s.at));
    assert.ok(visible.length >= 10, 'the paths above still match the manifest');
    assert.deepEqual(visible.filter((s) => !/^%[^%\s]+%$/.test(s.text)).map((s) => `${s.at}: ${s.text}`), []);
  });

  it('the settings and the Enter binding this issue adds are declared', () => {
    const props = pkg.contributes.configuration.properties;
    assert.equal(props['unResolution.editor.continueNumbering'].default, true);
    assert.deepEqual(props['unResolution.profile'].enum, ['general-assembly', 'security-council', 'draft', 'legacy']);
    assert.equal(props['unResolution.profile'].default, 'general-assembly');
    const enter = pkg.contributes.keybindings.find((k: { command: string }) => k.command === 'unResolution.onEnter');
    assert.equal(enter.key, 'enter');
    for (const clause of ['editorTextFocus', 'editorLangId == un-resolution', '!suggestWidgetVisible', '!editorHasMultipleSelections', '!inSnippetMode']) {
      assert.ok(enter.when.includes(clause), `when clause lacks ${clause}`);
    }
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.reslintrc.json', url: './schemas/reslintrc.schema.json' }]);
  });
});

describe('client runtime strings (l10n/)', () => {
  const sources = readdirSync(path.join(ROOT, 'client', 'src')).filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(path.join(ROOT, 'client', 'src', f), 'utf8'));
  const calls = sources.flatMap((s) => [...s.matchAll(/\bl10n\.t\(/g)].length);
  const messages = [...new Set(sources.flatMap((s) => [...s.matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1])))];
  const fr: Record<string, string> = json('l10n/bundle.l10n.fr.json');
  const source: Record<string, string> = json('l10n/bundle.l10n.json');

  it('package.json points VS Code at the l10n folder', () => {
    assert.equal(pkg.l10n, './l10n');
  });

  it('every l10n.t call takes a literal message, which has its French', () => {
    assert.equal(messages.length > 0, true);
    assert.equal(sources.reduce((n, s) => n + [...s.matchAll(/\bl10n\.t\(\s*'/g)].length, 0), calls.reduce((a, b) => a + b, 0), 'l10n.t with a non-literal message');
    assert.deepEqual(messages.filter((m) => !(m in fr)), [], 'missing from l10n/bundle.l10n.fr.json');
    assert.deepEqual(messages.filter((m) => !(m in source)), [], 'missing from l10n/bundle.l10n.json');
  });

  it('no unused message in the bundles; placeholders kept in French', () => {
    assert.deepEqual(Object.keys(fr).filter((k) => !messages.includes(k)), []);
    assert.deepEqual(Object.keys(source).filter((k) => !messages.includes(k)), []);
    for (const [key, text] of Object.entries(fr)) assert.deepEqual(placeholders(text), placeholders(key), key);
  });
});
