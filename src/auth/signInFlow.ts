import * as vscode from 'vscode';
import { readApiSettings } from '../config';
import { Commands } from '../constants';
import { showFailure } from '../ui/failures';
import { logRequest, withRequestProgress } from '../opportunityLoader';
import { Credentials, NexudusSession, sessionFromGrant } from './credentials';
import { passwordGrant } from './tokenEndpoint';

async function ask(options: vscode.InputBoxOptions): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
  return value === undefined ? undefined : value.trim();
}

const notEmpty = (message: string) => (text: string) => (text.trim() ? undefined : message);

/**
 * Asks for email and password (and the two-factor code when Nexudus wants one),
 * signs in, and keeps the tokens. Undefined when the person cancels or it
 * fails; a failure has its own message (errors do not survive the trip
 * through VS Code's authentication API intact).
 */
export async function signInInteractively(credentials: Credentials, log: vscode.LogOutputChannel): Promise<NexudusSession | undefined> {
  try {
    return await askAndSignIn(credentials, log);
  } catch (error) {
    showFailure(error, log, () => vscode.commands.executeCommand(Commands.signIn));
    return undefined;
  }
}

async function askAndSignIn(credentials: Credentials, log: vscode.LogOutputChannel): Promise<NexudusSession | undefined> {
  const settings = readApiSettings();
  const email = await ask({
    title: vscode.l10n.t('Nexudus: Sign In (1/2)'),
    prompt: vscode.l10n.t('The email you sign in to Nexudus with'),
    placeHolder: vscode.l10n.t('you@yourspace.com'),
    validateInput: notEmpty(vscode.l10n.t('Enter your email, or press Escape to cancel.')),
  });
  if (!email) {
    return undefined;
  }
  const password = await ask({
    title: vscode.l10n.t('Nexudus: Sign In (2/2)'),
    prompt: vscode.l10n.t('Password for {0}', email),
    password: true,
    validateInput: notEmpty(vscode.l10n.t('Enter your password, or press Escape to cancel.')),
  });
  if (!password) {
    return undefined;
  }
  const http = { log: logRequest(log) };
  const title = vscode.l10n.t('Nexudus: signing in as {0}…', email);
  let result = await withRequestProgress(title, (signal) => passwordGrant({ ...settings, signal }, { email, password }, http));
  if (result.kind === 'needsTwoFactorCode') {
    const twoFactorCode = await ask({
      title: vscode.l10n.t('Nexudus: Sign In, two-factor code'),
      prompt: vscode.l10n.t('The code from your authenticator app'),
      validateInput: (text) => (/^\d{4,10}$/.test(text.trim()) ? undefined : vscode.l10n.t('The code is the digits your authenticator app shows.')),
    });
    if (!twoFactorCode) {
      return undefined;
    }
    result = await withRequestProgress(title, (signal) => passwordGrant({ ...settings, signal }, { email, password, twoFactorCode }, http));
  }
  if (result.kind !== 'signedIn') {
    return undefined;
  }
  const session = sessionFromGrant(email, result.grant);
  await credentials.saveSession(session);
  log.info(`Signed in as ${email}.`);
  return session;
}
