// The shape every rule shares: a stable id, a default severity, a check over the model.
import type { Lang, Range, ResolutionDocument } from '../model/types';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export interface TextEdit { range: Range; newText: string }
export interface Fix { title: string; edits: TextEdit[]; /** Safe to apply without looking (fix all in document). */ safe?: boolean }

export interface Finding {
  rule: string;
  severity: Severity;
  range: Range;
  message: string;
  fixes?: Fix[];
}

export interface Report {
  range: Range;
  message: string;
  /** Overrides the rule's default for this finding (a document-level hint, a former-practice note). */
  severity?: Severity;
  fixes?: Fix[];
}

/** What rules may ask the resolution index (shipped data, workspace, catalogue). */
export interface IndexLookup {
  lookup(key: string, lang?: Lang): { date?: string; titles: { fr?: string; en?: string } } | undefined;
}

export interface RuleContext {
  doc: ResolutionDocument;
  lang: Lang;
  /** Absent when no index is given: rules that compare with it then stay silent. */
  index?: IndexLookup;
  /** Picks the message in the document's language. */
  t(fr: string, en: string): string;
  report(r: Report): void;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  description: { fr: string; en: string };
  check(ctx: RuleContext): void;
}
