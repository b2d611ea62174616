import { recordId } from '../api/listOpportunities';
import type { OpportunityRecord } from '../api/opportunities';
import { opportunityDocumentation } from '../docs';
import { formatValue } from '../view/format';
import { opportunityTitle } from '../view/opportunityModel';

export type StatusKind = 'inProgress' | 'won' | 'lost' | 'unknown';

// Status names as the documentation page states them (eCrmOpportunityStatus).
const KIND_OF_STATUS_NAME: Record<string, StatusKind> = { InProgress: 'inProgress', Won: 'won', Lost: 'lost' };

/** "InProgress" → "In progress". */
function spaced(name: string): string {
  return name.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').replace(/(?<= )[A-Z]/g, (letter) => letter.toLowerCase());
}

function documentedStatusName(kind: StatusKind): string | undefined {
  return Object.keys(KIND_OF_STATUS_NAME).find((name) => KIND_OF_STATUS_NAME[name] === kind);
}

/** The statuses a filter can pick, with their names for people. */
export function statusChoices(): { kind: StatusKind; label: string }[] {
  return (['inProgress', 'won', 'lost'] as const).map((kind) => ({ kind, label: spaced(documentedStatusName(kind)!) }));
}

export function statusLabel(kind: StatusKind): string {
  const name = documentedStatusName(kind);
  return name ? spaced(name) : 'Other status';
}

export function statusKindOf(record: OpportunityRecord): StatusKind {
  const status = record.Status;
  const name = typeof status === 'number' ? opportunityDocumentation().get('Status')?.enumValues?.get(status) : undefined;
  return (name && KIND_OF_STATUS_NAME[name]) || 'unknown';
}

export interface SummaryDetail {
  label: string;
  value: string;
}

/** What a tree item shows of an opportunity, as plain text: user data never formatted as markup here. */
export interface OpportunitySummary {
  id: number;
  /** Name, else customer, else "Opportunity #<Id>": the panel's title too. */
  label: string;
  status: StatusKind;
  /** Value with currency, and status. */
  description: string;
  /** Rows for the tooltip, empty values left out. */
  details: SummaryDetail[];
  /** What a screen reader says for the item. */
  accessibilityLabel: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export function summarizeOpportunity(record: OpportunityRecord, locale: string): OpportunitySummary {
  const docs = opportunityDocumentation();
  const formatted = (name: string) => {
    const value = formatValue(name, record[name], docs.get(name), { locale, record });
    return value.tone === 'empty' ? undefined : value.text;
  };
  const id = recordId(record)!;
  const label = opportunityTitle(record, id);
  const status = statusKindOf(record);
  const statusText = status === 'unknown' ? `Status ${formatted('Status') ?? 'not set'}` : statusLabel(status);
  const value = typeof record.Value === 'number' ? formatted('Value') : undefined;
  const customer = [text(record.CoworkerFullName), text(record.CoworkerCompanyName)].filter(Boolean).join(' · ') || undefined;
  const due = formatted('DueDate');

  const details: SummaryDetail[] = [
    { label: 'Status', value: statusText },
    { label: 'Value', value: value ?? '' },
    { label: 'Stage', value: text(record.CrmBoardColumnName) ?? '' },
    { label: 'Board', value: text(record.CrmBoardColumnCrmBoardName) ?? '' },
    { label: 'Customer', value: customer ?? '' },
    { label: 'Responsible', value: text(record.ResponsibleFullName) ?? '' },
    { label: 'Due', value: due ?? '' },
    { label: 'Id', value: String(id) },
  ].filter((row) => row.value !== '');

  return {
    id,
    label,
    status,
    description: [value, statusText].filter(Boolean).join(' · '),
    details,
    accessibilityLabel: [label, statusText, value, due && `due ${due}`].filter(Boolean).join(', '),
  };
}
