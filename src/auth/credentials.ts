import * as l10n from '@vscode/l10n';
import { NexudusApiError } from '../api/errors';
import { keyringHint, SecretStore, TokenStore, TokenStoreError } from './tokenStore';
import { TokenGrant } from './tokenEndpoint';

/** A signed-in account's tokens, kept as one JSON secret. */
export interface NexudusSession {
  account: string;
  /** Nexudus ties refresh tokens to the client id used at sign-in; without one it is the email. */
  clientId: string;
  accessToken: string;
  refreshToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** The session could not be refreshed: the person must sign in again. */
export class SessionExpiredError extends Error {
  constructor() {
    super(l10n.t('Your Nexudus sign-in has expired. Sign in again.'));
    this.name = 'SessionExpiredError';
  }
}

// Refresh a little before the expiry Nexudus stated, so no request races it.
const REFRESH_MARGIN_MS = 60_000;

export function sessionFromGrant(account: string, grant: TokenGrant, now = Date.now()): NexudusSession {
  return {
    account,
    clientId: account,
    accessToken: grant.accessToken,
    refreshToken: grant.refreshToken,
    expiresAt: now + grant.expiresInSeconds * 1000,
  };
}

function parseSession(text: string | undefined): NexudusSession | undefined {
  if (!text) {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<NexudusSession>;
    return typeof value.accessToken === 'string' && typeof value.refreshToken === 'string' && typeof value.account === 'string'
      ? (value as NexudusSession)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where a request's bearer token comes from: the signed-in session (refreshed
 * when due, and once more when Nexudus rejects it), else the pasted API token.
 */
export class Credentials {
  private refreshing: Promise<NexudusSession> | undefined;

  constructor(
    private readonly secrets: SecretStore,
    private readonly sessionKey: string,
    readonly pastedToken: TokenStore,
    private readonly refresh: (session: NexudusSession) => Promise<TokenGrant>,
    private readonly options: {
      now?: () => number;
      onRenewed?: (session: NexudusSession) => void;
      /** A failed refresh signed the session out. */
      onExpired?: (session: NexudusSession) => void;
    } = {},
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  async session(): Promise<NexudusSession | undefined> {
    try {
      return parseSession(await this.secrets.get(this.sessionKey));
    } catch {
      throw new TokenStoreError(keyringHint());
    }
  }

  async saveSession(session: NexudusSession): Promise<void> {
    try {
      await this.secrets.store(this.sessionKey, JSON.stringify(session));
    } catch {
      throw new TokenStoreError(l10n.t("VS Code's secret storage is not available, so the sign-in could not be kept. Nothing was saved anywhere else."));
    }
  }

  async signOut(): Promise<void> {
    await this.secrets.delete(this.sessionKey);
  }

  /** The token to send now; undefined when neither signed in nor a token pasted. */
  async get(): Promise<string | undefined> {
    const session = await this.session();
    if (!session) {
      return this.pastedToken.get();
    }
    return session.expiresAt - REFRESH_MARGIN_MS <= this.now() ? (await this.refreshOnce(session)).accessToken : session.accessToken;
  }

  /**
   * Runs a request with the current token; when a signed-in session's token is
   * rejected (expired early), refreshes it once and tries again.
   */
  async withToken<T>(request: (token: string | undefined) => Promise<T>): Promise<T> {
    const token = await this.get();
    try {
      return await request(token);
    } catch (error) {
      const session = await this.session();
      if (!(error instanceof NexudusApiError) || error.kind !== 'unauthorized' || !session) {
        throw error;
      }
      // Another request may have refreshed the session meanwhile: use its token rather than refresh again.
      const current = session.accessToken !== token ? session : await this.refreshOnce(session);
      return request(current.accessToken);
    }
  }

  /** One refresh at a time: concurrent requests share it (the old refresh token dies with it). */
  private refreshOnce(session: NexudusSession): Promise<NexudusSession> {
    this.refreshing ??= this.refresh(session)
      .then(
        async (grant) => {
          const renewed = { ...sessionFromGrant(session.account, grant, this.now()), clientId: session.clientId };
          await this.saveSession(renewed);
          this.options.onRenewed?.(renewed);
          return renewed;
        },
        async (error: unknown) => {
          if (error instanceof NexudusApiError && ['network', 'timeout', 'cancelled', 'certificate'].includes(error.kind)) {
            throw error;
          }
          await this.signOut();
          this.options.onExpired?.(session);
          throw new SessionExpiredError();
        },
      )
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }
}
