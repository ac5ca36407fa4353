// Entry point given to VS Code as --extensionTestsPath: runs every *.test.js next to this file
// (the bundled scenarios a–g, in name order) with mocha's tdd interface (suite, test, setup,
// teardown) inside the extension host.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type MochaType from 'mocha';

function loadMocha(): typeof MochaType {
  try {
    // mocha 12 mixes CommonJS and ES modules: it needs a Node that can require() ES modules
    // (≥ 20.19 or ≥ 22.12), i.e. a recent VS Code.
    return require('mocha') as typeof MochaType;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_REQUIRE_ESM') {
      throw new Error(`mocha cannot be loaded by this extension host's Node ${process.versions.node}: use a VS Code whose Node is ≥ 20.19 or ≥ 22.12`);
    }
    throw err;
  }
}

export function run(): Promise<void> {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: true, timeout: 120_000, slow: 10_000 });
  const grep = process.env.MOCHA_GREP;
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
