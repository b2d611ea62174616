import * as l10n from '@vscode/l10n';
import { TOKEN_CHARACTERS } from '../auth/tokenStore';
import { NexudusApiError, networkError, serverMessage } from './errors';

/** The part of node-fetch's surface the client uses, so a test can count or wrap calls. */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    redirect: 'manual';
    signal: AbortSignal;
    size: number;
  },
) => Promise<{
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export interface RequestLogEntry {
  method: string;
  path: string;
  status?: number;
  error?: string;
  ms: number;
}

export interface ApiRequest {
  baseUrl: string;
  /** The bearer token; none for the sign-in endpoint. */
  token?: string;
  /** Path and query below baseUrl, e.g. /api/crm/crmopportunities/1. */
  path: string;
  /** Names what was asked for in messages, e.g. "opportunity #1". */
  subject: string;
  /** The Nexudus role the endpoint needs, named in 401/403 messages. */
  role: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** POSTs these fields form-encoded (the sign-in endpoint refuses JSON); GET when absent. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Error statuses the caller reads itself (the sign-in endpoint's 400 replies) instead of a thrown error. */
  passStatuses?: number[];
}

export interface HttpOptions {
  fetch?: FetchLike;
  log?: (entry: RequestLogEntry) => void;
  /** How many times a throttled (409/429/503) request is tried again. */
  maxRetries?: number;
  /** The longest wait for a Retry-After before giving up instead. */
  maxRetryWaitMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
}

export const MAX_BODY_BYTES = 8 * 1024 * 1024;
const RETRYABLE_STATUSES = new Set([409, 429, 503]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Seconds or an HTTP date, as Retry-After allows; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) {
    return undefined;
  }
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Math.round(Number(trimmed) * 1000);
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** What to say of a reply that should have been JSON, by what it holds instead. */
function notJsonMessage(subject: string, text: string, contentType: string | null): string {
  if (!text.trim()) {
    return l10n.t('Nexudus answered for {0} with an empty reply instead of JSON. Try again later.', subject);
  }
  if (/^\s*</.test(text) || contentType?.includes('html')) {
    return l10n.t('Nexudus answered for {0} with an HTML page instead of JSON. Try again later.', subject);
  }
  return l10n.t('Nexudus answered for {0} with text that is not JSON instead of JSON. Try again later.', subject);
}

function statusError(request: ApiRequest, status: number, statusText: string, body: string, host: string): NexudusApiError {
  const said = serverMessage(body);
  // The status and what the server said: data, not words to translate.
  const statusAndSaid = said ? `${status}: ${said}` : String(status);
  if (status === 401) {
    return new NexudusApiError(
      'unauthorized',
      l10n.t('Nexudus rejected the API token (401). It may be wrong or expired, or your user may lack the {0} role.', request.role),
      status,
    );
  }
  if (status === 403) {
    return new NexudusApiError(
      'forbidden',
      l10n.t('Your Nexudus user may not read {0} (403). It needs the {1} role, or full administrator rights.', request.subject, request.role),
      status,
    );
  }
  if (status === 404) {
    return new NexudusApiError('notFound', l10n.t('Nexudus has no {0} (404). Check the id.', request.subject), status);
  }
  if (RETRYABLE_STATUSES.has(status) && status !== 503) {
    return new NexudusApiError(
      'throttled',
      l10n.t(
        'Nexudus is limiting how often it may be asked ({0}). Wait a few seconds, then try again.',
        statusText ? `${status} ${statusText}` : String(status),
      ),
      status,
    );
  }
  if (status >= 500) {
    return new NexudusApiError(
      'serverError',
      l10n.t('Nexudus ({0}) had a problem answering for {1} ({2}). Try again later.', host, request.subject, statusAndSaid),
      status,
    );
  }
  return new NexudusApiError('clientError', l10n.t('Nexudus refused the request for {0} ({1}).', request.subject, statusAndSaid), status);
}

function sameOrigin(a: URL, b: URL): boolean {
  return a.origin === b.origin;
}

function errorCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; errno?: unknown; cause?: { code?: unknown } };
  for (const value of [candidate?.code, candidate?.errno, candidate?.cause?.code]) {
    if (typeof value === 'string') {
      return value;
    }
  }
  return undefined;
}

let loadingNodeFetch: Promise<FetchLike> | undefined;

/**
 * node-fetch, loaded (from this same bundle) on the first request rather than
 * at activation: it brings Node's http, https, zlib and streams, ~10 ms to load.
 */
function nodeFetch(): Promise<FetchLike> {
  loadingNodeFetch ??= import('node-fetch').then((module) => module.default as unknown as FetchLike);
  return loadingNodeFetch;
}

/** Loads node-fetch now, unless options bring their own fetch: a request that must leave on time is then not held up by it. */
export async function loadHttpClient(options: HttpOptions = {}): Promise<void> {
  if (!options.fetch) {
    await nodeFetch();
  }
}

/**
 * Asks the Nexudus API for a JSON document and maps every failure to one
 * NexudusApiError whose message a person can act on. The token goes only to
 * the configured origin, never into a message or the log.
 */
export async function requestJson(
  request: ApiRequest,
  options: HttpOptions = {},
): Promise<{ json: unknown; text: string; status: number }> {
  const fetchImpl = options.fetch ?? (await nodeFetch());
  const maxRetries = options.maxRetries ?? 3;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? 10_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const start = new URL(request.baseUrl + request.path);
  const host = start.host;

  const method = request.form ? 'POST' : 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  if (request.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  if (request.token !== undefined) {
    headers.Authorization = `Bearer ${request.token}`;
  }
  if (request.token !== undefined && !TOKEN_CHARACTERS.test(request.token)) {
    throw new NexudusApiError('unauthorized', l10n.t('The saved API token holds characters a token cannot have. Set the token again.'));
  }

  let url = start;
  let redirects = 0;
  for (let attempt = 0; ; attempt++) {
    const controller = new AbortController();
    const onCancel = () => controller.abort('cancelled');
    request.signal?.addEventListener('abort', onCancel, { once: true });
    const timer = setTimeout(() => controller.abort('timeout'), request.timeoutMs);
    const began = Date.now();
    const logPath = url.pathname + url.search;
    let answered = false;
    try {
      if (request.signal?.aborted) {
        throw new NexudusApiError('cancelled', l10n.t('Cancelled.'));
      }
      const response = await fetchImpl(url.href, {
        method,
        headers,
        body: request.form && new URLSearchParams(request.form).toString(),
        redirect: 'manual',
        signal: controller.signal,
        size: options.maxBodyBytes ?? MAX_BODY_BYTES,
      });
      answered = true;
      const text = await response.text();
      options.log?.({ method, path: logPath, status: response.status, ms: Date.now() - began });

      if (REDIRECT_STATUSES.has(response.status)) {
        const location = response.headers.get('location');
        const next = location ? new URL(location, url) : undefined;
        if (!next || !sameOrigin(next, start)) {
          throw new NexudusApiError(
            'redirect',
            next
              ? l10n.t('Nexudus sent the request on to {0}, another host than {1}. The token was not sent there; check nexudus.baseUrl.', next.host, host)
              : l10n.t('Nexudus sent the request on to an unnamed address, another host than {0}. The token was not sent there; check nexudus.baseUrl.', host),
            response.status,
          );
        }
        if (++redirects > maxRedirects) {
          throw new NexudusApiError('redirect', l10n.t('{0} redirected too many times for {1}.', host, request.subject), response.status);
        }
        url = next;
        attempt--;
        continue;
      }

      if (RETRYABLE_STATUSES.has(response.status) && attempt < maxRetries) {
        const wait = retryAfterMs(response.headers.get('retry-after')) ?? 1000 * 2 ** attempt;
        if (wait <= maxRetryWaitMs) {
          await sleep(wait, controller.signal);
          continue;
        }
      }

      const passed = request.passStatuses?.includes(response.status);
      if (!passed && (response.status < 200 || response.status > 299)) {
        throw statusError(request, response.status, response.statusText, text, host);
      }
      try {
        return { json: JSON.parse(text), text, status: response.status };
      } catch {
        throw new NexudusApiError('badResponse', notJsonMessage(request.subject, text, response.headers.get('content-type')), response.status);
      }
    } catch (error) {
      if (error instanceof NexudusApiError) {
        throw error;
      }
      const reason = controller.signal.aborted ? controller.signal.reason : undefined;
      options.log?.({ method, path: logPath, error: reason ?? errorCode(error) ?? 'failed', ms: Date.now() - began });
      if (reason === 'cancelled') {
        throw new NexudusApiError('cancelled', l10n.t('Cancelled.'));
      }
      if (reason === 'timeout') {
        const seconds = Math.round(request.timeoutMs / 1000);
        throw new NexudusApiError(
          'timeout',
          answered
            ? l10n.t('{0} started answering but stopped before the reply was complete (waited {1} seconds). Try again.', host, seconds)
            : l10n.t('{0} did not answer within {1} seconds. Try again, or raise nexudus.requestTimeoutSeconds.', host, seconds),
        );
      }
      if ((error as { type?: string }).type === 'max-size') {
        throw new NexudusApiError(
          'tooLarge',
          l10n.t(
            'The reply for {0} is larger than {1} MB, more than any opportunity holds; it was not read.',
            request.subject,
            Math.round((options.maxBodyBytes ?? MAX_BODY_BYTES) / 1024 / 1024),
          ),
        );
      }
      // Failing after the headers arrived means the body was cut off.
      throw networkError(errorCode(error) ?? (answered ? 'ERR_STREAM_PREMATURE_CLOSE' : undefined), host);
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCancel);
    }
  }
}
