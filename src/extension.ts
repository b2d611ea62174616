import * as vscode from 'vscode';
import { TokenStore } from './auth/tokenStore';
import { loadWithFeedback, registerCommands } from './commands';
import { Commands, LOG_CHANNEL_NAME, SECRET_TOKEN_KEY } from './constants';
import { opportunityLoader } from './opportunityLoader';
import { OpportunityPanels } from './webview/opportunityPanels';

/** What the extension offers other code, tests included. Never the token. */
export interface NexudusApi {
  openPanels(): { id: number; title: string; html: string }[];
}

export function activate(context: vscode.ExtensionContext): NexudusApi {
  const log = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  const tokens = new TokenStore(context.secrets, SECRET_TOKEN_KEY);
  const load = loadWithFeedback(opportunityLoader(tokens, log), log, (id) =>
    vscode.commands.executeCommand(Commands.openOpportunity, id),
  );
  const panels = new OpportunityPanels(context.extensionUri, { load });

  context.subscriptions.push(log, panels, ...registerCommands({ tokens, panels, log }));

  return { openPanels: () => panels.snapshot() };
}

export function deactivate(): void {}
