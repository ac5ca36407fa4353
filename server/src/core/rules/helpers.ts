// Small helpers shared by rules: walking parts and paragraphs, quoting words in messages.
import { allParts, endingOf } from '../model/parse';
import type { Ending, Lang, Paragraph, Part, ResolutionDocument } from '../model/types';

export function resolutionParts(doc: ResolutionDocument): Part[] {
  return allParts(doc.parts).filter((p) => p.kind === 'resolution' || p.kind === 'draft');
}

export function numberedParts(doc: ResolutionDocument): Part[] {
  return allParts(doc.parts);
}

export function ending(doc: ResolutionDocument, p: Paragraph): Ending | undefined {
  return endingOf(p, doc.lines);
}

/** « word » in French messages, "word" in English ones. */
export function q(lang: Lang, s: string): string {
  return lang === 'fr' ? `« ${s} »` : `"${s}"`;
}


/** Writes a closing mark the way the document does: French « ; » and « : » take a space before. */
export function formatMark(doc: ResolutionDocument, mark: string): string {
  if (doc.lang !== 'fr') return mark;
  if (mark === ':') return ' :';
  if (mark === ';') return doc.spacedSemicolons ? ' ;' : ';';
  return mark;
}

/** The replacement written the way the original was: « requests » → « requesting », « Rappelle » → « Rappelant ». */
export function matchCase(written: string, replacement: string): string {
  const first = written.charAt(0);
  return first === first.toLocaleLowerCase('fr') ? replacement.charAt(0).toLocaleLowerCase('fr') + replacement.slice(1) : replacement;
}

/** The text a range covers on one line. */
export function textAt(doc: ResolutionDocument, r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return doc.lines[r.start.line].slice(r.start.character, r.end.character);
}

/**
 * The matches of `re` in a text, exactly as `text.matchAll(re)` gives them, for an expression whose
 * every match starts with one of `keys` (literal strings: the alternatives of a word list, with
 * lookarounds for word boundaries). A regular expression walks every character of a paragraph
 * (≈ 0.07 ms per 100 KB even for `[A-Z]{2}`); `indexOf` finds a literal ten times faster. So the
 * expression runs only where a key stands, as a sticky match (same alternative, same lookarounds,
 * same leftmost order), and a paragraph is searched only for the keys the document may hold: those
 * whose first word its text contains (a key's words never straddle a line break, where the
 * paragraph joins its lines with a space). Keys are grouped under short prefixes first (« Etat »
 * for « Etats membres », « Etat-Membre »…) so that most absent keys cost one scan for their group.
 */
export class KeyedPattern {
  private readonly sticky: RegExp;
  /** Prefix (no space) → the keys that start with it. */
  private readonly groups = new Map<string, string[]>();
  private readonly present = new WeakMap<ResolutionDocument, string[]>();
  constructor(re: RegExp, keys: Iterable<string>) {
    this.sticky = new RegExp(re.source, re.flags.replace('g', '') + 'y');
    // Shortest keys first, so that « AG » groups « AGNU » under it.
    for (const key of [...keys].sort((a, b) => a.length - b.length)) {
      const known = [...this.groups.keys()].find((p) => key.startsWith(p));
      const prefix = known ?? firstWord(key).slice(0, 4);
      if (!prefix) throw new Error(`KeyedPattern: key « ${key} » starts with a space`);
      this.groups.set(prefix, [...(this.groups.get(prefix) ?? []), key]);
    }
  }

  /**
   * The keys the document's text may hold (a few scans of the whole text, once per document). The
   * searches are at most six characters long: V8 finds a short string at memchr speed (≈ 2 µs per
   * 100 KB) but switches longer ones to a Boyer-Moore search that costs twenty times as much.
   */
  private keysIn(doc: ResolutionDocument): string[] {
    let found = this.present.get(doc);
    if (found) return found;
    found = [];
    const words = new Map<string, boolean>();
    for (const [prefix, keys] of this.groups) {
      if (!doc.text.includes(prefix)) continue;
      for (const key of keys) {
        const word = firstWord(key).slice(0, 6);
        let has = words.get(word);
        if (has === undefined) words.set(word, (has = doc.text.includes(word)));
        if (has) found.push(key);
      }
    }
    this.present.set(doc, found);
    return found;
  }

  /** Whether a paragraph of the document may hold a match (false: none does). */
  mayMatch(doc: ResolutionDocument): boolean {
    return this.keysIn(doc).length > 0;
  }

  /** The matches in `text`, a paragraph of `doc` (its lines, joined by spaces), in order. */
  matches(doc: ResolutionDocument, text: string): RegExpExecArray[] {
    const keys = this.keysIn(doc);
    let starts: number[] | undefined;
    for (const key of keys) {
      for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) (starts ??= []).push(i);
    }
    if (!starts) return [];
    if (starts.length > 1) starts.sort((a, b) => a - b);
    const out: RegExpExecArray[] = [];
    let from = 0;
    for (const start of starts) {
      if (start < from) continue;
      this.sticky.lastIndex = start;
      const m = this.sticky.exec(text);
      if (!m) continue;
      out.push(m);
      from = start + Math.max(1, m[0].length);
    }
    return out;
  }
}

const firstWord = (key: string) => key.split(/\s/)[0];
