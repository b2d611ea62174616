import * as vscode from 'vscode';
import { readApiSettings } from '../config';
import { SECRET_SESSION_KEY, SECRET_TOKEN_KEY } from '../constants';
import { logRequest } from '../opportunityLoader';
import { NexudusAuthenticationProvider } from './authProvider';
import { Credentials } from './credentials';
import { signInInteractively } from './signInFlow';
import { refreshGrant } from './tokenEndpoint';
import { TokenStore } from './tokenStore';

/** The pasted token, the signed-in session, and the Accounts-menu provider, all over SecretStorage. */
export function createAuthentication(context: vscode.ExtensionContext, log: vscode.LogOutputChannel) {
  const tokens = new TokenStore(context.secrets, SECRET_TOKEN_KEY);
  const credentials = new Credentials(
    context.secrets,
    SECRET_SESSION_KEY,
    tokens,
    (session) => refreshGrant(readApiSettings(), session, { log: logRequest(log) }),
    {
      onRenewed: (session) => provider.sessionRenewed(session),
      // Else VS Code's Accounts menu would go on listing an account that is signed out.
      onExpired: (session) => provider.sessionEnded(session),
    },
  );
  const provider = new NexudusAuthenticationProvider(credentials, () => signInInteractively(credentials, log));
  return { tokens, credentials, provider, disposables: [provider, provider.register()] };
}
