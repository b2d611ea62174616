import { RequestPacer } from './pacer';

/** One page of a Nexudus list reply and the paging facts it states. */
export interface ListPage<T> {
  records: T[];
  /** The page size the server used, which may be smaller than the size asked for. */
  pageSize?: number;
  totalPages?: number;
  totalItems?: number;
  hasNextPage?: boolean;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** The list envelope (`Records`, `CurrentPageSize`, `TotalPages`…), or undefined when the reply is not one. */
export function readListEnvelope(json: unknown): ListPage<unknown> | undefined {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return undefined;
  }
  const envelope = json as Record<string, unknown>;
  if (!Array.isArray(envelope.Records)) {
    return undefined;
  }
  // Older documentation pages name the page size PageSize.
  const pageSize = count(envelope.CurrentPageSize) || count(envelope.PageSize) || undefined;
  return {
    records: envelope.Records,
    pageSize,
    totalPages: count(envelope.TotalPages),
    totalItems: count(envelope.TotalItems),
    hasNextPage: typeof envelope.HasNextPage === 'boolean' ? envelope.HasNextPage : undefined,
  };
}

export interface PagingPlan {
  /** The size to ask for in the following requests: what the server said it used. */
  pageSize: number;
  /** The last page, or undefined when the reply tells only whether there is a next one. */
  lastPage?: number;
}

/** What the first reply says about the pages still to fetch. */
export function planPages(first: ListPage<unknown>, requestedSize: number): PagingPlan {
  const pageSize = first.pageSize ?? requestedSize;
  const lastPage = first.totalPages ?? (first.totalItems === undefined ? undefined : Math.ceil(first.totalItems / pageSize));
  return { pageSize, lastPage };
}

/**
 * Every page's records in page order, each key once: the first page holding a
 * record wins, whatever order the pages arrived in. Records without a key are
 * left out (they cannot be told apart or opened).
 */
export function mergePages<T>(pages: ReadonlyMap<number, readonly T[]>, keyOf: (record: T) => number | string | undefined): T[] {
  const seen = new Set<number | string>();
  const merged: T[] = [];
  for (const page of [...pages.keys()].sort((a, b) => a - b)) {
    for (const record of pages.get(page)!) {
      const key = keyOf(record);
      if (key !== undefined && !seen.has(key)) {
        seen.add(key);
        merged.push(record);
      }
    }
  }
  return merged;
}

export type PageFetcher<T> = (page: number, size: number, signal: AbortSignal) => Promise<ListPage<T>>;

export interface PagingProgress {
  pagesDone: number;
  /** Undefined while the number of pages is not known. */
  pagesTotal?: number;
}

export interface PagingOptions<T> {
  pageSize: number;
  /** Most requests waiting for a reply at once. */
  maxInFlight: number;
  /** Shared by everything that lists, so together they keep to the API's rate. */
  pacer: RequestPacer;
  signal?: AbortSignal;
  keyOf: (record: T) => number | string | undefined;
  /** Called with every record so far, merged, each time a page arrives (the first one included). */
  onProgress?: (records: T[], progress: PagingProgress) => void;
}

/**
 * Runs task for each item with at most `limit` running; the first failure
 * aborts the rest and is thrown. Tasks must reject once the signal aborts.
 */
async function forEachBounded<I>(items: I[], limit: number, controller: AbortController, task: (item: I) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      await task(items[next++]);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  } catch (error) {
    controller.abort();
    throw error;
  }
}

/**
 * Fetches every page of a list: the first page alone (so it can be shown at
 * once and tells how many pages there are), then the rest with a bounded
 * number in flight, each start paced. Out-of-order replies are merged in page
 * order without duplicates.
 */
export async function fetchAllPages<T>(fetchPage: PageFetcher<T>, options: PagingOptions<T>): Promise<T[]> {
  const controller = new AbortController();
  const outer = options.signal;
  const abort = () => controller.abort(outer?.reason);
  if (outer?.aborted) {
    abort();
  }
  outer?.addEventListener('abort', abort, { once: true });
  const pages = new Map<number, T[]>();
  let pagesTotal: number | undefined;
  const arrived = (page: number, records: T[]) => {
    pages.set(page, records);
    options.onProgress?.(mergePages(pages, options.keyOf), { pagesDone: pages.size, pagesTotal });
  };
  const fetchPaced = async (page: number, size: number) => {
    await options.pacer.wait(controller.signal);
    return fetchPage(page, size, controller.signal);
  };

  try {
    const first = await fetchPaced(1, options.pageSize);
    const plan = planPages(first, options.pageSize);
    pagesTotal = plan.lastPage;
    arrived(1, first.records);

    if (plan.lastPage === undefined) {
      // No page count: follow HasNextPage one page at a time.
      for (let page = 2, last = first; last.hasNextPage && last.records.length > 0; page++) {
        last = await fetchPaced(page, plan.pageSize);
        arrived(page, last.records);
      }
    } else {
      const rest = Array.from({ length: Math.max(0, plan.lastPage - 1) }, (_, i) => i + 2);
      await forEachBounded(rest, options.maxInFlight, controller, async (page) => {
        arrived(page, (await fetchPaced(page, plan.pageSize)).records);
      });
    }
    return mergePages(pages, options.keyOf);
  } finally {
    outer?.removeEventListener('abort', abort);
  }
}
