import * as vscode from 'vscode';
import { isFiltering, NO_FILTER, OpportunityFilter, quoted } from './filter';
import { StatusKind, statusChoices, statusLabel } from './opportunitySummary';

type Step = vscode.QuickPickItem & { step: 'status' | 'text' | 'clear' };

async function pickStatuses(current: StatusKind[]): Promise<StatusKind[] | undefined> {
  const items = statusChoices().map((choice) => ({ label: choice.label, status: choice.kind, picked: current.includes(choice.kind) }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Filter Opportunities by Status'),
    placeHolder: vscode.l10n.t('Show opportunities with these statuses (none picked: all)'),
    canPickMany: true,
  });
  return picked?.map((item) => item.status);
}

async function askText(current: string): Promise<string | undefined> {
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Filter Opportunities by Text'),
    prompt: vscode.l10n.t('Text in the name, the customer or their company; leave empty to match all'),
    value: current,
  });
  return text?.trim();
}

/** Asks how to narrow the Opportunities view; undefined when the person cancels. */
export async function promptForFilter(current: OpportunityFilter): Promise<OpportunityFilter | undefined> {
  const steps: Step[] = [
    { label: `$(filter) ${vscode.l10n.t('By status…')}`, description: current.statuses.map(statusLabel).join(', ') || undefined, step: 'status' },
    { label: `$(search) ${vscode.l10n.t('By text in name or customer…')}`, description: current.text ? quoted(current.text) : undefined, step: 'text' },
  ];
  if (isFiltering(current)) {
    steps.push({ label: `$(clear-all) ${vscode.l10n.t('Clear filter')}`, step: 'clear' });
  }
  const chosen = await vscode.window.showQuickPick(steps, { title: vscode.l10n.t('Filter Opportunities') });
  switch (chosen?.step) {
    case 'status': {
      const statuses = await pickStatuses(current.statuses);
      return statuses && { ...current, statuses };
    }
    case 'text': {
      const text = await askText(current.text);
      return text === undefined ? undefined : { ...current, text };
    }
    case 'clear':
      return NO_FILTER;
    default:
      return undefined;
  }
}
