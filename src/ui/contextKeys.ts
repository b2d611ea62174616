import * as vscode from 'vscode';

/** Sets `when`-clause context keys, sending only values that changed. */
export class ContextKeySetter {
  private readonly values = new Map<string, unknown>();

  set(key: string, value: unknown): void {
    if (this.values.has(key) && this.values.get(key) === value) {
      return;
    }
    this.values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
