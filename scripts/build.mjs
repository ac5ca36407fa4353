// Bundles the client, the language server and the reslint CLI with esbuild.
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';
import { common } from './esbuild-options.mjs';

const watch = process.argv.includes('--watch');

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { ...common, entryPoints: ['server/src/cli/reslint.ts'], outfile: 'server/out/reslint.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  chmodSync('server/out/reslint.js', 0o755);
}
