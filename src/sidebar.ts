import * as vscode from 'vscode';
import { LIST_MIN_INTERVAL_MS, listOpportunitiesWithStages } from './api/listOpportunities';
import type { Fetched, OpportunityRecord } from './api/opportunities';
import { RequestPacer } from './api/pacer';
import { Credentials } from './auth/credentials';
import { loadWithFeedback } from './commands';
import { readApiSettings } from './config';
import { ContextKeys, FILTER_STATE_KEY, RECENT_STATE_KEY, SECRET_SESSION_KEY, SECRET_TOKEN_KEY, Settings } from './constants';
import { LoadOpportunity, logRequest } from './opportunityLoader';
import { RecentOpportunities } from './recent';
import { OpportunityFilter, readFilter } from './tree/filter';
import { createOpportunitiesView, stateForContext } from './tree/opportunitiesView';
import { RecentView } from './tree/recentView';
import { registerSidebarCommands } from './tree/sidebarCommands';
import { ContextKeySetter } from './ui/contextKeys';
import { MissingTokenError, showFailure } from './ui/failures';
import { opportunityTitle } from './view/opportunityModel';

/** What tests and diagnostics can see of the sidebar. */
export interface SidebarApi {
  opportunities: vscode.TreeDataProvider<unknown>;
  recent: vscode.TreeDataProvider<unknown>;
  /** Resolves when the newest Opportunities load has finished. */
  settled(): Promise<void>;
  /** The nexudus.opportunitiesState context key's value. */
  state(): string;
  views(): { opportunities: { visible: boolean; description?: string; message?: string }; recent: { visible: boolean } };
}

export interface Sidebar {
  api: SidebarApi;
  /** Wraps the panels' loader so every opportunity a panel shows updates its tree item and Recent. */
  watchLoads(load: (id: number) => Promise<Fetched<OpportunityRecord> | undefined>): (id: number) => Promise<Fetched<OpportunityRecord> | undefined>;
  disposables: vscode.Disposable[];
}

export function createSidebar(
  context: vscode.ExtensionContext,
  deps: { credentials: Credentials; log: vscode.LogOutputChannel; loadOne: LoadOpportunity },
): Sidebar {
  const { credentials, log } = deps;
  const contextKeys = new ContextKeySetter();
  const showHasToken = async () => contextKeys.set(ContextKeys.hasToken, Boolean(await credentials.get().catch(() => undefined)));
  // One pacer for every list request, so loads running together still keep to the API's rate.
  const pacer = new RequestPacer(LIST_MIN_INTERVAL_MS);

  const view = createOpportunitiesView(
    {
      load: async (signal, onUpdate) => {
        const settings = readApiSettings();
        await credentials.withToken(async (token) => {
          if (!token) {
            contextKeys.set(ContextKeys.hasToken, false);
            throw new MissingTokenError();
          }
          await listOpportunitiesWithStages({ ...settings, token }, { pacer, signal, onUpdate, http: { log: logRequest(log) } });
        });
      },
      notifyFailure: (error, retry) => showFailure(error, log, retry),
      locale: vscode.env.language,
    },
    readFilter(context.workspaceState.get(FILTER_STATE_KEY)),
    contextKeys,
  );
  const { controller } = view;
  const recent = new RecentView(new RecentOpportunities(context.globalState, RECENT_STATE_KEY));

  // An item's Refresh: the panels' loader (same progress and messages), whose Retry refreshes the item again.
  const loadForRefresh = loadWithFeedback(deps.loadOne, log, (id) => refreshOne(id));
  async function refreshOne(id: number): Promise<OpportunityRecord | undefined> {
    const fetched = await loadForRefresh(id);
    if (fetched) {
      controller.opportunityLoaded(fetched.value);
      await recent.rename({ id, name: opportunityTitle(fetched.value, id) });
    }
    return fetched?.value;
  }
  const setFilter = (filter: OpportunityFilter) => {
    controller.setFilter(filter);
    void context.workspaceState.update(FILTER_STATE_KEY, filter);
  };

  void showHasToken();
  // A refresh rewrites the session secret too; only signing in or out changes whose CRM this is.
  let signedInAs = credentials.session().then((session) => session?.account, () => undefined);
  const disposables: vscode.Disposable[] = [
    view,
    recent,
    context.secrets.onDidChange(async (event) => {
      if (event.key === SECRET_SESSION_KEY) {
        const before = await signedInAs;
        signedInAs = credentials.session().then((session) => session?.account, () => undefined);
        if ((await signedInAs) === before) {
          return;
        }
      } else if (event.key !== SECRET_TOKEN_KEY) {
        return;
      }
      void showHasToken();
      controller.sourceChanged();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${Settings.section}.${Settings.baseUrl}`)) {
        controller.sourceChanged();
      }
    }),
    ...registerSidebarCommands({ controller, recent, refreshOne, setFilter }),
  ];

  return {
    api: {
      opportunities: view.provider,
      recent,
      settled: () => controller.settled(),
      state: () => stateForContext(controller),
      views: () => ({
        opportunities: { visible: view.treeView.visible, description: view.treeView.description, message: view.treeView.message },
        recent: { visible: recent.treeView.visible },
      }),
    },
    watchLoads: (load) => async (id) => {
      const fetched = await load(id);
      if (fetched) {
        controller.opportunityLoaded(fetched.value);
        // Not awaited: saving Recent is a round trip to the main process the panel need not wait for.
        recent.add({ id, name: opportunityTitle(fetched.value, id) }).catch((error: unknown) => log.warn(`Recent not saved: ${String(error)}`));
      }
      return fetched;
    },
    disposables,
  };
}
