import * as l10n from '@vscode/l10n';
import { NexudusApiError } from './errors';
import { loadHttpClient, requestJson, HttpOptions } from './http';
import { ConnectionSettings, OpportunityRecord } from './opportunities';
import { RequestPacer } from './pacer';
import { fetchAllPages, ListPage, PageFetcher, PagingProgress, readListEnvelope } from './paging';

/** The largest page the API documents. A location holds at most 5,000 opportunities: 5 requests. */
export const LIST_PAGE_SIZE = 1000;
export const LIST_MAX_IN_FLIGHT = 3;
// The API allows about one request per 100 ms. Half as much again absorbs jitter
// between here and the server's clock: a 409 costs a whole second (Retry-After: 1).
export const LIST_MIN_INTERVAL_MS = 150;

export interface ListOptions {
  pacer: RequestPacer;
  signal?: AbortSignal;
  pageSize?: number;
  maxInFlight?: number;
  http?: HttpOptions;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A listed record's Id when it is a usable one (a positive whole number). */
export function recordId(record: unknown): number | undefined {
  const id = isRecord(record) ? record.Id : undefined;
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : undefined;
}

function listFetcher(connection: ConnectionSettings, path: string, subject: string, role: string, http?: HttpOptions): PageFetcher<unknown> {
  return async (page, size, signal): Promise<ListPage<unknown>> => {
    // Ordered by Id, which is unique, so no record moves between pages fetched at different times.
    const query = `?page=${page}&size=${size}&orderBy=Id`;
    const { json } = await requestJson({ ...connection, path: path + query, subject, role, signal }, http);
    const envelope = readListEnvelope(json);
    if (!envelope) {
      throw new NexudusApiError(
        'badResponse',
        l10n.t('Nexudus answered for {0} with something other than a list of records. Try again later.', subject),
        200,
      );
    }
    return envelope;
  };
}

/** GET /api/crm/crmopportunities, every page; each opportunity once. */
export async function listOpportunities(
  connection: ConnectionSettings,
  options: ListOptions & { onProgress?: (records: OpportunityRecord[], progress: PagingProgress) => void },
): Promise<OpportunityRecord[]> {
  const fetchPage = listFetcher(connection, '/api/crm/crmopportunities', l10n.t('the opportunity list'), 'CrmOpportunity-List', options.http);
  // The pacer spaces requests from when their turn begins: the first must not spend its turn loading the client.
  await loadHttpClient(options.http);
  return fetchAllPages(fetchPage as PageFetcher<OpportunityRecord>, {
    pageSize: options.pageSize ?? LIST_PAGE_SIZE,
    maxInFlight: options.maxInFlight ?? LIST_MAX_IN_FLIGHT,
    pacer: options.pacer,
    signal: options.signal,
    keyOf: recordId,
    onProgress: options.onProgress,
  });
}

/** GET /api/crm/crmboardcolumns: each stage's position on its board, by stage id. */
export async function listStagePositions(connection: ConnectionSettings, options: ListOptions): Promise<Map<number, number>> {
  const fetchPage = listFetcher(connection, '/api/crm/crmboardcolumns', l10n.t('the list of CRM stages'), 'CrmBoardColumn-List', options.http);
  const stages = await fetchAllPages(fetchPage, {
    pageSize: options.pageSize ?? LIST_PAGE_SIZE,
    maxInFlight: options.maxInFlight ?? LIST_MAX_IN_FLIGHT,
    pacer: options.pacer,
    signal: options.signal,
    keyOf: recordId,
  });
  const positions = new Map<number, number>();
  for (const stage of stages as Record<string, unknown>[]) {
    if (typeof stage.Position === 'number') {
      positions.set(recordId(stage)!, stage.Position);
    }
  }
  return positions;
}

export interface BoardsUpdate {
  records?: OpportunityRecord[];
  stagePositions?: ReadonlyMap<number, number>;
}

/**
 * The opportunities and, once the first page is in, the stages' positions.
 * Stage order is a nicety: when the stages cannot be listed (a missing role,
 * say) the opportunities still are, in stage-id order.
 */
export async function listOpportunitiesWithStages(
  connection: ConnectionSettings,
  options: ListOptions & { onUpdate: (update: BoardsUpdate) => void },
): Promise<void> {
  let stages: Promise<void> | undefined;
  await listOpportunities(connection, {
    ...options,
    onProgress: (records) => {
      // Asked for only after the first page, so that page is not slowed, and
      // nothing else is sent when that first request fails (a rejected token).
      stages ??= listStagePositions(connection, options).then(
        (stagePositions) => options.onUpdate({ stagePositions }),
        () => undefined,
      );
      options.onUpdate({ records });
    },
  });
  await stages;
}
