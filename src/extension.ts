import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { createAuthentication } from './auth/setup';
import { loadWithFeedback, registerCommands } from './commands';
import { Commands, LOG_CHANNEL_NAME, OPPORTUNITY_VIEW_TYPE } from './constants';
import { OpportunityJsonDocuments } from './json/opportunityJsonDocuments';
import { opportunityLoader } from './opportunityLoader';
import { createSidebar, SidebarApi } from './sidebar';
import { notificationHistory } from './ui/failures';
import { registerUriHandler } from './uriHandler';
import { OpportunityPanels } from './webview/opportunityPanels';

/** What the extension offers other code, tests included. Never the token. */
export interface NexudusApi {
  openPanels(): { id: number; title: string; html: string }[];
  sidebar: SidebarApi;
  /** What a person has been shown and where the extension writes, for checks that nothing leaks. */
  diagnostics: { notifications(): readonly string[]; logFolder: string; globalStorageFolder: string };
}

export function activate(context: vscode.ExtensionContext): NexudusApi {
  // The modules without `vscode` (they run in plain Node in unit tests) translate with
  // @vscode/l10n: give it the bundle VS Code already loaded, without reading the disk.
  // No bundle means the display language is English or has no translation.
  if (vscode.l10n.bundle) {
    l10n.config({ contents: vscode.l10n.bundle });
  }
  const log = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  const { tokens, credentials, provider, disposables: authDisposables } = createAuthentication(context, log);
  const loadOne = opportunityLoader(credentials, log);
  const load = loadWithFeedback(loadOne, log, (id) =>
    vscode.commands.executeCommand(Commands.openOpportunity, id),
  );
  const sidebar = createSidebar(context, { credentials, log, loadOne });
  const panels = new OpportunityPanels(context.extensionUri, { load: sidebar.watchLoads(load) });
  const jsonDocuments = new OpportunityJsonDocuments();

  context.subscriptions.push(
    log,
    panels,
    vscode.window.registerWebviewPanelSerializer(OPPORTUNITY_VIEW_TYPE, panels),
    ...jsonDocuments.register(),
    registerUriHandler(log),
    ...authDisposables,
    ...registerCommands({ tokens, provider, panels, jsonDocuments, load, extensionId: context.extension.id, log }),
    ...sidebar.disposables,
  );

  return {
    openPanels: () => panels.snapshot(),
    sidebar: sidebar.api,
    diagnostics: {
      notifications: () => [...notificationHistory()],
      logFolder: context.logUri.fsPath,
      globalStorageFolder: context.globalStorageUri.fsPath,
    },
  };
}

export function deactivate(): void {}
