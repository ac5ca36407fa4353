// Runs every rule over a parsed document. A rule that throws is logged and skipped: the
// other rules still report, and the caller (server or CLI) keeps running.
import { parse, type ParseOptions } from './model/parse';
import { comparePositions } from './model/text';
import type { ResolutionDocument } from './model/types';
import { rules } from './rules/index';
import type { Finding, Severity } from './rules/types';

export interface LintOptions extends ParseOptions {
  /** Severity per rule id; 'off' disables a rule. */
  rules?: Record<string, Severity | 'off'>;
  onRuleError?: (ruleId: string, error: unknown) => void;
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
  return findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || a.rule.localeCompare(b.rule));
}
