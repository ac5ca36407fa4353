// Bundles the @vscode/test-electron suite (test/electron/**) into out/electron/**, one CommonJS
// file per entry point: the runner (run.ts), the suite index and every scenario file. `vscode`
// (given by the extension host) and `mocha` (loaded from node_modules at run time) stay external.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const SUITE = 'test/electron/suite';
const scenarios = readdirSync(SUITE).filter((f) => f.endsWith('.test.ts')).map((f) => join(SUITE, f));

rmSync('out/electron', { recursive: true, force: true });
await esbuild.build({
  entryPoints: ['test/electron/run.ts', join(SUITE, 'index.ts'), ...scenarios],
  outbase: 'test/electron',
  outdir: 'out/electron',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode', 'mocha', '@vscode/test-electron'],
  logLevel: 'warning',
});
