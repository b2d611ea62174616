import * as vscode from 'vscode';
import type { Fetched, OpportunityRecord } from '../api/opportunities';
import { Commands, OPPORTUNITY_VIEW_TYPE } from '../constants';
import { opportunityDocumentation } from '../docs';
import { parseOpportunityId } from '../input/opportunityId';
import { safeLink } from '../view/format';
import { buildOpportunityView } from '../view/opportunityModel';
import { PageResources, renderNoticePage, renderOpportunityPage } from './renderOpportunity';

/** Messages the panel's script sends. */
type PanelMessage = { type: 'refresh' } | { type: 'copyJson' } | { type: 'openJson' } | { type: 'openLink'; url: string };

function isPanelMessage(message: unknown): message is PanelMessage {
  const candidate = message as { type?: unknown; url?: unknown } | null;
  switch (candidate?.type) {
    case 'refresh':
    case 'copyJson':
    case 'openJson':
      return true;
    case 'openLink':
      return typeof candidate.url === 'string';
    default:
      return false;
  }
}

const OPENABLE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** A link from a panel, opened only when it is web or mail and the page's own checker gives back the same link. */
export function checkedExternalUri(url: string): vscode.Uri | undefined {
  const link = safeLink(url.startsWith('mailto:') ? url.slice('mailto:'.length) : url);
  if (!link || link !== url) {
    return undefined;
  }
  const uri = vscode.Uri.parse(link, true);
  return OPENABLE_SCHEMES.has(uri.scheme) ? uri : undefined;
}

/**
 * A nonce for the page's script, from Web Crypto: Node loads it on first use,
 * where importing the crypto module would cost activation ~3 ms.
 */
function freshNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
}

export interface PanelHost {
  /** Fetches the record (with progress and failure messages); undefined when it failed. */
  load(id: number): Promise<Fetched<OpportunityRecord> | undefined>;
}

function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'codicons')],
  };
}

/** One webview panel per opportunity id. */
class OpportunityPanel {
  /** The last record loaded; kept when a refresh fails, so nothing on screen is lost. */
  private fetched: Fetched<OpportunityRecord> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly id: number,
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly host: PanelHost,
    onDispose: () => void,
  ) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'nexudus.svg');
    this.disposables.push(
      panel.onDidDispose(() => {
        onDispose();
        this.disposables.forEach((d) => d.dispose());
      }),
      panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
    );
  }

  get current(): Fetched<OpportunityRecord> | undefined {
    return this.fetched;
  }

  show(fetched: Fetched<OpportunityRecord>): void {
    this.fetched = fetched;
    const view = buildOpportunityView(fetched.value, opportunityDocumentation(), vscode.env.language, this.id);
    this.panel.title = view.title;
    this.panel.webview.html = renderOpportunityPage(view, this.resources());
  }

  showNotice(text: string, retry: boolean): void {
    const title = vscode.l10n.t('Opportunity #{0}', this.id);
    this.panel.title = title;
    this.panel.webview.html = renderNoticePage(this.id, { title, text, retry }, this.resources());
  }

  async refresh(): Promise<void> {
    if (this.fetched) {
      void this.panel.webview.postMessage({ type: 'status', text: vscode.l10n.t('Refreshing…') });
    }
    const fetched = await this.host.load(this.id);
    if (fetched) {
      this.show(fetched);
    } else if (this.fetched) {
      void this.panel.webview.postMessage({ type: 'status', text: vscode.l10n.t('Refresh failed; showing the last copy loaded.') });
    } else {
      this.showNotice(vscode.l10n.t('This opportunity could not be loaded. The notification says why.'), true);
    }
  }

  private resources(): PageResources {
    const webview = this.panel.webview;
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file)).toString();
    return {
      cspSource: webview.cspSource,
      nonce: freshNonce(),
      styleUri: media('panel.css'),
      scriptUri: media('panel.js'),
      codiconUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'codicons', 'codicon.css')).toString(),
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
        if (this.fetched) {
          await vscode.env.clipboard.writeText(this.fetched.rawText);
          void this.panel.webview.postMessage({ type: 'status', text: vscode.l10n.t('Copied the JSON to the clipboard.') });
        }
        return;
      case 'openJson':
        await vscode.commands.executeCommand(Commands.openAsJson, this.id);
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

export class OpportunityPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
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
      return existing.current !== undefined;
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
    const panel = vscode.window.createWebviewPanel(
      OPPORTUNITY_VIEW_TYPE,
      vscode.l10n.t('Opportunity #{0}', id),
      vscode.ViewColumn.Active,
      panelOptions(this.extensionUri),
    );
    this.track(id, panel).show(fetched);
    return true;
  }

  /** After Reload Window: the panel comes back empty with the state its page saved; fetch it again. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const check = parseOpportunityId((state as { id?: unknown } | undefined)?.id);
    if (!check.ok || this.panels.has(check.id)) {
      panel.dispose();
      return;
    }
    panel.webview.options = panelOptions(this.extensionUri);
    const restored = this.track(check.id, panel);
    restored.showNotice(vscode.l10n.t('Loading…'), false);
    await restored.refresh();
  }

  /** The record an open panel shows, if any. */
  record(id: number): Fetched<OpportunityRecord> | undefined {
    return this.panels.get(id)?.current;
  }

  /** What each open panel shows, for tests and diagnostics: never holds the token. */
  snapshot(): { id: number; title: string; html: string }[] {
    return [...this.panels.values()].map((p) => ({ id: p.id, title: p.panel.title, html: p.panel.webview.html }));
  }

  dispose(): void {
    this.panels.forEach((p) => p.panel.dispose());
    this.panels.clear();
  }

  private track(id: number, panel: vscode.WebviewPanel): OpportunityPanel {
    const tracked = new OpportunityPanel(id, panel, this.extensionUri, this.host, () => this.panels.delete(id));
    this.panels.set(id, tracked);
    return tracked;
  }
}
