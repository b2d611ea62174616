import { randomBytes } from 'crypto';
import type { Behaviour } from './server';

/** A Nexudus user who may sign in to the stand-in. */
export interface StandInAccount {
  email: string;
  password: string;
  /** When set, the account has two-factor authentication and this is its current code. */
  twoFactorCode?: string;
  /** Nexudus makes some users reset their password before they may sign in. */
  mustResetPassword?: boolean;
}

function reply(status: number, body: unknown): Behaviour {
  return { kind: 'reply', status, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json; charset=utf-8' } };
}

const invalidGrant = (description: string) => reply(400, { error: 'invalid_grant', error_description: description });

/**
 * POST /api/token as Nexudus answers it: form-encoded password and refresh
 * grants, two-factor codes, refresh tokens that rotate (the old one is void).
 */
export class StandInAccounts {
  private readonly accessTokens = new Map<string, { email: string; expiresAt: number }>();
  private readonly refreshTokens = new Map<string, string>();
  /** Seconds a new access token lives; the real API has said 604799 and 86400. */
  accessTokenSeconds = 604799;

  constructor(private readonly accounts: StandInAccount[]) {}

  isValidAccessToken(token: string): boolean {
    const entry = this.accessTokens.get(token);
    return entry !== undefined && entry.expiresAt > Date.now();
  }

  /** Makes every access token issued so far expire now, as if a week had passed. */
  expireAccessTokens(): void {
    this.accessTokens.forEach((entry) => (entry.expiresAt = 0));
  }

  answer(contentType: string | undefined, body: string, clientIdHeader: string | undefined): Behaviour {
    if (!contentType?.startsWith('application/x-www-form-urlencoded')) {
      return reply(400, { error: 'unsupported_grant_type' });
    }
    const form = new URLSearchParams(body);
    switch (form.get('grant_type')) {
      case 'password':
        return this.passwordGrant(form);
      case 'refresh_token':
        return this.refreshGrant(form.get('refresh_token') ?? '', clientIdHeader);
      default:
        return reply(400, { error: 'unsupported_grant_type' });
    }
  }

  private passwordGrant(form: URLSearchParams): Behaviour {
    const account = this.accounts.find((a) => a.email === form.get('username'));
    if (!account || account.password !== form.get('password')) {
      return invalidGrant('The user name or password is incorrect.');
    }
    if (account.mustResetPassword) {
      return reply(400, { error: 'must_reset_password' });
    }
    if (account.twoFactorCode !== undefined && form.get('totp') !== account.twoFactorCode) {
      return reply(400, { error: 'two_factor_auth_check' });
    }
    return this.issue(account.email);
  }

  private refreshGrant(refreshToken: string, clientId: string | undefined): Behaviour {
    const email = this.refreshTokens.get(refreshToken);
    // Without a client_id at sign-in, the email is the client id.
    if (!email || clientId !== email) {
      return invalidGrant('The refresh token is invalid or expired.');
    }
    this.refreshTokens.delete(refreshToken);
    return this.issue(email);
  }

  private issue(email: string): Behaviour {
    const accessToken = `standin-access-${randomBytes(12).toString('hex')}`;
    const refreshToken = `standin-refresh-${randomBytes(12).toString('hex')}`;
    this.accessTokens.set(accessToken, { email, expiresAt: Date.now() + this.accessTokenSeconds * 1000 });
    this.refreshTokens.set(refreshToken, email);
    return reply(200, { access_token: accessToken, token_type: 'bearer', expires_in: this.accessTokenSeconds, refresh_token: refreshToken });
  }
}
