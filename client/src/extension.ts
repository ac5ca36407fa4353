// Thin client: starts the language server and hands it the un-resolution documents.
// Everything the drafter sees (diagnostics, fixes, outline, the status bar summary) comes from the
// server; only Enter continuation runs here, since it must answer at once.
import * as path from 'node:path';
import { Uri, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerOnEnter } from './on-enter';
import { DocumentInfoStatus } from './status-bar';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  // Enter is bound as soon as an editor opens: register before the server is up.
  context.subscriptions.push(registerOnEnter());

  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'un-resolution' },
      { scheme: 'untitled', language: 'un-resolution' },
    ],
    // The server reads .reslintrc.json and the workspace's resolutions itself; it only needs to hear when they change.
    synchronize: {
      configurationSection: 'unResolution',
      fileEvents: [workspace.createFileSystemWatcher('**/.reslintrc.json'), workspace.createFileSystemWatcher('**/*.{resolution,resolution.md,resolution.txt}')],
    },
    middleware: {
      // The server's « Renumber » command needs its document: the one whose context menu was used, else the active editor's.
      executeCommand: (command, args, next) => {
        if (command !== 'unResolution.renumber') return next(command, args);
        if (typeof args[0] === 'string') return next(command, args);
        const target = args[0] instanceof Uri ? args[0] : window.activeTextEditor?.document.uri;
        return next(command, target ? [target.toString()] : []);
      },
    },
  };
  client = new LanguageClient('unResolution', 'UN Resolution Drafting', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push(new DocumentInfoStatus(client));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
