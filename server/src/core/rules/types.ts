// The shape every rule shares: a stable id, a default severity, a check over the model.
import type { Lang, Range, ResolutionDocument } from '../model/types';
import type { Profile, Typography } from '../profiles';

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
  /** Settled by renumbering the whole document (features/renumber.ts), which code actions then offer. */
  renumbering?: boolean;
}

export interface Report {
  range: Range;
  message: string;
  /** Overrides the rule's default for this finding (a document-level hint, a former-practice note). */
  severity?: Severity;
  fixes?: Fix[];
  /** See Finding.renumbering: a numbering mistake that one number cannot fix alone. */
  renumbering?: boolean;
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
  /** The editorial practice the document is checked against (see profiles.ts). */
  profile: Profile;
  /** French typography level: `modern` or `legacy`. */
  typography: Typography;
  /** Picks the message in the document's language. */
  t(fr: string, en: string): string;
  report(r: Report): void;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  description: { fr: string; en: string };
  /** The profiles the rule applies to; under the others it stays silent. */
  profiles: readonly Profile[];
  /**
   * What the rule's findings depend on, so that incremental analysis (../incremental.ts) runs it again
   * only where the text changed. Absent: the whole document, the rule runs again on every change.
   * - 'paragraph': the rule looks at paragraphs one by one (those of `doc.paragraphs`, or of the parts'
   *   `preamble` and `operative` lists) and reports on a paragraph's own lines only, from nothing but that
   *   paragraph (its kind, text, segments and their lines, number, label, opener, depth, introducesDraft),
   *   the kind of its part, the organ of its part (organId and organ line, its own or up through parent parts), the
   *   index, and what the document says as a whole (see below).
   * - 'part': the rule looks at top-level parts one by one (`doc.parts` and the parts nested in them) and
   *   reports on that part's lines only, from nothing but that part, its paragraphs and their lines, and
   *   what the document says as a whole.
   * What the document says as a whole: its language, kind, profile and typography, usesEmphasis,
   * spacedSemicolons, the texts of its symbol, title and header fields, whether it has a meeting line,
   * and the organ of its first part. A scoped rule's messages never name a line number. Incremental
   * analysis runs a scoped rule on a document whose lists keep only the paragraphs or parts to check.
   */
  scope?: 'paragraph' | 'part';
  check(ctx: RuleContext): void;
}
