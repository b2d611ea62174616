import * as assert from 'assert';
import { MAX_BODY_BYTES } from '../../src/api/http';
import { fetchOpportunity } from '../../src/api/opportunities';
import { json, NexudusStandIn, STANDIN_TOKEN } from '../standin/server';
import { failureOf } from './helpers';

const ID = 87654321;
const PATH = `/api/crm/crmopportunities/${ID}`;

describe('reliability: redirects and replies that are not what they claim', () => {
  let standIn: NexudusStandIn;
  let elsewhere: NexudusStandIn;
  const get = () => fetchOpportunity({ baseUrl: standIn.url, token: STANDIN_TOKEN, timeoutMs: 5000 }, ID);

  before(async () => {
    standIn = await NexudusStandIn.start();
    elsewhere = await NexudusStandIn.start();
  });
  after(async () => {
    await standIn.stop();
    await elsewhere.stop();
  });
  beforeEach(() => {
    standIn.reset();
    elsewhere.reset();
  });

  for (const status of [301, 302, 307]) {
    it(`${status} to another origin: not followed, the token is not sent there`, async () => {
      standIn.script({ path: PATH, behaviour: { kind: 'redirect', status, location: `${elsewhere.url}${PATH}` } });
      const error = await failureOf(get());
      assert.strictEqual(error.kind, 'redirect');
      assert.match(error.message, new RegExp(`to 127\\.0\\.0\\.1:${elsewhere.port}, another host`));
      assert.strictEqual(elsewhere.requests.length, 0);
    });

    it(`${status} to the same origin: followed, and it works`, async () => {
      standIn.script({ path: PATH, times: 1, behaviour: { kind: 'redirect', status, location: `${PATH}?v=2` } });
      const { value } = await get();
      assert.strictEqual(value.Id, ID);
      assert.deepStrictEqual(standIn.requests.map((r) => r.path), [PATH, `${PATH}?v=2`]);
    });
  }

  it('a redirect to the same host on another scheme or port counts as another origin', async () => {
    standIn.script({ path: PATH, behaviour: { kind: 'redirect', status: 302, location: `http://localhost:${standIn.port}${PATH}` } });
    assert.strictEqual((await failureOf(get())).kind, 'redirect');
  });

  it('a redirect loop ends with a message', async () => {
    standIn.script({ path: PATH, behaviour: { kind: 'redirect', status: 302, location: PATH } });
    const error = await failureOf(get());
    assert.match(error.message, /redirected too many times/);
    assert.strictEqual(standIn.requests.length, 6);
  });

  const bodies: [string, string | Buffer, RegExp][] = [
    ['an HTML page sent as application/json', '<!DOCTYPE html><html><body>Sign in</body></html>', /with an HTML page instead of JSON/],
    ['an empty 200', '', /with an empty reply instead of JSON/],
    ['a JSON array', '[{"Id":1}]', /with a list instead of an opportunity/],
    ['a JSON string', '"ok"', /with a string instead of an opportunity/],
    ['a JSON number', '42', /with a number instead of an opportunity/],
    ['JSON null', 'null', /with null instead of an opportunity/],
    ['truncated JSON', '{"Id": 87654321, "Name": "Ac', /with text that is not JSON instead of JSON/],
  ];
  for (const [name, body, message] of bodies) {
    it(`${name}: a clear message`, async () => {
      standIn.script({ path: PATH, behaviour: json(200, body as string) });
      const error = await failureOf(get());
      assert.strictEqual(error.kind, 'badResponse');
      assert.match(error.message, message);
    });
  }

  it('invalid UTF-8: read with replacement characters, nothing thrown', async () => {
    const body = Buffer.concat([Buffer.from('{"Id":87654321,"Name":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    standIn.script({ path: PATH, behaviour: { kind: 'reply', status: 200, body, headers: { 'Content-Type': 'application/json' } } });
    const { value } = await get();
    assert.strictEqual(value.Name, '\uFFFD\uFFFD');
  });

  it('a 200 of 50 MB: refused by the size cap with a clear message, quickly', async () => {
    const body = Buffer.alloc(50 * 1024 * 1024, 0x20);
    standIn.script({ path: PATH, behaviour: { kind: 'reply', status: 200, body, headers: { 'Content-Type': 'application/json' } } });
    const started = Date.now();
    const error = await failureOf(get());
    assert.strictEqual(error.kind, 'tooLarge');
    assert.match(error.message, new RegExp(`larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`));
    assert.ok(Date.now() - started < 3000, 'stopped reading at the cap');
  });
});
