import * as l10n from '@vscode/l10n';
import { recordId } from '../api/listOpportunities';
import type { OpportunityRecord } from '../api/opportunities';
import { opportunityDocumentation } from '../docs';
import { formatValue, nonEmptyText } from '../view/format';
import { opportunityTitle } from '../view/opportunityModel';

export type StatusKind = 'inProgress' | 'won' | 'lost' | 'unknown';

// Status names as the documentation page states them (eCrmOpportunityStatus).
const KIND_OF_STATUS_NAME: Record<string, StatusKind> = { InProgress: 'inProgress', Won: 'won', Lost: 'lost' };

/** The statuses a filter can pick, with their names for people. */
export function statusChoices(): { kind: StatusKind; label: string }[] {
  return (['inProgress', 'won', 'lost'] as const).map((kind) => ({ kind, label: statusLabel(kind) }));
}

/** A status's name for people, in the display language: the documented names (InProgress, Won, Lost), spaced. */
export function statusLabel(kind: StatusKind): string {
  switch (kind) {
    case 'inProgress':
      return l10n.t('In progress');
    case 'won':
      return l10n.t('Won');
    case 'lost':
      return l10n.t('Lost');
    default:
      return l10n.t('Other status');
  }
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

export function summarizeOpportunity(record: OpportunityRecord, locale: string): OpportunitySummary {
  const docs = opportunityDocumentation();
  const formatted = (name: string) => {
    const value = formatValue(name, record[name], docs.get(name), { locale, record });
    return value.tone === 'empty' ? undefined : value.text;
  };
  const id = recordId(record)!;
  const label = opportunityTitle(record, id);
  const status = statusKindOf(record);
  const shownStatus = status === 'unknown' ? formatted('Status') : undefined;
  const statusText =
    status !== 'unknown' ? statusLabel(status) : shownStatus !== undefined ? l10n.t('Status {0}', shownStatus) : l10n.t('Status not set');
  const value = typeof record.Value === 'number' ? formatted('Value') : undefined;
  const customer = [nonEmptyText(record.CoworkerFullName), nonEmptyText(record.CoworkerCompanyName)].filter(Boolean).join(' · ') || undefined;
  const due = formatted('DueDate');

  const details: SummaryDetail[] = [
    { label: l10n.t('Status'), value: statusText },
    { label: l10n.t('Value'), value: value ?? '' },
    { label: l10n.t('Stage'), value: nonEmptyText(record.CrmBoardColumnName) ?? '' },
    { label: l10n.t('Board'), value: nonEmptyText(record.CrmBoardColumnCrmBoardName) ?? '' },
    { label: l10n.t('Customer'), value: customer ?? '' },
    { label: l10n.t('Responsible'), value: nonEmptyText(record.ResponsibleFullName) ?? '' },
    { label: l10n.t('Due'), value: due ?? '' },
    { label: l10n.t('Id'), value: String(id) },
  ].filter((row) => row.value !== '');

  return {
    id,
    label,
    status,
    description: [value, statusText].filter(Boolean).join(' · '),
    details,
    accessibilityLabel: [label, statusText, value, due && l10n.t('due {0}', due)].filter(Boolean).join(', '),
  };
}
