import { NexudusApiError } from './errors';
import { requestJson, HttpOptions } from './http';

/** An opportunity as the API returned it: every field kept, documented or not. */
export type OpportunityRecord = Record<string, unknown> & { Id?: unknown };

export interface Fetched<T> {
  value: T;
  /** The response body exactly as received, for Copy JSON. */
  rawText: string;
}

export interface ConnectionSettings {
  baseUrl: string;
  token: string;
  timeoutMs: number;
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (value === null) {
    return 'null';
  }
  return `a ${typeof value}`;
}

/** GET /api/crm/crmopportunities/{id}. */
export async function fetchOpportunity(
  connection: ConnectionSettings,
  id: number,
  signal?: AbortSignal,
  options?: HttpOptions,
): Promise<Fetched<OpportunityRecord>> {
  const subject = `opportunity #${id}`;
  const { json, text } = await requestJson(
    { ...connection, path: `/api/crm/crmopportunities/${id}`, subject, role: 'CrmOpportunity-Read', signal },
    options,
  );
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new NexudusApiError(
      'badResponse',
      `Nexudus answered for ${subject} with ${jsonKind(json)} instead of an opportunity. Try again later.`,
      200,
    );
  }
  return { value: json as OpportunityRecord, rawText: text };
}
