import * as vscode from 'vscode';
import { JSON_DOCUMENT_SCHEME } from '../constants';
import { opportunityDocumentation } from '../docs';
import { enumHints, fieldDocMarkdown, printOpportunityJson, topLevelKeyAt } from './jsonFieldDocs';

export function jsonDocumentUri(id: number): vscode.Uri {
  return vscode.Uri.from({ scheme: JSON_DOCUMENT_SCHEME, path: `/opportunity-${id}.json` });
}

/**
 * Opportunities as read-only JSON documents, with the documentation page's
 * field docs on hover and enum names beside enum numbers.
 */
export class OpportunityJsonDocuments implements vscode.TextDocumentContentProvider, vscode.HoverProvider, vscode.InlayHintsProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  register(): vscode.Disposable[] {
    const selector: vscode.DocumentSelector = { scheme: JSON_DOCUMENT_SCHEME };
    return [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(JSON_DOCUMENT_SCHEME, this),
      vscode.languages.registerHoverProvider(selector, this),
      vscode.languages.registerInlayHintsProvider(selector, this),
    ];
  }

  /** Shows the record as JSON beside the panel; refreshes an already open document. */
  async open(id: number, record: unknown): Promise<vscode.TextEditor> {
    const uri = jsonDocumentUri(id);
    this.contents.set(uri.toString(), printOpportunityJson(record));
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== 'json') {
      await vscode.languages.setTextDocumentLanguage(document, 'json');
    }
    return vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '{}\n';
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const line = document.lineAt(position.line).text;
    const key = topLevelKeyAt(line, position.character);
    if (!key) {
      return undefined;
    }
    const markdown = new vscode.MarkdownString(fieldDocMarkdown(key.key, opportunityDocumentation().get(key.key)));
    return new vscode.Hover(markdown, new vscode.Range(position.line, key.start, position.line, key.end));
  }

  provideInlayHints(document: vscode.TextDocument): vscode.InlayHint[] {
    return enumHints(document.getText(), opportunityDocumentation()).map((hint) => {
      const inlay = new vscode.InlayHint(new vscode.Position(hint.line, hint.character), hint.label);
      inlay.paddingLeft = true;
      return inlay;
    });
  }
}
