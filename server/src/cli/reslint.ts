// reslint: the command-line twin of the language server, on the same core.
// Exit 0: no error (left, with --fix); 1: at least one error; 2: usage error, or a file that could
// not be read (unreadable, binary, not UTF-8) or, with --fix, not written.
//
// A file up to 4 MB is read and checked whole, as the editor checks it. A larger one (a compendium)
// is streamed: read a block at a time and cut into resolutions (see ResolutionSplitter), each
// checked as its own document, so that memory stays bounded whatever the file's size. See
// docs/reslint.md.
import { chmodSync, closeSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { shippedIndex } from '../core/citations/shipped';
import { findConfig, loadConfig, mergeSettings, type Settings } from '../core/config';
import { isCommentOnly, readControl } from '../core/control';
import organsData from '../core/data/organs.json';
import { applyEdits, fixAll } from '../core/features/code-actions';
import { decodeText } from '../core/input';
import { lintDocument } from '../core/lint';
import { plain } from '../core/model/markup';
// The parser's own symbol-title patterns: « 78/229. Titre », « Résolution 6/1 », "Resolution 242 (1967)".
import { DISTRIBUTION_LINE as DISTR, parse, RESOLUTION_NUMBER, SYMBOL_TITLE } from '../core/model/parse';
import type { ResolutionDocument } from '../core/model/types';
import type { Finding, Severity, TextEdit } from '../core/rules/types';
import { matchOrganLine, matchVoiceLine } from '../core/vocabulary';

type FixMode = 'off' | 'write' | 'dry-run';
interface Options { format: 'text' | 'json'; language?: 'auto' | 'fr' | 'en'; config?: string; noConfig: boolean; fix: FixMode; files: string[] }

const USAGE = 'usage: reslint [--format text|json] [--language auto|fr|en] [--config FILE | --no-config] [--fix | --fix-dry-run] FILE…';

/** Tunables; the environment overrides them only so that tests can exercise streaming on small files. */
const sizeFromEnv = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};
/** Files up to this many bytes are read and checked whole (the editor checks up to 4 million characters). */
const WHOLE_FILE_BYTES = sizeFromEnv('RESLINT_WHOLE_FILE_BYTES', 4_000_000);
/** Past this many characters, a resolution with no next one in sight is checked in pieces (fallback). */
const PIECE_CHARS = sizeFromEnv('RESLINT_PIECE_CHARS', 4_000_000);
const READ_BLOCK = 1 << 20;
/** Like ESLint: fix, check again, fix what the first fixes made fixable, at most this many times. */
const MAX_FIX_PASSES = 10;

function parseArgs(argv: string[]): Options | string {
  const o: Options = { format: 'text', noConfig: false, fix: 'off', files: [] };
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
    } else if (flag === '--fix' || flag === '--fix-dry-run') {
      const mode = flag === '--fix' ? 'write' : 'dry-run';
      if (o.fix !== 'off' && o.fix !== mode) return 'reslint: --fix and --fix-dry-run exclude each other';
      o.fix = mode;
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

// ---- reading: lines with their terminators -------------------------------------------------

const EOL = /\r\n|\n|\r/g;
const BINARY = 'binary file (NUL bytes), not a text document';
const NOT_UTF8 = 'not valid UTF-8 (save the file as UTF-8)';

class UnreadableError extends Error {}

/** Lines and their terminators (CRLF, LF, CR; '' for the last line), split as the core splits them. */
function splitWithEols(text: string): { lines: string[]; eols: string[] } {
  const lines: string[] = [];
  const eols: string[] = [];
  let from = 0;
  EOL.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = EOL.exec(text));) {
    lines.push(text.slice(from, m.index));
    eols.push(m[0]);
    from = m.index + m[0].length;
  }
  lines.push(text.slice(from));
  eols.push('');
  return { lines, eols };
}

/**
 * The lines of a UTF-8 file with their terminators, read a block at a time (the whole file is never
 * in memory). Refuses what decodeText refuses, with the same words: NUL bytes near the start,
 * invalid UTF-8 anywhere. `info.bom` tells whether the file starts with a byte order mark.
 */
function* streamLines(file: string, info: { bom: boolean }): Generator<[line: string, eol: string]> {
  const fd = openSync(file, 'r');
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const block = Buffer.allocUnsafe(READ_BLOCK);
    let carry = '';
    let start = true;
    let sniffed = 0;
    for (;;) {
      const n = readSync(fd, block, 0, block.length, null);
      if (sniffed < 8000 && block.subarray(0, Math.min(n, 8000 - sniffed)).includes(0)) throw new UnreadableError(BINARY);
      sniffed += n;
      let text: string;
      try {
        text = decoder.decode(block.subarray(0, n), { stream: n > 0 });
      } catch {
        throw new UnreadableError(NOT_UTF8);
      }
      if (start && text) {
        start = false;
        if (text.charCodeAt(0) === 0xfeff) { info.bom = true; text = text.slice(1); }
      }
      const s = carry + text;
      let from = 0;
      EOL.lastIndex = 0;
      for (let m: RegExpExecArray | null; (m = EOL.exec(s));) {
        // A CR at the very end of a block may be the first half of a CRLF.
        if (n > 0 && m[0] === '\r' && m.index === s.length - 1) break;
        yield [s.slice(from, m.index), m[0]];
        from = m.index + m[0].length;
        EOL.lastIndex = from;
      }
      carry = s.slice(from);
      if (n === 0) {
        yield [carry, ''];
        return;
      }
    }
  } finally {
    closeSync(fd);
  }
}

// ---- cutting a compendium into resolutions ----------------------------------------------------

interface Chunk {
  /** Ordinal of the chunk in its file (its key in the index). */
  ordinal: number;
  lines: string[];
  eols: string[];
  /** Part of a resolution too long to be checked at once (see PIECE_RULES). */
  piece: boolean;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ORGAN_NAMES = (organsData as { organs: { fr: string[]; en: string[] }[] }).organs.flatMap((o) => [...o.fr, ...o.en]);
/** A masthead line above the distribution line: the organ's name, or « Nations Unies » and the document symbol. */
const MASTHEAD_NAME = new RegExp(`^[ \\t]*(?:#{1,6}[ \\t]+)?[*_]*(?:Nations Unies|United Nations|${ORGAN_NAMES.map(escapeRe).join('|')})[*_]*(?:[ \\t]+[A-Z][A-Za-z0-9.]*(?:/[A-Za-z0-9.()-]+)+)?[ \\t]*$`);
const NUMBERED = /^[ \t]*(?:\*\*|__)?\d{1,3}\.(?:\*\*|__)?[ \t\u00a0]/;
const blank = (s: string) => s.trim() === '' || isCommentOnly(s);

/**
 * Cuts a stream of lines into resolutions. A new resolution starts
 *   - at a masthead: the line « Distr. … », with the organ name and « Nations Unies » lines above it;
 *   - at a symbol-title line (« 78/229. Titre », « Résolution 6/1 ») once the current resolution has
 *     a body (an organ line, a « Nous, … » line or a numbered paragraph): before the body, that line
 *     is the current resolution's own title;
 * and the blank lines before that start go with it. Nothing else cuts, so a resolution's numbering,
 * footnotes and closing punctuation are always checked whole. Fallback: a resolution that grows
 * past PIECE_CHARS with no new one in sight is cut at its last blank line (a paragraph break), and
 * its pieces are checked with the rules that read one paragraph at a time only (PIECE_RULES).
 */
class ResolutionSplitter {
  private lines: string[] = [];
  private eols: string[] = [];
  private chars = 0;
  private hasText = false;
  private bodySeen = false;
  private piece = false;
  private ordinal = 0;

  constructor(private readonly emit: (chunk: Chunk) => void) {}

  push(line: string, eol: string): void {
    const cut = this.startOfResolution(line);
    if (cut > 0 && this.hasText) this.flush(cut);
    this.lines.push(line);
    this.eols.push(eol);
    this.chars += line.length + 1;
    if (!blank(line)) this.hasText = true;
    if (!this.bodySeen && isBody(line)) this.bodySeen = true;
    if (this.chars > PIECE_CHARS) this.cutPiece();
  }

  end(): void {
    if (this.lines.length) this.flush(this.lines.length);
  }

  /** Where (index in the buffer) the resolution that `line` belongs to starts, or -1 when `line` continues the current one. */
  private startOfResolution(line: string): number {
    let start = this.lines.length;
    if (DISTR.test(line)) {
      // Up to three masthead lines above « Distr. », blank lines between them.
      for (let names = 0, j = start; names < 3;) {
        while (j > 0 && blank(this.lines[j - 1])) j--;
        if (j > 0 && MASTHEAD_NAME.test(this.lines[j - 1])) { start = --j; names++; } else break;
      }
    } else if (this.bodySeen && (SYMBOL_TITLE.test(line) || RESOLUTION_NUMBER.test(line))) {
      // A new resolution of a compendium (the current one has its body).
    } else {
      return -1;
    }
    while (start > 0 && blank(this.lines[start - 1])) start--;
    return start;
  }

  /** Emits the first `count` lines of the buffer as a chunk; the rest starts the next resolution. */
  private flush(count: number): void {
    this.emit({ ordinal: this.ordinal++, lines: this.lines.slice(0, count), eols: this.eols.slice(0, count), piece: this.piece });
    this.lines = this.lines.slice(count);
    this.eols = this.eols.slice(count);
    this.chars = this.lines.reduce((n, l) => n + l.length + 1, 0);
    this.hasText = this.lines.some((l) => !blank(l));
    this.bodySeen = this.lines.some(isBody);
    this.piece = false;
  }

  /** Fallback for an oversize resolution: cut at its last paragraph break (or here, if its second half has none). */
  private cutPiece(): void {
    let cut = this.lines.length;
    let chars = this.chars;
    for (let j = this.lines.length - 1; j > 0 && chars > PIECE_CHARS / 2; j--) {
      chars -= this.lines[j].length + 1;
      if (blank(this.lines[j])) { cut = j + 1; break; }
    }
    const bodySeen = this.bodySeen;
    this.piece = true;
    this.flush(cut);
    // What is left belongs to the same resolution.
    this.piece = true;
    this.bodySeen = bodySeen;
  }
}

function isBody(line: string): boolean {
  if (NUMBERED.test(line)) return true;
  const text = plain(line);
  return !!matchOrganLine(text, /^[ \t]*[*_]/.test(line)) || matchVoiceLine(text);
}

/**
 * Rules that read one paragraph at a time: the only ones applied to the pieces of an oversize
 * resolution. Checked by cutting every seed and corpus text into 2, 3 and 5 pieces at blank lines:
 * these report nothing in a piece that they do not report on the whole text (french-typography
 * does: its once-per-document hint about unspaced semicolons comes back in every piece).
 */
const PIECE_RULES = new Set([
  'preamble-opener', 'operative-verb', 'draft-markup', 'footnote-placement', 'terminology',
  'date-format', 'symbol-format', 'citation-date', 'citation-title',
]);

// ---- inline control comments across chunks --------------------------------------------------

/** What control comments of earlier chunks say about the next chunk of the same file. */
interface ControlCarry { off: Set<string>; nextLine?: Set<string> }
const ALL = '*';
const covers = (set: Set<string> | undefined, rule: string) => !!set && (set.has(ALL) || set.has(rule));

/**
 * The control comments of a streamed file, read as for the whole file (control.ts): `disable` and
 * `enable` carry over to the following chunks, `disable-next-line` reaches into the next chunk,
 * `disable-file` (found by the first pass) applies everywhere. lintDocument has already applied
 * the chunk's own comments; this adds what earlier chunks and the rest of the file say.
 */
function chunkControl(lines: string[], carry: ControlCarry, fileWide: Set<string>): { disabled: (rule: string, line: number) => boolean; carry: ControlCarry } {
  const directives = readControl(lines).directives;
  const states: { from: number; off: Set<string> }[] = [];
  let off = carry.off;
  const next: Set<string> = new Set();
  const firstText = lines.findIndex((l) => !blank(l));
  for (const d of directives) {
    const rules = d.rules.length ? d.rules : [ALL];
    if (d.kind === 'disable' || d.kind === 'enable') {
      off = new Set(off);
      if (d.kind === 'disable') rules.forEach((r) => off.add(r));
      else if (rules.includes(ALL)) off.clear();
      else rules.forEach((r) => off.delete(r));
      states.push({ from: d.line, off });
    } else if (d.kind === 'disable-next-line') {
      let target = d.line + 1;
      while (target < lines.length && blank(lines[target])) target++;
      if (target >= lines.length) rules.forEach((r) => next.add(r));
    }
  }
  const carried = carry.nextLine;
  return {
    disabled(rule, line) {
      if (covers(fileWide, rule) || (line === firstText && covers(carried, rule))) return true;
      let current = carry.off;
      for (const s of states) { if (s.from <= line) current = s.off; else break; }
      return covers(current, rule);
    },
    carry: { off, nextLine: next.size ? next : firstText < 0 ? carried : undefined },
  };
}

// ---- output ----------------------------------------------------------------------------------

interface Reporter {
  beginFile(file: string): void;
  findings(file: string, findings: Finding[], lineBase: number): void;
  endFile(fixed: number | undefined): void;
  end(): void;
}

// A reader that stops early (`reslint big.txt | head`) closes the pipe: stop printing, finish the work (and the fixes).
let stdoutClosed = false;
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  stdoutClosed = true;
});
const write = (s: string) => { if (s && !stdoutClosed) process.stdout.write(s); };

function textReporter(): Reporter {
  return {
    beginFile() {},
    findings(file, findings, base) {
      if (!findings.length) return;
      write(findings.map((f) => `${file}:${base + f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${f.message}`).join('\n') + '\n');
    },
    endFile() {},
    end() {},
  };
}

/** Writes, a file and a chunk at a time, exactly what JSON.stringify(results, null, 2) would. */
function jsonReporter(): Reporter {
  let files = 0;
  let diagnostics = 0;
  const indent = (s: string, n: number) => s.replace(/^/gm, ' '.repeat(n));
  return {
    beginFile(file) {
      write(`${files++ ? ',\n' : '[\n'}  {\n    "file": ${JSON.stringify(file)},\n    "diagnostics": [`);
      diagnostics = 0;
    },
    findings(_file, findings, base) {
      write(findings.map((f) => (diagnostics++ ? ',\n' : '\n') + indent(JSON.stringify({
        line: base + f.range.start.line + 1, column: f.range.start.character + 1,
        endLine: base + f.range.end.line + 1, endColumn: f.range.end.character + 1,
        severity: f.severity, code: f.rule, message: f.message,
      }, null, 2), 6)).join(''));
    },
    endFile(fixed) {
      write(`${diagnostics ? '\n    ]' : ']'}${fixed === undefined ? '' : `,\n    "fixed": ${fixed}`}\n  }`);
    },
    end() {
      write(files ? '\n]\n' : '[]\n');
    },
  };
}

// ---- checking and fixing one chunk -----------------------------------------------------------

interface Target {
  file: string;
  uri: string;
  settings: Settings;
  stat: Stats;
  /** A file read whole: its text, parsed once (first pass), and its byte order mark. */
  whole?: { text: string; doc: ResolutionDocument; bom: boolean };
  /** A streamed file: rules its `disable-file` comments turn off (first pass). */
  fileWide?: Set<string>;
}

interface Checked { lines: string[]; eols: string[]; findings: Finding[]; fixed: number; changed: boolean }
/** For a chunk of a streamed file: which rule is off on which line, given the chunk's lines (they change as fixes apply). */
type Control = (lines: string[]) => (rule: string, line: number) => boolean;

class Checker {
  readonly index = shippedIndex();

  constructor(private readonly fix: FixMode) {}

  /** The findings of a document as the file's settings, control comments and piece status allow. */
  private findings(doc: ResolutionDocument, t: Target, control: Control | undefined, piece: boolean): Finding[] {
    let findings = lintDocument(doc, {
      index: this.index,
      profile: t.settings.profile,
      typography: t.settings.typography,
      rules: t.settings.rules,
      onRuleError: (rule, error) => process.stderr.write(`reslint: ${t.file}: rule ${rule} failed and was skipped (${String(error)})\n`),
    });
    if (control) {
      const disabled = control(doc.lines);
      findings = findings.filter((f) => !disabled(f.rule, f.range.start.line));
    }
    if (piece) {
      findings = findings.filter((f) => PIECE_RULES.has(f.rule));
      findings.unshift(pieceNotice(doc));
    }
    return findings;
  }

  /**
   * Checks a chunk (a whole file, or a resolution of a streamed one) and, with --fix, applies every
   * safe fix, checks again and fixes again until nothing safe is left (at most MAX_FIX_PASSES).
   * Line terminators follow the lines: untouched lines keep theirs, new lines take the chunk's usual one.
   */
  check(t: Target, uri: string, lines: string[], eols: string[] | undefined, doc: ResolutionDocument, control: Control | undefined, piece: boolean): Checked {
    let findings = this.findings(doc, t, control, piece);
    let fixed = 0;
    let changed = false;
    for (let pass = 0; this.fix !== 'off' && pass < MAX_FIX_PASSES; pass++) {
      const plan = fixAll(findings);
      if (!plan.edits.length) break;
      const text = applyEdits(doc.lines, plan.edits);
      const next = splitWithEols(text).lines;
      if (next.length === doc.lines.length && next.every((l, i) => l === doc.lines[i])) break;
      eols = eols && remapEols(eols, plan.edits, next.length);
      lines = next;
      changed = true;
      fixed += plan.findings.length;
      doc = parse(text, { language: t.settings.language });
      this.index.addDocument(uri, doc);
      findings = this.findings(doc, t, control, piece);
    }
    return { lines, eols: eols ?? [], findings, fixed, changed };
  }
}

function pieceNotice(doc: ResolutionDocument): Finding {
  const size = PIECE_CHARS.toLocaleString(doc.lang === 'fr' ? 'fr-FR' : 'en-US');
  return {
    rule: 'document-size',
    severity: 'information',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: doc.lines[0].length } },
    message: doc.lang === 'fr'
      ? `Résolution de plus de ${size} caractères sans début de nouvelle résolution : reslint la vérifie par morceaux coupés entre deux paragraphes ; dans ce morceau (${doc.lines.length} lignes à partir d’ici), seules les règles qui lisent un paragraphe à la fois s’appliquent (numérotation, ponctuation finale, notes et ligne de l’organe ne sont pas vérifiées)`
      : `Resolution longer than ${size} characters with no new resolution starting: reslint checks it in pieces cut between paragraphs; in this piece (${doc.lines.length} lines from here) only the rules that read one paragraph at a time apply (numbering, final punctuation, footnotes and the organ line are not checked)`,
  };
}

/** Line terminators after edits: lines before and after the edited ones keep theirs, lines in between take the most common one. */
function remapEols(eols: string[], edits: TextEdit[], count: number): string[] {
  let first = Infinity;
  let last = -1;
  for (const e of edits) { first = Math.min(first, e.range.start.line); last = Math.max(last, e.range.end.line); }
  const delta = count - eols.length;
  const usual = mostCommonEol(eols);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(i < first ? eols[i] : i > last + delta ? eols[i - delta] : delta === 0 ? eols[i] : usual);
  out[count - 1] = eols[eols.length - 1];
  return out;
}

function mostCommonEol(eols: string[]): string {
  const n = { '\r\n': 0, '\n': 0, '\r': 0 } as Record<string, number>;
  for (const e of eols) if (e) n[e]++;
  return n['\r\n'] > n['\n'] && n['\r\n'] >= n['\r'] ? '\r\n' : n['\r'] > n['\n'] ? '\r' : '\n';
}

const encode = (lines: string[], eols: string[]) => lines.map((l, i) => l + eols[i]).join('');

// ---- main ------------------------------------------------------------------------------------

function main(argv: string[]): number {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    process.stderr.write(options + '\n');
    return options === USAGE ? 0 : 2;
  }
  let failed = false;
  const fail = (file: string, reason: string) => { process.stderr.write(`reslint: ${file}: ${reason}\n`); failed = true; };
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
  const settingsFor = (file: string): Settings | undefined => {
    const config = configFor(file);
    if (config === 'error') { failed = true; return undefined; }
    return mergeSettings(config, options.language ? { language: options.language } : {});
  };
  const checker = new Checker(options.fix);
  const { index } = checker;

  // First pass, like the editor's workspace index: every file goes into the index before any is
  // checked (a file may cite another). A file read whole is parsed once, here; a streamed file is
  // read here once, resolution by resolution, and again in the second pass.
  const targets: Target[] = [];
  for (const file of options.files) {
    let stat: Stats;
    try {
      stat = statSync(file);
    } catch (e) {
      fail(file, `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      continue;
    }
    const uri = pathToFileURL(path.resolve(file)).toString();
    if (stat.size <= WHOLE_FILE_BYTES || !stat.isFile()) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        fail(file, `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
        continue;
      }
      const decoded = decodeText(bytes);
      if (!decoded.ok) { fail(file, decoded.reason); continue; }
      const settings = settingsFor(file);
      if (!settings) continue;
      const doc = parse(decoded.text, { language: settings.language });
      index.addDocument(uri, doc);
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      targets.push({ file, uri, settings, stat, whole: { text: decoded.text, doc, bom } });
    } else {
      const settings = settingsFor(file);
      if (!settings) continue;
      const fileWide = new Set<string>();
      let chunks = 0;
      try {
        const splitter = new ResolutionSplitter((chunk) => {
          chunks++;
          index.addDocument(`${uri}#${chunk.ordinal}`, parse(chunk.lines.join('\n'), { language: settings.language }));
          for (const d of readControl(chunk.lines).directives) if (d.kind === 'disable-file') (d.rules.length ? d.rules : [ALL]).forEach((r) => fileWide.add(r));
        });
        for (const [line, eol] of streamLines(file, { bom: false })) splitter.push(line, eol);
        splitter.end();
      } catch (e) {
        fail(file, e instanceof UnreadableError ? e.message : `cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
        for (let k = 0; k < chunks; k++) index.removeDocument(`${uri}#${k}`);
        continue;
      }
      targets.push({ file, uri, settings, stat, fileWide });
    }
  }

  // Second pass: check (and fix) every file, printing as it goes.
  const reporter = options.format === 'json' ? jsonReporter() : textReporter();
  const remaining: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let fixedTotal = 0;
  let filesFixed = 0;
  for (const t of targets) {
    reporter.beginFile(t.file);
    let fixed = 0;
    const count = (findings: Finding[]) => { for (const f of findings) remaining[f.severity]++; };
    if (t.whole) {
      const { text, doc, bom } = t.whole;
      const split = options.fix === 'off' ? undefined : splitWithEols(text);
      const r = checker.check(t, t.uri, doc.lines, split?.eols, doc, undefined, false);
      reporter.findings(t.file, r.findings, 0);
      count(r.findings);
      fixed = r.fixed;
      if (r.changed && options.fix === 'write') {
        try {
          writeFileSync(t.file, (bom ? '\ufeff' : '') + encode(r.lines, r.eols));
        } catch (e) {
          fail(t.file, `cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
        }
      }
    } else {
      fixed = streamFile(t, checker, options.fix, reporter, count, fail);
    }
    if (fixed) { fixedTotal += fixed; filesFixed++; }
    reporter.endFile(options.fix === 'off' ? undefined : fixed);
  }
  reporter.end();
  if (options.fix !== 'off' && options.format === 'text') write(fixSummary(options.fix, fixedTotal, filesFixed, remaining) + '\n');
  if (failed) return 2;
  return remaining.error > 0 ? 1 : 0;
}

/** Second pass over a streamed file: resolution by resolution, fixed ones written to a temporary file renamed over it at the end. */
function streamFile(t: Target, checker: Checker, fix: FixMode, reporter: Reporter, count: (f: Finding[]) => void, fail: (file: string, reason: string) => void): number {
  const info = { bom: false };
  let carry: ControlCarry = { off: new Set() };
  let lineBase = 0;
  let fixed = 0;
  let changed = false;
  let out: { fd: number; path: string } | undefined;
  if (fix === 'write') {
    const tmp = path.join(path.dirname(t.file), `.${path.basename(t.file)}.reslint-${process.pid}.tmp`);
    try {
      out = { fd: openSync(tmp, 'wx', t.stat.mode & 0o7777), path: tmp };
    } catch (e) {
      fail(t.file, `cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      fix = 'dry-run';
    }
  }
  let bomWritten = false;
  try {
    const fileWide = t.fileWide ?? new Set<string>();
    const splitter = new ResolutionSplitter((chunk) => {
      const carryIn = carry;
      const doc = parse(chunk.lines.join('\n'), { language: t.settings.language });
      const r = checker.check(t, `${t.uri}#${chunk.ordinal}`, chunk.lines, fix === 'off' ? undefined : chunk.eols, doc, (lines) => chunkControl(lines, carryIn, fileWide).disabled, chunk.piece);
      carry = chunkControl(r.lines, carryIn, fileWide).carry;
      reporter.findings(t.file, r.findings, lineBase);
      count(r.findings);
      lineBase += r.lines.length;
      fixed += r.fixed;
      changed ||= r.changed;
      if (out) {
        if (!bomWritten && info.bom) writeSync(out.fd, '\ufeff');
        bomWritten = true;
        writeSync(out.fd, encode(r.lines, r.eols));
      }
    });
    for (const [line, eol] of streamLines(t.file, info)) splitter.push(line, eol);
    splitter.end();
  } catch (e) {
    fail(t.file, e instanceof UnreadableError ? e.message : `cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    changed = false; // never write what could not be read to the end
  }
  if (out) {
    try {
      closeSync(out.fd);
      if (changed) {
        chmodSync(out.path, t.stat.mode & 0o7777);
        renameSync(out.path, t.file);
      } else {
        unlinkSync(out.path);
      }
    } catch (e) {
      fail(t.file, `cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      try { unlinkSync(out.path); } catch { /* already gone */ }
    }
  }
  return fixed;
}

function fixSummary(mode: FixMode, fixed: number, files: number, remaining: Record<Severity, number>): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const left = (Object.keys(remaining) as Severity[]).filter((s) => remaining[s]).map((s) => plural(remaining[s], s === 'information' ? 'information notice' : s));
  const total = Object.values(remaining).reduce((a, b) => a + b, 0);
  const verb = mode === 'write' ? (total === 1 ? 'remains' : 'remain') : 'would remain';
  const rest = total ? `${plural(total, 'problem')} ${verb} (${left.join(', ')})` : `nothing ${mode === 'write' ? 'remains' : 'would remain'}`;
  if (!fixed) return `No safe fix to apply${mode === 'write' ? '' : ' (dry run)'}; ${rest}`;
  return mode === 'write'
    ? `${plural(fixed, 'problem')} fixed in ${plural(files, 'file')}; ${rest}`
    : `${plural(fixed, 'problem')} would be fixed in ${plural(files, 'file')} (dry run: no file written); ${rest}`;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`reslint: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
