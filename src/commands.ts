import * as vscode from 'vscode';
import { TokenStore, checkToken } from './auth/tokenStore';
import { Commands } from './constants';
import { parseOpportunityId } from './input/opportunityId';
import { LoadOpportunity, withRequestProgress } from './opportunityLoader';
import { InvalidInputError, showFailure } from './ui/failures';
import { OpportunityPanels } from './webview/opportunityPanels';

export interface CommandDeps {
  tokens: TokenStore;
  panels: OpportunityPanels;
  log: vscode.LogOutputChannel;
}

async function askForId(): Promise<number | undefined> {
  const input = await vscode.window.showInputBox({
    title: 'Nexudus: Open Opportunity',
    prompt: 'The opportunity id, or a link or text that holds it',
    placeHolder: 'e.g. 87654321',
    ignoreFocusOut: true,
    validateInput: (text) => {
      const check = parseOpportunityId(text);
      return check.ok ? undefined : check.message;
    },
  });
  if (input === undefined) {
    return undefined;
  }
  const check = parseOpportunityId(input);
  return check.ok ? check.id : undefined;
}

/**
 * nexudus.setToken: resolves true when a token was saved. Scripts and tests may
 * pass the token as the argument; people are asked with a password box.
 */
async function setToken(tokens: TokenStore, log: vscode.LogOutputChannel, given?: unknown): Promise<boolean> {
  const input = typeof given === 'string' ? given : await vscode.window.showInputBox({
    title: 'Nexudus: Set API Token',
    prompt: 'Your Nexudus API bearer token. It is kept in VS Code’s secret storage, never in settings.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const check = checkToken(text);
      return check.ok ? undefined : check.message;
    },
  });
  if (input === undefined) {
    return false;
  }
  try {
    await tokens.set(input);
  } catch (error) {
    showFailure(error, log);
    return false;
  }
  log.info('API token saved to secret storage.');
  void vscode.window.showInformationMessage('Nexudus: API token saved.');
  return true;
}

async function clearToken(tokens: TokenStore, log: vscode.LogOutputChannel): Promise<void> {
  try {
    await tokens.clear();
  } catch (error) {
    showFailure(error, log);
    return;
  }
  log.info('API token removed from secret storage.');
  void vscode.window.showInformationMessage('Nexudus: API token cleared.');
}

/** The loader the panels use: progress while it runs, one message when it fails. */
export function loadWithFeedback(load: LoadOpportunity, log: vscode.LogOutputChannel, reopen: (id: number) => unknown) {
  return async (id: number) => {
    try {
      return await withRequestProgress(`Nexudus: opening opportunity #${id}…`, (signal) => load(id, signal));
    } catch (error) {
      showFailure(error, log, () => reopen(id));
      return undefined;
    }
  };
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { tokens, panels, log } = deps;
  return [
    vscode.commands.registerCommand(Commands.openOpportunity, async (arg?: unknown) => {
      let id: number | undefined;
      if (arg === undefined || arg === null || arg === '') {
        id = await askForId();
      } else {
        const check = parseOpportunityId(arg);
        if (!check.ok) {
          showFailure(new InvalidInputError(check.message), log);
          return false;
        }
        id = check.id;
      }
      return id === undefined ? false : panels.open(id);
    }),
    vscode.commands.registerCommand(Commands.setToken, (token?: unknown) => setToken(tokens, log, token)),
    vscode.commands.registerCommand(Commands.clearToken, () => clearToken(tokens, log)),
  ];
}
