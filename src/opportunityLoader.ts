import * as vscode from 'vscode';
import { RequestLogEntry } from './api/http';
import { fetchOpportunity, Fetched, OpportunityRecord } from './api/opportunities';
import { Credentials } from './auth/credentials';
import { readApiSettings } from './config';
import { MissingTokenError } from './ui/failures';

export type LoadOpportunity = (id: number, signal?: AbortSignal) => Promise<Fetched<OpportunityRecord>>;

/** Logs a request as method, path, status or error, and time: never headers. */
export function logRequest(log: vscode.LogOutputChannel): (entry: RequestLogEntry) => void {
  return (entry) => log.info(`${entry.method} ${entry.path} → ${entry.status ?? entry.error} (${entry.ms} ms)`);
}

/** Fetches one opportunity with the signed-in session or the pasted token, and the current settings. */
export function opportunityLoader(credentials: Credentials, log: vscode.LogOutputChannel): LoadOpportunity {
  return async (id, signal) => {
    const settings = readApiSettings();
    return credentials.withToken((token) => {
      if (!token) {
        throw new MissingTokenError();
      }
      return fetchOpportunity({ ...settings, token }, id, signal, { log: logRequest(log) });
    });
  };
}

/** Runs a load under a cancellable notification; Cancel aborts the request. */
export function withRequestProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    (_progress, cancellation) => {
      const controller = new AbortController();
      const subscription = cancellation.onCancellationRequested(() => controller.abort());
      return task(controller.signal).finally(() => subscription.dispose());
    },
  );
}
