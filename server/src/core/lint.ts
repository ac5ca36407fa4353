// Runs every rule over a parsed document. A rule that throws is logged and skipped: the
// other rules still report, and the caller (server or CLI) keeps running.
import { readTextControl, type Control } from './control';
import { parse, type ParseOptions } from './model/parse';
import { comparePositions } from './model/text';
import type { ResolutionDocument } from './model/types';
import { effectiveProfile, effectiveTypography, type Profile, type Typography } from './profiles';
import { rules } from './rules/index';
import type { Finding, IndexLookup, Rule, Severity } from './rules/types';

export interface LintOptions extends ParseOptions {
  /** Severity per rule id; 'off' disables a rule. */
  rules?: Record<string, Severity | 'off'>;
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Editorial practice (default general-assembly, which reads a Security Council text as such). */
  profile?: Profile;
  /** French typography (default modern; the legacy profile implies legacy). */
  typography?: Typography;
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
  const cut = checkedLength(text, limit);
  const doc = parse(text.slice(0, cut), options);
  const findings = lintDocument(doc, options);
  findings.push(sizeNotice(doc, text.length, cut));
  return { doc, findings };
}

/** Past the limit, the text is checked up to the last blank line before it. */
export function checkedLength(text: string, limit: number): number {
  const blank = text.lastIndexOf('\n\n', limit);
  return blank > limit / 2 ? blank : limit;
}

/** The notice on the last line checked of a text longer than the limit. */
export function sizeNotice(doc: ResolutionDocument, textLength: number, cut: number): Finding {
  const last = doc.lines.length - 1;
  const mb = (n: number) => (n / 1_000_000).toLocaleString(doc.lang === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 1 });
  return {
    rule: 'document-size',
    severity: 'information',
    range: { start: { line: last, character: 0 }, end: { line: last, character: doc.lines[last].length } },
    message: doc.lang === 'fr'
      ? `Document de ${mb(textLength)} millions de caractères : seuls les ${mb(cut)} premiers millions sont vérifiés dans l’éditeur, la suite (à partir de la ligne ${last + 2}) ne l’est pas ; reslint vérifie tout`
      : `Document of ${mb(textLength)} million characters: only the first ${mb(cut)} million are checked in the editor, the rest (from line ${last + 2}) is not; reslint checks everything`,
  };
}

export function lintDocument(doc: ResolutionDocument, options: LintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const { active, profile, typography } = activeRules(doc, options);
  const ruleOptions = { ...options, profile, typography };
  for (const rule of active) runRule(rule, doc, ruleOptions, findings);
  return finishFindings(doc, findings, options);
}

/** The rules that run on the document under these options, and the profile and typography they run with. */
export function activeRules(doc: ResolutionDocument, options: LintOptions): { active: Rule[]; profile: Profile; typography: Typography } {
  const profile = effectiveProfile(doc, options.profile);
  const typography = effectiveTypography(profile, options.typography);
  const active = rules.filter((rule) => options.rules?.[rule.id] !== 'off' && rule.profiles.includes(profile));
  return { active, profile, typography };
}

/**
 * Runs one rule over `doc` (options.profile and options.typography as activeRules gives them), adding
 * its findings to `findings`; false when it threw (what it reported before stays, as in a full run).
 */
export function runRule(rule: Rule, doc: ResolutionDocument, options: LintOptions & { profile: Profile; typography: Typography }, findings: Finding[]): boolean {
  const configured = options.rules?.[rule.id];
  try {
    rule.check({
      doc,
      lang: doc.lang,
      profile: options.profile,
      typography: options.typography,
      index: options.index,
      t: (fr, en) => (doc.lang === 'fr' ? fr : en),
      report: (r) => findings.push({
        rule: rule.id,
        // A configured severity applies to every finding of the rule, including those with their own default.
        severity: configured === 'off' ? rule.defaultSeverity : configured ?? r.severity ?? rule.defaultSeverity,
        range: r.range,
        message: r.message,
        fixes: r.fixes,
        ...(r.renumbering ? { renumbering: true } : {}),
      }),
    });
    return true;
  } catch (error) {
    options.onRuleError?.(rule.id, error);
    return false;
  }
}

/**
 * The last step of every analysis: findings on lines disabled by control comments go, unknown rules in
 * them are reported, all in order. `control` may be given when known (no line holds « reslint- »).
 */
export function finishFindings(doc: ResolutionDocument, findings: Finding[], options: LintOptions, control: Control = readTextControl(doc.text, doc.lines)): Finding[] {
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
    .sort((a, b) => comparePositions(a.range.start, b.range.start) || compareRuleIds(a.rule, b.rule));
}

/** Rule ids in kebab-case ASCII (all of them): compared by code unit, the order localeCompare gives them. */
const PLAIN_ID = /^[a-z0-9-]+$/;

/** The order of rule ids as localeCompare gives it (on [a-z0-9-] the collator orders by code unit); plain ids without the collator. */
function compareRuleIds(a: string, b: string): number {
  if (a === b) return 0;
  if (PLAIN_ID.test(a) && PLAIN_ID.test(b)) return a < b ? -1 : 1;
  return a.localeCompare(b);
}
