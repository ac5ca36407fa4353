// Every example on the rule pages (docs/rules/<id>.md) is what reslint says about it.
//
// Conventions of a page, read here:
//   - an example is a ```un-resolution block; the ```text block that follows it (before the next
//     ```un-resolution block) holds reslint's text output for it, one `example.resolution:LINE:COL
//     SEVERITY RULE MESSAGE` line per finding;
//   - the output must equal reslint's, in reslint's order, for every rule named in the ```text block
//     and for the page's own rule in any case: a page may leave out other rules' findings, never its own;
//   - an example with no ```text block is a clean one: no finding of the page's rule. So is an example
//     marked `<!-- example: clean -->`, or introduced as right, correct or current practice (« French —
//     right (what **Fix all** writes): »): its ```text block, if it has one, may list other rules only;
//   - an example introduced as « what **Fix all** writes » is what `reslint --fix` makes of the example
//     before it: every safe fix, checked and fixed again until none is left;
//   - `<!-- example-options: {"profile":"draft","typography":"legacy","language":"en"} -->` just above
//     the fence gives the settings reslint would read from a .reslintrc.json (default: general-assembly,
//     modern, auto).
// The example is checked as reslint checks a file: parsed once, added to the shipped resolution
// index (citation rules compare with it), then linted with the settings.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { shippedIndex } from '../../server/src/core/citations/shipped';
import { mergeSettings, type Settings } from '../../server/src/core/config';
import { applyEdits, fixAll } from '../../server/src/core/features/code-actions';
import { lintDocument } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/model/parse';
import { rules } from '../../server/src/core/rules/index';
import { ROOT } from '../helpers';

const DOCS = path.join(ROOT, 'docs', 'rules');
const FILE = 'example.resolution';
const OUTPUT_LINE = /^example\.resolution:(\d+):(\d+) (error|warning|information|hint) ([a-z]+(?:-[a-z]+)*) (.+)$/;
/** Rule ids reported by lint.ts itself rather than by a rule of the registry. */
const NOT_IN_REGISTRY = ['control-comment', 'document-size'];

interface Example {
  /** 1-based line of the ```un-resolution fence in the page. */
  line: number;
  text: string;
  /** The paragraph that introduces the example (« French — wrong (…): »). */
  intro: string;
  options: Partial<Settings>;
  clean: boolean;
  /** The ```text block that follows, if any: its lines and the 1-based line of its fence. */
  output?: { line: number; lines: string[] };
}

const COMMENT = /^[ \t]*<!--([\s\S]*?)-->[ \t]*$/;

/** The examples of a page, with their output blocks, options and markers. */
function readExamples(page: string): Example[] {
  const lines = readFileSync(page, 'utf8').split(/\r?\n/);
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})[ \t]*([\w-]*)/.exec(lines[i]);
    if (!open) continue;
    const [, ticks, lang] = open;
    let end = i + 1;
    while (end < lines.length && !(lines[end].startsWith(ticks) && lines[end].trim() === ticks)) end++;
    assert.ok(end < lines.length, `${path.basename(page)}:${i + 1}: fence never closed`);
    const body = lines.slice(i + 1, end);
    if (lang === 'un-resolution') {
      examples.push({ line: i + 1, text: body.join('\n') + '\n', ...preamble(lines, i, page) });
    } else if (lang === 'text' && examples.length && !examples[examples.length - 1].output) {
      examples[examples.length - 1].output = { line: i + 1, lines: body.filter((l) => l.trim() !== '') };
    }
    i = end;
  }
  return examples;
}

/** What stands above a fence: HTML comments (options, markers), then the introducing paragraph. */
function preamble(lines: string[], fence: number, page: string): Pick<Example, 'intro' | 'options' | 'clean'> {
  let options: Partial<Settings> = {};
  let clean = false;
  let j = fence - 1;
  for (; j >= 0; j--) {
    const comment = COMMENT.exec(lines[j]);
    if (lines[j].trim() === '') continue;
    if (!comment) break;
    const content = comment[1].trim();
    const opts = /^example-options:\s*(\{[\s\S]*\})$/.exec(content);
    if (opts) {
      options = JSON.parse(opts[1]) as Partial<Settings>;
      for (const key of Object.keys(options)) assert.ok(['profile', 'typography', 'language', 'rules'].includes(key), `${path.basename(page)}:${j + 1}: unknown example option ${key}`);
    } else if (/^example:\s*clean$/.test(content)) {
      clean = true;
    }
  }
  const intro: string[] = [];
  // The introducing paragraph, unless the fence follows another block directly.
  for (; j >= 0 && lines[j].trim() !== '' && !lines[j].startsWith('```'); j--) intro.unshift(lines[j].trim());
  const introText = intro.join(' ');
  if (/\b(?:right|correct|current practice)\b/i.test(introText) && !/\bwrong\b/i.test(introText)) clean = true;
  return { intro: introText, options, clean };
}

/** The example parsed and checked as reslint checks a file, with settings as from a .reslintrc.json. */
function check(text: string, config: Partial<Settings>) {
  const settings = mergeSettings(config);
  const index = shippedIndex();
  const doc = parse(text, { language: settings.language });
  index.addDocument('file:///example.resolution', doc);
  const findings = lintDocument(doc, {
    index,
    profile: settings.profile,
    typography: settings.typography,
    rules: settings.rules,
    onRuleError: (rule, error) => assert.fail(`rule ${rule} failed: ${String(error)}`),
  });
  return { doc, findings };
}

/** reslint's text output for the example (server/src/cli/reslint.ts, textReporter). */
function reslintOutput(text: string, config: Partial<Settings>): string[] {
  return check(text, config).findings.map((f) => `${FILE}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${f.message}`);
}

/** What `reslint --fix` writes: the safe fixes, checked and fixed again, at most 10 passes. */
function fixedText(text: string, config: Partial<Settings>): string {
  for (let pass = 0; pass < 10; pass++) {
    const { doc, findings } = check(text, config);
    const plan = fixAll(findings);
    if (!plan.edits.length) break;
    const next = applyEdits(doc.lines, plan.edits);
    if (next === text) break;
    text = next;
  }
  return text;
}

const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
const ruleIds = rules.map((r) => r.id);

describe('docs/rules examples', () => {
  for (const name of pages) {
    const page = path.join(DOCS, name);
    const pageRule = name.replace(/\.md$/, '');
    describe(name, () => {
      const examples = readExamples(page);
      examples.forEach((ex, k) => {
        it(`line ${ex.line}: ${ex.intro.slice(0, 90) || 'example'}`, () => {
          const expected = ex.output?.lines ?? [];
          const bad = expected.filter((l) => !OUTPUT_LINE.test(l));
          assert.deepEqual(bad, [], `${name}:${ex.output?.line}: not reslint output lines`);
          const named = new Set([pageRule, ...expected.map((l) => OUTPUT_LINE.exec(l)![4])]);
          for (const r of named) assert.ok(ruleIds.includes(r) || NOT_IN_REGISTRY.includes(r), `${name}: unknown rule ${r} in the output`);
          if (ex.clean) {
            assert.deepEqual(expected.filter((l) => OUTPUT_LINE.exec(l)![4] === pageRule), [], `${name}:${ex.line}: a right example lists findings of ${pageRule}`);
          }
          const actual = reslintOutput(ex.text, ex.options).filter((l) => named.has(OUTPUT_LINE.exec(l)![4]));
          assert.deepEqual(actual, expected, `${name}:${ex.line}: reslint's output for the rules ${[...named].join(', ')}`);
          if (/what \*\*Fix all\*\* writes/.test(ex.intro)) {
            assert.ok(k > 0, `${name}:${ex.line}: « what Fix all writes » with no example before it`);
            const before = examples[k - 1];
            assert.equal(fixedText(before.text, before.options), ex.text, `${name}:${ex.line}: what Fix all writes from the example at line ${before.line}`);
          }
        });
      });
    });
  }

  it('every rule has a page, and docs/rules/README.md lists every rule', () => {
    const readme = readFileSync(path.join(DOCS, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| \[`([a-z-]+)`\]\(([a-z-]+)\.md\) \|/gm)];
    for (const [, id, file] of listed) assert.equal(file, id, `README row for ${id} links ${file}.md`);
    const listedIds = listed.map((m) => m[1]);
    assert.deepEqual(ruleIds.filter((id) => !pages.includes(`${id}.md`)), [], 'rules without a page');
    assert.deepEqual(ruleIds.filter((id) => !listedIds.includes(id)), [], 'rules missing from docs/rules/README.md');
    assert.deepEqual(listedIds.filter((id) => !pages.includes(`${id}.md`)), [], 'README rows without a page');
  });
});
