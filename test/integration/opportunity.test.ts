import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { NexudusApi } from '../../src/extension';
import { NexudusStandIn, STANDIN_TOKEN } from '../standin/server';
import { EXTENSION_ID } from './surfaces';

const ID = 87654321;

async function extensionApi(): Promise<NexudusApi> {
  const extension = vscode.extensions.getExtension<NexudusApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

function opportunityTabLabels(): string[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('nexudus.opportunity'))
    .map((tab) => tab.label);
}

/** The workbench's tab model reaches the extension host a moment after the panel opens. */
async function eventually<T>(read: () => T, expected: T, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      assert.deepStrictEqual(read(), expected);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  assert.deepStrictEqual(read(), expected);
}

describe('Nexudus: Open Opportunity, in a real VS Code', function () {
  let standIn: NexudusStandIn;
  let api: NexudusApi;

  before(async () => {
    standIn = await NexudusStandIn.start();
    await vscode.workspace.getConfiguration('nexudus').update('baseUrl', standIn.url, vscode.ConfigurationTarget.Global);
    api = await extensionApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('nexudus.clearToken');
    await standIn.stop();
  });

  beforeEach(() => standIn.reset());

  it('is the copy under test: the installed VSIX, or the development folder', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const installedFromVsix = Boolean(process.env.NEXUDUS_TEST_VSIX);
    const developmentFolder = path.resolve(__dirname, '..', '..', '..');
    assert.strictEqual(path.resolve(extension.extensionPath) === developmentFolder, !installedFromVsix, extension.extensionPath);
    if (installedFromVsix) {
      assert.ok(fs.existsSync(path.join(extension.extensionPath, 'dist', 'extension.js')), 'the VSIX holds the bundle');
      assert.ok(!fs.existsSync(path.join(extension.extensionPath, 'src')), 'the VSIX holds no sources');
      assert.ok(!fs.existsSync(path.join(extension.extensionPath, 'node_modules')), 'the VSIX holds no node_modules');
    }
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['nexudus.openOpportunity', 'nexudus.setToken', 'nexudus.clearToken']) {
      assert.ok(commands.includes(id), id);
    }
  });

  it('without a token, sends no request and opens no panel', async () => {
    await vscode.commands.executeCommand('nexudus.clearToken');
    const opened = await vscode.commands.executeCommand('nexudus.openOpportunity', ID);
    assert.strictEqual(opened, false);
    assert.strictEqual(standIn.requests.length, 0);
    assert.strictEqual(api.openPanels().length, 0);
  });

  it('stores the token in SecretStorage and opens the documented example in a webview', async () => {
    const saved = await vscode.commands.executeCommand('nexudus.setToken', `  ${STANDIN_TOKEN}  `);
    assert.strictEqual(saved, true);

    const opened = await vscode.commands.executeCommand('nexudus.openOpportunity', String(ID));
    assert.strictEqual(opened, true);
    assert.strictEqual(standIn.requests.length, 1);
    assert.strictEqual(standIn.requests[0].path, `/api/crm/crmopportunities/${ID}`);
    assert.strictEqual(standIn.requests[0].authorization, `Bearer ${STANDIN_TOKEN}`, 'the trimmed token from SecretStorage');

    const panels = api.openPanels();
    assert.strictEqual(panels.length, 1);
    assert.strictEqual(panels[0].title, `Opportunity #${ID}`);
    await eventually(opportunityTabLabels, [`Opportunity #${ID}`]);

    const html = panels[0].html;
    // Values of the documented example...
    for (const value of ['87654321', 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', 'admin@example.com', 'CrmOpportunity Example']) {
      assert.ok(html.includes(value), `the page shows ${value}`);
    }
    // ...and the documentation's own words, attached to the fields.
    assert.ok(html.includes('Optional tag to identify this opportunity, useful when the same customer appears in multiple boards.'));
    assert.ok(html.includes('Expected revenue if the opportunity is won.'));
    assert.ok(html.includes('<li><code>2</code> = Won</li>'));
    assert.ok(html.includes('role="tooltip"'));
    assert.ok(!html.includes(STANDIN_TOKEN), 'the token is not in the page');
  });

  it('opening the same id again reveals and refreshes the one panel', async () => {
    await vscode.commands.executeCommand('nexudus.openOpportunity', ID);
    assert.strictEqual(api.openPanels().length, 1);
    await eventually(opportunityTabLabels, [`Opportunity #${ID}`]);
    assert.strictEqual(standIn.requests.length, 1, 'refreshed with one request');
  });

  it('a rejected token opens nothing more and keeps the open panel as it was', async () => {
    const before = api.openPanels();
    await vscode.commands.executeCommand('nexudus.setToken', 'a-token-nexudus-rejects');
    assert.strictEqual(await vscode.commands.executeCommand('nexudus.openOpportunity', 12345), false);
    assert.strictEqual(standIn.requests.length, 1);
    assert.strictEqual(standIn.requests[0].authorization, 'Bearer a-token-nexudus-rejects');
    assert.deepStrictEqual(api.openPanels(), before);
  });
});

describe('A workspace cannot redirect the token', function () {
  let standIn: NexudusStandIn;
  let elsewhere: NexudusStandIn;

  before(async () => {
    standIn = await NexudusStandIn.start();
    elsewhere = await NexudusStandIn.start();
    await vscode.workspace.getConfiguration('nexudus').update('baseUrl', standIn.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('nexudus.setToken', STANDIN_TOKEN);
  });

  after(async () => {
    await Promise.resolve(vscode.workspace.getConfiguration('nexudus').update('baseUrl', undefined, vscode.ConfigurationTarget.Workspace)).catch(() => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('nexudus.clearToken');
    await standIn.stop();
    await elsewhere.stop();
  });

  it('nexudus.baseUrl from the workspace settings is ignored: the token goes where the user settings say', async () => {
    await vscode.workspace.getConfiguration('nexudus').update('baseUrl', elsewhere.url, vscode.ConfigurationTarget.Workspace);
    assert.strictEqual(vscode.workspace.getConfiguration('nexudus').get('baseUrl'), elsewhere.url, 'the workspace value is in force for VS Code');
    assert.strictEqual(await vscode.commands.executeCommand('nexudus.openOpportunity', ID), true);
    assert.strictEqual(elsewhere.requests.length, 0, 'nothing reached the address the workspace named');
    assert.strictEqual(standIn.requests.length, 1);
  });
});
