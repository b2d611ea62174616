import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { NexudusApi } from '../../src/extension';
import { NexudusStandIn, STANDIN_TOKEN } from '../standin/server';
import { EXTENSION_ID } from './surfaces';

const ID = 87654321;

async function until<T>(read: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined || Date.now() > deadline) {
      assert.ok(value !== undefined, 'timed out waiting');
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

describe('Feels native: JSON with docs, deep links', function () {
  let standIn: NexudusStandIn;
  before(async () => {
    await vscode.extensions.getExtension<NexudusApi>(EXTENSION_ID)!.activate();
    standIn = await NexudusStandIn.start();
    await vscode.workspace.getConfiguration('nexudus').update('baseUrl', standIn.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('nexudus.setToken', STANDIN_TOKEN);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('nexudus.clearToken');
    await standIn.stop();
  });

  it('Open as JSON shows the record read-only, with field docs on hover and enum names beside numbers', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('nexudus.openAsJson', ID), true);
    const editor = await until(() =>
      vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'nexudus-opportunity'),
    );
    const document = editor.document;
    assert.strictEqual(document.languageId, 'json');
    assert.deepStrictEqual(JSON.parse(document.getText()).UniqueId, 'a1b2c3d4-e5f6-7890-abcd-ef1234567890');

    const line = document.getText().split('\n').findIndex((l) => l.startsWith('  "Value"'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, 4));
    assert.match(hoverText(hovers), /\*\*Value\*\* `number`/);
    assert.match(hoverText(hovers), /Expected revenue if the opportunity is won\./);

    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      document.uri,
      new vscode.Range(0, 0, document.lineCount, 0),
    );
    const labels = hints.map((hint) => `${document.lineAt(hint.position.line).text.trim()} ${hint.label}`);
    assert.deepStrictEqual(labels, ['"LeadSource": 0, not set', '"LossReason": 0, not set', '"Status": 0, unknown value']);

    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.writeFile(document.uri, Buffer.from('{}'))),
      'the document is read-only',
    );
  });

  // Opening the link through VS Code's URL service is driven in the browser UI test
  // (Developer: Open URL); the web host refuses openExternal's dialog in tests.
  it('Copy Link puts the opportunity\'s vscode:// link on the clipboard', async () => {
    const link = await vscode.commands.executeCommand<string>('nexudus.copyLink', ID);
    assert.strictEqual(link, `${vscode.env.uriScheme}://${EXTENSION_ID}/opportunity/${ID}`);
    assert.strictEqual(await vscode.env.clipboard.readText(), link);
  });
});

describe('Feels native: the Nexudus account', () => {
  it('registers the nexudus authentication provider; with no sign-in there is no session, and asking silently prompts nothing', async () => {
    await vscode.extensions.getExtension<NexudusApi>(EXTENSION_ID)!.activate();
    const session = await vscode.authentication.getSession('nexudus', [], { silent: true });
    assert.strictEqual(session, undefined);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('nexudus.signIn') && commands.includes('nexudus.signOut'));
  });
});

describe('Feels native: conventions', () => {
  it('ships a 128×128 PNG icon, gallery metadata, a walkthrough, described settings, and localised strings', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const manifest = extension.packageJSON as Record<string, any>;
    const icon = fs.readFileSync(path.join(extension.extensionPath, manifest.icon));
    assert.strictEqual(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepStrictEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128], 'width and height from the IHDR chunk');
    assert.ok(manifest.galleryBanner?.color && manifest.categories?.length && manifest.keywords?.length);
    const steps = manifest.contributes.walkthroughs[0].steps.map((step: { id: string }) => step.id);
    assert.deepStrictEqual(steps, ['connect', 'open', 'hover']);
    for (const [name, setting] of Object.entries<Record<string, string>>(manifest.contributes.configuration.properties)) {
      assert.ok(setting.description && setting.markdownDescription, `${name} has a description and a markdownDescription`);
    }
    assert.ok(fs.existsSync(path.join(extension.extensionPath, 'l10n', 'bundle.l10n.json')));
    assert.strictEqual(manifest.displayName, 'Nexudus Opportunities', 'package.nls.json resolved');
  });

  it('the panel loads codicons from the extension and shows them on its buttons and status badge', async () => {
    const api = await vscode.extensions.getExtension<NexudusApi>(EXTENSION_ID)!.activate();
    const standIn = await NexudusStandIn.start();
    try {
      await vscode.workspace.getConfiguration('nexudus').update('baseUrl', standIn.url, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('nexudus.setToken', STANDIN_TOKEN);
      assert.strictEqual(await vscode.commands.executeCommand('nexudus.openOpportunity', ID), true);
      const html = api.openPanels().find((p) => p.id === ID)!.html;
      assert.match(html, /<link rel="stylesheet" href="[^"]*dist\/codicons\/codicon\.css">/);
      assert.match(html, /codicon-refresh/);
      assert.match(html, /codicon-question/, 'Status 0 is an unknown status');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('nexudus.clearToken');
      await standIn.stop();
    }
  });
});
