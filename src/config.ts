import * as vscode from 'vscode';
import { checkBaseUrl } from './api/baseUrl';
import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_SECONDS, Settings } from './constants';
import { SettingsError } from './ui/failureMessages';

export interface ApiSettings {
  baseUrl: string;
  timeoutMs: number;
}

/** The API address and timeout from the user's settings, checked. */
export function readApiSettings(): ApiSettings {
  const config = vscode.workspace.getConfiguration(Settings.section);
  // The token goes where this points, so a workspace (a cloned repo's .vscode/settings.json)
  // must not choose it: only the user's own settings count. (A machine scope would say the same,
  // but code-server's remote host then stops reading the user's value in places.)
  const check = checkBaseUrl(config.inspect<string>(Settings.baseUrl)?.globalValue || DEFAULT_BASE_URL);
  if (!check.ok) {
    throw new SettingsError(check.message);
  }
  const seconds = config.get<number>(Settings.requestTimeoutSeconds);
  const timeoutSeconds = typeof seconds === 'number' && seconds > 0 ? seconds : DEFAULT_TIMEOUT_SECONDS;
  return { baseUrl: check.baseUrl, timeoutMs: Math.round(timeoutSeconds * 1000) };
}
