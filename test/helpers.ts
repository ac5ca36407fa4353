// Shared by the tests: fixtures that carry their expected diagnostics inline, as markers
// « {rule-id} » or « {rule-a, rule-b} » at the end of the line the diagnostic starts on.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Profile, Typography } from '../server/src/core/profiles';

export const ROOT = path.resolve(__dirname, '..');
export const SEEDS = readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => path.join(ROOT, 'seeds', f));
export const FIXTURES_DIR = path.join(ROOT, 'test', 'fixtures');

const MARKER = /[ \t]*\{([a-z]+(?:-[a-z]+)*(?:[ \t]*,[ \t]*[a-z]+(?:-[a-z]+)*)*)\}[ \t]*$/;

/** Options a fixture is checked with: a sibling `<name>.options.json` (profile, typography, language). */
export interface FixtureOptions { profile?: Profile; typography?: Typography; language?: 'fr' | 'en' | 'auto' }

export interface Fixture { name: string; text: string; expected: string[]; options: FixtureOptions }

/** Reads a fixture: the text without markers (columns unchanged) and "line:rule" expectations (1-based lines). */
export function readFixture(file: string): Fixture {
  const raw = readFileSync(file, 'utf8');
  const expected: string[] = [];
  const lines = raw.split('\n').map((line, i) => {
    const m = MARKER.exec(line);
    if (!m) return line;
    for (const rule of m[1].split(',')) expected.push(`${i + 1}:${rule.trim()}`);
    return line.slice(0, m.index);
  });
  const optionsFile = file.replace(/\.resolution(\.md|\.txt)?$/, '.options.json');
  const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) as FixtureOptions : {};
  return { name: path.basename(file), text: lines.join('\n'), expected: expected.sort(), options };
}

export function fixtureFiles(): string[] {
  return readdirSync(FIXTURES_DIR).filter((f) => /\.resolution(\.md|\.txt)?$/.test(f)).sort().map((f) => path.join(FIXTURES_DIR, f));
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}
