import * as vscode from 'vscode';
import { ContextKeys, Views } from '../constants';
import { ContextKeySetter } from '../ui/contextKeys';
import { describeFilter, isFiltering, OpportunityFilter } from './filter';
import { ControllerPorts, OpportunitiesController, OpportunityNode } from './opportunitiesController';
import { opportunityTreeItem } from './treeItems';

class OpportunitiesProvider implements vscode.TreeDataProvider<OpportunityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly controller: OpportunitiesController) {}

  fire(): void {
    this.changed.fire();
  }

  getTreeItem(node: OpportunityNode): vscode.TreeItem {
    return opportunityTreeItem(node);
  }

  getChildren(node?: OpportunityNode): OpportunityNode[] {
    if (!node) {
      this.controller.ensureLoaded();
    }
    return this.controller.children(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The list state as the opportunitiesState context key spells it, for viewsWelcome. */
export function stateForContext(controller: OpportunitiesController): string {
  const state = controller.status.kind;
  return state === 'loaded' && controller.counts.listed === 0 ? 'empty' : state;
}

export interface OpportunitiesView extends vscode.Disposable {
  controller: OpportunitiesController;
  provider: vscode.TreeDataProvider<OpportunityNode>;
  treeView: vscode.TreeView<OpportunityNode>;
}

/** The Opportunities view: the controller's nodes, its progress, and the filter in the description. */
export function createOpportunitiesView(
  ports: Omit<ControllerPorts, 'showProgress' | 'isVisible'>,
  filter: OpportunityFilter,
  contextKeys: ContextKeySetter,
): OpportunitiesView {
  let treeView: vscode.TreeView<OpportunityNode> | undefined;
  const controller = new OpportunitiesController(
    {
      ...ports,
      showProgress: (load) => void vscode.window.withProgress({ location: { viewId: Views.opportunities } }, () => load),
      isVisible: () => treeView?.visible ?? false,
    },
    filter,
  );
  const provider = new OpportunitiesProvider(controller);
  treeView = vscode.window.createTreeView(Views.opportunities, { treeDataProvider: provider, showCollapseAll: true });

  const showState = () => {
    const { listed, shown } = controller.counts;
    const filtering = isFiltering(controller.filter);
    treeView!.description = filtering
      ? vscode.l10n.t('{0} ({1} of {2})', describeFilter(controller.filter), shown.toLocaleString(), listed.toLocaleString())
      : undefined;
    treeView!.message =
      filtering && listed > 0 && shown === 0 && controller.status.kind !== 'tokenRejected' && controller.status.kind !== 'failed'
        ? vscode.l10n.t('No opportunity matches the filter. Clear it from the view’s title bar.')
        : undefined;
    contextKeys.set(ContextKeys.opportunitiesState, stateForContext(controller));
    contextKeys.set(ContextKeys.opportunitiesFiltered, filtering);
  };
  showState();

  const subscriptions = [
    controller.onDidChange(() => {
      provider.fire();
      showState();
    }),
    treeView.onDidChangeVisibility((event) => {
      if (event.visible) {
        controller.ensureLoaded();
      }
    }),
    provider,
    treeView,
  ];
  return {
    controller,
    provider,
    treeView,
    dispose: () => {
      controller.dispose();
      subscriptions.forEach((s) => s.dispose());
    },
  };
}
