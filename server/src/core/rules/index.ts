// The rule registry: one rule per file, listed here in the order their findings read best.
import { dateFormat } from './date-format';
import { citationDate } from './citation-date';
import { citationTitle } from './citation-title';
import { footnoteOrder, footnoteReused, footnoteUndefined, footnoteUnreferenced } from './footnotes';
import { operativeVerb } from './operative-verb';
import { operativeVerbItalic } from './operative-verb-italic';
import { organLine } from './organ-line';
import { paragraphNumbering } from './paragraph-numbering';
import { paragraphPunctuation } from './paragraph-punctuation';
import { preambleAfterOperative } from './preamble-after-operative';
import { preambleOpener } from './preamble-opener';
import { presentResolution } from './present-resolution';
import { symbolFormat } from './symbol-format';
import { alsoFurtherSequence } from './also-further-sequence';
import { frenchAgreement } from './french-agreement';
import { subparagraphLadder } from './subparagraph-ladder';
import { footnotePlacement } from './footnote-placement';
import { terminology } from './terminology';
import { acronymConsistency } from './acronym-consistency';
import { frenchTypography } from './french-typography';
import { draftMarkup } from './draft-markup';
import type { Rule } from './types';
import { unnumberedOperative } from './unnumbered-operative';

export const rules: readonly Rule[] = [
  organLine,
  preambleAfterOperative,
  unnumberedOperative,
  preambleOpener,
  operativeVerb,
  operativeVerbItalic,
  alsoFurtherSequence,
  frenchAgreement,
  paragraphNumbering,
  draftMarkup,
  paragraphPunctuation,
  subparagraphLadder,
  footnoteUndefined,
  footnoteUnreferenced,
  footnoteOrder,
  footnoteReused,
  footnotePlacement,
  terminology,
  presentResolution,
  acronymConsistency,
  frenchTypography,
  dateFormat,
  symbolFormat,
  citationDate,
  citationTitle,
];

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
