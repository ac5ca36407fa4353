// Runs the same suite (out/electron/suite) without a desktop VS Code, for machines that cannot
// download one: in the Node extension host of code-server (installed by
// scripts/setup-vscode.sh). code-server's web workbench ignores extensionDevelopmentPath and
// extensionTestsPath, so this runner registers, in a throw-away extensions directory,
//   - this repository itself as the extension (like extensionDevelopmentPath: client/out and
//     server/out as built by npm run build), and
//   - a tiny runner extension (test/electron/code-server-runner) that, once the workbench has
//     started, loads out/electron/suite/index.js, calls its run() — as VS Code does with
//     extensionTestsPath — and writes a report (from mocha's runner events) and the outcome into
//     files that this script follows.
// Debian's Chromium (playwright-core) only opens the workbench on a copy of seeds/.
//
//   npm run build && node scripts/build-electron-tests.mjs && node --import tsx test/electron/run-code-server.ts
//   MOCHA_GREP=quick node --import tsx test/electron/run-code-server.ts
//
// Everything (workspace copy, user data, extensions directory) is removed and code-server's
// process group killed at the end, also on Control+C (KEEP_TMP=1 keeps the files, to read the
// logs under user-data/logs).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, CODE_SERVER, ROOT, SEEDS, freePort, killGroup, sleep } from '../e2e/harness';

const SUITE = join(ROOT, 'out', 'electron', 'suite', 'index.js');
/** The runner extension (package.json and extension.js), copied into the extensions directory. */
const RUNNER = join(ROOT, 'test', 'electron', 'code-server-runner');
/** Upper bound for the whole run (the tests themselves have mocha time-outs). */
const RUN_TIMEOUT = 10 * 60_000;
/** Bound for the suite's first output after the workbench opened. */
const START_TIMEOUT = 120_000;

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'chat.disableAIFeatures': true,
};

function extensionEntry(id: string, version: string, location: string) {
  const uri = pathToFileURL(location);
  return { identifier: { id }, version, location: { $mid: 1, fsPath: location, external: uri.href, path: uri.pathname, scheme: 'file' }, metadata: { installedTimestamp: Date.now(), source: 'resource' } };
}

async function main(): Promise<number> {
  for (const required of [CODE_SERVER, CHROMIUM, join(ROOT, 'client', 'out', 'extension.js'), join(ROOT, 'server', 'out', 'server.js'), SUITE]) {
    if (!existsSync(required)) {
      console.error(`missing ${required} (npm run setup:vscode, npm run build, node scripts/build-electron-tests.mjs)`);
      return 1;
    }
  }
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; publisher: string; version: string };
  const tmp = mkdtempSync(join(tmpdir(), 'un-res-electron-cs-'));
  const workspace = join(tmp, 'workspace');
  const userDataDir = join(tmp, 'user-data');
  const extensionsDir = join(tmp, 'extensions');
  const logFile = join(tmp, 'mocha.log');
  const resultFile = join(tmp, 'result.txt');
  let codeServer: ChildProcess | undefined;
  let browser: Browser | undefined;
  const serverOutput: string[] = [];
  try {
    cpSync(SEEDS, workspace, { recursive: true });
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    const runnerDir = join(extensionsDir, 'un-res.electron-suite-runner-0.0.1');
    cpSync(RUNNER, runnerDir, { recursive: true });
    writeFileSync(join(runnerDir, 'runner.json'), JSON.stringify({ suite: SUITE, root: ROOT, logFile, resultFile }));
    writeFileSync(join(extensionsDir, 'extensions.json'), JSON.stringify([
      extensionEntry(`${manifest.publisher}.${manifest.name}`, manifest.version, ROOT),
      extensionEntry('un-res.electron-suite-runner', '0.0.1', runnerDir),
    ]));

    const port = await freePort();
    codeServer = spawn(
      CODE_SERVER,
      ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir,
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace],
      {
        detached: true, // own process group: killing it ends the extension host and the language server too
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, CODE_SERVER_CONFIG: join(tmp, 'config.yaml'), MOCHA_GREP: process.env.MOCHA_GREP ?? '' },
      },
    );
    const cs = codeServer;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        if (cs.pid) killGroup(cs.pid, 'SIGKILL');
        rmSync(tmp, { recursive: true, force: true });
        process.exit(130);
      });
    }
    cs.stdout?.on('data', (b: Buffer) => serverOutput.push(b.toString()));
    cs.stderr?.on('data', (b: Buffer) => serverOutput.push(b.toString()));
    for (const deadline = Date.now() + 60_000; ;) {
      if (cs.exitCode !== null) throw new Error(`code-server exited (${cs.exitCode})`);
      if ((await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok) break;
      if (Date.now() > deadline) throw new Error('code-server did not answer within 60 s');
      await sleep(250);
    }

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { timeout: 60_000 });

    // Follow mocha's output until the runner writes the outcome.
    let shown = 0;
    const follow = () => {
      if (!existsSync(logFile)) return;
      const text = readFileSync(logFile, 'utf8');
      process.stdout.write(text.slice(shown));
      shown = text.length;
    };
    const started = Date.now();
    for (const deadline = started + RUN_TIMEOUT; !existsSync(resultFile); ) {
      follow();
      if (Date.now() > deadline) throw new Error(`the suite did not finish within ${RUN_TIMEOUT / 60_000} min`);
      if (shown === 0 && Date.now() > started + START_TIMEOUT) throw new Error(`the suite did not start within ${START_TIMEOUT / 1000} s (runner extension not activated?)`);
      if (cs.exitCode !== null) throw new Error(`code-server exited (${cs.exitCode}) before the suite finished`);
      await sleep(250);
    }
    await sleep(200);
    follow();
    const result = readFileSync(resultFile, 'utf8');
    console.log(`\nsuite ${result}`);
    return result === 'passed' ? 0 : 1;
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n--- code-server output (end) ---\n${serverOutput.join('').slice(-3000)}`);
    return 1;
  } finally {
    await browser?.close().catch(() => undefined);
    if (codeServer?.pid) killGroup(codeServer.pid, 'SIGKILL');
    if (process.env.KEEP_TMP) console.error(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then((code) => process.exit(code));
