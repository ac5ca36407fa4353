// Quick fixes: the fixes of the findings that touch a range, renumbering for numbering problems,
// and one « fix all » that applies every safe fix whose edits do not overlap.
import { comparePositions } from '../model/text';
import type { Lang, Range, ResolutionDocument } from '../model/types';
import type { Finding, TextEdit } from '../rules/types';
import { renumber } from './renumber';

export interface CodeActionPlan { title: string; edits: TextEdit[]; findings: Finding[]; preferred: boolean; fixAll?: boolean }

/**
 * Findings that renumbering settles (a gap, a duplicate, footnotes out of order, a « 5 bis. »):
 * their fix is the whole renumbering, references included, since one number cannot change alone.
 */
export function isRenumberable(f: Finding): boolean {
  return f.renumbering === true;
}

/**
 * `doc` is the complete parse of the document's text (not an analysis cut at the editor's size
 * limit): renumbering is only offered from it.
 */
export function codeActions(findings: Finding[], range: Range, lang: Lang, doc?: ResolutionDocument): CodeActionPlan[] {
  const plans: CodeActionPlan[] = [];
  const renumberable: Finding[] = [];
  for (const f of findings) {
    if (!overlaps(f.range, range)) continue;
    (f.fixes ?? []).forEach((fix, k) => plans.push({ title: fix.title, edits: fix.edits, findings: [f], preferred: k === 0 && (f.fixes!.length === 1 || !!fix.safe) }));
    if (isRenumberable(f)) renumberable.push(f);
  }
  if (doc && renumberable.length) {
    const { edits, references } = renumber(doc);
    if (edits.length) {
      const title = lang === 'fr'
        ? `Renuméroter les paragraphes et les notes${references ? ' (et les renvois)' : ''}`
        : `Renumber paragraphs and footnotes${references ? ' (and references)' : ''}`;
      plans.push({ title, edits, findings: renumberable, preferred: renumberable.every((f) => !f.fixes?.length) });
    }
  }
  const all = fixAll(findings);
  if (all.edits.length > 1 || (all.edits.length === 1 && !plans.length)) {
    plans.push({ title: lang === 'fr' ? 'Corriger tout ce qui peut l’être sans risque dans le document' : 'Fix all safe problems in the document', edits: all.edits, findings: all.findings, preferred: false, fixAll: true });
  }
  return plans;
}

/** Every safe fix, first come first served, skipping any whose edits overlap one already taken. */
export function fixAll(findings: Finding[]): { edits: TextEdit[]; findings: Finding[] } {
  const taken: TextEdit[] = [];
  const fixed: Finding[] = [];
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.safe);
    if (!fix) continue;
    if (fix.edits.some((e) => taken.some((t) => overlapsStrict(t.range, e.range)))) continue;
    taken.push(...fix.edits);
    fixed.push(f);
  }
  return { edits: taken, findings: fixed };
}

/** Applies edits to a text (tests, and the fix-all check); edits must not overlap. */
export function applyEdits(lines: string[], edits: TextEdit[]): string {
  const offsets: number[] = [];
  let acc = 0;
  for (const l of lines) { offsets.push(acc); acc += l.length + 1; }
  const text = lines.join('\n');
  const at = (p: { line: number; character: number }) => offsets[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => comparePositions(b.range.start, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, at(e.range.start)) + e.newText + out.slice(at(e.range.end));
  return out;
}

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

function overlapsStrict(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0 || comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}
