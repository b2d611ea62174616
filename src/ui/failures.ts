import * as vscode from 'vscode';
import { NexudusApiError } from '../api/errors';
import { TokenStoreError } from '../auth/tokenStore';
import { SettingsError } from '../config';
import { Commands } from '../constants';

/** Thrown when a request needs a token and none is saved; nothing was sent. */
export class MissingTokenError extends Error {
  constructor() {
    super('No Nexudus API token is set. Set one to open opportunities.');
    this.name = 'MissingTokenError';
  }
}

/** Input that cannot be used, e.g. an id argument that is not an id. */
export class InvalidInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

const SET_TOKEN = 'Set API Token';
const RETRY = 'Retry';
const OPEN_SETTINGS = 'Open Settings';

export interface FailureMessage {
  text: string;
  buttons: string[];
  severity: 'error' | 'warning';
}

/** The one message a failure gets, and the ways forward it offers. */
export function describeFailure(error: unknown, canRetry: boolean): FailureMessage | undefined {
  if (error instanceof MissingTokenError) {
    return { text: error.message, buttons: [SET_TOKEN], severity: 'warning' };
  }
  if (error instanceof NexudusApiError) {
    switch (error.action) {
      case 'none':
        return error.kind === 'cancelled' ? undefined : { text: error.message, buttons: [], severity: 'warning' };
      case 'setToken':
        return { text: error.message, buttons: [SET_TOKEN], severity: 'error' };
      case 'openSettings':
        return { text: error.message, buttons: [OPEN_SETTINGS], severity: 'error' };
      default:
        return { text: error.message, buttons: canRetry ? [RETRY] : [], severity: 'error' };
    }
  }
  if (error instanceof SettingsError) {
    return { text: error.message, buttons: [OPEN_SETTINGS], severity: 'error' };
  }
  if (error instanceof TokenStoreError || error instanceof InvalidInputError) {
    return { text: error.message, buttons: [], severity: 'error' };
  }
  return {
    text: `Something unexpected went wrong${error instanceof Error && error.message ? `: ${error.message}` : ''}. See the Nexudus output for details.`,
    buttons: canRetry ? [RETRY] : [],
    severity: 'error',
  };
}

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
  const text = `Nexudus: ${message.text}`;
  const now = Date.now();
  if (now - (lastShownAt.get(text) ?? -Infinity) < SAME_MESSAGE_WINDOW_MS) {
    return;
  }
  lastShownAt.set(text, now);
  history.push(text);
  history.splice(0, history.length - HISTORY_LIMIT);
  const show = message.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  void show(text, ...message.buttons).then(async (choice) => {
    if (choice === SET_TOKEN) {
      const saved = await vscode.commands.executeCommand<boolean>(Commands.setToken);
      if (saved && retry) {
        retry();
      }
    } else if (choice === RETRY) {
      retry?.();
    } else if (choice === OPEN_SETTINGS) {
      void vscode.commands.executeCommand('workbench.action.openSettings', 'nexudus.');
    }
  });
}
