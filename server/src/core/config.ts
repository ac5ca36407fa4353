// Workspace configuration in .reslintrc.json, found and read the same way by the editor and by
// reslint: the nearest file at or above the document's folder. Plain JSON: nothing in it runs.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Lang } from './model/types';
import { PROFILES, TYPOGRAPHIES, type Profile, type Typography } from './profiles';
import { rules } from './rules/index';
import { SEVERITIES, type Severity } from './rules/types';

export const CONFIG_FILE = '.reslintrc.json';
export { PROFILES, TYPOGRAPHIES, type Profile, type Typography };

export interface Settings {
  language: Lang | 'auto';
  profile: Profile;
  typography: Typography;
  rules: Record<string, Severity | 'off'>;
}

export const DEFAULT_SETTINGS: Settings = { language: 'auto', profile: 'general-assembly', typography: 'modern', rules: {} };

export type ConfigResult = { ok: true; config: Partial<Settings>; warnings: string[] } | { ok: false; error: string };

/** Reads a configuration's JSON, keeping what is understood and saying what is not. */
export function parseConfig(text: string): ConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, error: `invalid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'expected a JSON object' };
  const r = raw as Record<string, unknown>;
  const config: Partial<Settings> = {};
  const warnings: string[] = [];
  for (const [key, value] of Object.entries(r)) {
    if (key === '$schema') continue;
    if (key === 'language') {
      if (value === 'auto' || value === 'fr' || value === 'en') config.language = value;
      else warnings.push(`language: expected auto, fr or en`);
    } else if (key === 'profile') {
      if (PROFILES.includes(value as Profile)) config.profile = value as Profile;
      else warnings.push(`profile: expected one of ${PROFILES.join(', ')}`);
    } else if (key === 'typography') {
      if (TYPOGRAPHIES.includes(value as Typography)) config.typography = value as Typography;
      else warnings.push(`typography: expected one of ${TYPOGRAPHIES.join(', ')}`);
    } else if (key === 'rules') {
      config.rules = sanitizeRules(value, warnings);
    } else {
      warnings.push(`unknown key "${key}"`);
    }
  }
  return { ok: true, config, warnings };
}

export function sanitizeRules(value: unknown, warnings: string[] = []): Record<string, Severity | 'off'> {
  const out: Record<string, Severity | 'off'> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    if (value !== undefined) warnings.push('rules: expected an object of rule ids');
    return out;
  }
  for (const [id, v] of Object.entries(value as Record<string, unknown>)) {
    if (!KNOWN_IDS.has(id)) { warnings.push(`rules: unknown rule "${id}"`); continue; }
    if (v === 'off' || SEVERITIES.includes(v as Severity)) out[id] = v as Severity | 'off';
    else warnings.push(`rules.${id}: expected off, error, warning, information or hint`);
  }
  return out;
}

const KNOWN_IDS = new Set([...rules.map((r) => r.id), 'control-comment']);

/** The nearest .reslintrc.json at or above a folder, up to `stopAt` (included) or the file system root. */
export function findConfig(startDir: string, stopAt?: string): string | undefined {
  let dir = path.resolve(startDir);
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dir === stop) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadConfig(file: string): ConfigResult {
  try {
    return parseConfig(readFileSync(file, 'utf8'));
  } catch (e) {
    return { ok: false, error: `cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
}

/** Later layers win key by key; rule severities merge rule by rule. */
export function mergeSettings(...layers: Partial<Settings>[]): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  for (const l of layers) {
    if (l.language) out.language = l.language;
    if (l.profile) out.profile = l.profile;
    if (l.typography) out.typography = l.typography;
    if (l.rules) Object.assign(out.rules, l.rules);
  }
  return out;
}
