import * as assert from 'assert';
import { fetchOpportunity } from '../../src/api/opportunities';
import { describeFailure } from '../../src/ui/failureMessages';
import { Behaviour, json, NexudusStandIn, STANDIN_TOKEN, THROTTLED_STATUS_TEXT } from '../standin/server';
import { failureOf } from './helpers';

const ID = 87654321;
const PATH = `/api/crm/crmopportunities/${ID}`;
const HTML_PAGE = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';

interface Case {
  name: string;
  behaviour: Behaviour;
  kind: string;
  message: RegExp;
  /** Requests the stand-in sees: 1 means no retry. */
  requests: number;
  button: string | undefined;
}

const httpDate = (msFromNow: number) => new Date(Date.now() + msFromNow).toUTCString();

const CASES: Case[] = [
  { name: '400', behaviour: json(400, '{"Message":"The request is invalid."}'), kind: 'clientError', message: /refused the request for opportunity #87654321 \(400: The request is invalid\.\)/, requests: 1, button: undefined },
  { name: '401', behaviour: json(401, '{"Message":"Authorization has been denied for this request."}'), kind: 'unauthorized', message: /rejected the API token \(401\)/, requests: 1, button: 'Set API Token' },
  { name: '403', behaviour: json(403, ''), kind: 'forbidden', message: /CrmOpportunity-Read role/, requests: 1, button: 'Set API Token' },
  { name: '404 "Not found"', behaviour: json(404, '"Not found"'), kind: 'notFound', message: /^Nexudus has no opportunity #87654321 \(404\)\. Check the id\.$/, requests: 1, button: undefined },
  { name: '409 with Retry-After and an empty body, always', behaviour: { kind: 'reply', status: 409, statusText: THROTTLED_STATUS_TEXT, headers: { 'Retry-After': '0' } }, kind: 'throttled', message: /limiting how often it may be asked \(409 You must wait before accessing this url again\.\)/, requests: 4, button: 'Retry' },
  { name: '429 with Retry-After in seconds, always', behaviour: json(429, '', { 'Retry-After': '0' }), kind: 'throttled', message: /\(429/, requests: 4, button: 'Retry' },
  { name: '429 with Retry-After as an HTTP date, always', behaviour: json(429, '', { 'Retry-After': httpDate(-1000) }), kind: 'throttled', message: /\(429/, requests: 4, button: 'Retry' },
  { name: '500 with {"Message"}', behaviour: json(500, '{"Message":"An error has occurred."}'), kind: 'serverError', message: /\(500: An error has occurred\.\)/, requests: 1, button: 'Retry' },
  { name: '502 with an HTML page', behaviour: { kind: 'reply', status: 502, body: HTML_PAGE, headers: { 'Content-Type': 'text/html' } }, kind: 'serverError', message: /had a problem answering for opportunity #87654321 \(502\)\. Try again later\./, requests: 1, button: 'Retry' },
  { name: '503 with an HTML page, always', behaviour: { kind: 'reply', status: 503, body: HTML_PAGE, headers: { 'Content-Type': 'text/html', 'Retry-After': '0' } }, kind: 'serverError', message: /\(503\)/, requests: 4, button: 'Retry' },
];

describe('reliability: status codes', () => {
  let standIn: NexudusStandIn;
  const get = () => fetchOpportunity({ baseUrl: standIn.url, token: STANDIN_TOKEN, timeoutMs: 3000 }, ID);

  before(async () => {
    standIn = await NexudusStandIn.start();
  });
  after(() => standIn.stop());
  beforeEach(() => standIn.reset());

  for (const c of CASES) {
    it(`${c.name}: one readable message, ${c.requests === 1 ? 'no retry' : `${c.requests - 1} capped retries`}`, async () => {
      standIn.script({ path: PATH, behaviour: c.behaviour });
      const error = await failureOf(get());
      assert.strictEqual(error.kind, c.kind);
      assert.match(error.message, c.message);
      assert.doesNotMatch(error.message, /<|DOCTYPE/);
      assert.strictEqual(standIn.requests.length, c.requests);
      const shown = describeFailure(error, true);
      assert.strictEqual(shown?.buttons[0], c.button);
    });
  }

  for (const [status, header] of [
    [409, '1'],
    [429, '1'],
    [429, 'HTTP_DATE'],
    [503, '1'],
  ] as const) {
    it(`${status} once with Retry-After ${header === 'HTTP_DATE' ? 'as an HTTP date' : `${header} s`}: waits as told, then succeeds`, async () => {
      const retryAfter = header === 'HTTP_DATE' ? httpDate(1000) : header;
      standIn.script({ path: PATH, times: 1, behaviour: json(status, '', { 'Retry-After': retryAfter }) });
      const { value } = await get();
      assert.strictEqual(value.Id, ID);
      assert.strictEqual(standIn.requests.length, 2);
      const waited = standIn.requests[1].at - standIn.requests[0].at;
      // An HTTP date has whole seconds: the wait is between 0 and 1 s from when it was written.
      assert.ok(header === 'HTTP_DATE' ? waited <= 1100 : waited >= 950 && waited < 1500, `waited ${waited} ms`);
    });
  }

  it('a 401 is never retried with the same token', async () => {
    const error = await failureOf(fetchOpportunity({ baseUrl: standIn.url, token: 'rejected-token', timeoutMs: 3000 }, ID));
    assert.strictEqual(error.kind, 'unauthorized');
    assert.strictEqual(standIn.requests.length, 1);
  });
});
