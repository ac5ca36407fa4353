// Runs the scenario suite (test/electron/suite, bundled into out/electron/suite) inside a desktop
// VS Code with @vscode/test-electron: this repository as the extension under development, a
// throw-away copy of seeds/ as the workspace, throw-away user-data and extensions directories.
//
//   VSCODE_EXECUTABLE_PATH  a VS Code to use (e.g. /usr/share/code/code, or
//                           "/Applications/Visual Studio Code.app/Contents/MacOS/Electron");
//                           without it, @vscode/test-electron downloads one (VSCODE_VERSION, default
//                           "stable") into .vscode-test/, which needs update.code.visualstudio.com.
//   MOCHA_GREP              run only the tests whose title matches.
//
// Build first: node scripts/build-electron-tests.mjs (npm run test:electron does both).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

// out/electron/run.js (or test/electron/run.ts) → the repository root.
const ROOT = resolve(__dirname, '..', '..');
const SUITE = join(ROOT, 'out', 'electron', 'suite', 'index.js');

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
};

async function main(): Promise<number> {
  for (const required of [join(ROOT, 'client', 'out', 'extension.js'), join(ROOT, 'server', 'out', 'server.js'), SUITE]) {
    if (!existsSync(required)) {
      console.error(`missing ${required}: run npm run build and node scripts/build-electron-tests.mjs first`);
      return 1;
    }
  }
  const tmp = mkdtempSync(join(tmpdir(), 'un-res-electron-'));
  const workspace = join(tmp, 'workspace');
  const userDataDir = join(tmp, 'user-data');
  const extensionsDir = join(tmp, 'extensions');
  try {
    cpSync(join(ROOT, 'seeds'), workspace, { recursive: true });
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));

    const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH || undefined;
    await runTests({
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : { version: process.env.VSCODE_VERSION || 'stable' }),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      extensionTestsEnv: { MOCHA_GREP: process.env.MOCHA_GREP },
      launchArgs: [
        workspace,
        '--user-data-dir', userDataDir,
        '--extensions-dir', extensionsDir,
        '--disable-extensions', // other installed extensions; the one under development still runs
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        '--no-sandbox',
      ],
    });
    return 0;
  } catch (err) {
    console.error(`electron tests failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
