import * as assert from 'assert';
import * as net from 'net';
import { NexudusApiError } from '../../src/api/errors';
import { RequestLogEntry, retryAfterMs } from '../../src/api/http';
import { fetchOpportunity } from '../../src/api/opportunities';
import { documentedExample } from '../standin/documentedExample';
import { json, NexudusStandIn, STANDIN_TOKEN, THROTTLED_STATUS_TEXT } from '../standin/server';

const ID = 87654321;
const PATH = `/api/crm/crmopportunities/${ID}`;

async function failure(promise: Promise<unknown>): Promise<NexudusApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof NexudusApiError, `expected a NexudusApiError, got ${String(error)}`);
    assert.ok(!error.message.includes(STANDIN_TOKEN), 'the token must never be in a message');
    assert.ok(!/\bat \w|\[object Object\]/.test(error.message), `not a human message: ${error.message}`);
    return error;
  }
  throw new assert.AssertionError({ message: 'expected the request to fail' });
}

describe('API client against the stand-in server (real HTTP on 127.0.0.1)', function () {
  let standIn: NexudusStandIn;
  const log: RequestLogEntry[] = [];
  const connection = () => ({ baseUrl: standIn.url, token: STANDIN_TOKEN, timeoutMs: 2000 });
  const get = (id = ID, options = {}, signal?: AbortSignal) =>
    fetchOpportunity(connection(), id, signal, { log: (e) => log.push(e), maxRetryWaitMs: 1500, ...options });

  before(async () => {
    standIn = await NexudusStandIn.start();
  });
  after(() => standIn.stop());
  beforeEach(() => {
    standIn.reset();
    log.length = 0;
  });

  it('GETs the documented example with the bearer token and Accept: application/json', async () => {
    const { value, rawText } = await get();
    assert.deepStrictEqual(value, documentedExample());
    assert.strictEqual(value.Id, 87654321);
    assert.strictEqual(value.UniqueId, 'a1b2c3d4-e5f6-7890-abcd-ef1234567890');
    assert.deepStrictEqual(JSON.parse(rawText), documentedExample());
    assert.strictEqual(standIn.requests.length, 1);
    assert.strictEqual(standIn.requests[0].path, PATH);
    assert.strictEqual(standIn.requests[0].authorization, `Bearer ${STANDIN_TOKEN}`);
  });

  it('logs method, path, status and time, never the token', async () => {
    await get();
    assert.strictEqual(log.length, 1);
    assert.strictEqual(log[0].method, 'GET');
    assert.strictEqual(log[0].path, PATH);
    assert.strictEqual(log[0].status, 200);
    assert.ok(log[0].ms >= 0);
    assert.ok(!JSON.stringify(log).includes(STANDIN_TOKEN));
  });

  it('401: token rejected, offers Set API Token, names the CrmOpportunity-Read role', async () => {
    const error = await failure(fetchOpportunity({ ...connection(), token: 'wrong-token' }, ID));
    assert.strictEqual(error.kind, 'unauthorized');
    assert.strictEqual(error.action, 'setToken');
    assert.match(error.message, /rejected the API token/);
    assert.match(error.message, /CrmOpportunity-Read/);
  });

  it('403: names the role', async () => {
    standIn.script({ path: PATH, behaviour: json(403, '{"Message":"Forbidden"}') });
    const error = await failure(get());
    assert.strictEqual(error.kind, 'forbidden');
    assert.match(error.message, /CrmOpportunity-Read role/);
  });

  it('404 with the bare JSON string "Not found": no opportunity with that id', async () => {
    const error = await failure(get(12345));
    assert.strictEqual(error.kind, 'notFound');
    assert.strictEqual(error.message, 'Nexudus has no opportunity #12345 (404). Check the id.');
  });

  it('409 throttling: waits Retry-After, tries again, and succeeds', async () => {
    standIn.script({ path: PATH, times: 1, behaviour: { kind: 'reply', status: 409, statusText: THROTTLED_STATUS_TEXT, headers: { 'Retry-After': '1' } } });
    const started = Date.now();
    const { value } = await get();
    assert.strictEqual(value.Id, ID);
    assert.strictEqual(standIn.requests.length, 2);
    assert.ok(standIn.requests[1].at - standIn.requests[0].at >= 950, 'waited the Retry-After second');
    assert.ok(Date.now() - started < 2500);
  });

  it('409 that persists: a throttling message after a capped number of tries', async () => {
    standIn.script({ path: PATH, behaviour: { kind: 'reply', status: 409, statusText: THROTTLED_STATUS_TEXT, headers: { 'Retry-After': '0' } } });
    const error = await failure(get());
    assert.strictEqual(error.kind, 'throttled');
    assert.match(error.message, /limiting how often/);
    assert.strictEqual(standIn.requests.length, 4, 'one request and three retries');
  });

  it('429 with a Retry-After too long to wait: fails at once with a throttling message', async () => {
    standIn.script({ path: PATH, behaviour: json(429, '', { 'Retry-After': '120' }) });
    const error = await failure(get());
    assert.strictEqual(error.kind, 'throttled');
    assert.strictEqual(error.status, 429);
    assert.strictEqual(standIn.requests.length, 1);
  });

  it('500: shows the server\'s Message and offers Retry', async () => {
    standIn.script({ path: PATH, behaviour: json(500, '{"Message":"An error has occurred."}') });
    const error = await failure(get());
    assert.strictEqual(error.kind, 'serverError');
    assert.strictEqual(error.action, 'retry');
    assert.match(error.message, /\(500: An error has occurred\.\)/);
  });

  it('other 4xx: shows the status and the server\'s Message', async () => {
    standIn.script({ path: PATH, behaviour: json(400, '{"Message":"The request is invalid."}') });
    const error = await failure(get());
    assert.strictEqual(error.kind, 'clientError');
    assert.match(error.message, /\(400: The request is invalid\.\)/);
  });

  it('timeout: ends the request and says how long it waited', async () => {
    standIn.script({ path: PATH, behaviour: { kind: 'hang' } });
    const started = Date.now();
    const error = await failure(fetchOpportunity({ ...connection(), timeoutMs: 300 }, ID));
    assert.strictEqual(error.kind, 'timeout');
    assert.match(error.message, /did not answer within/);
    assert.ok(Date.now() - started < 1500);
  });

  it('cancel: aborts the request in flight', async () => {
    standIn.script({ path: PATH, behaviour: { kind: 'hang' } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(get(ID, {}, controller.signal));
    assert.strictEqual(error.kind, 'cancelled');
  });

  it('network failure: names the host', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const error = await failure(fetchOpportunity({ baseUrl: `http://127.0.0.1:${port}`, token: STANDIN_TOKEN, timeoutMs: 2000 }, ID));
    assert.strictEqual(error.kind, 'network');
    assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port} refused the connection`));
  });

  it('a 200 whose body is not a JSON object: an HTML page, an array, a string', async () => {
    standIn.script({ path: PATH, times: 1, behaviour: json(200, '<html><body>Maintenance</body></html>') });
    assert.match((await failure(get())).message, /an HTML page instead of JSON/);
    standIn.script({ path: PATH, times: 1, behaviour: json(200, '[1,2]') });
    assert.match((await failure(get())).message, /a list instead of an opportunity/);
    standIn.script({ path: PATH, times: 1, behaviour: json(200, '"hello"') });
    assert.match((await failure(get())).message, /a string instead of an opportunity/);
    standIn.script({ path: PATH, times: 1, behaviour: json(200, '') });
    assert.match((await failure(get())).message, /an empty reply/);
  });

  it('a redirect to another origin is not followed with the token', async () => {
    const other = await NexudusStandIn.start();
    try {
      standIn.script({ path: PATH, behaviour: { kind: 'redirect', status: 302, location: `${other.url}${PATH}` } });
      const error = await failure(get());
      assert.strictEqual(error.kind, 'redirect');
      assert.match(error.message, /token was not sent there/);
      assert.strictEqual(other.requests.length, 0);
    } finally {
      await other.stop();
    }
  });

  it('a redirect within the same origin is followed', async () => {
    standIn.script({ path: PATH, times: 1, behaviour: { kind: 'redirect', status: 307, location: `${PATH}?moved=1` } });
    const { value } = await get();
    assert.strictEqual(value.Id, ID);
    assert.strictEqual(standIn.requests[1].path, `${PATH}?moved=1`);
    assert.strictEqual(standIn.requests[1].authorization, `Bearer ${STANDIN_TOKEN}`);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.strictEqual(retryAfterMs('1'), 1000);
    assert.strictEqual(retryAfterMs('2.5'), 2500);
    const now = Date.parse('2026-12-03T12:00:00Z');
    assert.strictEqual(retryAfterMs('Thu, 03 Dec 2026 12:00:03 GMT', now), 3000);
    assert.strictEqual(retryAfterMs(null), undefined);
    assert.strictEqual(retryAfterMs('soon'), undefined);
  });
});
