import * as vscode from 'vscode';
import type { NexudusApi } from '../../src/extension';

export const EXTENSION_ID = 'coworking-tools.nexudus-opportunities';

/** Every webview page and notification the suite produced, gathered after each test. */
export const seen = { html: new Set<string>(), notifications: new Set<string>() };

export function extensionApi(): NexudusApi | undefined {
  const extension = vscode.extensions.getExtension<NexudusApi>(EXTENSION_ID);
  return extension?.isActive ? extension.exports : undefined;
}

export function recordSurfaces(): void {
  const api = extensionApi();
  if (!api) {
    return;
  }
  api.openPanels().forEach((panel) => seen.html.add(panel.html));
  api.diagnostics.notifications().forEach((text) => seen.notifications.add(text));
}
