import * as assert from 'assert';
import { NexudusApiError } from '../../src/api/errors';
import { listOpportunitiesWithStages } from '../../src/api/listOpportunities';
import { RequestPacer } from '../../src/api/pacer';
import { OpportunitiesController, OpportunityNode } from '../../src/tree/opportunitiesController';
import { MissingTokenError } from '../../src/ui/failureMessages';
import { generatedOpportunities, generatedOpportunity, generatedStages } from '../standin/generatedCrm';
import { json, NexudusStandIn, STANDIN_TOKEN, StandInOptions } from '../standin/server';

const LIST = '/api/crm/crmopportunities?';
// 600 records at the stand-in's 100 a page: 6 pages.
const COUNT = 600;

interface Harness {
  standIn: NexudusStandIn;
  controller: OpportunitiesController;
  notifications: { error: unknown; retry?: () => void }[];
  setVisible(visible: boolean): void;
}

function opportunityNodes(controller: OpportunitiesController): Extract<OpportunityNode, { kind: 'opportunity' }>[] {
  return controller
    .children()
    .flatMap((board) => controller.children(board))
    .flatMap((stage) => controller.children(stage))
    .filter((node): node is Extract<OpportunityNode, { kind: 'opportunity' }> => node.kind === 'opportunity');
}

function shownIds(controller: OpportunitiesController): number[] {
  return opportunityNodes(controller).map((node) => node.summary.id);
}

/** Resolves at the first change after which the check holds. */
function when(controller: OpportunitiesController, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const subscription = controller.onDidChange(() => {
      if (check()) {
        subscription.dispose();
        resolve();
      }
    });
  });
}

describe('the Opportunities tree’s controller, listing from the stand-in (real HTTP)', function () {
  this.timeout(15_000);
  let harness: Harness | undefined;

  async function start(
    options: StandInOptions & { token?: string; ignoreAbort?: boolean; load?: () => Promise<void> } = {},
  ): Promise<Harness> {
    const standIn = await NexudusStandIn.start({ records: generatedOpportunities(COUNT), stages: generatedStages(), maxPageSize: 100, ...options });
    const notifications: Harness['notifications'] = [];
    const pacer = new RequestPacer(0);
    let visible = true;
    const controller = new OpportunitiesController({
      load: (signal, onUpdate) =>
        options.load?.() ??
        listOpportunitiesWithStages(
          { baseUrl: standIn.url, token: options.token ?? STANDIN_TOKEN, timeoutMs: 5000 },
          // ignoreAbort lets a stale load run to its end, to show that what it delivers is dropped.
          { pacer, signal: options.ignoreAbort ? undefined : signal, onUpdate },
        ),
      notifyFailure: (error, retry) => notifications.push({ error, retry }),
      showProgress: () => undefined,
      isVisible: () => visible,
      locale: 'en',
    });
    harness = { standIn, controller, notifications, setVisible: (v) => (visible = v) };
    return harness;
  }

  afterEach(async () => {
    harness?.controller.dispose();
    await harness?.standIn.stop();
    harness = undefined;
  });

  it('shows the first page as soon as it arrives, then every record once', async () => {
    const { controller } = await start({ listDelayMs: (page) => (page === 1 ? 0 : 300) });
    const firstPage = when(controller, () => controller.counts.listed > 0);
    void controller.refresh();
    await firstPage;
    assert.strictEqual(controller.status.kind, 'loading');
    assert.strictEqual(controller.counts.listed, 100);
    assert.deepStrictEqual(shownIds(controller).sort((a, b) => a - b), Array.from({ length: 100 }, (_, i) => i + 1));
    await controller.settled();
    assert.strictEqual(controller.status.kind, 'loaded');
    assert.strictEqual(new Set(shownIds(controller)).size, COUNT);
    assert.strictEqual(shownIds(controller).length, COUNT);
  });

  it('groups the stand-in’s data board → stage → opportunity, stages in board order', async () => {
    const { controller } = await start();
    await controller.refresh();
    const tree = controller.children().map((board) => [
      board.kind === 'board' && `${board.name} (${board.count})`,
      controller.children(board).map((stage) => stage.kind === 'stage' && `${stage.name} (${stage.count})`),
    ]);
    assert.deepStrictEqual(tree, [
      ['Memberships (300)', ['Enquiry (100)', 'Tour booked (100)', 'Signed (100)']],
      ['Sales (300)', ['Lead (100)', 'Proposal (100)', 'Negotiation (100)']],
    ]);
  });

  it('Refresh pressed twice quickly: the first load’s replies are dropped, nothing is doubled', async () => {
    // The first load is not aborted and runs to its end; its pages still hold the old name of opportunity 1.
    const { controller, standIn } = await start({ ignoreAbort: true, listDelayMs: () => 60 });
    const seen: string[] = [];
    controller.onDidChange(() => {
      const nodes = opportunityNodes(controller);
      assert.strictEqual(new Set(nodes.map((n) => n.summary.id)).size, nodes.length, 'no id twice');
      const first = nodes.find((n) => n.summary.id === 1);
      if (first) {
        seen.push(first.summary.label);
      }
    });
    const stale = controller.refresh();
    await new Promise((resolve) => setTimeout(resolve, 20));
    standIn.putRecord({ ...generatedOpportunity(1, COUNT), Name: 'Renamed in Nexudus' });
    const fresh = controller.refresh();
    await Promise.all([stale, fresh]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.strictEqual(standIn.requests.filter((r) => r.path.startsWith(`/api/crm/crmopportunities?page=1&`)).length, 2, 'both loads ran');
    assert.ok(seen.length > 0);
    assert.deepStrictEqual([...new Set(seen)], ['Renamed in Nexudus'], 'the stale load never showed');
    assert.strictEqual(shownIds(controller).length, COUNT);
    assert.strictEqual(controller.status.kind, 'loaded');
  });

  it('Refresh pressed twice quickly: the first load’s request is aborted, 6 pages + 1 requested in all', async () => {
    const { controller, standIn } = await start({ listDelayMs: (page) => (page === 1 ? 150 : 0) });
    const stale = controller.refresh();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await Promise.all([stale, controller.refresh()]);
    const listRequests = standIn.requests.filter((r) => r.path.startsWith(LIST)).map((r) => new URL(r.path, 'http://x').searchParams.get('page'));
    assert.deepStrictEqual(listRequests.sort(), ['1', '1', '2', '3', '4', '5', '6']);
    assert.strictEqual(new Set(shownIds(controller)).size, COUNT);
  });

  it('a rejected token collapses the tree to one “token rejected” node, with one notification and no retry', async () => {
    const { controller, standIn, notifications } = await start({ token: 'a-token-nexudus-rejects' });
    await controller.refresh();
    assert.strictEqual(controller.status.kind, 'tokenRejected');
    const root = controller.children();
    assert.strictEqual(root.length, 1);
    assert.strictEqual(root[0].kind === 'problem' && root[0].problem, 'tokenRejected');
    assert.strictEqual(notifications.length, 1);
    assert.strictEqual((notifications[0].error as NexudusApiError).kind, 'unauthorized');
    assert.strictEqual(notifications[0].retry, undefined, 'a new token reloads through the secret’s change instead');
    assert.strictEqual(standIn.requests.length, 1, 'nothing else was asked for');
  });

  it('many requests rejected together (pages 2–6 answer 401): still one node and one notification', async () => {
    const { controller, standIn, notifications } = await start({ listDelayMs: () => 30 });
    standIn.script({ path: /[?&]page=[2-6]&/, behaviour: json(401, '{"Message":"Authorization has been denied for this request."}') });
    await controller.refresh();
    assert.strictEqual(controller.status.kind, 'tokenRejected');
    assert.strictEqual(controller.children().length, 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.strictEqual(notifications.length, 1);
  });

  it('no token: nothing is sent, nothing notified, the view is left to its welcome', async () => {
    const { controller, standIn, notifications } = await start({ load: () => Promise.reject(new MissingTokenError()) });
    await controller.refresh();
    assert.strictEqual(controller.status.kind, 'noToken');
    assert.deepStrictEqual(controller.children(), []);
    assert.strictEqual(notifications.length, 0);
    assert.strictEqual(standIn.requests.length, 0);
  });

  it('another failure shows one node and one notification whose Retry loads again', async () => {
    const { controller, standIn, notifications } = await start();
    standIn.script({ path: /[?&]page=1&/, times: 1, behaviour: json(500, '{"Message":"An error has occurred."}') });
    await controller.refresh();
    assert.strictEqual(controller.status.kind, 'failed');
    const root = controller.children();
    assert.strictEqual(root.length === 1 && root[0].kind === 'problem' && root[0].message, 'Nexudus (' + new URL(standIn.url).host + ') had a problem answering for the opportunity list (500: An error has occurred.). Try again later.');
    assert.strictEqual(notifications.length, 1);
    notifications[0].retry!();
    await controller.settled();
    assert.strictEqual(controller.status.kind, 'loaded');
    assert.strictEqual(shownIds(controller).length, COUNT);
  });

  it('an opportunity refreshed in its panel updates its item; one not listed changes nothing', async () => {
    const { controller } = await start();
    await controller.refresh();
    controller.opportunityLoaded({ ...generatedOpportunity(12, COUNT), Name: 'Renamed 12', Status: 2 });
    const item = opportunityNodes(controller).find((n) => n.summary.id === 12)!;
    assert.strictEqual(item.summary.label, 'Renamed 12');
    assert.strictEqual(item.summary.status, 'won');
    controller.opportunityLoaded({ Id: 999_999, Name: 'Not listed' });
    assert.strictEqual(shownIds(controller).length, COUNT);
    assert.strictEqual(controller.record(999_999), undefined);
  });

  it('a copy fetched while a refresh runs wins over the (older) page that arrives after it', async () => {
    const { controller } = await start({ listDelayMs: () => 100 });
    await controller.refresh();
    const refreshing = controller.refresh();
    controller.opportunityLoaded({ ...generatedOpportunity(1, COUNT), Name: 'Fetched meanwhile' });
    await refreshing;
    assert.strictEqual(opportunityNodes(controller).find((n) => n.summary.id === 1)?.summary.label, 'Fetched meanwhile');
  });

  it('a token change reloads once while the view is shown, and waits for it to be shown otherwise', async () => {
    const { controller, standIn, setVisible } = await start();
    controller.sourceChanged();
    assert.strictEqual(controller.status.kind, 'idle', 'never shown: nothing to reload');
    await controller.refresh();
    standIn.reset();

    setVisible(false);
    controller.sourceChanged();
    assert.strictEqual(controller.status.kind, 'idle');
    assert.deepStrictEqual(controller.children(), [], 'the old token’s data is not kept');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.strictEqual(standIn.requests.length, 0);

    setVisible(true);
    controller.ensureLoaded();
    await controller.settled();
    controller.sourceChanged();
    await controller.settled();
    assert.strictEqual(standIn.requests.filter((r) => r.path.startsWith(`${LIST}page=1&`)).length, 2, 'one load when shown, one for the change');
  });

  it('a filter narrows the tree to matching opportunities and hides empty boards and stages', async () => {
    const { controller } = await start();
    await controller.refresh();
    controller.setFilter({ statuses: [], text: 'customer 7' });
    // Among 1…600, "customer 7" is in Customer 7 and Customer 70–79: 11 records.
    assert.deepStrictEqual(shownIds(controller).sort((a, b) => a - b), [7, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79]);
    assert.deepStrictEqual(controller.counts, { listed: COUNT, shown: 11 });
    controller.setFilter({ statuses: ['won'], text: 'customer 7' });
    // Won is id % 3 = 1: 7, 70, 73, 76, 79.
    assert.deepStrictEqual(shownIds(controller).sort((a, b) => a - b), [7, 70, 73, 76, 79]);
    controller.setFilter({ statuses: ['lost'], text: 'customer 7' });
    // Lost is id % 3 = 2: 71, 74, 77 — in stages 71 % 6 = 5, 74 % 6 = 2, 77 % 6 = 5: Signed and Negotiation.
    assert.deepStrictEqual(
      controller.children().map((b) => (b.kind === 'board' ? [b.name, controller.children(b).map((s) => s.kind === 'stage' && s.name)] : [])),
      [
        ['Memberships', ['Signed']],
        ['Sales', ['Negotiation']],
      ],
    );
  });
});
