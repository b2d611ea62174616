import * as vscode from 'vscode';
import { Commands } from '../constants';
import { buttonLabels, describeFailure } from './failureMessages';

export { InvalidInputError, MissingTokenError } from './failureMessages';

// Many requests failing together make one notification: the same text is not
// shown again within this window. (A toast's promise stays pending while it sits
// in the notification centre, so "still visible" cannot be told reliably.)
const SAME_MESSAGE_WINDOW_MS = 3000;
const lastShownAt = new Map<string, number>();
const HISTORY_LIMIT = 200;
const history: string[] = [];

/** The notifications shown lately, newest last (for diagnostics and tests). */
export function notificationHistory(): readonly string[] {
  return history;
}

/**
 * Shows a failure without waiting for the user: commands return at once, and
 * the chosen button runs later. `retry` is offered where trying again can help.
 */
export function showFailure(error: unknown, log: vscode.LogOutputChannel, retry?: () => unknown): void {
  const message = describeFailure(error, retry !== undefined);
  if (!message) {
    return;
  }
  log.warn(message.text);
  const text = vscode.l10n.t('Nexudus: {0}', message.text);
  const now = Date.now();
  if (now - (lastShownAt.get(text) ?? -Infinity) < SAME_MESSAGE_WINDOW_MS) {
    return;
  }
  lastShownAt.set(text, now);
  history.push(text);
  history.splice(0, history.length - HISTORY_LIMIT);
  const show = message.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  const labels = buttonLabels();
  void show(text, ...message.buttons).then(async (choice) => {
    if (choice === labels.setToken || choice === labels.signIn) {
      const ready = await vscode.commands.executeCommand<boolean>(choice === labels.setToken ? Commands.setToken : Commands.signIn);
      if (ready && retry) {
        retry();
      }
    } else if (choice === labels.retry) {
      retry?.();
    } else if (choice === labels.openSettings) {
      void vscode.commands.executeCommand('workbench.action.openSettings', 'nexudus.');
    }
  });
}
