// Enter continues the numbering, as Markdown continues a list: at the end of « 9. Prie … » it opens
// « 10. » after a blank line, at the end of « a) … » or « (ii) … » it opens « b) » or « (iii) », and on
// a line left with a bare « 10. » it removes the number (the list is over). Pure: no vscode here.

export interface TextPosition { line: number; character: number }

/** What Enter does instead of inserting a line break: replace `range` by `text`, then put the cursor at `cursor`. */
export interface EnterEdit {
  range: { start: TextPosition; end: TextPosition };
  text: string;
  cursor: TextPosition;
  /** Why, for tests and logs. */
  reason: 'next-number' | 'next-label' | 'end-list';
}

/** The document's lines; a string[] will do. `at` returns undefined past the end. */
export interface Lines { readonly length: number; at(index: number): string | undefined }

const SP = '[ \\t\\u00a0\\u202f]';
// « 9. Prie … », « « 3. Prie … » (quoted amendment), “3. Requests …”, **9.** Prie …
const NUMBER_LINE = new RegExp(`^([ \\t]*)((?:[«“"„]${SP}*)?)([*_]{1,2})?(\\d{1,3})\\.((?:[*_]{1,2})?)(${SP}+|$)(.*)$`);
// « a) … », « (a) … », « ii) … », « *b)* … », « « c) … »
const LABEL_LINE = new RegExp(`^([ \\t]*)((?:[«“"„]${SP}*)?)([*_]{0,2})(\\(?)([a-z]{1,6})\\)([*_]{0,2})(${SP}+|$)(.*)$`);
// The end of a quotation: « … de la question. » or “… ;”
const CLOSING_QUOTE = /[»”"][*_]*[ \t\u00a0\u202f]*[.;,:]?[ \t]*$/;
const HEADING = /^[ \t]*#{1,6}(?:[ \t]|$)/;
const MAX_WALK = 60;

interface NumberMatch { type: 'number'; indent: string; quote: string; open: string; value: number; close: string; sep: string; rest: string }
interface LabelMatch { type: 'label'; indent: string; quote: string; open: string; paren: string; label: string; close: string; sep: string; rest: string }
type StartMatch = NumberMatch | LabelMatch;

function matchStart(line: string): StartMatch | undefined {
  if (HEADING.test(line)) return undefined;
  const n = NUMBER_LINE.exec(line);
  if (n) return { type: 'number', indent: n[1], quote: n[2], open: n[3] ?? '', value: Number(n[4]), close: n[5], sep: n[6], rest: n[7] };
  const l = LABEL_LINE.exec(line);
  if (l && (isLetterLabel(l[5]) || isRoman(l[5]))) {
    return { type: 'label', indent: l[1], quote: l[2], open: l[3], paren: l[4], label: l[5], close: l[6], sep: l[7], rest: l[8] };
  }
  return undefined;
}

const isBlank = (s: string | undefined) => s === undefined || s.trim() === '';

/**
 * What Enter should do with the cursor at (line, character), or undefined for a plain line break.
 * Only acts when nothing but white space follows the cursor on its line.
 */
export function continueOnEnter(lines: Lines, line: number, character: number): EnterEdit | undefined {
  const text = lines.at(line);
  if (text === undefined || line < 0) return undefined;
  if (text.slice(character).trim() !== '') return undefined;
  const end: TextPosition = { line, character: text.length };

  // A bare « 10. » or « b) »: end the list, like Markdown.
  const here = matchStart(text);
  if (here && here.rest.trim() === '' && character >= text.trimEnd().length) {
    return { range: { start: { line, character: 0 }, end }, text: '', cursor: { line, character: 0 }, reason: 'end-list' };
  }

  // The paragraph the cursor ends: walk up to its first line, which must be numbered or labelled.
  let start = line;
  let found: StartMatch | undefined = here;
  while (!found) {
    start--;
    const prev = lines.at(start);
    if (start < 0 || line - start > MAX_WALK || isBlank(prev) || HEADING.test(prev!)) return undefined;
    found = matchStart(prev!);
  }
  // The cursor must be on the paragraph's last line: a continuation line below means we are mid-paragraph.
  const next = lines.at(line + 1);
  if (!isBlank(next) && !matchStart(next!)) return undefined;
  // A quoted passage that closes here (« … de la question. ») : the outer numbering is not ours to guess.
  if (found.quote && CLOSING_QUOTE.test(text)) return undefined;

  // A blank line between paragraphs, unless the list is written without them.
  const compact = start > 0 && !isBlank(lines.at(start - 1)) && matchStart(lines.at(start - 1)!) !== undefined;
  const breakText = compact ? '\n' : '\n\n';
  let opener: string;
  let reason: EnterEdit['reason'];
  if (found.type === 'number') {
    opener = `${found.indent}${found.quote}${found.open}${found.value + 1}.${found.close}${found.sep || ' '}`;
    reason = 'next-number';
  } else {
    const label = nextLabel(found.label, previousLabel(lines, start));
    opener = `${found.indent}${found.quote}${found.open}${found.paren}${label})${found.close}${found.sep || ' '}`;
    reason = 'next-label';
  }
  const cursorLine = line + breakText.length;
  return {
    range: { start: { line, character }, end },
    text: breakText + opener,
    cursor: { line: cursorLine, character: opener.length },
    reason,
  };
}

/** The label of the subparagraph before the one starting at `start` (same list or the enclosing one), if any. */
function previousLabel(lines: Lines, start: number): string | undefined {
  for (let i = start - 1; i >= 0 && start - i <= 400; i--) {
    const m = matchStart(lines.at(i) ?? '');
    if (!m) continue;
    return m.type === 'label' ? m.label : undefined;
  }
  return undefined;
}

// ---- labels: a → b … z → aa → bb ; i → ii → iii → iv … ----

function isLetterLabel(s: string): boolean {
  return /^([a-z])\1*$/.test(s) && s.length <= 3;
}

const ROMAN: Array<[number, string]> = [[40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

export function toRoman(n: number): string {
  let out = '';
  for (const [value, digits] of ROMAN) while (n >= value) { out += digits; n -= value; }
  return out;
}

export function fromRoman(s: string): number | undefined {
  if (!/^[ivxl]+$/.test(s)) return undefined;
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = values[s[i]], w = values[s[i + 1]] ?? 0;
    n += v < w ? -v : v;
  }
  return n > 0 && n < 50 && toRoman(n) === s ? n : undefined;
}

function isRoman(s: string): boolean {
  return /^[ivx]+$/.test(s) && fromRoman(s) !== undefined;
}

export function nextLetter(s: string): string {
  const c = s[0];
  if (c === 'z') return 'a'.repeat(s.length + 1);
  return String.fromCharCode(c.charCodeAt(0) + 1).repeat(s.length);
}

/**
 * The label after `label`. « i », « v », « x » (and « ii », « iii », « xx » …) read as letters or as
 * roman numerals: the previous label decides (« h » → letters, « iv » → roman); without one, a
 * roman numeral unless it is the lone letter « v » or « x ».
 */
export function nextLabel(label: string, previous?: string): string {
  const letter = isLetterLabel(label);
  const roman = isRoman(label);
  if (letter && roman) {
    if (previous !== undefined && isLetterLabel(previous) && nextLetter(previous) === label) return nextLetter(label);
    if (previous !== undefined && isRoman(previous) && toRoman(fromRoman(previous)! + 1) === label) return toRoman(fromRoman(label)! + 1);
    return label === 'v' || label === 'x' ? nextLetter(label) : toRoman(fromRoman(label)! + 1);
  }
  if (roman) return toRoman(fromRoman(label)! + 1);
  return nextLetter(label);
}
