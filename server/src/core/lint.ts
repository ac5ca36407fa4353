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
  /**
   * Largest text analysed, in characters (the editor sets one so that a 50 MB compendium never stalls
   * the server): past it, the text is checked up to the last blank line before the limit and a
   * notice says what was skipped. The CLI checks everything.
   */
  limit?: number;
}

export interface LintResult { doc: ResolutionDocument; findings: Finding[] }

export function lint(text: string, options: LintOptions = {}): LintResult {
  if (options.limit !== undefined && text.length > options.limit) return lintPrefix(text, options.limit, options);
  const doc = parse(text, options);
  return { doc, findings: lintDocument(doc, options) };
}

function lintPrefix(text: string, limit: number, options: LintOptions): LintResult {
  const blank = text.lastIndexOf('\n\n', limit);
  const cut = blank > limit / 2 ? blank : limit;
  const doc = parse(text.slice(0, cut), options);
  const findings = lintDocument(doc, options);
  const last = doc.lines.length - 1;
  const mb = (n: number) => (n / 1_000_000).toLocaleString(doc.lang === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 1 });
  findings.push({
    rule: 'document-size',
    severity: 'information',
    range: { start: { line: last, character: 0 }, end: { line: last, character: doc.lines[last].length } },
    message: doc.lang === 'fr'
      ? `Document de ${mb(text.length)} millions de caractères : seuls les ${mb(cut)} premiers millions sont vérifiés dans l’éditeur, la suite (à partir de la ligne ${last + 2}) ne l’est pas ; reslint vérifie tout`
      : `Document of ${mb(text.length)} million characters: only the first ${mb(cut)} million are checked in the editor, the rest (from line ${last + 2}) is not; reslint checks everything`,
  });
  return { doc, findings };
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
