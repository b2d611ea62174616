import * as l10n from '@vscode/l10n';
import type { FieldDocumentation, FieldDoc } from '../docs/fieldDocs';
import { EM_DASH, formatValue, FormattedValue, FormatContext, unexpectedValue } from './format';

export interface FieldRow {
  /** The API's field name, e.g. CrmBoardColumnName. */
  name: string;
  /** A readable label, e.g. "Stage name". */
  label: string;
  value: FormattedValue;
  doc?: FieldDoc;
  /** Rows inside this one (CustomFields entries). */
  children?: { label: string; value: FormattedValue }[];
}

export interface FieldGroup {
  id: string;
  title: string;
  rows: FieldRow[];
  /** True for the group of fields the documentation does not describe. */
  undocumented?: boolean;
}

export interface OpportunityView {
  id: number | undefined;
  title: string;
  header: {
    name: string;
    status: FormattedValue & { statusName?: string };
    stage: string;
    board: string;
    value: string;
    customer: string;
    responsible: string;
    dueDate: FormattedValue;
  };
  groups: FieldGroup[];
}

interface GroupRule {
  id: string;
  title: string;
  /** A field belongs here when its name starts with one of these... */
  prefixes?: string[];
  /** ...or is one of these. */
  names?: string[];
}

// The groups the panel shows, in order. Field names come from the record and the
// documentation; these rules only say where each one goes. Titles are getters, so
// they are looked up in the display language when a panel is built, not at load.
const GROUP_RULES: GroupRule[] = [
  {
    id: 'stage',
    get title() {
      return l10n.t('Stage and board');
    },
    prefixes: ['CrmBoardColumn'],
    names: ['Position'],
  },
  {
    id: 'customer',
    get title() {
      return l10n.t('Customer');
    },
    prefixes: ['Coworker'],
    names: ['ReferrerId', 'AgentId'],
  },
  {
    id: 'team',
    get title() {
      return l10n.t('Team');
    },
    prefixes: ['Team'],
  },
  {
    id: 'deal',
    get title() {
      return l10n.t('Deal');
    },
    prefixes: ['OpportunityType', 'Responsible'],
    names: ['Name', 'Status', 'Value', 'Completed', 'Reminded', 'LossReason', 'Notes'],
  },
  {
    id: 'dates',
    get title() {
      return l10n.t('Dates');
    },
    names: ['DueDate', 'WonOn', 'LostOn', 'CrmUpdatedOn'],
  },
  {
    id: 'lead',
    get title() {
      return l10n.t('Lead source and UTM');
    },
    prefixes: ['Utm'],
    names: ['LeadSource'],
  },
  {
    id: 'record',
    get title() {
      return l10n.t('Record');
    },
    names: ['Id', 'UniqueId', 'CreatedOn', 'UpdatedOn', 'UpdatedBy', 'IsNew', 'SystemId'],
  },
];
const OTHER_DOCUMENTED: GroupRule = {
  id: 'other',
  get title() {
    return l10n.t('Other documented fields');
  },
};
const UNDOCUMENTED: GroupRule = {
  id: 'undocumented',
  get title() {
    return l10n.t('Not in the documentation');
  },
};

function ruleFor(name: string, documented: boolean): GroupRule {
  if (!documented) {
    return UNDOCUMENTED;
  }
  return (
    GROUP_RULES.find((rule) => rule.names?.includes(name) || rule.prefixes?.some((prefix) => name.startsWith(prefix))) ??
    OTHER_DOCUMENTED
  );
}

const ACRONYMS: Record<string, string> = { Crm: 'CRM', Utm: 'UTM', Id: 'ID', Url: 'URL' };
// Prefixes that name the thing itself ("UTM source", not "Source" beside "Lead source").
const KEPT_PREFIXES = new Set(['Responsible', 'OpportunityType', 'Utm']);

/** "CrmBoardColumnCrmBoardName" in the stage group → "CRM board name". */
export function readableLabel(name: string, rule?: GroupRule): string {
  let rest = name;
  const prefix = rule?.prefixes?.find((p) => name.startsWith(p) && name.length > p.length);
  if (prefix && !KEPT_PREFIXES.has(prefix)) {
    rest = name.slice(prefix.length);
  }
  const words = rest.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [rest];
  return words
    .map((word, index) => ACRONYMS[word] ?? (index === 0 ? word : word.toLowerCase()))
    .join(' ');
}

function customFieldRows(value: unknown, context: FormatContext): FieldRow['children'] | undefined {
  const data = (value as { Data?: unknown } | null)?.Data;
  if (!Array.isArray(data)) {
    return undefined;
  }
  const rows: NonNullable<FieldRow['children']> = [];
  for (const entry of data) {
    if (!entry || typeof entry !== 'object') {
      return undefined;
    }
    const { Name, Value } = entry as Record<string, unknown>;
    rows.push({
      label: typeof Name === 'string' && Name ? Name : l10n.t('(unnamed)'),
      value: formatValue('', Value, undefined, context),
    });
  }
  return rows;
}

function text(value: unknown): string {
  return typeof value === 'string' && value.trim() ? value : '';
}

/** The panel title: the opportunity's Name, else its customer's, else its id. */
export function opportunityTitle(record: Record<string, unknown>, fallbackId?: number): string {
  const id = typeof record.Id === 'number' ? record.Id : fallbackId;
  return text(record.Name) || text(record.CoworkerFullName) || l10n.t('Opportunity #{0}', id ?? '?');
}

/** Everything the panel shows, as plain data: the header and every field in its group. */
export function buildOpportunityView(
  record: Record<string, unknown>,
  docs: FieldDocumentation,
  locale: string,
  fallbackId?: number,
): OpportunityView {
  const context: FormatContext = { locale, record };
  const format = (name: string) => formatValue(name, record[name], docs.get(name), context);
  const groups = new Map<GroupRule, FieldRow[]>();

  for (const [name, value] of Object.entries(record)) {
    const doc = docs.get(name);
    const rule = ruleFor(name, doc !== undefined);
    const children = name === 'CustomFields' ? customFieldRows(value, context) : undefined;
    const row: FieldRow = { name, label: readableLabel(name, rule), value: format(name), doc, children };
    if (children) {
      row.value = { text: children.length === 1 ? l10n.t('{0} field', children.length) : l10n.t('{0} fields', children.length), tone: 'plain' };
    } else if (name === 'CustomFields' && value !== null && value !== undefined) {
      row.value = unexpectedValue(value, l10n.t('an object with a Data list of {Name, Value}'));
    }
    groups.set(rule, [...(groups.get(rule) ?? []), row]);
  }

  const ordered = [...GROUP_RULES, OTHER_DOCUMENTED, UNDOCUMENTED]
    .filter((rule) => groups.has(rule))
    .map((rule) => ({ id: rule.id, title: rule.title, rows: groups.get(rule)!, undocumented: rule === UNDOCUMENTED || undefined }));

  const status = format('Status');
  const statusDoc = docs.get('Status');
  const statusName = typeof record.Status === 'number' ? statusDoc?.enumValues?.get(record.Status) : undefined;
  const plain = (name: string) => {
    const value = format(name);
    return value.tone === 'empty' ? EM_DASH : value.text;
  };

  return {
    id: typeof record.Id === 'number' ? record.Id : fallbackId,
    title: opportunityTitle(record, fallbackId),
    header: {
      name: opportunityTitle(record, fallbackId),
      status: { ...status, statusName },
      stage: plain('CrmBoardColumnName'),
      board: plain('CrmBoardColumnCrmBoardName'),
      value: plain('Value'),
      customer: [text(record.CoworkerFullName), text(record.CoworkerCompanyName)].filter(Boolean).join(' · ') || EM_DASH,
      responsible: plain('ResponsibleFullName'),
      dueDate: format('DueDate'),
    },
    groups: ordered,
  };
}
