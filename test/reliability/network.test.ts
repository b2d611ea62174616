import * as assert from 'assert';
import * as net from 'net';
import { fetchOpportunity } from '../../src/api/opportunities';
import { Behaviour, NexudusStandIn, STANDIN_TOKEN } from '../standin/server';
import { failureOf } from './helpers';

const ID = 87654321;
const PATH = `/api/crm/crmopportunities/${ID}`;
const TIMEOUT_MS = 400;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('reliability: the network fails', () => {
  let standIn: NexudusStandIn;
  const get = (signal?: AbortSignal, baseUrl = standIn.url) =>
    fetchOpportunity({ baseUrl, token: STANDIN_TOKEN, timeoutMs: TIMEOUT_MS }, ID, signal);

  before(async () => {
    standIn = await NexudusStandIn.start();
  });
  after(() => standIn.stop());
  beforeEach(() => standIn.reset());

  /** After any failure the next request works at once: nothing is left stuck. */
  async function usableAfter(): Promise<void> {
    standIn.reset();
    const started = Date.now();
    const { value } = await get();
    assert.strictEqual(value.Id, ID);
    assert.ok(Date.now() - started < 300, 'the next request is not held up');
  }

  const timeouts: [string, Behaviour, RegExp][] = [
    ['slow headers (longer than the timeout)', { kind: 'delayHeaders', ms: 5000 }, /did not answer within/],
    ['a hung connection', { kind: 'hang' }, /did not answer within/],
    ['a body that stops half way', { kind: 'halfBody', declaredLength: 5000, body: '{"Id": 876' }, /started answering but stopped before the reply was complete/],
  ];
  for (const [name, behaviour, message] of timeouts) {
    it(`${name}: ends by the timeout, says so, never "token rejected"`, async () => {
      standIn.script({ path: PATH, behaviour });
      const started = Date.now();
      const error = await failureOf(get());
      assert.strictEqual(error.kind, 'timeout');
      assert.match(error.message, message);
      assert.doesNotMatch(error.message, /token/i);
      assert.ok(Date.now() - started < TIMEOUT_MS + 500, 'ended by the timeout');
      await usableAfter();
    });

    it(`${name}: ends at once on Cancel`, async () => {
      standIn.script({ path: PATH, behaviour });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const started = Date.now();
      const error = await failureOf(get(controller.signal));
      assert.strictEqual(error.kind, 'cancelled');
      assert.ok(Date.now() - started < 250);
      await usableAfter();
    });
  }

  it('a connection reset: says the connection was cut off', async () => {
    standIn.script({ path: PATH, behaviour: { kind: 'reset' } });
    const error = await failureOf(get());
    assert.strictEqual(error.kind, 'network');
    assert.match(error.message, /cut off/);
    assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${standIn.port}`));
    await usableAfter();
  });

  it('a server that is not listening: names the host, says it refused', async () => {
    const port = await freePort();
    const error = await failureOf(get(undefined, `http://127.0.0.1:${port}`));
    assert.strictEqual(error.kind, 'network');
    assert.strictEqual(error.message, `127.0.0.1:${port} refused the connection. Check nexudus.baseUrl, or try again later.`);
    await usableAfter();
  });

  it('a host name that does not resolve: names the host', async () => {
    const error = await failureOf(get(undefined, 'https://no-such-host.invalid'));
    assert.strictEqual(error.kind, 'network');
    assert.match(error.message, /no-such-host\.invalid/);
  });
});
