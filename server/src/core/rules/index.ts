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
import { symbolFormat } from './symbol-format';
import type { Rule } from './types';
import { unnumberedOperative } from './unnumbered-operative';

export const rules: readonly Rule[] = [
  organLine,
  preambleAfterOperative,
  unnumberedOperative,
  preambleOpener,
  operativeVerb,
  operativeVerbItalic,
  paragraphNumbering,
  paragraphPunctuation,
  footnoteUndefined,
  footnoteUnreferenced,
  footnoteOrder,
  footnoteReused,
  dateFormat,
  symbolFormat,
  citationDate,
  citationTitle,
];

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
