// End-to-end harness: the packaged extension in a real VS Code (code-server's workbench with its
// Node extension host) driven through Debian's Chromium with playwright-core.
//
// Each session gets its own free loopback port, its own throw-away user-data and extensions
// directories and a throw-away copy of a workspace, installs the VSIX built by
// `npm run package`, and is torn down (browser closed, code-server's whole process group killed,
// temporary directories removed) whatever happens. Prerequisites: `npm run setup:vscode`
// (code-server, Node 24 and Chromium under .cache/vscode and /usr/bin) and `npm run package`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '..', '..');
export const SEEDS = join(ROOT, 'seeds');
export const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const CACHE = process.env.VSCODE_CACHE ?? join(ROOT, '.cache', 'vscode');
export const CODE_SERVER = join(CACHE, 'bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; publisher: string; version: string };
export const EXTENSION_ID = `${MANIFEST.publisher}.${MANIFEST.name}`;
export const VSIX = join(ROOT, `${MANIFEST.name}-${MANIFEST.version}.vsix`);

/** Chromium flags that keep it quiet on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** User settings for a quiet, predictable workbench. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.enablePreview': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.wordWrap': 'on',
  'editor.hover.delay': 200,
  'outline.collapseItems': 'alwaysExpand',
  // The web workbench saves after a delay by default; scenarios save explicitly (Control+S).
  'files.autoSave': 'off',
};

export const TIMEOUTS = {
  /** code-server answering on its port. */
  server: 60_000,
  /** workbench rendered in the browser. */
  workbench: 60_000,
  /** extension activated after opening a file. */
  activation: 60_000,
  /** diagnostics or symbols from the language server. */
  language: 30_000,
  /** one UI step (a click, a widget appearing). */
  ui: 15_000,
};

/** Upper bound for one scenario (node:test timeout); each step inside has its own smaller bound. */
export const SCENARIO_TIMEOUT = 180_000;

export interface SessionOptions {
  /** Folder copied into a temporary workspace (default: seeds/). */
  workspaceFrom?: string;
  /** Extra files written into the workspace copy, by relative path. */
  files?: Record<string, string>;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Browser viewport (default 1440×900). */
  viewport?: { width: number; height: number };
}

export interface ProblemRow {
  /** The row's visible text. */
  text: string;
  /** The row's accessible label (message, severity, position). */
  ariaLabel: string;
  severity: 'error' | 'warning' | 'info' | 'unknown';
  /** Name of the file the row belongs to (from the file row above it). */
  file?: string;
  /** 1-based position shown as [Ln x, Col y], when the row is a marker. */
  line?: number;
  column?: number;
}

const live = new Set<Session>();
// Last resort: if the test process exits with sessions still open, kill their process groups.
process.on('exit', () => {
  for (const s of live) s.killCodeServerSync();
});

export class Session {
  readonly page: Page;
  readonly browser: Browser;
  readonly port: number;
  readonly workspace: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly url: string;
  private readonly tmp: string;
  private readonly codeServer: ChildProcess;
  private readonly output: string[];
  private closed = false;
  /** Aborted by close(): pending waits of this session stop at once. */
  private readonly lifetime = new AbortController();

  private constructor(init: {
    page: Page; browser: Browser; port: number; tmp: string; workspace: string; userDataDir: string;
    extensionsDir: string; url: string; codeServer: ChildProcess; output: string[];
  }) {
    this.page = init.page;
    this.browser = init.browser;
    this.port = init.port;
    this.tmp = init.tmp;
    this.workspace = init.workspace;
    this.userDataDir = init.userDataDir;
    this.extensionsDir = init.extensionsDir;
    this.url = init.url;
    this.codeServer = init.codeServer;
    this.output = init.output;
  }

  /** Starts code-server and the browser and waits for the workbench with the Explorer. */
  static async start(options: SessionOptions = {}): Promise<Session> {
    checkPrerequisites();
    const tmp = mkdtempSync(join(tmpdir(), 'un-res-e2e-'));
    const workspace = join(tmp, 'workspace');
    const userDataDir = join(tmp, 'user-data');
    const extensionsDir = join(tmp, 'extensions');
    let codeServer: ChildProcess | undefined;
    let browser: Browser | undefined;
    const output: string[] = [];
    try {
      cpSync(options.workspaceFrom ?? SEEDS, workspace, { recursive: true });
      for (const [rel, text] of Object.entries(options.files ?? {})) {
        mkdirSync(dirname(join(workspace, rel)), { recursive: true });
        writeFileSync(join(workspace, rel), text);
      }
      mkdirSync(join(userDataDir, 'User'), { recursive: true });
      writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...options.settings }, null, 2));

      const install = spawnSync(CODE_SERVER, ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', VSIX], {
        encoding: 'utf8',
        timeout: TIMEOUTS.server,
      });
      if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
        throw new Error(`installing ${basename(VSIX)} failed (status ${install.status}):\n${install.stdout}\n${install.stderr}`);
      }

      const port = await freePort();
      codeServer = spawn(
        CODE_SERVER,
        [
          '--auth', 'none',
          '--bind-addr', `127.0.0.1:${port}`,
          '--extensions-dir', extensionsDir,
          '--user-data-dir', userDataDir,
          '--disable-telemetry',
          '--disable-update-check',
          '--disable-workspace-trust',
          workspace,
        ],
        // Own process group, so that killing it also ends the extension host and the server.
        { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CODE_SERVER_CONFIG: join(tmp, 'config.yaml') } },
      );
      const cs = codeServer;
      cs.stdout?.on('data', (b: Buffer) => output.push(b.toString()));
      cs.stderr?.on('data', (b: Buffer) => output.push(b.toString()));
      await waitForHealth(port, cs, output);

      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 } });
      const page = await context.newPage();
      const url = `http://127.0.0.1:${port}/?folder=${encodeURI(workspace)}`;
      const session = new Session({ page, browser, port, tmp, workspace, userDataDir, extensionsDir, url, codeServer: cs, output });
      live.add(session);
      await page.goto(url, { timeout: TIMEOUTS.workbench });
      await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUTS.workbench });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: TIMEOUTS.workbench });
      return session;
    } catch (err) {
      await browser?.close().catch(() => undefined);
      if (codeServer?.pid) killGroup(codeServer.pid, 'SIGKILL');
      rmSync(tmp, { recursive: true, force: true });
      if (output.length) (err as Error).message += `\n--- code-server output ---\n${output.join('').slice(-3000)}`;
      throw err;
    }
  }

  /** Closes the browser, kills code-server's process group and removes the temporary files. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.lifetime.abort();
    await Promise.race([this.browser.close().catch(() => undefined), sleep(10_000, { unref: true })]);
    const pid = this.codeServer.pid;
    if (pid && this.codeServer.exitCode === null && this.codeServer.signalCode === null) {
      const exited = new Promise<void>((res) => this.codeServer.once('exit', () => res()));
      killGroup(pid, 'SIGTERM');
      if (!(await Promise.race([exited.then(() => true), sleep(5_000, { unref: true }).then(() => false)]))) killGroup(pid, 'SIGKILL');
    }
    // Children of the group (extension host, language server) that outlived their parent.
    if (pid) killGroup(pid, 'SIGKILL');
    live.delete(this);
    rmSync(this.tmp, { recursive: true, force: true, maxRetries: 3 });
  }

  killCodeServerSync(): void {
    if (this.codeServer.pid) killGroup(this.codeServer.pid, 'SIGKILL');
  }

  /** code-server's own output so far (for failure reports). */
  serverOutput(): string {
    return this.output.join('');
  }

  /** Text of the remote extension host's log files. */
  extensionHostLog(): string {
    return this.logFiles((f) => /exthost\d*[/\\]remoteexthost\.log$/.test(f));
  }

  /** The extension's own output channel (the language client's and server's messages). */
  extensionLog(): string {
    return this.logFiles((f) => f.includes(EXTENSION_ID) && f.endsWith('.log'));
  }

  /** The text of the session's log files that `wanted` picks. */
  private logFiles(wanted: (file: string) => boolean): string {
    const logs = join(this.userDataDir, 'logs');
    if (!existsSync(logs)) return '';
    return listFiles(logs).filter(wanted).map((f) => readFileSync(f, 'utf8')).join('\n');
  }

  // --- workbench helpers ----------------------------------------------------------------------

  /**
   * Opens a file by clicking its row in the Explorer and waits for its editor. A path such as
   * `sub/name.txt` first expands the folder `sub` (rows are matched by their exact label).
   */
  async openFile(name: string): Promise<void> {
    const parts = name.split('/');
    const file = parts.pop()!;
    for (const folder of parts) {
      const row = this.explorerRow(folder);
      await row.waitFor({ timeout: TIMEOUTS.ui });
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    }
    const row = this.explorerRow(file);
    await row.waitFor({ timeout: TIMEOUTS.ui });
    await row.click();
    await this.page.locator('.tabs-container .tab.active', { hasText: file }).waitFor({ timeout: TIMEOUTS.ui });
    await this.editor().locator('.view-lines').waitFor({ timeout: TIMEOUTS.ui });
  }

  private explorerRow(label: string): Locator {
    const exact = new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`);
    return this.page.locator('.explorer-folders-view .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exact }) }).first();
  }

  /**
   * Saves the active editor (Control+S) and waits until its tab is no longer marked dirty
   * (auto save is off in these sessions, so an edited tab is dirty until then). An edit that
   * lands after the save (a command still running in the extension host) makes it dirty again:
   * Control+S is pressed again, at most once a second, until it stays clean.
   */
  async save(): Promise<void> {
    await this.focusEditor();
    const dirty = this.page.locator('.tabs-container .tab.active.dirty');
    let lastPress = 0;
    await pollUntil(async () => {
      if (lastPress && (await dirty.count()) === 0) return true;
      if (Date.now() - lastPress >= 1_000) {
        await this.page.keyboard.press('Control+S');
        lastPress = Date.now();
      }
      return false;
    }, TIMEOUTS.ui, 'the active tab saved (not dirty)', this.lifetime.signal);
  }

  /** Text of a file of the workspace copy, as on disk. */
  readWorkspaceFile(rel: string): string {
    return readFileSync(join(this.workspace, rel), 'utf8');
  }

  /**
   * Polls a workspace file on disk until `accept` holds for its text (a save may still be under
   * way); returns the text. On time-out the error shows `excerpt` of the last text read.
   */
  async waitForWorkspaceFile(
    rel: string,
    accept: (text: string) => boolean,
    what: string,
    excerpt: (text: string) => string = (t) => t.slice(0, 500),
    timeout = TIMEOUTS.ui,
  ): Promise<string> {
    let text = '';
    const read = () => (existsSync(join(this.workspace, rel)) ? this.readWorkspaceFile(rel) : '');
    try {
      await pollUntil(() => accept((text = read())), timeout, `${rel} on disk: ${what}`, this.lifetime.signal);
    } catch (err) {
      (err as Error).message += `\nlast text read:\n${excerpt(text)}`;
      throw err;
    }
    return text;
  }

  /** Lines of the active editor that are rendered on screen, top to bottom (no-break spaces as spaces). */
  async visibleLines(): Promise<string[]> {
    const lines: { top: number; text: string }[] = await this.editor()
      .locator('.view-lines .view-line')
      .evaluateAll((els: any[]) => els.map((el) => ({ top: parseFloat(el.style.top) || 0, text: (el.textContent ?? '').replace(/\u00a0/g, ' ') })));
    return lines.sort((a, b) => a.top - b.top).map((l) => l.text);
  }

  /** Clicks the first Problems row whose text contains `text`; the editor's cursor moves to that problem. */
  async clickProblem(text: string): Promise<void> {
    await this.problems();
    const row = this.page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();
    await row.waitFor({ timeout: TIMEOUTS.ui });
    await row.click(); // reveals the problem in the editor, the focus staying in the panel
    await this.focusEditor();
  }

  /**
   * Opens the quick fixes at the cursor (Control+.), waits for an action whose title matches
   * `title` and applies it (Enter on it). Returns the titles that were offered.
   */
  async applyQuickFix(title: RegExp): Promise<string[]> {
    const actions = this.page.locator('.action-widget .monaco-list-row.action');
    const wanted = actions.filter({ hasText: title }).first();
    // The first Control+. can come too early (the editor not yet ready for code actions, the
    // focus still moving): ask again, every 3 s, within the UI bound.
    let lastPress = 0;
    await pollUntil(async () => {
      if (await wanted.isVisible()) return true;
      if (Date.now() - lastPress >= 3_000) {
        if (lastPress) await this.page.keyboard.press('Escape');
        await this.page.keyboard.press('Control+.');
        lastPress = Date.now();
      }
      return false;
    }, TIMEOUTS.ui, `the quick fix ${title} in the Control+. menu`, this.lifetime.signal);
    const offered = (await actions.locator('.title').allInnerTexts()).map((t) => t.trim());
    await wanted.click();
    await actions.first().waitFor({ state: 'hidden', timeout: TIMEOUTS.ui });
    return offered;
  }

  /** The suggest widget, when it is shown. */
  suggestWidget(): Locator {
    return this.page.locator('.editor-group-container.active .suggest-widget.visible').first();
  }

  /**
   * Waits for the suggest widget to show at least one item; when it has not opened by itself
   * within `ownDelay` ms (trigger characters, quick suggestions), triggers it (Control+Space).
   */
  async waitForSuggestions(ownDelay = 5_000): Promise<void> {
    const firstRow = this.suggestWidget().locator('.monaco-list-row').first();
    try {
      await firstRow.waitFor({ timeout: ownDelay });
    } catch {
      await this.page.keyboard.press('Control+Space');
      await firstRow.waitFor({ timeout: TIMEOUTS.ui });
    }
  }

  /**
   * Labels of all items of the open suggest widget, in order. The list is virtualised: this
   * pages through it (Page Down moves the focus by a page) until every index was seen, then
   * moves the focus back to the first item (Page Up).
   */
  async suggestionLabels(): Promise<string[]> {
    const widget = this.suggestWidget();
    const rows = widget.locator('.monaco-list-row');
    await rows.first().waitFor({ timeout: TIMEOUTS.ui });
    const total = Number(await rows.first().getAttribute('aria-setsize'));
    const labels = new Map<number, string>();
    const collect = async () => {
      const seen: [number, string][] = await rows.evaluateAll((els: any[]) =>
        els.map((el) => [Number(el.getAttribute('data-index')), (el.querySelector('.label-name')?.textContent ?? '').trim()]),
      );
      for (const [index, label] of seen) if (Number.isFinite(index) && label) labels.set(index, label);
    };
    const focusedIndex = async () => Number(await widget.locator('.monaco-list-row.focused').first().getAttribute('data-index').catch(() => '-1'));
    await collect();
    for (let round = 0; round < 200 && labels.size < total; round++) {
      const before = await focusedIndex();
      await this.page.keyboard.press('PageDown');
      await pollUntil(async () => (await focusedIndex()) !== before, TIMEOUTS.ui, 'the suggest widget to move its focus one page down', this.lifetime.signal);
      await collect();
    }
    if (labels.size < total) throw new Error(`read ${labels.size} of ${total} suggestions`);
    for (let round = 0; round < 200 && (await focusedIndex()) > 0; round++) await this.page.keyboard.press('PageUp');
    return [...labels.entries()].sort((x, y) => x[0] - y[0]).map(([, l]) => l);
  }

  /**
   * Accepts the suggestion labelled exactly `label`: types `filter` to narrow the list (when
   * given), moves the focus onto the item with the arrow keys and presses `key` (Enter or Tab).
   */
  async acceptSuggestion(label: string, options: { filter?: string; key?: 'Enter' | 'Tab' } = {}): Promise<void> {
    const widget = this.suggestWidget();
    if (options.filter) await this.page.keyboard.type(options.filter);
    const focusedLabel = async () => ((await widget.locator('.monaco-list-row.focused .label-name').first().textContent().catch(() => '')) ?? '').trim();
    await pollUntil(
      async () => (await widget.locator('.monaco-list-row .label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }).count()) > 0,
      TIMEOUTS.ui,
      `the suggestion « ${label} » in the suggest widget`,
      this.lifetime.signal,
    );
    const total = Number(await widget.locator('.monaco-list-row').first().getAttribute('aria-setsize'));
    for (let i = 0; i <= total && (await focusedLabel()) !== label; i++) await this.page.keyboard.press('ArrowDown');
    if ((await focusedLabel()) !== label) throw new Error(`could not focus the suggestion « ${label} » (focused: « ${await focusedLabel()} »)`);
    await this.page.keyboard.press(options.key ?? 'Enter');
    await widget.waitFor({ state: 'hidden', timeout: TIMEOUTS.ui });
  }

  /** The active editor. */
  editor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  /** Puts the keyboard focus into the active editor (Control+1, first editor group) without moving its cursor. */
  async focusEditor(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+1');
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').first().waitFor({ timeout: TIMEOUTS.ui });
  }

  /** Language mode shown in the status bar (e.g. "UN Resolution"). */
  async languageMode(): Promise<string> {
    const item = this.page.locator('#status\\.editor\\.mode');
    await item.waitFor({ timeout: TIMEOUTS.ui });
    return (await item.innerText()).trim();
  }

  /** Waits until the status bar's language mode reads `mode` (it can show "Plain Text" for a moment). */
  async waitForLanguageMode(mode: string, timeout = TIMEOUTS.activation): Promise<void> {
    let last = '';
    await pollUntil(async () => (last = await this.languageMode()) === mode, timeout, `language mode "${mode}"`, this.lifetime.signal).catch((err: Error) => {
      err.message += ` (status bar shows "${last}")`;
      throw err;
    });
  }

  /** Waits until the extension host log shows the extension's activation. */
  async waitForActivation(timeout = TIMEOUTS.activation): Promise<void> {
    const needle = `ExtensionService#_doActivateExtension ${EXTENSION_ID}`;
    await pollUntil(() => this.extensionHostLog().includes(needle), timeout, `activation of ${EXTENSION_ID} (log line "${needle}")`, this.lifetime.signal);
  }

  /** Process ids of this session's language servers (node processes running server/out/server.js). */
  languageServerPids(): number[] {
    const pids: number[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        if (cmd.includes(this.extensionsDir) && cmd.includes(join('server', 'out', 'server.js'))) pids.push(Number(entry));
      } catch {
        // process ended meanwhile
      }
    }
    return pids;
  }

  async waitForLanguageServer(timeout = TIMEOUTS.language): Promise<void> {
    await pollUntil(() => this.languageServerPids().length > 0, timeout, 'a running language server process (server/out/server.js)', this.lifetime.signal);
  }

  /** Notification toasts currently shown (e.g. a server crash report). */
  async notifications(): Promise<string[]> {
    return (await this.page.locator('.notifications-toasts .notification-toast').allInnerTexts()).map((t) => t.trim());
  }

  /** Opens the Problems panel (Control+Shift+M) and returns its rows (markers and file rows). */
  async problems(): Promise<ProblemRow[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ timeout: TIMEOUTS.ui });
    }
    await sleep(300); // let the list render its latest update
    const rows = panel.locator('.monaco-list-row');
    const out: ProblemRow[] = [];
    let file: string | undefined;
    for (let i = 0, n = await rows.count(); i < n; i++) {
      const row = rows.nth(i);
      const text = (await row.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
      const ariaLabel = (await row.getAttribute('aria-label').catch(() => null)) ?? '';
      const severity = (await row.locator('.codicon-error').count())
        ? 'error'
        : (await row.locator('.codicon-warning').count())
          ? 'warning'
          : (await row.locator('.codicon-info').count())
            ? 'info'
            : 'unknown';
      // File rows read like "7 problems in file NAME of folder DIR".
      const fileRow = / in file (.+?) of folder /.exec(ariaLabel);
      if (fileRow && severity === 'unknown') file = fileRow[1];
      const pos = /\[\s*Ln\s+(\d+),\s*Col\s+(\d+)\s*\]/.exec(text) ?? /line (\d+) (?:and )?(?:at )?(?:column|character) (\d+)/i.exec(ariaLabel);
      out.push({ text, ariaLabel, severity, file, line: pos ? Number(pos[1]) : undefined, column: pos ? Number(pos[2]) : undefined });
    }
    return out;
  }

  /** Marker rows only (rows that carry an error, warning or info icon). */
  async problemMarkers(): Promise<ProblemRow[]> {
    return (await this.problems()).filter((r) => r.severity !== 'unknown');
  }

  /** Polls the Problems panel until `accept` holds for its marker rows; returns them. */
  async waitForProblems(accept: (rows: ProblemRow[]) => boolean, timeout = TIMEOUTS.language, what = 'expected Problems rows'): Promise<ProblemRow[]> {
    let last: ProblemRow[] = [];
    try {
      await pollUntil(async () => accept((last = await this.problemMarkers())), timeout, what, this.lifetime.signal);
    } catch (err) {
      (err as Error).message += `\nlast Problems rows:\n${last.map((r) => `  ${r.severity}: ${r.text}`).join('\n') || '  (none)'}`;
      throw err;
    }
    return last;
  }

  /** Counts shown by the status bar's problems item (label like "Errors: 3, Infos: 4" or "No Problems"). */
  async problemCounts(): Promise<{ errors: number; warnings: number; infos: number; label: string }> {
    const item = this.page.locator('#status\\.problems');
    const label = ((await item.getAttribute('aria-label')) ?? (await item.innerText())).trim();
    const num = (kind: string) => Number(new RegExp(`${kind}s?:\\s*(\\d+)`, 'i').exec(label)?.[1] ?? 0);
    return { errors: num('error'), warnings: num('warning'), infos: num('info'), label };
  }

  /**
   * Moves the cursor onto the `occurrence`-th (1-based) match of `text` in the active editor,
   * using the Find widget; the match stays selected.
   */
  async goToText(text: string, occurrence = 1): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Control+F');
    const input = this.page.locator('.find-widget.visible textarea, .find-widget.visible input').first();
    await input.waitFor({ timeout: TIMEOUTS.ui });
    await input.fill(text);
    const matches = this.page.locator('.find-widget.visible .matchesCount');
    await pollUntil(async () => /\d+ of \d+/.test(await matches.innerText().catch(() => '')), TIMEOUTS.ui, `a match for "${text}"`, this.lifetime.signal);
    // The first match after the cursor is selected by typing; move on for later occurrences.
    for (let i = 1; i < occurrence; i++) await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
    await this.editor().locator('.selected-text').first().waitFor({ timeout: TIMEOUTS.ui });
    // Keys pressed next must reach the editor, not the closing Find widget.
    const focused = this.page.locator('.editor-group-container.active .monaco-editor.focused');
    await pollUntil(
      async () => (await this.page.locator('.find-widget.visible').count()) === 0 && (await focused.count()) > 0,
      TIMEOUTS.ui,
      'the Find widget closed and the focus back in the editor',
      this.lifetime.signal,
    );
  }

  /** The cursor as the status bar shows it (« Ln 101, Col 11 (7 selected) »): 1-based line and column. */
  async cursor(): Promise<{ line: number; column: number; selected: number }> {
    const text = (await this.page.locator('#status\\.editor\\.selection').innerText({ timeout: TIMEOUTS.ui })).trim();
    const m = /Ln\s+(\d+),\s*Col\s+(\d+)(?:\s*\((\d+)\s+selected\))?/.exec(text);
    if (!m) throw new Error(`unexpected cursor position in the status bar: « ${text} »`);
    return { line: Number(m[1]), column: Number(m[2]), selected: Number(m[3] ?? 0) };
  }

  /** Waits until the cursor is at (line, column), 1-based, with nothing selected. */
  async waitForCursor(line: number, column: number): Promise<void> {
    let last = '';
    await pollUntil(async () => {
      const c = await this.cursor();
      last = `Ln ${c.line}, Col ${c.column}${c.selected ? ` (${c.selected} selected)` : ''}`;
      return c.line === line && c.column === column && c.selected === 0;
    }, TIMEOUTS.ui, `the cursor at Ln ${line}, Col ${column}`, this.lifetime.signal).catch((err: Error) => {
      err.message += ` (status bar: ${last})`;
      throw err;
    });
  }

  /**
   * Shows the hover of the selected text and returns it once its text includes `expected`.
   * Each attempt moves the mouse from the line numbers onto the selection and waits; if no hover
   * shows, it asks for one from the keyboard (Show or Focus Hover, Control+K Control+I, at the
   * cursor, i.e. the selection's end): the same request by a second way, so that a hover missing
   * both ways is the server's doing, not the pointer's (CI's one failure here was a server that
   * answered null). What each attempt saw goes into the error.
   */
  async hoverSelection(expected: string, timeout = TIMEOUTS.language): Promise<{ hover: Locator; text: string }> {
    const selection = this.editor().locator('.selected-text').first();
    const hover = this.page.locator('.monaco-hover:not(.hidden)').first();
    const seen: string[] = [];
    let text = '';
    const shows = async (how: string): Promise<boolean> => {
      const visible = await hover.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
      if (!visible) {
        seen.push(`${how}: no hover`);
        return false;
      }
      // The hover renders its Markdown asynchronously (« Loading… » first): give it a moment.
      const settled = await pollUntil(async () => (text = (await hover.innerText()).trim()).includes(expected), 5_000, 'the hover text').then(() => true, () => false);
      if (!settled) seen.push(`${how}: « ${text.replace(/\s+/g, ' ').slice(0, 120)} »`);
      return settled;
    };
    await pollUntil(async () => {
      const box = await selection.boundingBox();
      if (!box) throw new Error('no on-screen selection');
      const gutter = await this.editor().locator('.margin').first().boundingBox();
      // Away to the line numbers (nothing there has a hover), then onto the selection.
      await this.page.mouse.move(gutter ? gutter.x + gutter.width / 2 : box.x - 40, box.y + box.height / 2, { steps: 2 });
      await hover.waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined);
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      if (await shows('mouse')) return true;
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
      return shows('keyboard');
    }, timeout, `a hover including « ${expected} »`, this.lifetime.signal, 250).catch((err: Error) => {
      err.message += `\nattempts: ${seen.join(' | ') || 'none'}`;
      throw err;
    });
    return { hover, text };
  }

  /**
   * Triggers completion (Control+Space). With `at`, first puts the cursor at the end of the
   * first match of that text; with `type`, types it before triggering. Returns the items' labels.
   */
  async complete(options: { at?: string; type?: string } = {}): Promise<string[]> {
    if (options.at) {
      await this.goToText(options.at);
      await this.page.keyboard.press('ArrowRight'); // collapse the selection at its end
    } else {
      await this.focusEditor();
    }
    if (options.type) await this.page.keyboard.type(options.type);
    await this.page.keyboard.press('Control+Space');
    const rows = this.page.locator('.suggest-widget.visible .monaco-list-row');
    await rows.first().waitFor({ timeout: TIMEOUTS.ui });
    await sleep(300);
    return (await rows.locator('.label-name').allInnerTexts()).map((t) => t.trim());
  }

  /** Runs a command by its label from the command palette (F1). */
  async runCommand(label: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUTS.ui });
    await input.fill(`>${label}`);
    const item = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
    await item.waitFor({ timeout: TIMEOUTS.ui });
    await item.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUTS.ui }).catch(() => undefined);
  }

  /**
   * Shows Explorer > Outline and returns the labels of all its rows, scrolling through the
   * virtualised list. Retries until there are at least `minRows` labels (symbols arrive late).
   */
  async outline(minRows = 1, timeout = TIMEOUTS.language): Promise<string[]> {
    await this.runCommand('Explorer: Focus on Outline View');
    const pane = this.page.locator('.outline-pane');
    await pane.waitFor({ timeout: TIMEOUTS.ui });
    let labels: string[] = [];
    await pollUntil(async () => (labels = await this.readOutline()).length >= minRows, timeout, `${minRows} row(s) in the Outline view`, this.lifetime.signal);
    return labels;
  }

  private async readOutline(): Promise<string[]> {
    const rows = this.page.locator('.outline-pane .monaco-list-row');
    if ((await rows.count()) === 0) return [];
    const labels = new Map<number, string>(); // data-index -> label
    const collect = async () => {
      // One round trip for all rendered rows (the callback runs in the page, hence `any`).
      const seen: [number, string][] = await rows.evaluateAll((els: any[]) =>
        els.map((el) => [Number(el.getAttribute('data-index')), (el.querySelector('.label-name')?.textContent ?? '').trim()]),
      );
      for (const [index, label] of seen) if (Number.isFinite(index) && label) labels.set(index, label);
    };
    // Find the last index (End), then page down from the top until every index was seen.
    await rows.first().click();
    await this.page.keyboard.press('End');
    await sleep(200);
    await collect();
    const last = Math.max(-1, ...labels.keys());
    await this.page.keyboard.press('Home');
    await sleep(200);
    for (let round = 0; round < 500 && labels.size < last + 1; round++) {
      await collect();
      await this.page.keyboard.press('PageDown');
      await sleep(100);
    }
    await collect();
    await this.page.keyboard.press('Home');
    return [...labels.entries()].sort((x, y) => x[0] - y[0]).map(([, l]) => l);
  }

  /** Turns on the Outline view's "Follow Cursor" (from its "More Actions…" menu). */
  async outlineFollowCursor(): Promise<void> {
    await this.page.locator('.outline-pane').hover();
    await this.page.locator('.pane-header:has-text("Outline") .codicon-toolbar-more').first().click({ timeout: TIMEOUTS.ui });
    const item = this.page.locator('.monaco-menu .action-menu-item', { hasText: 'Follow Cursor' }).first();
    await item.waitFor({ timeout: TIMEOUTS.ui });
    if ((await item.getAttribute('aria-checked')) === 'true') await this.page.keyboard.press('Escape');
    else await item.click();
  }

  /** Collapses the Explorer's folder section, leaving the room to Outline and Timeline. */
  async collapseExplorerFolders(): Promise<void> {
    const header = this.page.locator('.split-view-view:has(.explorer-folders-view) .pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
  }

  /** Saves a PNG of the whole browser page into test/e2e/screenshots/<name>.png. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

/**
 * Runs `fn` with a fresh session and always closes it. On failure, saves a screenshot named
 * `<name>-failure` and appends the end of the extension host log to the error.
 * `signal` (a test's `t.signal`) closes the session early when the test runner gives up.
 */
export async function withSession(
  name: string,
  options: SessionOptions,
  fn: (s: Session) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  rmSync(join(SCREENSHOTS, `${name}-failure.png`), { force: true });
  const session = await Session.start(options);
  const onAbort = () => void session.close();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await fn(session);
  } catch (err) {
    await session.screenshot(`${name}-failure`).catch(() => undefined);
    const log = session
      .extensionHostLog()
      .split('\n')
      .filter((l) => l.includes(EXTENSION_ID) || /\[(error|warning)\]/i.test(l))
      .slice(-20)
      .join('\n');
    const own = session.extensionLog().trimEnd().split('\n').slice(-40).join('\n');
    if (err instanceof Error) err.message += `\n--- extension host log (end) ---\n${log}\n--- ${EXTENSION_ID} output (end) ---\n${own}`;
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await session.close();
  }
}

// --- small utilities ------------------------------------------------------------------------

/**
 * A seed's text with some replacements, each `from` occurring exactly once in the text it
 * applies to (so that a changed seed fails loudly instead of silently testing something else).
 */
export function seedCopy(seed: string, swaps: [from: string, to: string][]): string {
  let text = readFileSync(join(SEEDS, seed), 'utf8');
  for (const [from, to] of swaps) {
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`${seed}: expected « ${from} » exactly once, found it ${count} time(s)`);
    text = text.replace(from, () => to);
  }
  return text;
}

/** 1-based number of the first line of `text` that contains `needle` (0 when none does). */
export function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits `ms`; with `unref`, the timer does not keep the process alive on its own. */
export function sleep(ms: number, options: { unref?: boolean } = {}): Promise<void> {
  return new Promise((r) => {
    const timer = setTimeout(r, ms);
    if (options.unref) timer.unref();
  });
}

export async function pollUntil(
  check: () => boolean | Promise<boolean>,
  timeout: number,
  what: string,
  signal?: AbortSignal,
  every = 250,
): Promise<void> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    if (signal?.aborted) throw new Error(`stopped waiting for ${what}: the session was closed`);
    try {
      if (await check()) return;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await sleep(every);
  }
}

function checkPrerequisites(): void {
  const missing: string[] = [];
  if (!existsSync(CODE_SERVER)) missing.push(`${CODE_SERVER} (run npm run setup:vscode)`);
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (run npm run setup:vscode)`);
  if (!existsSync(VSIX)) missing.push(`${VSIX} (run npm run package)`);
  if (missing.length) throw new Error(`end-to-end prerequisites missing:\n  ${missing.join('\n  ')}`);
  const built = join(ROOT, 'server', 'out', 'server.js');
  if (existsSync(built) && statSync(built).mtimeMs > statSync(VSIX).mtimeMs + 1000) {
    process.emitWarning(`${basename(VSIX)} is older than server/out/server.js; run npm run package`);
  }
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

async function waitForHealth(port: number, cs: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + TIMEOUTS.server;
  for (;;) {
    if (cs.exitCode !== null || cs.signalCode !== null) {
      throw new Error(`code-server exited (${cs.exitCode ?? cs.signalCode}):\n${output.join('').slice(-2000)}`);
    }
    const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    if (res?.ok) return;
    if (Date.now() > deadline) throw new Error(`code-server did not answer on port ${port} within ${TIMEOUTS.server} ms`);
    await sleep(250);
  }
}

export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}
