import * as l10n from '@vscode/l10n';
import type { OpportunityRecord } from '../api/opportunities';
import { StatusKind, statusKindOf, statusLabel } from './opportunitySummary';

/** What the Opportunities view is narrowed to; empty parts match everything. */
export interface OpportunityFilter {
  statuses: StatusKind[];
  /** Matched in the name and the customer's name and company, ignoring case and accents. */
  text: string;
}

export const NO_FILTER: OpportunityFilter = { statuses: [], text: '' };

export function isFiltering(filter: OpportunityFilter): boolean {
  return filter.statuses.length > 0 || filter.text.trim() !== '';
}

function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

export function matchesFilter(record: OpportunityRecord, filter: OpportunityFilter): boolean {
  if (filter.statuses.length > 0 && !filter.statuses.includes(statusKindOf(record))) {
    return false;
  }
  const wanted = folded(filter.text.trim());
  if (!wanted) {
    return true;
  }
  return [record.Name, record.CoworkerFullName, record.CoworkerCompanyName].some(
    (field) => typeof field === 'string' && folded(field).includes(wanted),
  );
}

/** Text the person typed, in the display language's quotation marks. */
export function quoted(text: string): string {
  return l10n.t('“{0}”', text);
}

/** The filter in a few words, for the view's description: `Won, Lost · "acme"`. */
export function describeFilter(filter: OpportunityFilter): string {
  const parts = [];
  if (filter.statuses.length > 0) {
    parts.push(filter.statuses.map(statusLabel).join(', '));
  }
  if (filter.text.trim()) {
    parts.push(quoted(filter.text.trim()));
  }
  return parts.join(' · ');
}

/** A filter read back from storage, or no filter when what was stored is not one. */
export function readFilter(stored: unknown): OpportunityFilter {
  const candidate = stored as Partial<OpportunityFilter> | undefined;
  const kinds: StatusKind[] = ['inProgress', 'won', 'lost', 'unknown'];
  return {
    statuses: Array.isArray(candidate?.statuses) ? candidate.statuses.filter((s): s is StatusKind => kinds.includes(s)) : [],
    text: typeof candidate?.text === 'string' ? candidate.text : '',
  };
}
