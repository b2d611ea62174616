import * as http from 'http';
import type { AddressInfo, Socket } from 'net';
import { StandInAccount, StandInAccounts } from './accounts';
import { DOCUMENTED_EXAMPLE_ID, documentedExampleText } from './documentedExample';

/**
 * A stand-in for the Nexudus API on 127.0.0.1, answering as the real one does:
 * bearer tokens, the documented example, "Not found" 404s, 409 throttling with
 * Retry-After, and, when a test scripts it, slow, broken or hostile replies.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  at: number;
}

/** A scripted reply. Anything not scripted answers as the API would. */
export type Behaviour =
  | { kind: 'reply'; status: number; headers?: Record<string, string>; body?: string | Buffer; statusText?: string }
  | { kind: 'delayHeaders'; ms: number; then?: Behaviour }
  | { kind: 'hang' }
  | { kind: 'halfBody'; declaredLength: number; body: string }
  | { kind: 'reset' }
  | { kind: 'redirect'; status: number; location: string };

export interface Script {
  /** Matches the request path (with query). */
  path: string | RegExp;
  behaviour: Behaviour;
  /** How many requests this applies to; Infinity when omitted. */
  times?: number;
}

export interface StandInOptions {
  /** Tokens the stand-in accepts; any other gets a 401. */
  tokens?: string[];
  /** Records served by id and listed by the list endpoint; the documented example is always there. */
  records?: Record<string, unknown>[];
  /** Largest page the list endpoint serves (the API documents 1000). */
  maxPageSize?: number;
  /** Answer 409 when requests come closer together than this (ms); off when 0. */
  minIntervalMs?: number;
  /** Delay before every page of the opportunity list, so tests can reorder replies. */
  listDelayMs?: (page: number) => number;
  /** CRM stages (board columns: Id, CrmBoardId, Name, Position) listed by /api/crm/crmboardcolumns. */
  stages?: Record<string, unknown>[];
  /** Users who may sign in through POST /api/token. */
  accounts?: StandInAccount[];
  /** The port on 127.0.0.1; any free one when absent. */
  port?: number;
}

export const STANDIN_TOKEN = 'standin-token-0123456789';
export const UNAUTHORIZED_BODY = '{"Message":"Authorization has been denied for this request."}';
export const THROTTLED_STATUS_TEXT = 'You must wait before accessing this url again.';

export class NexudusStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly accounts: StandInAccounts;
  private readonly scripts: Script[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly byId = new Map<number, string>();
  private readonly listed: Record<string, unknown>[];
  private lastRequestAt = 0;

  private constructor(
    private readonly server: http.Server,
    private readonly options: StandInOptions,
  ) {
    this.accounts = new StandInAccounts(options.accounts ?? []);
    this.byId.set(DOCUMENTED_EXAMPLE_ID, documentedExampleText());
    for (const record of options.records ?? []) {
      this.byId.set(Number(record.Id), JSON.stringify(record));
    }
    this.listed = [...(options.records ?? [])];
  }

  static async start(options: StandInOptions = {}): Promise<NexudusStandIn> {
    let standIn!: NexudusStandIn;
    const server = http.createServer((request, response) => standIn.handle(request, response));
    standIn = new NexudusStandIn(server, options);
    server.on('connection', (socket) => {
      standIn.sockets.add(socket);
      socket.on('close', () => standIn.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
    return standIn;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Replaces a record (matched by Id) as served by id and in the list, as an edit in Nexudus would. */
  putRecord(record: Record<string, unknown>): void {
    this.byId.set(Number(record.Id), JSON.stringify(record));
    const index = this.listed.findIndex((listed) => listed.Id === record.Id);
    this.listed.splice(index < 0 ? this.listed.length : index, index < 0 ? 0 : 1, record);
  }

  /** Makes matching requests behave as scripted, newest script first. */
  script(script: Script): void {
    this.scripts.unshift({ ...script });
  }

  reset(): void {
    this.scripts.length = 0;
    this.requests.length = 0;
    this.lastRequestAt = 0;
  }

  async stop(): Promise<void> {
    this.sockets.forEach((socket) => socket.destroy());
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private takeScript(path: string): Behaviour | undefined {
    const index = this.scripts.findIndex((s) => (typeof s.path === 'string' ? s.path === path : s.path.test(path)));
    if (index < 0) {
      return undefined;
    }
    const script = this.scripts[index];
    if (script.times !== undefined && --script.times <= 0) {
      this.scripts.splice(index, 1);
    }
    return script.behaviour;
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const path = request.url ?? '/';
    const now = Date.now();
    this.requests.push({ method: request.method ?? 'GET', path, authorization: request.headers.authorization, at: now });
    const scripted = this.takeScript(path);
    if (scripted) {
      this.perform(scripted, request, response);
      return;
    }
    if (request.method === 'POST' && path === '/api/token') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const clientId = request.headers.client_id;
        const answer = this.accounts.answer(request.headers['content-type'], Buffer.concat(chunks).toString('utf8'), Array.isArray(clientId) ? clientId[0] : clientId);
        this.perform(answer, request, response);
      });
      return;
    }
    const tooSoon = this.options.minIntervalMs && now - this.lastRequestAt < this.options.minIntervalMs;
    this.lastRequestAt = now;
    if (tooSoon) {
      this.perform({ kind: 'reply', status: 409, statusText: THROTTLED_STATUS_TEXT, headers: { 'Retry-After': '1' } }, request, response);
      return;
    }
    this.perform(this.answer(request, path), request, response);
  }

  /** What the real API answers. */
  private answer(request: http.IncomingMessage, path: string): Behaviour {
    const tokens = this.options.tokens ?? [STANDIN_TOKEN];
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer || !(tokens.includes(bearer) || this.accounts.isValidAccessToken(bearer))) {
      return json(401, UNAUTHORIZED_BODY);
    }
    const url = new URL(path, 'http://standin');
    const one = /^\/api\/crm\/crmopportunities\/(\d+)$/.exec(url.pathname);
    if (one) {
      const record = this.byId.get(Number(one[1]));
      return record ? json(200, record) : json(404, '"Not found"');
    }
    if (url.pathname === '/api/crm/crmopportunities') {
      const delay = this.options.listDelayMs?.(Number(url.searchParams.get('page') ?? 1)) ?? 0;
      const page = this.listPage(url, this.listed);
      return delay > 0 ? { kind: 'delayHeaders', ms: delay, then: page } : page;
    }
    if (url.pathname === '/api/crm/crmboardcolumns') {
      return this.listPage(url, this.options.stages ?? []);
    }
    return json(404, '{"Message":"No HTTP resource was found that matches the request URI."}');
  }

  private listPage(url: URL, listed: Record<string, unknown>[]): Behaviour {
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const requested = Number(url.searchParams.get('size') ?? 25) || 25;
    const size = Math.min(requested, this.options.maxPageSize ?? 1000);
    const total = listed.length;
    const records = listed.slice((page - 1) * size, page * size);
    const totalPages = Math.max(1, Math.ceil(total / size));
    const body = JSON.stringify({
      Records: records,
      CurrentPage: page,
      CurrentPageSize: size,
      CurrentOrderField: url.searchParams.get('orderBy') ?? 'Id',
      CurrentSortDirection: 1,
      FirstItem: total === 0 ? 0 : (page - 1) * size + 1,
      LastItem: (page - 1) * size + records.length,
      TotalItems: total,
      TotalPages: totalPages,
      HasNextPage: page < totalPages,
      HasPreviousPage: page > 1,
    });
    return json(200, body);
  }

  private perform(behaviour: Behaviour, request: http.IncomingMessage, response: http.ServerResponse): void {
    switch (behaviour.kind) {
      case 'reply': {
        const body = behaviour.body ?? '';
        response.writeHead(behaviour.status, behaviour.statusText ?? http.STATUS_CODES[behaviour.status] ?? '', {
          'Content-Length': String(Buffer.byteLength(body)),
          ...behaviour.headers,
        });
        response.end(body);
        return;
      }
      case 'delayHeaders': {
        const timer = setTimeout(() => this.perform(behaviour.then ?? this.answer(request, request.url ?? '/'), request, response), behaviour.ms);
        response.on('close', () => clearTimeout(timer));
        return;
      }
      case 'hang':
        return;
      case 'halfBody':
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(behaviour.declaredLength) });
        response.write(behaviour.body);
        return;
      case 'reset':
        request.socket.resetAndDestroy();
        return;
      case 'redirect':
        response.writeHead(behaviour.status, { Location: behaviour.location, 'Content-Length': '0' });
        response.end();
        return;
    }
  }
}

export function json(status: number, body: string, headers: Record<string, string> = {}): Behaviour {
  return { kind: 'reply', status, body, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } };
}
