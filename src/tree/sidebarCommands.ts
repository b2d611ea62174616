import * as vscode from 'vscode';
import type { OpportunityRecord } from '../api/opportunities';
import { Commands } from '../constants';
import { NO_FILTER, OpportunityFilter, readFilter } from './filter';
import { promptForFilter } from './filterPrompt';
import type { OpportunitiesController } from './opportunitiesController';
import type { RecentView } from './recentView';

export interface SidebarCommandDeps {
  controller: OpportunitiesController;
  recent: RecentView;
  /** Fetches one opportunity (progress and failures as for a panel) and shows it in the views. */
  refreshOne(id: number): Promise<OpportunityRecord | undefined>;
  setFilter(filter: OpportunityFilter): void;
}

/** The id of what an item command was run on: an Opportunities node, a Recent entry, or an id. */
function idOf(target: unknown): number | undefined {
  const candidate = target as { kind?: unknown; summary?: { id: number }; id?: unknown } | undefined;
  if (candidate?.kind === 'opportunity') {
    return candidate.summary?.id;
  }
  const id = typeof target === 'number' ? target : candidate?.id;
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : undefined;
}

function onItem(run: (id: number) => unknown): (target: unknown) => unknown {
  return (target) => {
    const id = idOf(target);
    return id === undefined ? undefined : run(id);
  };
}

export function registerSidebarCommands(deps: SidebarCommandDeps): vscode.Disposable[] {
  const { controller, recent } = deps;
  const copy = async (text: string, copied: string) => {
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(copied, 3000);
  };
  return [
    vscode.commands.registerCommand(Commands.refreshOpportunities, () => controller.refresh()),
    // Scripts and tests may pass the filter ({statuses, text}); people are asked.
    vscode.commands.registerCommand(Commands.filterOpportunities, async (given?: unknown) => {
      const filter = given === undefined ? await promptForFilter(controller.filter) : readFilter(given);
      if (filter) {
        deps.setFilter(filter);
      }
    }),
    vscode.commands.registerCommand(Commands.clearOpportunityFilter, () => deps.setFilter(NO_FILTER)),
    vscode.commands.registerCommand(
      Commands.openItem,
      onItem((id) => vscode.commands.executeCommand(Commands.openOpportunity, id)),
    ),
    vscode.commands.registerCommand(Commands.refreshItem, onItem(deps.refreshOne)),
    vscode.commands.registerCommand(
      Commands.copyItemId,
      onItem((id) => copy(String(id), vscode.l10n.t('Nexudus: copied the id {0}.', id))),
    ),
    vscode.commands.registerCommand(
      Commands.copyItemJson,
      onItem(async (id) => {
        const record = controller.record(id) ?? (await deps.refreshOne(id));
        if (record) {
          await copy(JSON.stringify(record, null, 2), vscode.l10n.t('Nexudus: copied opportunity #{0} as JSON.', id));
        }
      }),
    ),
    vscode.commands.registerCommand(
      Commands.removeRecent,
      onItem((id) => recent.remove(id)),
    ),
  ];
}
