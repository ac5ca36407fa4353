// language-configuration.json: word pattern (double-click on a document symbol selects
// all of it), bracket and quote pairs, Enter after a subparagraph label.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..');

interface OnEnterRule { beforeText: string; action: { indent: string; appendText?: string } }
interface LanguageConfiguration {
  comments: { blockComment: [string, string] };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  wordPattern: string;
  onEnterRules: OnEnterRule[];
}

const config = JSON.parse(readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8')) as LanguageConfiguration;

/** The word VS Code picks at `column`: the match of the (global) word pattern that covers it. */
function wordAt(line: string, column: number): string | undefined {
  const pattern = new RegExp(config.wordPattern, 'g'); // VS Code adds the g flag to a string pattern
  for (const m of line.matchAll(pattern)) {
    if (m.index! <= column && column < m.index! + m[0].length) return m[0];
  }
  return undefined;
}

/** The word at each occurrence of `token` in `line`, probed at its first and last character. */
function wordsOver(line: string, token: string): string[] {
  const start = line.indexOf(token);
  assert.ok(start >= 0, `${token} not in ${line}`);
  return [wordAt(line, start), wordAt(line, start + token.length - 1)].map(String);
}

describe('language configuration: word pattern', () => {
  const line = 'Voir A/C.3/78/L.13/Rev.1, sa résolution 77/237; A/RES/78/229. et E/2021/30 (CTOC/COP/2020/10)';

  for (const symbol of ['77/237', 'A/RES/78/229', 'A/C.3/78/L.13/Rev.1', 'E/2021/30', 'CTOC/COP/2020/10']) {
    it(`selects ${symbol} whole, without the punctuation after it`, () => {
      assert.deepEqual(wordsOver(line, symbol), [symbol, symbol]);
    });
  }

  it('compiles as a JavaScript RegExp and never matches an empty string', () => {
    const pattern = new RegExp(config.wordPattern, 'g');
    for (const m of 'a, b; «c» (d) 1er'.matchAll(pattern)) assert.ok(m[0].length > 0);
  });

  it('keeps ordinary French words apart at apostrophes, quotes and footnote marks', () => {
    const text = "l'Assemblée générale, « Soixante-dix-huitième » l’ordre Protocoles¹ 1er";
    assert.equal(wordAt(text, text.indexOf('Assemblée') + 3), 'Assemblée');
    assert.equal(wordAt(text, text.indexOf('Soixante') + 3), 'Soixante-dix-huitième');
    assert.equal(wordAt(text, text.indexOf('ordre') + 1), 'ordre');
    assert.equal(wordAt(text, text.indexOf('Protocoles') + 1), 'Protocoles');
    assert.equal(wordAt(text, text.indexOf('1er')), '1er');
    assert.equal(wordAt(text, text.indexOf('«')), undefined);
  });

  it('takes a joint symbol as one word', () => {
    const text = '¹ A/78/80-E/2023/64.';
    assert.equal(wordAt(text, 3), 'A/78/80-E/2023/64');
  });
});

describe('language configuration: pairs', () => {
  const pairs = (list: { open: string; close: string }[]) => list.map((p) => `${p.open}${p.close}`);

  it('auto-closes « », “ ”, ( ), [ ] and *', () => {
    for (const pair of ['«»', '“”', '()', '[]', '**']) assert.ok(pairs(config.autoClosingPairs).includes(pair), pair);
  });

  it('surrounds a selection with the same pairs', () => {
    const surrounding = config.surroundingPairs.map(([open, close]) => `${open}${close}`);
    for (const pair of ['«»', '“”', '()', '[]', '**']) assert.ok(surrounding.includes(pair), pair);
  });

  it('does not auto-close the apostrophe (French elision)', () => {
    assert.ok(!config.autoClosingPairs.some((p) => p.open === "'" || p.open === '’'));
  });

  it('uses the control-comment syntax for block comments', () => {
    assert.deepEqual(config.comments.blockComment, ['<!--', '-->']);
  });
});

describe('language configuration: Enter after a subparagraph label', () => {
  const labelRules = config.onEnterRules.filter((rule) => new RegExp(rule.beforeText).test('a) Préviennent ;'));

  it('has one rule that keeps the indentation', () => {
    assert.equal(labelRules.length, 1);
    assert.equal(labelRules[0].action.indent, 'none');
    assert.equal(labelRules[0].action.appendText, undefined);
  });

  it('matches French and English labels, indented or not, and nothing else', () => {
    const before = new RegExp(labelRules[0].beforeText);
    for (const text of ['a) Préviennent et répriment le financement des actes de terrorisme ;', '    ii) Gèlent les fonds ;',
      '(a) To approve …;', '   (ii) Inviting international financial institutions;', '« b) Les États :']) {
      assert.ok(before.test(text), text);
    }
    for (const text of ['1. *Décide* que tous les États :', 'Rappelant sa résolution 77/237,', 'alinéa b) de l’article 2', '(2001) :']) {
      assert.ok(!before.test(text), text);
    }
  });
});
