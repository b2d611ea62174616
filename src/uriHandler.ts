import * as vscode from 'vscode';
import { Commands } from './constants';
import { opportunityIdFromLinkPath } from './input/opportunityId';

/** Opens vscode://<publisher>.<name>/opportunity/<id> links. */
export function registerUriHandler(log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.window.registerUriHandler({
    handleUri(uri) {
      const id = opportunityIdFromLinkPath(uri.path);
      if (id === undefined) {
        log.warn(`Ignored a link that is not /opportunity/<id>: ${uri.path}`);
        void vscode.window.showWarningMessage(vscode.l10n.t('Nexudus: that link does not name an opportunity (expected …/opportunity/<id>).'));
        return;
      }
      void vscode.commands.executeCommand(Commands.openOpportunity, id);
    },
  });
}
