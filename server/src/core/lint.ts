// Runs every rule over a parsed document. A rule that throws is logged and skipped: the
// other rules still report, and the caller (server or CLI) keeps running.
import { readControl } from './control';
import { parse, type ParseOptions } from './model/parse';
import { comparePositions } from './model/text';
import type { ResolutionDocument } from './model/types';
import { rules } from './rules/index';
import type { Finding, IndexLookup, Severity } from './rules/types';

export interface LintOptions extends ParseOptions {
  /** Severity per rule id; 'off' disables a rule. */
  rules?: Record<string, Severity | 'off'>;
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** The resolution index, for the rules that compare citations with it. */
  index?: IndexLookup;
}

export interface LintResult { doc: ResolutionDocument; findings: Finding[] }

export function lint(text: string, options: LintOptions = {}): LintResult {
  const doc = parse(text, options);
  return { doc, findings: lintDocument(doc, options) };
}

export function lintDocument(doc: ResolutionDocument, options: LintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const configured = options.rules?.[rule.id];
    if (configured === 'off') continue;
    try {
      rule.check({
        doc,
        lang: doc.lang,
        index: options.index,
        t: (fr, en) => (doc.lang === 'fr' ? fr : en),
        report: (r) => findings.push({
          rule: rule.id,
          // A configured severity applies to every finding of the rule, including those with their own default.
          severity: configured ?? r.severity ?? rule.defaultSeverity,
          range: r.range,
          message: r.message,
          fixes: r.fixes,
        }),
      });
    } catch (error) {
      options.onRuleError?.(rule.id, error);
    }
  }
  const control = readControl(doc.lines);
  const kept = findings.filter((f) => !control.isDisabled(f.rule, f.range.start.line));
  // A control comment naming a rule that does not exist would silently disable nothing: say so.
  const controlSeverity = options.rules?.['control-comment'];
  if (controlSeverity !== 'off') {
    for (const d of control.directives) {
      for (const id of d.rules.filter((r) => !rules.some((rule) => rule.id === r))) {
        kept.push({
          rule: 'control-comment', severity: controlSeverity ?? 'warning', range: d.range,
          message: doc.lang === 'fr' ? `Règle inconnue « ${id} » dans le commentaire de contrôle : voir la liste des règles` : `Unknown rule "${id}" in the control comment: see the list of rules`,
        });
      }
    }
  }
  return kept
    .sort((a, b) => comparePositions(a.range.start, b.range.start) || a.rule.localeCompare(b.rule));
}
