// Editorial practice differs by organ and by the stage of a text: the profile says which one a
// document follows, and each rule states the profiles it applies to.
import type { ResolutionDocument } from './model/types';

export const PROFILES = ['general-assembly', 'security-council', 'draft', 'legacy'] as const;
export type Profile = (typeof PROFILES)[number];
export const ALL_PROFILES: readonly Profile[] = PROFILES;

/** French typography: `modern` hints at the spaces of today's UN French; `legacy` (older texts, the seeds) does not. */
export const TYPOGRAPHIES = ['modern', 'legacy'] as const;
export type Typography = (typeof TYPOGRAPHIES)[number];

/**
 * The profile a document is checked with. The default, general-assembly, reads a Security Council
 * text with Security Council practice (repeated verbs, "this resolution", no closing meeting line
 * are normal there); any other configured profile is taken as given.
 */
export function effectiveProfile(doc: ResolutionDocument, configured: Profile = 'general-assembly'): Profile {
  if (configured !== 'general-assembly') return configured;
  return doc.parts[0]?.organId === 'security-council' ? 'security-council' : configured;
}

/** The legacy profile implies legacy typography whatever the setting. */
export function effectiveTypography(profile: Profile, configured: Typography = 'modern'): Typography {
  return profile === 'legacy' ? 'legacy' : configured;
}
