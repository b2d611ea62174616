import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NexudusApi } from '../../src/extension';
import { generatedOpportunities, generatedOpportunity, generatedStages } from '../standin/generatedCrm';
import { NexudusStandIn, STANDIN_TOKEN } from '../standin/server';
import { EXTENSION_ID } from './surfaces';

const COUNT = 60;
const HOSTILE_ID = 9001;
const HOSTILE_NAME = '<img src=x onerror=alert(1)> **bold** [run](command:nexudus.clearToken)';
const LIST_PAGE_1 = /^\/api\/crm\/crmopportunities\?page=1&/;

/** Waits until read() gives what is expected (the workbench and the extension host talk asynchronously). */
async function eventually<T>(read: () => T | Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      assert.deepStrictEqual(await read(), expected);
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('Nexudus sidebar: the Opportunities and Recent views, in a real VS Code', function () {
  let standIn: NexudusStandIn;
  let api: NexudusApi;
  const tree = () => api.sidebar.opportunities;

  async function children(element?: unknown): Promise<unknown[]> {
    return ((await tree().getChildren(element)) ?? []) as unknown[];
  }

  async function item(element: unknown): Promise<vscode.TreeItem> {
    return tree().getTreeItem(element);
  }

  /** The element whose tree item has this label, among the children of parent. */
  async function childLabelled(label: string, parent?: unknown): Promise<unknown> {
    for (const child of await children(parent)) {
      if ((await item(child)).label === label) {
        return child;
      }
    }
    throw new assert.AssertionError({ message: `no child labelled ${label}` });
  }

  /** Opportunity 57 of 60: 57 % 6 = 3, so Memberships → Enquiry; status 1 + 57 % 3 = 1, in progress. */
  async function opportunity57(): Promise<unknown> {
    const enquiry = await childLabelled('Enquiry', await childLabelled('Memberships'));
    return (await children(enquiry))[0];
  }

  before(async () => {
    const hostile = { ...generatedOpportunity(1, COUNT), Id: HOSTILE_ID, Name: HOSTILE_NAME, Status: 1 };
    standIn = await NexudusStandIn.start({ records: [...generatedOpportunities(COUNT), hostile], stages: generatedStages() });
    await vscode.workspace.getConfiguration('nexudus').update('baseUrl', standIn.url, vscode.ConfigurationTarget.Global);
    api = await vscode.extensions.getExtension<NexudusApi>(EXTENSION_ID)!.activate();
    assert.strictEqual(await vscode.commands.executeCommand('nexudus.setToken', STANDIN_TOKEN), true);
  });

  after(async () => {
    // Hidden, the view does not reload when later suites change the token or the address.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await eventually(() => api.sidebar.views().opportunities.visible, false);
    await vscode.commands.executeCommand('nexudus.clearOpportunityFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('nexudus.clearToken');
    await standIn.stop();
  });

  it('contributes the Nexudus view container with its two views, and registers every command it lists', async () => {
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes;
    assert.deepStrictEqual(
      contributes.viewsContainers.activitybar.map((c: { id: string; title: string }) => [c.id, c.title]),
      [['nexudus', 'Nexudus']],
    );
    assert.deepStrictEqual(
      contributes.views.nexudus.map((v: { id: string; name: string }) => [v.id, v.name]),
      [
        ['nexudus.opportunities', 'Opportunities'],
        ['nexudus.recent', 'Recent'],
      ],
    );
    const registered = await vscode.commands.getCommands(true);
    for (const { command } of contributes.commands as { command: string }[]) {
      assert.ok(registered.includes(command), `${command} is registered`);
    }
    for (const focus of ['nexudus.opportunities.focus', 'nexudus.recent.focus']) {
      assert.ok(registered.includes(focus), `${focus}: the view is registered`);
    }
  });

  it('shown, the Opportunities view lists the stand-in’s opportunities', async () => {
    standIn.reset();
    await vscode.commands.executeCommand('nexudus.opportunities.focus');
    await eventually(() => api.sidebar.views().opportunities.visible, true);
    await children();
    await eventually(() => api.sidebar.state(), 'loaded');
    // 61 records fit one page; the stages are listed after it.
    assert.deepStrictEqual(
      standIn.requests.map((r) => r.path),
      ['/api/crm/crmopportunities?page=1&size=1000&orderBy=Id', '/api/crm/crmboardcolumns?page=1&size=1000&orderBy=Id'],
    );
  });

  it('getChildren yields boards → stages (in board order) → opportunities (in stage order)', async () => {
    await api.sidebar.settled();
    const boards = await children();
    assert.deepStrictEqual(
      await Promise.all(boards.map(async (b) => [(await item(b)).label, (await item(b)).id, (await item(b)).description])),
      [
        ['Memberships', 'board:id:10', '30'],
        ['Sales', 'board:id:20', '31'],
      ],
    );
    const stages = await children(boards[0]);
    assert.deepStrictEqual(
      await Promise.all(stages.map(async (s) => [(await item(s)).label, (await item(s)).description])),
      [
        ['Enquiry', '10'],
        ['Tour booked', '10'],
        ['Signed', '10'],
      ],
    );
    // Enquiry holds i % 6 = 3: 3, 9, …, 57. Position is 60 − i, so 57 comes first; 21 (21 % 7 = 0) has no name.
    const labels = await Promise.all((await children(stages[0])).map(async (o) => (await item(o)).label));
    assert.deepStrictEqual(labels, [
      'Opportunity 57',
      'Opportunity 51',
      'Opportunity 45',
      'Opportunity 39',
      'Opportunity 33',
      'Opportunity 27',
      'Customer 21',
      'Opportunity 15',
      'Opportunity 9',
      'Opportunity 3',
    ]);
  });

  it('an opportunity item: stable id, value and status, status icon, Markdown tooltip, accessible label, click opens it', async () => {
    const opportunity = await item(await opportunity57());
    assert.strictEqual(opportunity.id, 'opportunity:57');
    assert.match(String(opportunity.description), /^GBP\s570\.00 · In progress$/u);
    assert.strictEqual((opportunity.iconPath as vscode.ThemeIcon).id, 'circle-outline');
    assert.strictEqual(opportunity.contextValue, 'opportunity');
    assert.deepStrictEqual(opportunity.command && [opportunity.command.command, opportunity.command.arguments], ['nexudus.openOpportunity', [57]]);
    assert.ok(opportunity.tooltip instanceof vscode.MarkdownString);
    // appendText keeps spaces as &nbsp;.
    const tooltip = opportunity.tooltip.value.replace(/&nbsp;/g, ' ');
    assert.match(tooltip, /^\*\*Opportunity 57\*\*\n/);
    assert.match(tooltip, /Stage: Enquiry {2}\nBoard: Memberships {2}\n/);
    assert.match(tooltip, /Due: May 1, 2026/);
    assert.match(opportunity.accessibilityInformation!.label, /^Opportunity 57, In progress, GBP\s570\.00, due May 1, 2026/u);
  });

  it('user text in a tooltip is escaped, never Markdown, HTML or a command link', async () => {
    // The hostile record copies opportunity 1's stage: 1 % 6 = 1, Sales → Proposal.
    const hostile = await item(await childLabelled(HOSTILE_NAME, await childLabelled('Proposal', await childLabelled('Sales'))));
    const tooltip = hostile.tooltip as vscode.MarkdownString;
    assert.ok(!tooltip.isTrusted, 'not trusted: no command links run');
    assert.ok(!tooltip.supportHtml, 'no HTML');
    assert.ok(!tooltip.value.includes('[run](command:'), tooltip.value);
    assert.ok(!tooltip.value.includes('**bold**'), tooltip.value);
    assert.ok(tooltip.value.includes('\\[run\\]'), tooltip.value);
  });

  it('clicking an item runs the open command: its panel opens, and Recent holds it first', async () => {
    const { command } = await item(await opportunity57());
    assert.strictEqual(await vscode.commands.executeCommand(command!.command, ...(command!.arguments ?? [])), true);
    const panel = api.openPanels().find((p) => p.id === 57);
    assert.strictEqual(panel?.title, 'Opportunity 57');
    const [newest] = ((await api.sidebar.recent.getChildren()) ?? []) as unknown[];
    const recent = await api.sidebar.recent.getTreeItem(newest);
    assert.deepStrictEqual([recent.id, recent.label, recent.description, recent.contextValue], ['recent:57', 'Opportunity 57', '#57', 'recentOpportunity']);
  });

  it('refreshing the opened opportunity updates its tree item (and its Recent name), without listing again', async () => {
    standIn.putRecord({ ...generatedOpportunity(57, COUNT), Name: 'Renamed in Nexudus', Status: 2 });
    standIn.reset();
    assert.strictEqual(await vscode.commands.executeCommand('nexudus.openOpportunity', 57), true, 'reveals and refreshes its panel');
    assert.deepStrictEqual(standIn.requests.map((r) => r.path), ['/api/crm/crmopportunities/57']);
    const updated = await item(await opportunity57());
    assert.strictEqual(updated.label, 'Renamed in Nexudus');
    assert.strictEqual((updated.iconPath as vscode.ThemeIcon).id, 'pass');
    assert.match(String(updated.description), /· Won$/);
    const [newest] = ((await api.sidebar.recent.getChildren()) ?? []) as unknown[];
    assert.strictEqual((await api.sidebar.recent.getTreeItem(newest)).label, 'Renamed in Nexudus');
  });

  it('a filter is kept through Refresh until cleared, and shown in the view’s description', async () => {
    await vscode.commands.executeCommand('nexudus.filterOpportunities', { statuses: ['won'], text: '' });
    // Won among 1…60 is i % 3 = 1 (20), 57 now too; the hostile record is in progress: 21 of 61.
    assert.strictEqual(api.sidebar.views().opportunities.description, 'Won (21 of 61)');
    await vscode.commands.executeCommand('nexudus.refreshOpportunities');
    // The list holds 57 as renamed and won, as the stand-in now serves it.
    assert.strictEqual(api.sidebar.views().opportunities.description, 'Won (21 of 61)');
    await vscode.commands.executeCommand('nexudus.filterOpportunities', { statuses: [], text: 'no such customer' });
    assert.strictEqual(api.sidebar.views().opportunities.message, 'No opportunity matches the filter. Clear it from the view’s title bar.');
    await vscode.commands.executeCommand('nexudus.clearOpportunityFilter');
    assert.strictEqual(api.sidebar.views().opportunities.description, undefined);
    assert.strictEqual(api.sidebar.views().opportunities.message, undefined);
  });

  it('Copy Id and Copy as JSON put the id and the listed record on the clipboard', async () => {
    const node = await opportunity57();
    await vscode.commands.executeCommand('nexudus.item.copyId', node);
    assert.strictEqual(await vscode.env.clipboard.readText(), '57');
    await vscode.commands.executeCommand('nexudus.item.copyJson', node);
    const copied = JSON.parse(await vscode.env.clipboard.readText());
    assert.deepStrictEqual([copied.Id, copied.Name, copied.CrmBoardColumnName], [57, 'Renamed in Nexudus', 'Enquiry']);
  });

  it('Remove takes an opportunity out of Recent', async () => {
    const recentIds = async () =>
      Promise.all((((await api.sidebar.recent.getChildren()) ?? []) as unknown[]).map(async (e) => (await api.sidebar.recent.getTreeItem(e)).id));
    const [newest] = ((await api.sidebar.recent.getChildren()) ?? []) as unknown[];
    await vscode.commands.executeCommand('nexudus.recent.remove', newest);
    assert.ok(!(await recentIds()).includes('recent:57'));
  });

  it('a token change reloads the tree once; a rejected token collapses it to one item offering Set API Token, with one notification', async () => {
    standIn.reset();
    const shownBefore = api.diagnostics.notifications().length;
    await vscode.commands.executeCommand('nexudus.setToken', 'a-token-nexudus-rejects');
    await eventually(() => api.sidebar.state(), 'tokenRejected');
    const root = await children();
    assert.strictEqual(root.length, 1);
    const rejected = await item(root[0]);
    assert.match(String(rejected.label), /^Token rejected/);
    assert.strictEqual(rejected.command?.command, 'nexudus.setToken');
    assert.strictEqual(rejected.contextValue, 'tokenRejected');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(standIn.requests.filter((r) => LIST_PAGE_1.test(r.path)).length, 1, 'one reload, one request');
    const shown = api.diagnostics.notifications().slice(shownBefore);
    assert.strictEqual(shown.length, 1, shown.join('\n'));
    assert.match(shown[0], /rejected the API token \(401\).*CrmOpportunity-List/);

    standIn.reset();
    await vscode.commands.executeCommand('nexudus.setToken', STANDIN_TOKEN);
    await eventually(() => api.sidebar.state(), 'loaded');
    assert.strictEqual((await children()).length, 2, 'the boards are back');
    assert.strictEqual(standIn.requests.filter((r) => LIST_PAGE_1.test(r.path)).length, 1);
  });

  it('a token, but nothing to list: the state the “nothing found” welcome shows for', async () => {
    const empty = await NexudusStandIn.start();
    const settings = vscode.workspace.getConfiguration('nexudus');
    try {
      await settings.update('baseUrl', empty.url, vscode.ConfigurationTarget.Global);
      await eventually(() => api.sidebar.state(), 'empty');
      assert.deepStrictEqual(await children(), []);
      assert.strictEqual(empty.requests.filter((r) => LIST_PAGE_1.test(r.path)).length, 1, 'the address change reloaded once');
    } finally {
      await settings.update('baseUrl', standIn.url, vscode.ConfigurationTarget.Global);
      await eventually(() => api.sidebar.state(), 'loaded');
      await empty.stop();
    }
  });

  it('with no token, no request is sent and the view is left to its welcome', async () => {
    standIn.reset();
    await vscode.commands.executeCommand('nexudus.clearToken');
    await eventually(() => api.sidebar.state(), 'noToken');
    assert.deepStrictEqual(await children(), []);
    assert.strictEqual(standIn.requests.length, 0);
    assert.strictEqual(await vscode.commands.executeCommand('nexudus.setToken', STANDIN_TOKEN), true);
    await eventually(() => api.sidebar.state(), 'loaded');
  });
});
