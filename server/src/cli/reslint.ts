// reslint: the command-line twin of the language server, on the same core.
// Exit 0: no error; 1: at least one error; 2: usage error or an unreadable, binary or non-UTF-8 file.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findConfig, loadConfig, mergeSettings, type Settings } from '../core/config';
import { pathToFileURL } from 'node:url';
import { shippedIndex } from '../core/citations/shipped';
import { lintDocument } from '../core/lint';
import { parse } from '../core/model/parse';
import type { ResolutionDocument } from '../core/model/types';
import type { Finding } from '../core/rules/types';
import { decodeText } from '../core/input';

interface Options { format: 'text' | 'json'; language?: 'auto' | 'fr' | 'en'; config?: string; noConfig: boolean; files: string[] }

const USAGE = 'usage: reslint [--format text|json] [--language auto|fr|en] [--config FILE | --no-config] FILE…';

function parseArgs(argv: string[]): Options | string {
  const o: Options = { format: 'text', noConfig: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') return `reslint: --format takes text or json, not ${v ?? 'nothing'}`;
      o.format = v;
    } else if (flag === '--language') {
      const v = value();
      if (v !== 'auto' && v !== 'fr' && v !== 'en') return `reslint: --language takes auto, fr or en, not ${v ?? 'nothing'}`;
      o.language = v;
    } else if (flag === '--config') {
      const v = value();
      if (!v) return 'reslint: --config takes a file';
      o.config = v;
    } else if (flag === '--no-config') {
      o.noConfig = true;
    } else if (flag === '--help' || flag === '-h') {
      return USAGE;
    } else if (flag === '--') {
      o.files.push(...argv.slice(i + 1));
      break;
    } else if (flag.startsWith('-') && flag !== '-') {
      return `reslint: unknown option ${flag}\n${USAGE}`;
    } else {
      o.files.push(a);
    }
  }
  if (!o.files.length) return `reslint: no file given\n${USAGE}`;
  return o;
}

interface FileResult { file: string; findings: Finding[] }

function main(argv: string[]): number {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    process.stderr.write(options + '\n');
    return options === USAGE ? 0 : 2;
  }
  const results: FileResult[] = [];
  let unreadable = false;
  const configs = new Map<string, Partial<Settings> | undefined>();
  /** The .reslintrc.json that applies to a file (read once per config file); undefined when unusable. */
  const configFor = (file: string): Partial<Settings> | 'error' => {
    if (options.noConfig) return {};
    const configFile = options.config ?? findConfig(path.dirname(path.resolve(file)));
    if (!configFile) return {};
    if (!configs.has(configFile)) {
      const loaded = loadConfig(configFile);
      if (!loaded.ok) {
        process.stderr.write(`reslint: ${configFile}: ${loaded.error}\n`);
        configs.set(configFile, undefined);
      } else {
        for (const w of loaded.warnings) process.stderr.write(`reslint: ${configFile}: ignored: ${w}\n`);
        configs.set(configFile, loaded.config);
      }
    }
    return configs.get(configFile) ?? 'error';
  };
  // Like the editor: the shipped index, plus the files being checked (a file may cite another).
  const index = shippedIndex();
  // Each file is parsed once: added to the index, then checked once every file is in it.
  const parsed: { file: string; doc: ResolutionDocument; settings: Settings }[] = [];
  for (const file of options.files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      process.stderr.write(`reslint: ${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})\n`);
      unreadable = true;
      continue;
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      process.stderr.write(`reslint: ${file}: ${decoded.reason}\n`);
      unreadable = true;
      continue;
    }
    const config = configFor(file);
    if (config === 'error') { unreadable = true; continue; }
    const settings = mergeSettings(config, options.language ? { language: options.language } : {});
    const doc = parse(decoded.text, { language: settings.language });
    index.addDocument(pathToFileURL(path.resolve(file)).toString(), doc);
    parsed.push({ file, doc, settings });
  }
  for (const { file, doc, settings } of parsed) {
    const findings = lintDocument(doc, {
      index,
      rules: settings.rules,
      onRuleError: (rule, error) => process.stderr.write(`reslint: ${file}: rule ${rule} failed and was skipped (${String(error)})\n`),
    });
    results.push({ file, findings });
  }
  if (options.format === 'json') {
    const json = results.map((r) => ({
      file: r.file,
      diagnostics: r.findings.map((f) => ({
        line: f.range.start.line + 1, column: f.range.start.character + 1,
        endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1,
        severity: f.severity, code: f.rule, message: f.message,
      })),
    }));
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
  } else {
    const out: string[] = [];
    for (const r of results) for (const f of r.findings) out.push(`${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${f.message}`);
    if (out.length) process.stdout.write(out.join('\n') + '\n');
  }
  if (unreadable) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`reslint: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
