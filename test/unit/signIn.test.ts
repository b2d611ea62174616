import * as assert from 'assert';
import { NexudusApiError } from '../../src/api/errors';
import { fetchOpportunity } from '../../src/api/opportunities';
import { Credentials, NexudusSession, SessionExpiredError, sessionFromGrant } from '../../src/auth/credentials';
import { passwordGrant, refreshGrant, SignInError } from '../../src/auth/tokenEndpoint';
import { TokenStore } from '../../src/auth/tokenStore';
import { NexudusStandIn } from '../standin/server';

const ADA = { email: 'ada@example.com', password: 'correct horse battery' };
const GRACE = { email: 'grace@example.com', password: 'pw-2', twoFactorCode: '123456' };

function memorySecrets() {
  const values = new Map<string, string>();
  return { values, get: async (k: string) => values.get(k), store: async (k: string, v: string) => void values.set(k, v), delete: async (k: string) => void values.delete(k) };
}

describe('sign in with email and password (POST /api/token on the stand-in)', () => {
  let standIn: NexudusStandIn;
  const endpoint = () => ({ baseUrl: standIn.url, timeoutMs: 3000 });

  before(async () => {
    standIn = await NexudusStandIn.start({ accounts: [ADA, GRACE, { email: 'old@example.com', password: 'x', mustResetPassword: true }] });
  });
  after(() => standIn.stop());
  beforeEach(() => standIn.reset());

  it('signs in form-encoded and the access token then reads opportunities', async () => {
    const result = await passwordGrant(endpoint(), ADA);
    assert.strictEqual(result.kind, 'signedIn');
    const grant = result.kind === 'signedIn' ? result.grant : undefined!;
    assert.strictEqual(grant.expiresInSeconds, 604799);
    assert.strictEqual(standIn.requests[0].method, 'POST');
    assert.strictEqual(standIn.requests[0].authorization, undefined, 'no bearer on the sign-in request');
    const { value } = await fetchOpportunity({ baseUrl: standIn.url, token: grant.accessToken, timeoutMs: 3000 }, 87654321);
    assert.strictEqual(value.Id, 87654321);
  });

  it('asks for the two-factor code when the reply says so, then signs in with it', async () => {
    assert.deepStrictEqual(await passwordGrant(endpoint(), { email: GRACE.email, password: GRACE.password }), { kind: 'needsTwoFactorCode' });
    const withCode = await passwordGrant(endpoint(), GRACE);
    assert.strictEqual(withCode.kind, 'signedIn');
    await assert.rejects(passwordGrant(endpoint(), { ...GRACE, twoFactorCode: '000000' }), (e: SignInError) => e.kind === 'invalidCode');
  });

  it('a wrong password: invalid credentials, with the server\'s description, never the password', async () => {
    await assert.rejects(passwordGrant(endpoint(), { ...ADA, password: 'wrong-pass' }), (error: SignInError) => {
      assert.strictEqual(error.kind, 'invalidCredentials');
      assert.strictEqual(error.message, 'Nexudus did not accept that email and password (The user name or password is incorrect.). Check them and sign in again.');
      assert.ok(!error.message.includes('wrong-pass'));
      return true;
    });
  });

  it('must_reset_password: says to reset it', async () => {
    await assert.rejects(passwordGrant(endpoint(), { email: 'old@example.com', password: 'x' }), (e: SignInError) => e.kind === 'mustResetPassword');
  });

  it('a refresh returns new tokens and voids the old refresh token', async () => {
    const first = await passwordGrant(endpoint(), ADA);
    const grant = first.kind === 'signedIn' ? first.grant : undefined!;
    const renewed = await refreshGrant(endpoint(), { refreshToken: grant.refreshToken, clientId: ADA.email });
    assert.notStrictEqual(renewed.accessToken, grant.accessToken);
    await assert.rejects(refreshGrant(endpoint(), { refreshToken: grant.refreshToken, clientId: ADA.email }), SignInError);
  });
});

describe('credentials: the session first, refreshed once, else the pasted token', () => {
  let standIn: NexudusStandIn;
  let refreshes: number;

  before(async () => {
    standIn = await NexudusStandIn.start({ accounts: [ADA] });
  });
  after(() => standIn.stop());

  async function signedIn(now = Date.now, onExpired?: (session: NexudusSession) => void) {
    const secrets = memorySecrets();
    refreshes = 0;
    const credentials = new Credentials(
      secrets,
      'session',
      new TokenStore(secrets, 'token'),
      (session) => {
        refreshes++;
        return refreshGrant({ baseUrl: standIn.url, timeoutMs: 3000 }, session);
      },
      { now, onExpired },
    );
    const result = await passwordGrant({ baseUrl: standIn.url, timeoutMs: 3000 }, ADA);
    const session = sessionFromGrant(ADA.email, result.kind === 'signedIn' ? result.grant : undefined!);
    await credentials.saveSession(session);
    return { credentials, secrets, session };
  }
  const read = (token: string | undefined) => fetchOpportunity({ baseUrl: standIn.url, token: token!, timeoutMs: 3000 }, 87654321);

  it('without a session, uses the pasted token', async () => {
    const secrets = memorySecrets();
    const credentials = new Credentials(secrets, 'session', new TokenStore(secrets, 'token'), async () => assert.fail('no refresh'));
    assert.strictEqual(await credentials.get(), undefined);
    secrets.values.set('token', ' pasted ');
    assert.strictEqual(await credentials.get(), 'pasted');
  });

  it('an access token Nexudus rejects is refreshed once, transparently, and the request succeeds', async () => {
    const { credentials, session } = await signedIn();
    standIn.accounts.expireAccessTokens();
    const { value } = await credentials.withToken(read);
    assert.strictEqual(value.Id, 87654321);
    assert.strictEqual(refreshes, 1);
    assert.notStrictEqual((await credentials.session())?.accessToken, session.accessToken, 'the renewed session is saved');
  });

  it('a token past its stated expiry is refreshed before it is sent', async () => {
    let clock = Date.now();
    const { credentials, session } = await signedIn(() => clock);
    clock = session.expiresAt;
    standIn.reset();
    await credentials.withToken(read);
    assert.strictEqual(refreshes, 1);
    assert.deepStrictEqual(standIn.requests.map((r) => r.method), ['POST', 'GET'], 'refreshed first, then no 401 at all');
  });

  it('many requests needing a refresh at once share one refresh (the refresh token works only once)', async () => {
    const { credentials } = await signedIn();
    standIn.accounts.expireAccessTokens();
    const results = await Promise.all([1, 2, 3, 4].map(() => credentials.withToken(read)));
    assert.strictEqual(results.length, 4);
    assert.strictEqual(refreshes, 1);
  });

  it('a failed refresh signs out, says so (for the Accounts menu), and asks to sign in again', async () => {
    const expired: string[] = [];
    const { credentials, secrets } = await signedIn(Date.now, (session) => expired.push(session.account));
    standIn.accounts.expireAccessTokens();
    const session = JSON.parse(secrets.values.get('session')!) as NexudusSession;
    secrets.values.set('session', JSON.stringify({ ...session, refreshToken: 'void-refresh-token' }));
    await assert.rejects(credentials.withToken(read), SessionExpiredError);
    assert.strictEqual(await credentials.session(), undefined);
    assert.deepStrictEqual(expired, [ADA.email]);
  });

  it('a 401 for a pasted token is not retried', async () => {
    const secrets = memorySecrets();
    secrets.values.set('token', 'not-accepted');
    const credentials = new Credentials(secrets, 'session', new TokenStore(secrets, 'token'), async () => assert.fail('no refresh'));
    standIn.reset();
    await assert.rejects(credentials.withToken(read), (e: NexudusApiError) => e.kind === 'unauthorized');
    assert.strictEqual(standIn.requests.length, 1);
  });
});
