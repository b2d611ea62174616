import * as vscode from 'vscode';
import { AUTH_PROVIDER_ID } from '../constants';
import { Credentials, NexudusSession } from './credentials';

function toAuthenticationSession(session: NexudusSession): vscode.AuthenticationSession {
  return {
    id: `nexudus:${session.account}`,
    accessToken: session.accessToken,
    account: { id: session.account, label: session.account },
    scopes: [],
  };
}

/**
 * The Nexudus account in VS Code's Accounts menu. Tokens live in SecretStorage
 * (through Credentials); signing in asks for email, password and, when the
 * account has one, the two-factor code.
 */
export class NexudusAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;

  constructor(
    private readonly credentials: Credentials,
    private readonly signIn: () => Promise<NexudusSession | undefined>,
  ) {}

  register(): vscode.Disposable {
    return vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, 'Nexudus', this, { supportsMultipleAccounts: false });
  }

  async getSessions(): Promise<vscode.AuthenticationSession[]> {
    const session = await this.credentials.session();
    return session ? [toAuthenticationSession(session)] : [];
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    const previous = await this.credentials.session();
    const session = await this.signIn();
    if (!session) {
      throw new vscode.CancellationError();
    }
    const added = toAuthenticationSession(session);
    this.changed.fire(previous ? { added: [added], removed: [toAuthenticationSession(previous)], changed: [] } : { added: [added], removed: [], changed: [] });
    return added;
  }

  async removeSession(): Promise<void> {
    const session = await this.credentials.session();
    await this.credentials.signOut();
    if (session) {
      this.changed.fire({ added: [], removed: [toAuthenticationSession(session)], changed: [] });
    }
  }

  /** A failed refresh signed the session out: tell VS Code it is gone. */
  sessionEnded(session: NexudusSession): void {
    this.changed.fire({ added: [], removed: [toAuthenticationSession(session)], changed: [] });
  }

  /** A refresh replaced the tokens: tell VS Code the session changed. */
  sessionRenewed(session: NexudusSession): void {
    this.changed.fire({ added: [], removed: [], changed: [toAuthenticationSession(session)] });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
