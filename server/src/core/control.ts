// Inline control comments, read the same way by the editor and by reslint:
//   <!-- reslint-disable [rule …] -->            from this line on (all rules when none is named)
//   <!-- reslint-enable [rule …] -->             from this line on
//   <!-- reslint-disable-next-line [rule …] -->  the next non-blank line (paragraphs are separated by blank lines)
//   <!-- reslint-disable-line [rule …] -->       the line the comment ends
//   <!-- reslint-disable-file [rule …] -->       the whole file, wherever it stands
import type { Range } from './model/types';

export const CONTROL_COMMENT = /<!--\s*reslint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)\s*-->/g;

export interface Directive { kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file'; rules: string[]; line: number; range: Range }

export interface Control {
  directives: Directive[];
  isDisabled(rule: string, line: number): boolean;
}

const ALL = '*';

/** What readControl() says of lines none of which holds a control comment. */
export const NO_CONTROL: Control = { directives: [], isDisabled: () => false };

const CONTROL_OPENING = /<!--\s*reslint-/y;

/**
 * The control comments of a text split into `lines`. Every one opens with « <!-- », rare in a
 * resolution and found at memchr speed (searching « reslint- » in each line cost more than the
 * search itself, « r » being common): lines are read only when some « <!-- » opens one.
 */
export function readTextControl(text: string, lines: string[]): Control {
  for (let i = text.indexOf('<!--'); i >= 0; i = text.indexOf('<!--', i + 4)) {
    CONTROL_OPENING.lastIndex = i;
    if (CONTROL_OPENING.test(text)) return readControl(lines);
  }
  return NO_CONTROL;
}

export function readControl(lines: string[]): Control {
  const directives: Directive[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.includes('reslint-')) continue;
    CONTROL_COMMENT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CONTROL_COMMENT.exec(line))) {
      directives.push({
        kind: m[1] as Directive['kind'],
        rules: m[2].split(/[\s,]+/).filter(Boolean),
        line: i,
        range: { start: { line: i, character: m.index }, end: { line: i, character: m.index + m[0].length } },
      });
    }
  }
  if (!directives.length) return { directives, isDisabled: () => false };

  const fileWide = new Set<string>();
  const lineOnly = new Map<number, Set<string>>();
  // Changes of state at a line, in order: which rules are off from that line on.
  const states: { from: number; off: Set<string> }[] = [];
  let off = new Set<string>();
  for (const d of directives) {
    const rules = d.rules.length ? d.rules : [ALL];
    if (d.kind === 'disable-file') rules.forEach((r) => fileWide.add(r));
    else if (d.kind === 'disable-line' || d.kind === 'disable-next-line') {
      let target = d.line;
      if (d.kind === 'disable-next-line') {
        target = d.line + 1;
        while (target < lines.length && (lines[target].trim() === '' || isCommentOnly(lines[target]))) target++;
      }
      const set = lineOnly.get(target) ?? new Set<string>();
      rules.forEach((r) => set.add(r));
      lineOnly.set(target, set);
    } else {
      off = new Set(off);
      if (d.kind === 'disable') rules.forEach((r) => off.add(r));
      else if (rules.includes(ALL)) off.clear();
      else rules.forEach((r) => off.delete(r));
      states.push({ from: d.line, off });
    }
  }
  const has = (set: Set<string> | undefined, rule: string) => !!set && (set.has(ALL) || set.has(rule));
  return {
    directives,
    isDisabled(rule, line) {
      if (has(fileWide, rule) || has(lineOnly.get(line), rule)) return true;
      let current: Set<string> | undefined;
      for (const s of states) { if (s.from <= line) current = s.off; else break; }
      return has(current, rule);
    },
  };
}

/** A line holding nothing but HTML comments: the model reads it as a blank line. */
export function isCommentOnly(line: string): boolean {
  const t = line.trim();
  return t.startsWith('<!--') && t.endsWith('-->') && t.replace(/<!--[\s\S]*?-->/g, '').trim() === '';
}
