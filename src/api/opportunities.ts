import * as l10n from '@vscode/l10n';
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

/** What to say of a reply that is JSON but not an object, by what it is instead. */
function notAnOpportunityMessage(subject: string, value: unknown): string {
  if (Array.isArray(value)) {
    return l10n.t('Nexudus answered for {0} with a list instead of an opportunity. Try again later.', subject);
  }
  switch (value === null ? 'null' : typeof value) {
    case 'null':
      return l10n.t('Nexudus answered for {0} with null instead of an opportunity. Try again later.', subject);
    case 'string':
      return l10n.t('Nexudus answered for {0} with a string instead of an opportunity. Try again later.', subject);
    case 'number':
      return l10n.t('Nexudus answered for {0} with a number instead of an opportunity. Try again later.', subject);
    case 'boolean':
      return l10n.t('Nexudus answered for {0} with a boolean instead of an opportunity. Try again later.', subject);
    default:
      return l10n.t('Nexudus answered for {0} with something other than an opportunity. Try again later.', subject);
  }
}

/** GET /api/crm/crmopportunities/{id}. */
export async function fetchOpportunity(
  connection: ConnectionSettings,
  id: number,
  signal?: AbortSignal,
  options?: HttpOptions,
): Promise<Fetched<OpportunityRecord>> {
  const subject = l10n.t('opportunity #{0}', id);
  const { json, text } = await requestJson(
    { ...connection, path: `/api/crm/crmopportunities/${id}`, subject, role: 'CrmOpportunity-Read', signal },
    options,
  );
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new NexudusApiError('badResponse', notAnOpportunityMessage(subject, json), 200);
  }
  return { value: json as OpportunityRecord, rawText: text };
}
