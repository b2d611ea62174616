import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { Fetched, OpportunityRecord } from '../api/opportunities';
import { OPPORTUNITY_VIEW_TYPE } from '../constants';
import { opportunityDocumentation } from '../docs';
import { buildOpportunityView } from '../view/opportunityModel';
import { safeLink } from '../view/format';
import { PageResources, renderOpportunityPage } from './renderOpportunity';

/** Messages the panel's script sends. */
type PanelMessage = { type: 'refresh' } | { type: 'copyJson' } | { type: 'openLink'; url: string };

function isPanelMessage(message: unknown): message is PanelMessage {
  const candidate = message as { type?: unknown; url?: unknown } | null;
  switch (candidate?.type) {
    case 'refresh':
    case 'copyJson':
      return true;
    case 'openLink':
      return typeof candidate.url === 'string';
    default:
      return false;
  }
}

const OPENABLE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** A link from a panel, opened only when it is web or mail and the page's own checker agrees. */
export function checkedExternalUri(url: string): vscode.Uri | undefined {
  const link = url.startsWith('mailto:') ? url : safeLink(url);
  if (!link) {
    return undefined;
  }
  const uri = vscode.Uri.parse(link, true);
  return OPENABLE_SCHEMES.has(uri.scheme) ? uri : undefined;
}

export interface PanelHost {
  /** Fetches the record (with progress and failure messages); undefined when it failed. */
  load(id: number): Promise<Fetched<OpportunityRecord> | undefined>;
}

/** One webview panel per opportunity id. */
class OpportunityPanel {
  private fetched: Fetched<OpportunityRecord>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly id: number,
    readonly panel: vscode.WebviewPanel,
    fetched: Fetched<OpportunityRecord>,
    private readonly extensionUri: vscode.Uri,
    private readonly host: PanelHost,
    onDispose: () => void,
  ) {
    this.fetched = fetched;
    this.disposables.push(
      panel.onDidDispose(() => {
        onDispose();
        this.disposables.forEach((d) => d.dispose());
      }),
      panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
    );
    this.render();
  }

  get record(): OpportunityRecord {
    return this.fetched.value;
  }

  show(fetched: Fetched<OpportunityRecord>): void {
    this.fetched = fetched;
    this.render();
  }

  async refresh(): Promise<void> {
    void this.panel.webview.postMessage({ type: 'status', text: 'Refreshing…' });
    const fetched = await this.host.load(this.id);
    if (fetched) {
      this.show(fetched);
    } else {
      // The last good copy stays on screen; the failure has its own message.
      void this.panel.webview.postMessage({ type: 'status', text: 'Refresh failed; showing the last copy loaded.' });
    }
  }

  private render(): void {
    const view = buildOpportunityView(this.fetched.value, opportunityDocumentation(), vscode.env.language, this.id);
    this.panel.title = view.title;
    this.panel.webview.html = renderOpportunityPage(view, this.resources());
  }

  private resources(): PageResources {
    const webview = this.panel.webview;
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file)).toString();
    return {
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      styleUri: media('panel.css'),
      scriptUri: media('panel.js'),
    };
  }

  private async onMessage(message: unknown): Promise<void> {
    if (!isPanelMessage(message)) {
      return;
    }
    switch (message.type) {
      case 'refresh':
        await this.refresh();
        return;
      case 'copyJson':
        await vscode.env.clipboard.writeText(this.fetched.rawText);
        void this.panel.webview.postMessage({ type: 'status', text: 'Copied the JSON to the clipboard.' });
        return;
      case 'openLink': {
        const uri = checkedExternalUri(message.url);
        if (uri) {
          await vscode.env.openExternal(uri);
        }
        return;
      }
    }
  }
}

export class OpportunityPanels implements vscode.Disposable {
  private readonly panels = new Map<number, OpportunityPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly host: PanelHost,
  ) {}

  /** Opens the opportunity, or reveals and refreshes its panel when it is already open. */
  async open(id: number): Promise<boolean> {
    const existing = this.panels.get(id);
    if (existing) {
      existing.panel.reveal();
      await existing.refresh();
      return true;
    }
    const fetched = await this.host.load(id);
    if (!fetched) {
      return false;
    }
    // Another open of the same id may have finished while this one waited.
    const raced = this.panels.get(id);
    if (raced) {
      raced.show(fetched);
      raced.panel.reveal();
      return true;
    }
    const panel = vscode.window.createWebviewPanel(OPPORTUNITY_VIEW_TYPE, `Opportunity #${id}`, vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'nexudus.svg');
    this.panels.set(id, new OpportunityPanel(id, panel, fetched, this.extensionUri, this.host, () => this.panels.delete(id)));
    return true;
  }

  /** What each open panel shows, for tests and diagnostics: never holds the token. */
  snapshot(): { id: number; title: string; html: string }[] {
    return [...this.panels.values()].map((p) => ({ id: p.id, title: p.panel.title, html: p.panel.webview.html }));
  }

  dispose(): void {
    this.panels.forEach((p) => p.panel.dispose());
    this.panels.clear();
  }
}
