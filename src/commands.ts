import * as vscode from 'vscode';
import { TokenStore, checkToken } from './auth/tokenStore';
import { NexudusAuthenticationProvider } from './auth/authProvider';
import { AUTH_PROVIDER_ID, Commands } from './constants';
import { parseOpportunityId } from './input/opportunityId';
import { LoadOpportunity, withRequestProgress } from './opportunityLoader';
import { InvalidInputError, showFailure } from './ui/failures';
import type { Fetched, OpportunityRecord } from './api/opportunities';
import { OpportunityJsonDocuments } from './json/opportunityJsonDocuments';
import { OpportunityPanels } from './webview/opportunityPanels';

export interface CommandDeps {
  tokens: TokenStore;
  provider: NexudusAuthenticationProvider;
  panels: OpportunityPanels;
  jsonDocuments: OpportunityJsonDocuments;
  /** Fetches with progress and failure messages; undefined when it failed. */
  load: (id: number) => Promise<Fetched<OpportunityRecord> | undefined>;
  extensionId: string;
  log: vscode.LogOutputChannel;
}

async function askForId(title: string): Promise<number | undefined> {
  const input = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('The opportunity id, or a link or text that holds it'),
    placeHolder: vscode.l10n.t('e.g. 87654321'),
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
    title: vscode.l10n.t('Nexudus: Set API Token'),
    prompt: vscode.l10n.t('Your Nexudus API bearer token. It is kept in VS Code’s secret storage, never in settings.'),
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
  void vscode.window.showInformationMessage(vscode.l10n.t('Nexudus: API token saved.'));
  return true;
}

/** nexudus.signIn: through VS Code's authentication API, so the account shows in the Accounts menu. */
async function signIn(log: vscode.LogOutputChannel): Promise<boolean> {
  try {
    const session = await vscode.authentication.getSession(AUTH_PROVIDER_ID, [], { createIfNone: true });
    void vscode.window.showInformationMessage(vscode.l10n.t('Nexudus: signed in as {0}.', session.account.label));
    return true;
  } catch (error) {
    // Cancelled, or failed with its own message already shown by the sign-in flow.
    log.info(`Sign-in ended without a session: ${error instanceof Error ? error.name : 'unknown'}.`);
    return false;
  }
}

async function clearToken(tokens: TokenStore, log: vscode.LogOutputChannel): Promise<void> {
  try {
    await tokens.clear();
  } catch (error) {
    showFailure(error, log);
    return;
  }
  log.info('API token removed from secret storage.');
  void vscode.window.showInformationMessage(vscode.l10n.t('Nexudus: API token cleared.'));
}

/** The loader the panels use: progress while it runs, one message when it fails. */
export function loadWithFeedback(load: LoadOpportunity, log: vscode.LogOutputChannel, reopen: (id: number) => unknown) {
  return async (id: number) => {
    try {
      return await withRequestProgress(vscode.l10n.t('Nexudus: opening opportunity #{0}…', id), (signal) => load(id, signal));
    } catch (error) {
      showFailure(error, log, () => reopen(id));
      return undefined;
    }
  };
}

/** The id a command was given, or the one the user types when it was given none. */
async function opportunityIdFor(arg: unknown, title: string, log: vscode.LogOutputChannel): Promise<number | undefined> {
  if (arg === undefined || arg === null || arg === '') {
    return askForId(title);
  }
  const check = parseOpportunityId(arg);
  if (!check.ok) {
    showFailure(new InvalidInputError(check.message), log);
    return undefined;
  }
  return check.id;
}

/** vscode://<publisher>.<name>/opportunity/<id>: opens that opportunity. */
export function opportunityLink(extensionId: string, id: number): string {
  return `${vscode.env.uriScheme}://${extensionId}/opportunity/${id}`;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { tokens, provider, panels, jsonDocuments, load, extensionId, log } = deps;
  return [
    vscode.commands.registerCommand(Commands.signIn, () => signIn(log)),
    vscode.commands.registerCommand(Commands.signOut, async () => {
      await provider.removeSession();
      void vscode.window.showInformationMessage(vscode.l10n.t('Nexudus: signed out.'));
    }),
    vscode.commands.registerCommand(Commands.openOpportunity, async (arg?: unknown) => {
      const id = await opportunityIdFor(arg, vscode.l10n.t('Nexudus: Open Opportunity'), log);
      return id === undefined ? false : panels.open(id);
    }),
    vscode.commands.registerCommand(Commands.openAsJson, async (arg?: unknown) => {
      const id = await opportunityIdFor(arg, vscode.l10n.t('Nexudus: Open Opportunity as JSON'), log);
      const fetched = id === undefined ? undefined : (panels.record(id) ?? (await load(id)));
      if (id === undefined || !fetched) {
        return false;
      }
      await jsonDocuments.open(id, fetched.value);
      return true;
    }),
    vscode.commands.registerCommand(Commands.copyLink, async (arg?: unknown) => {
      const id = await opportunityIdFor(arg, vscode.l10n.t('Nexudus: Copy Link to Opportunity'), log);
      if (id === undefined) {
        return undefined;
      }
      const link = opportunityLink(extensionId, id);
      await vscode.env.clipboard.writeText(link);
      void vscode.window.showInformationMessage(vscode.l10n.t('Nexudus: copied {0}', link));
      return link;
    }),
    vscode.commands.registerCommand(Commands.setToken, (token?: unknown) => setToken(tokens, log, token)),
    vscode.commands.registerCommand(Commands.clearToken, () => clearToken(tokens, log)),
  ];
}
