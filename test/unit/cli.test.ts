// reslint, run as a user runs it: the built bin, real files, exit codes and both formats.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES_DIR, readFixture, ROOT, SEEDS } from '../helpers';

const BIN = path.join(ROOT, 'server', 'out', 'reslint.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const tmp = mkdtempSync(path.join(tmpdir(), 'reslint-'));

describe('reslint CLI', () => {
  it('the seeds: exit 0, and no error or warning in JSON', () => {
    const r = run('--format', 'json', ...SEEDS);
    assert.equal(r.status, 0, r.stderr);
    const files = JSON.parse(r.stdout) as { file: string; diagnostics: { severity: string }[] }[];
    assert.equal(files.length, 5);
    for (const f of files) assert.deepEqual(f.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'), []);
  });

  it('a defective text: exit 1, one text line per finding with 1-based positions', () => {
    const fixture = readFixture(path.join(FIXTURES_DIR, 'fr-structure.resolution'));
    const file = path.join(tmp, 'defective.resolution');
    writeFileSync(file, fixture.text);
    const r = run(file);
    assert.equal(r.status, 1);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, fixture.expected.length);
    assert.ok(lines.includes(`${file}:29:1 error paragraph-numbering Le paragraphe 4 suit le paragraphe 2 : numéro attendu 3`), r.stdout);
    const json = JSON.parse(run('--format=json', file).stdout)[0];
    const d = json.diagnostics.find((x: { code: string }) => x.code === 'paragraph-numbering');
    assert.deepEqual([d.line, d.column, d.endLine, d.endColumn, d.severity], [29, 1, 29, 2, 'error']);
  });

  it('--language en gives English messages', () => {
    const file = path.join(tmp, 'lang.resolution');
    writeFileSync(file, "L'Assemblée générale,\n\nRappelant sa résolution 46/152,\n\n1. *Décide* de rester saisie de la question ;\n\n3. *Prie* le Secrétaire général de faire rapport.\n");
    assert.match(run('--language', 'en', file).stdout, /Paragraph 3 follows paragraph 1: expected 2/);
    assert.match(run(file).stdout, /Le paragraphe 3 suit le paragraphe 1 : numéro attendu 2/);
  });

  it('binary, non-UTF-8, missing files and bad options: exit 2 with a one-line message', () => {
    const bin = path.join(tmp, 'image.resolution');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]));
    const latin1 = path.join(tmp, 'latin1.resolution');
    writeFileSync(latin1, Buffer.from('R\xe9solution adopt\xe9e', 'latin1'));
    for (const [args, pattern] of [
      [[bin], /image\.resolution: binary file/],
      [[latin1], /latin1\.resolution: not valid UTF-8/],
      [[path.join(tmp, 'nope.resolution')], /nope\.resolution: cannot read \(ENOENT\)/],
      [['--format', 'xml', latin1], /--format takes text or json/],
      [[], /no file given/],
      [['--bogus', latin1], /unknown option --bogus/],
    ] as const) {
      const r = run(...args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, pattern);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('a 10 MB compendium is checked whole, with no size notice', () => {
    const file = path.join(tmp, 'compendium.resolution');
    const seeds = SEEDS.map((f) => readFileSync(f, 'utf8')).join('\n\n');
    let big = '';
    while (big.length < 10_000_000) big += seeds + '\n\n';
    writeFileSync(file, big);
    const r = spawnSync(process.execPath, [BIN, '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.notEqual(r.status, 2, r.stderr);
    const codes = new Set(JSON.parse(r.stdout)[0].diagnostics.map((d: { code: string }) => d.code));
    assert.ok(!codes.has('document-size'));
  });

  it('a readable file still gets its findings when another file is unreadable', () => {
    const good = path.join(tmp, 'good.resolution');
    writeFileSync(good, "L'Assemblée générale,\n\nRappelant sa résolution 46/152,\n\n*Décide* de rester saisie de la question.\n");
    const r = run(good, path.join(tmp, 'missing.resolution'));
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
  });
});
