import * as assert from 'assert';
import nodeFetch from 'node-fetch';
import { NexudusApiError } from '../../src/api/errors';
import { FetchLike } from '../../src/api/http';
import { BoardsUpdate, listOpportunities, listOpportunitiesWithStages } from '../../src/api/listOpportunities';
import { OpportunityRecord } from '../../src/api/opportunities';
import { RequestPacer } from '../../src/api/pacer';
import { generatedOpportunities, generatedStages } from '../standin/generatedCrm';
import { json, NexudusStandIn, STANDIN_TOKEN, THROTTLED_STATUS_TEXT } from '../standin/server';

const LIST = '/api/crm/crmopportunities';
const RECORDS = generatedOpportunities(5000);

function ids(records: OpportunityRecord[]): number[] {
  return records.map((r) => r.Id as number);
}

/** 1…n, the ids the stand-in lists, in page order. */
function oneTo(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

function pageOf(path: string): number {
  return Number(new URL(path, 'http://x').searchParams.get('page'));
}

function listRequests(standIn: NexudusStandIn) {
  return standIn.requests.filter((r) => r.path.startsWith(`${LIST}?`));
}

/** node-fetch, watched: how many requests are waiting for their reply at once, and the order replies complete in. */
function watchedFetch() {
  const watch = { inFlight: 0, maxInFlight: 0, completed: [] as number[], statuses: [] as number[] };
  const fetch: FetchLike = async (url, init) => {
    watch.inFlight++;
    watch.maxInFlight = Math.max(watch.maxInFlight, watch.inFlight);
    try {
      const response = await nodeFetch(url, init);
      const text = await response.text();
      watch.completed.push(pageOf(url));
      watch.statuses.push(response.status);
      return { status: response.status, statusText: response.statusText, headers: response.headers, text: async () => text };
    } finally {
      watch.inFlight--;
    }
  };
  return { watch, fetch };
}

describe('listing opportunities page by page, against the stand-in (real HTTP)', function () {
  this.timeout(20_000);
  let standIn: NexudusStandIn | undefined;
  const connection = () => ({ baseUrl: standIn!.url, token: STANDIN_TOKEN, timeoutMs: 5000 });
  const start = async (options: Parameters<typeof NexudusStandIn.start>[0] = {}) => {
    standIn = await NexudusStandIn.start({ records: RECORDS, ...options });
    return standIn;
  };
  afterEach(async () => {
    await standIn?.stop();
    standIn = undefined;
  });

  it('5,000 records at page size 1,000: exactly 5 requests, the first page shown first, each record once', async () => {
    const server = await start();
    const progress: number[] = [];
    const records = await listOpportunities(connection(), { pacer: new RequestPacer(0), onProgress: (soFar) => progress.push(soFar.length) });
    assert.deepStrictEqual(ids(records), oneTo(5000));
    const paths = listRequests(server).map((r) => r.path);
    assert.strictEqual(paths[0], `${LIST}?page=1&size=1000&orderBy=Id`, 'the first page first');
    // Pages 2–5 are asked for together, so they may arrive in any order.
    assert.deepStrictEqual(paths.sort(), [1, 2, 3, 4, 5].map((page) => `${LIST}?page=${page}&size=1000&orderBy=Id`));
    assert.deepStrictEqual(progress, [1000, 2000, 3000, 4000, 5000]);
  });

  it('a server that serves at most 250 a page: 20 requests, the later ones asking for 250', async () => {
    const server = await start({ maxPageSize: 250 });
    const records = await listOpportunities(connection(), { pacer: new RequestPacer(0), maxInFlight: 4 });
    assert.deepStrictEqual(ids(records), oneTo(5000));
    const requests = listRequests(server);
    assert.strictEqual(requests.length, 20);
    assert.strictEqual(requests[0].path, `${LIST}?page=1&size=1000&orderBy=Id`);
    assert.deepStrictEqual(
      requests.slice(1).map((r) => r.path).sort(),
      oneTo(20).slice(1).map((page) => `${LIST}?page=${page}&size=250&orderBy=Id`).sort(),
    );
  });

  it('replies out of order (page 5 first, page 2 last) are merged in page order, without duplicates', async () => {
    // Pages 2–5 are asked for together; page p answers after (6 − p) × 80 ms.
    await start({ listDelayMs: (page) => (page === 1 ? 0 : (6 - page) * 80) });
    const { watch, fetch } = watchedFetch();
    const progress: number[][] = [];
    const records = await listOpportunities(connection(), {
      pacer: new RequestPacer(0),
      maxInFlight: 4,
      http: { fetch },
      onProgress: (soFar) => progress.push([soFar.length, soFar[soFar.length - 1].Id as number]),
    });
    assert.deepStrictEqual(watch.completed, [1, 5, 4, 3, 2]);
    assert.deepStrictEqual(ids(records), oneTo(5000));
    // After page 5 arrives the merge holds pages 1 and 5: 2,000 records, the last one 5000.
    assert.deepStrictEqual(progress, [[1000, 1000], [2000, 5000], [3000, 5000], [4000, 5000], [5000, 5000]]);
  });

  it('keeps at most maxInFlight requests waiting at once', async () => {
    await start({ maxPageSize: 250, listDelayMs: () => 40 });
    const { watch, fetch } = watchedFetch();
    await listOpportunities(connection(), { pacer: new RequestPacer(0), maxInFlight: 3, http: { fetch } });
    assert.strictEqual(watch.completed.length, 20);
    assert.strictEqual(watch.maxInFlight, 3);
  });

  it('paced at the API’s rate, a throttling server (409 under 100 ms) never throttles: 5 requests, none refused', async () => {
    const server = await start({ minIntervalMs: 100 });
    const records = await listOpportunities(connection(), { pacer: new RequestPacer(150), maxInFlight: 3 });
    assert.deepStrictEqual(ids(records), oneTo(5000));
    const requests = listRequests(server);
    assert.strictEqual(requests.length, 5);
    const gaps = requests.slice(1).map((r, i) => r.at - requests[i].at);
    assert.ok(gaps.every((gap) => gap >= 100), `gaps between arrivals: ${gaps.join(', ')} ms`);
  });

  it('a 409 backs off by Retry-After and retries that page: 6 requests, every record once', async () => {
    const server = await start();
    server.script({
      path: /[?&]page=3&/,
      times: 1,
      behaviour: { kind: 'reply', status: 409, statusText: THROTTLED_STATUS_TEXT, headers: { 'Retry-After': '1' } },
    });
    const { watch, fetch } = watchedFetch();
    const records = await listOpportunities(connection(), { pacer: new RequestPacer(0), http: { fetch } });
    assert.deepStrictEqual(ids(records), oneTo(5000));
    const requests = listRequests(server);
    assert.strictEqual(requests.length, 6);
    assert.deepStrictEqual(watch.statuses.filter((s) => s === 409), [409]);
    const page3 = requests.filter((r) => pageOf(r.path) === 3);
    assert.strictEqual(page3.length, 2);
    assert.ok(page3[1].at - page3[0].at >= 950, 'waited the Retry-After second');
  });

  it('unpaced against real throttling: every 409 is retried after Retry-After, and nothing is lost or doubled', async () => {
    const server = await start({ minIntervalMs: 100 });
    const { watch, fetch } = watchedFetch();
    const records = await listOpportunities(connection(), { pacer: new RequestPacer(0), maxInFlight: 1, http: { fetch } });
    assert.deepStrictEqual(ids(records), oneTo(5000));
    const throttled = watch.statuses.filter((s) => s === 409).length;
    assert.ok(throttled >= 1, 'back-to-back requests were throttled');
    assert.strictEqual(listRequests(server).length, 5 + throttled, 'each 409 cost exactly one more request');
  });

  it('records that moved between pages appear once: page 2 repeating page 1’s last 10 gives 4,990 records', async () => {
    const server = await start();
    const shifted = RECORDS.slice(990, 1990);
    server.script({
      path: /[?&]page=2&/,
      behaviour: json(200, JSON.stringify({ Records: shifted, CurrentPage: 2, CurrentPageSize: 1000, TotalItems: 5000, TotalPages: 5 })),
    });
    const records = await listOpportunities(connection(), { pacer: new RequestPacer(0) });
    assert.strictEqual(records.length, 4990);
    assert.strictEqual(new Set(ids(records)).size, 4990);
  });

  it('a rejected token: one request, one unauthorized error naming the CrmOpportunity-List role', async () => {
    const server = await start();
    const error = await listOpportunities({ ...connection(), token: 'rejected-token' }, { pacer: new RequestPacer(0) }).then(
      () => assert.fail('expected a failure'),
      (e: unknown) => e as NexudusApiError,
    );
    assert.ok(error instanceof NexudusApiError);
    assert.strictEqual(error.kind, 'unauthorized');
    assert.match(error.message, /CrmOpportunity-List/);
    assert.strictEqual(server.requests.length, 1);
  });

  it('a page that fails fails the list, and the requests still running are aborted', async () => {
    // Pages 2–4 are asked for together; page 2 fails after 100 ms, pages 3 and 4 would answer after 500 ms.
    const server = await start({ maxPageSize: 250, listDelayMs: (page) => (page === 1 ? 0 : 500) });
    server.script({ path: /[?&]page=2&/, behaviour: { kind: 'delayHeaders', ms: 100, then: json(500, '{"Message":"An error has occurred."}') } });
    const started = Date.now();
    await assert.rejects(
      listOpportunities(connection(), { pacer: new RequestPacer(0), maxInFlight: 3 }),
      (e: unknown) => e instanceof NexudusApiError && e.kind === 'serverError',
    );
    assert.ok(Date.now() - started < 450, 'did not wait for the slow pages');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.strictEqual(listRequests(server).length, 4, 'page 1, then pages 2–4 at once; none after the failure');
  });

  it('stages: listed once the first page is in, before the other pages; their positions are read', async () => {
    const server = await start({ stages: generatedStages() });
    const updates: BoardsUpdate[] = [];
    await listOpportunitiesWithStages(connection(), { pacer: new RequestPacer(20), onUpdate: (u) => updates.push(u) });
    assert.deepStrictEqual(
      server.requests.map((r) => r.path.replace(/\?.*/, '') + (r.path.includes(LIST) ? `#${pageOf(r.path)}` : '')),
      [`${LIST}#1`, '/api/crm/crmboardcolumns', `${LIST}#2`, `${LIST}#3`, `${LIST}#4`, `${LIST}#5`],
    );
    const positions = updates.find((u) => u.stagePositions)?.stagePositions;
    assert.deepStrictEqual([...(positions ?? [])].sort(([a], [b]) => a - b), [
      [101, 3],
      [102, 1],
      [103, 2],
      [201, 2],
      [202, 3],
      [203, 1],
    ]);
    assert.strictEqual(updates.filter((u) => u.records).at(-1)?.records?.length, 5000);
  });

  it('stages that cannot be listed (403) leave the opportunities listed, in stage-id order', async () => {
    const server = await start({ stages: generatedStages() });
    server.script({ path: /^\/api\/crm\/crmboardcolumns/, behaviour: json(403, '{"Message":"Forbidden"}') });
    const updates: BoardsUpdate[] = [];
    await listOpportunitiesWithStages(connection(), { pacer: new RequestPacer(0), onUpdate: (u) => updates.push(u) });
    assert.strictEqual(updates.some((u) => u.stagePositions), false);
    assert.strictEqual(updates.filter((u) => u.records).at(-1)?.records?.length, 5000);
  });
});
