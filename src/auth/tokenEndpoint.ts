import * as l10n from '@vscode/l10n';
import { HttpOptions, requestJson } from '../api/http';

/** What POST /api/token answers when it signs someone in or refreshes. */
export interface TokenGrant {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

export type PasswordGrantResult = { kind: 'signedIn'; grant: TokenGrant } | { kind: 'needsTwoFactorCode' };

export type SignInErrorKind = 'invalidCredentials' | 'invalidCode' | 'mustResetPassword' | 'refused' | 'badReply';

export class SignInError extends Error {
  constructor(
    readonly kind: SignInErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

export interface TokenEndpoint {
  baseUrl: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

const TOKEN_PATH = '/api/token';

function readGrant(json: unknown): TokenGrant {
  const reply = (json ?? {}) as Record<string, unknown>;
  const { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn } = reply;
  if (typeof accessToken !== 'string' || !accessToken || typeof refreshToken !== 'string') {
    throw new SignInError('badReply', l10n.t('Nexudus answered the sign-in without a token. Try again later.'));
  }
  const seconds = Number(expiresIn);
  return { accessToken, refreshToken, expiresInSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 3600 };
}

function refusal(json: unknown, triedCode: boolean): SignInError {
  const { error, error_description: description } = (json ?? {}) as Record<string, unknown>;
  const said = typeof description === 'string' && description.trim() ? description.trim() : undefined;
  switch (error) {
    case 'invalid_grant':
      return new SignInError(
        'invalidCredentials',
        said
          ? l10n.t('Nexudus did not accept that email and password ({0}). Check them and sign in again.', said)
          : l10n.t('Nexudus did not accept that email and password. Check them and sign in again.'),
      );
    case 'two_factor_auth_check':
      return new SignInError('invalidCode', l10n.t('Nexudus did not accept that two-factor code. Sign in again with a new code.'));
    case 'must_reset_password':
      return new SignInError(
        'mustResetPassword',
        l10n.t('Nexudus asks you to reset your password before signing in. Reset it on the Nexudus dashboard, then sign in again.'),
      );
    default: {
      // What Nexudus said, in its words: the error code, then (unless a code was tried) its description.
      const details = [typeof error === 'string' ? error : undefined, triedCode ? undefined : said].filter((d): d is string => d !== undefined);
      return new SignInError(
        'refused',
        details.length === 2
          ? l10n.t('Nexudus refused the sign-in ({0}) ({1}). Check that API access is switched on for your account.', details[0], details[1])
          : details.length === 1
            ? l10n.t('Nexudus refused the sign-in ({0}). Check that API access is switched on for your account.', details[0])
            : l10n.t('Nexudus refused the sign-in. Check that API access is switched on for your account.'),
      );
    }
  }
}

async function postToken(endpoint: TokenEndpoint, form: Record<string, string>, headers: Record<string, string>, http?: HttpOptions) {
  return requestJson(
    { ...endpoint, path: TOKEN_PATH, subject: l10n.t('the sign-in'), role: l10n.t('API access'), form, headers, passStatuses: [400] },
    http,
  );
}

/** Signs in with email and password, and the two-factor code when the account has one. */
export async function passwordGrant(
  endpoint: TokenEndpoint,
  credentials: { email: string; password: string; twoFactorCode?: string },
  http?: HttpOptions,
): Promise<PasswordGrantResult> {
  const form: Record<string, string> = { grant_type: 'password', username: credentials.email, password: credentials.password };
  if (credentials.twoFactorCode) {
    form.totp = credentials.twoFactorCode;
  }
  const { json, status } = await postToken(endpoint, form, {}, http);
  if (status === 400) {
    if ((json as { error?: unknown } | null)?.error === 'two_factor_auth_check' && !credentials.twoFactorCode) {
      return { kind: 'needsTwoFactorCode' };
    }
    throw refusal(json, Boolean(credentials.twoFactorCode));
  }
  return { kind: 'signedIn', grant: readGrant(json) };
}

/**
 * Trades a refresh token for new tokens. The old refresh token is void
 * afterwards, so one refresh must never run twice.
 */
export async function refreshGrant(
  endpoint: TokenEndpoint,
  session: { refreshToken: string; clientId: string },
  http?: HttpOptions,
): Promise<TokenGrant> {
  const { json, status } = await postToken(
    endpoint,
    { grant_type: 'refresh_token', refresh_token: session.refreshToken },
    { client_id: session.clientId },
    http,
  );
  if (status === 400) {
    throw refusal(json, false);
  }
  return readGrant(json);
}
