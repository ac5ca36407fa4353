// reslint, run as a user runs it: the built bin, real files, exit codes and both formats.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { shippedIndex } from '../../server/src/core/citations/shipped';
import { fixAll } from '../../server/src/core/features/code-actions';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/model/parse';
import { FIXTURES_DIR, fixtureFiles, readFixture, ROOT, SEEDS } from '../helpers';

const BIN = path.join(ROOT, 'server', 'out', 'reslint.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const tmp = mkdtempSync(path.join(tmpdir(), 'reslint-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

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

  it('a 10 MB compendium is checked to the end (streamed), with no size notice', () => {
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

// ---- reslint --fix ---------------------------------------------------------------------------

/** The fixture's text (markers removed) with the lint options of its .options.json. */
const fixtureText = (name: string) => readFixture(path.join(FIXTURES_DIR, name));
const runIn = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
/** A fresh folder holding `name` with `text` (and the fixture's options as its .reslintrc.json). */
function scratch(name: string, text: string | Buffer, options: object = {}): string {
  const dir = mkdtempSync(path.join(tmp, 'fix-'));
  writeFileSync(path.join(dir, '.reslintrc.json'), JSON.stringify(options));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}
const findingLines = (stdout: string) => stdout.split('\n').filter((l) => /^\S.*:\d+:\d+ (error|warning|information|hint) /.test(l));
/** Lines with their terminators, as reslint splits them. */
function withEols(text: string): [line: string, eol: string][] {
  const parts = text.split(/(\r\n|\n|\r)/);
  const out: [string, string][] = [];
  for (let i = 0; i < parts.length; i += 2) out.push([parts[i], parts[i + 1] ?? '']);
  return out;
}

describe('reslint --fix', () => {
  const withFixes = fixtureFiles().map((f) => readFixture(f)).filter((f) => fixAll(lint(f.text, f.options).findings).edits.length > 0);

  it('the fixtures with safe fixes are many', () => assert.ok(withFixes.length >= 8, `${withFixes.length} fixtures`));

  for (const fixture of withFixes) {
    it(`${fixture.name}: writes every safe fix, then reports exactly what remains`, () => {
      const file = scratch(fixture.name, fixture.text, fixture.options);
      const before = findingLines(run(file).stdout);
      const r = run('--fix', file);
      const after = readFileSync(file, 'utf8');
      assert.notEqual(after, fixture.text, 'the file was rewritten');
      // No safe fix is left (checked as reslint checks: with the index, the file itself in it).
      const index = shippedIndex();
      index.addDocument(pathToFileURL(file).toString(), parse(after, fixture.options));
      const left = lint(after, { ...fixture.options, index }).findings;
      assert.deepEqual(fixAll(left).findings.map((f) => `${f.range.start.line + 1} ${f.rule}`), [], 'safe fixes left');
      assert.ok(left.length < before.length);
      // What --fix prints is what a fresh check of the fixed file prints, with the same exit code.
      const again = run(file);
      assert.deepEqual(findingLines(r.stdout), findingLines(again.stdout));
      assert.equal(r.status, again.status, r.stderr);
      const summary = r.stdout.trim().split('\n').at(-1)!;
      const fixed = Number(/^(\d+) problems? fixed in 1 file; /.exec(summary)?.[1]);
      assert.ok(fixed >= before.length - left.length && fixed > 0, summary);
      assert.match(summary, left.length ? new RegExp(`; ${left.length} problems? remains? \\(`) : /; nothing remains$/);
    });
  }

  it('fr-structure: the fixed lines read as they should, the others are untouched', () => {
    const { text } = fixtureText('fr-structure.resolution');
    const file = scratch('fr-structure.resolution', text);
    const r = run('--fix', file);
    assert.equal(r.status, 1, 'two errors without a safe fix remain');
    const before = text.split('\n');
    const after = readFileSync(file, 'utf8').split('\n');
    assert.equal(after.length, before.length);
    const changed = after.map((l, i) => (l === before[i] ? undefined : i + 1)).filter((i) => i !== undefined);
    assert.deepEqual(changed, [19, 21, 31, 33, 37, 39]);
    assert.match(after[18], /^Rappelant l'adoption de sa résolution 65\/229/);
    assert.match(after[20], /dans la société,$/);
    assert.match(after[30], /^5\. \*Exhorte\* les États Membres/);
    assert.match(after[32], /^6\. \*Rappelle\* que le programme/);
    assert.match(after[36], /prévention du crime ;$/);
    assert.match(after[38], /l'exécution des mandats\.$/);
    assert.deepEqual(findingLines(r.stdout).map((l) => l.replace(/^.*?:/, '')), [
      '29:1 error paragraph-numbering Le paragraphe 4 suit le paragraphe 2 : numéro attendu 3',
      '35:1 error preamble-after-operative Alinéa du préambule (« Considérant ») après le paragraphe 6 du dispositif : les alinéas du préambule précèdent le paragraphe 1',
    ]);
    assert.equal(r.stdout.trim().split('\n').at(-1), '6 problems fixed in 1 file; 2 problems remain (2 errors)');
  });

  it('keeps the byte order mark and each line\'s terminator (CRLF, CR, mixed LF and CRLF)', () => {
    const { text } = fixtureText('fr-structure.resolution');
    const lf = scratch('lf.resolution', text);
    run('--fix', lf);
    const fixedLines = readFileSync(lf, 'utf8').split('\n');
    const lines = text.split('\n');
    for (const [name, eolOf] of [
      ['crlf.resolution', () => '\r\n'],
      ['cr.resolution', () => '\r'],
      ['mixed.resolution', (i: number) => (i % 3 === 1 ? '\r\n' : '\n')],
    ] as const) {
      const eols = lines.map((_, i) => (i === lines.length - 1 ? '' : eolOf(i)));
      const original = '\ufeff' + lines.map((l, i) => l + eols[i]).join('');
      const file = scratch(name, original);
      const r = run('--fix', file);
      assert.equal(r.status, 1, r.stderr);
      const bytes = readFileSync(file);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'byte order mark kept');
      const out = withEols(bytes.toString('utf8').slice(1));
      assert.equal(out.length, lines.length);
      out.forEach(([line, eol], i) => {
        assert.equal(eol, eols[i], `terminator of line ${i + 1}`);
        assert.equal(line, fixedLines[i], `text of line ${i + 1}`);
      });
    }
  });

  it('--fix-dry-run reports the same and writes nothing; --fix --format json counts the fixes', () => {
    const { text } = fixtureText('fr-structure.resolution');
    const file = scratch('dry.resolution', text);
    const dry = run('--fix-dry-run', file);
    assert.equal(readFileSync(file, 'utf8'), text);
    assert.equal(dry.stdout.trim().split('\n').at(-1), '6 problems would be fixed in 1 file (dry run: no file written); 2 problems would remain (2 errors)');
    const json = run('--fix', '--format', 'json', file);
    assert.equal(json.stdout, JSON.stringify(JSON.parse(json.stdout), null, 2) + '\n', 'the same layout as before');
    const [result] = JSON.parse(json.stdout);
    assert.equal(result.fixed, 6);
    assert.deepEqual(result.diagnostics.map((d: { line: number; code: string }) => `${d.line} ${d.code}`), ['29 paragraph-numbering', '35 preamble-after-operative']);
    assert.deepEqual(findingLines(dry.stdout).map((l) => l.replace(/^.*?:/, '')), findingLines(run(file).stdout).map((l) => l.replace(/^.*?:/, '')));
    const clean = run('--fix', SEEDS[0]);
    assert.equal(clean.status, 0);
    assert.match(clean.stdout, /^No safe fix to apply; /m);
    assert.equal(run('--fix', '--fix-dry-run', file).status, 2);
  });

  it('never writes a file it could not decode', () => {
    const latin1 = scratch('latin1.resolution', Buffer.from("L'Assembl\xe9e g\xe9n\xe9rale,\n\nRappelle sa r\xe9solution 46/152;\n", 'latin1'));
    const before = readFileSync(latin1);
    const r = run('--fix', latin1);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not valid UTF-8/);
    assert.deepEqual(readFileSync(latin1), before);
  });
});

// ---- large files: streamed, resolution by resolution -------------------------------------------

/** Seeds and corpus texts that start with a masthead or a symbol line (the others do not say where they begin). */
const RESOLUTIONS = [
  ...SEEDS,
  ...readdirSync(path.join(ROOT, 'test', 'corpus', 'en')).filter((f) => !/^(?:A-RES-217|S-RES-1\(|S-RES-82\()/.test(f)).map((f) => path.join(ROOT, 'test', 'corpus', 'en', f)),
].map((f) => { const t = readFileSync(f, 'utf8'); return t.endsWith('\n') ? t : t + '\n'; });

interface JsonDiagnostic { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }
const key = (d: JsonDiagnostic, shift = 0) => `${d.line + shift}:${d.column}-${d.endLine + shift}:${d.endColumn} ${d.severity} ${d.code} ${d.message}`;

/**
 * What reslint says of each text checked on its own (one run, so that they share the index like
 * the resolutions of a compendium do), shifted to where the text stands in `texts` concatenated
 * `times` times.
 */
function expectedForConcatenation(texts: string[], times: number): string[] {
  const dir = mkdtempSync(path.join(tmp, 'parts-'));
  const files = texts.map((t, i) => { const f = path.join(dir, `${i}.resolution`); writeFileSync(f, t); return f; });
  const r = run('--no-config', '--format', 'json', ...files);
  const parts = JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }[];
  const out: string[] = [];
  let line = 0;
  for (let k = 0; k < times; k++) {
    texts.forEach((t, i) => {
      for (const d of parts[i].diagnostics) out.push(key(d, line));
      line += t.split(/\r\n|\n|\r/).length - 1;
    });
  }
  return out;
}

describe('reslint on a compendium (streamed)', () => {
  it('cuts it into resolutions: the findings are those of each resolution checked on its own', () => {
    const file = path.join(tmp, 'small-compendium.resolution');
    writeFileSync(file, RESOLUTIONS.join(''));
    // Stream even this small file (files over 4 MB are streamed).
    const r = runIn({ RESLINT_WHOLE_FILE_BYTES: '1' }, '--no-config', '--format', 'json', file);
    assert.notEqual(r.status, 2, r.stderr);
    assert.equal(r.stdout, JSON.stringify(JSON.parse(r.stdout), null, 2) + '\n', 'the same JSON layout as a file read whole');
    const got = (JSON.parse(r.stdout)[0].diagnostics as JsonDiagnostic[]).map((d) => key(d));
    assert.deepEqual(got, expectedForConcatenation(RESOLUTIONS, 1));
  });

  it('a 50 MB compendium in bounded memory (96 MB of heap), with the same findings as each resolution alone', () => {
    const unit = RESOLUTIONS.join('');
    const times = Math.ceil(50_000_000 / Buffer.byteLength(unit));
    const file = path.join(tmp, 'compendium-50mb.resolution');
    writeFileSync(file, unit.repeat(times));
    // Peak resident memory, read by the process itself as it exits (Linux).
    const peakFile = path.join(tmp, 'peak.txt');
    const probe = path.join(tmp, 'peak.cjs');
    writeFileSync(probe, `process.on('exit', () => { try { require('fs').writeFileSync(${JSON.stringify(peakFile)}, /VmHWM:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]); } catch {} });`);
    const r = spawnSync(process.execPath, ['--max-old-space-size=96', '--require', probe, BIN, '--no-config', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(r.signal, null, `killed: ${r.stderr.slice(-500)}`);
    assert.notEqual(r.status, 2, r.stderr.slice(-500));
    const got = (JSON.parse(r.stdout)[0].diagnostics as JsonDiagnostic[]).map((d) => key(d));
    const expected = expectedForConcatenation(RESOLUTIONS, times);
    assert.equal(got.length, expected.length);
    assert.deepEqual(got, expected);
    if (existsSync(peakFile)) {
      const peakMb = Number(readFileSync(peakFile, 'utf8')) / 1024;
      assert.ok(peakMb < 256, `peak resident memory ${peakMb.toFixed(0)} MB for a 50 MB file`);
    }
  });

  it('--fix on a streamed file gives what fixing each resolution on its own gives (CRLF kept)', () => {
    const crlf = (t: string) => t.replace(/\r?\n/g, '\r\n');
    const texts = [RESOLUTIONS[0], crlf(fixtureText('fr-structure.resolution').text + '\n'), 'Résolution 99/1\n\n' + fixtureText('fr-numbering.resolution').text + '\n', RESOLUTIONS[4]];
    const dir = mkdtempSync(path.join(tmp, 'fix-parts-'));
    const parts = texts.map((t, i) => { const f = path.join(dir, `${i}.resolution`); writeFileSync(f, t); return f; });
    const separate = run('--no-config', '--fix', ...parts);
    const file = path.join(tmp, 'fix-compendium.resolution');
    writeFileSync(file, texts.join(''));
    const r = runIn({ RESLINT_WHOLE_FILE_BYTES: '1' }, '--no-config', '--fix', file);
    assert.equal(r.status, separate.status, r.stderr);
    assert.equal(readFileSync(file, 'utf8'), parts.map((f) => readFileSync(f, 'utf8')).join(''));
    const summary = (stdout: string) => stdout.trim().split('\n').at(-1)!.replace(/ in \d+ files?;/, ' in N;');
    assert.equal(summary(r.stdout), summary(separate.stdout));
    assert.equal(findingLines(r.stdout).length, findingLines(separate.stdout).length);
  });

  it('control comments reach across resolutions as in a file read whole', () => {
    const first = fixtureText('fr-structure.resolution').text.replace("L'Assemblée générale,", "<!-- reslint-disable paragraph-numbering -->\nL'Assemblée générale,");
    const second = 'Résolution 99/1\n\n<!-- reslint-disable-file preamble-after-operative -->\n' + fixtureText('fr-numbering.resolution').text + '\n';
    const file = path.join(tmp, 'control-compendium.resolution');
    writeFileSync(file, first + '\n' + second);
    const codes = (env: Record<string, string>) => (JSON.parse(runIn(env, '--no-config', '--format', 'json', file).stdout)[0].diagnostics as JsonDiagnostic[]).map((d) => d.code);
    const streamed = codes({ RESLINT_WHOLE_FILE_BYTES: '1' });
    assert.ok(!streamed.includes('paragraph-numbering'), 'disable carries into the next resolution');
    assert.ok(!streamed.includes('preamble-after-operative'), 'disable-file applies to the resolutions before it');
    assert.ok(streamed.includes('preamble-opener'), streamed.join(' '));
    assert.deepEqual(codes({}).filter((c) => c === 'paragraph-numbering' || c === 'preamble-after-operative'), []);
  });

  it('fallback: a resolution longer than the piece size is checked in pieces, with paragraph-level rules only and a notice', () => {
    const r = runIn({ RESLINT_WHOLE_FILE_BYTES: '1', RESLINT_PIECE_CHARS: '30000' }, '--no-config', '--format', 'json', SEEDS[0]);
    assert.equal(r.status, 0, r.stderr);
    const diagnostics = JSON.parse(r.stdout)[0].diagnostics as JsonDiagnostic[];
    const notices = diagnostics.filter((d) => d.code === 'document-size');
    assert.ok(notices.length >= 4, `${notices.length} pieces`);
    for (const n of notices) {
      assert.equal(n.severity, 'information');
      assert.match(n.message, /^Résolution de plus de 30\u202f000 caractères sans début de nouvelle résolution : reslint la vérifie par morceaux/);
    }
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'), [], 'no false positive at the cuts');
  });
});
