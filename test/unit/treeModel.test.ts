import * as assert from 'assert';
import { RequestPacer } from '../../src/api/pacer';
import { mergePages, planPages, readListEnvelope } from '../../src/api/paging';
import { RecentOpportunities, StateStore } from '../../src/recent';
import { describeFilter, matchesFilter, NO_FILTER, readFilter } from '../../src/tree/filter';
import { groupByBoardAndStage } from '../../src/tree/grouping';
import { statusChoices, summarizeOpportunity } from '../../src/tree/opportunitySummary';
import { generatedOpportunities, generatedOpportunity, generatedStages } from '../standin/generatedCrm';

const STAGE_POSITIONS = new Map(generatedStages().map((s) => [s.Id as number, s.Position as number]));

function shape(boards: ReturnType<typeof groupByBoardAndStage>) {
  return boards.map((b) => ({ board: b.name, stages: b.stages.map((s) => `${s.name}:${s.opportunities.length}`) }));
}

describe('grouping board → stage → opportunity', () => {
  const records = generatedOpportunities(60);

  it('orders boards by name and stages by their board position; 60 records make 10 per stage', () => {
    assert.deepStrictEqual(shape(groupByBoardAndStage(records, STAGE_POSITIONS, 'en')), [
      { board: 'Memberships', stages: ['Enquiry:10', 'Tour booked:10', 'Signed:10'] },
      { board: 'Sales', stages: ['Lead:10', 'Proposal:10', 'Negotiation:10'] },
    ]);
  });

  it('without known positions, orders stages by id (the order they were made in)', () => {
    assert.deepStrictEqual(shape(groupByBoardAndStage(records, new Map(), 'en')), [
      { board: 'Memberships', stages: ['Signed:10', 'Enquiry:10', 'Tour booked:10'] },
      { board: 'Sales', stages: ['Proposal:10', 'Negotiation:10', 'Lead:10'] },
    ]);
  });

  it('orders opportunities by their Position within the stage', () => {
    // Sales/Lead holds the ids divisible by 6; Position is 60 − id, so the highest id comes first.
    const lead = groupByBoardAndStage(records, STAGE_POSITIONS, 'en')[1].stages[0];
    assert.deepStrictEqual(
      lead.opportunities.map((r) => r.Id),
      [60, 54, 48, 42, 36, 30, 24, 18, 12, 6],
    );
  });

  it('gives stable, unique keys, and puts records without board or stage in "No board" / "No stage", last', () => {
    const loose = [
      { Id: 1, Name: 'No stage at all', CrmBoardColumnId: 0, CrmBoardColumnName: null, CrmBoardColumnCrmBoardId: null, CrmBoardColumnCrmBoardName: null },
      { Id: 2, Name: 'Named stage only', CrmBoardColumnName: 'Intake', CrmBoardColumnCrmBoardName: 'Zeta' },
      { Id: 3, Name: 'Stage id only', CrmBoardColumnId: 77, CrmBoardColumnCrmBoardName: 'Zeta' },
      { Id: 4, Name: 'In Alpha', CrmBoardColumnId: 5, CrmBoardColumnName: 'Open', CrmBoardColumnCrmBoardId: 9, CrmBoardColumnCrmBoardName: 'Alpha' },
    ];
    const boards = groupByBoardAndStage(loose, new Map(), 'en');
    assert.deepStrictEqual(
      boards.map((b) => [b.key, b.name, b.stages.map((s) => [s.key, s.name])]),
      [
        ['board:id:9', 'Alpha', [['stage:id:5', 'Open']]],
        ['board:name:Zeta', 'Zeta', [['stage:id:77', 'Stage #77'], ['stage:name:Intake@board:name:Zeta', 'Intake']]],
        ['board:none', 'No board', [['stage:none@board:none', 'No stage']]],
      ],
    );
  });
});

describe('opportunity summary (what a tree item shows)', () => {
  it('labels by name, describes value with currency and status, and lists the essentials', () => {
    // Opportunity 12 of 60: Sales/Lead (EUR), status 1 + 12 % 3 = 1 (InProgress), value 120.
    const summary = summarizeOpportunity(generatedOpportunity(12, 60), 'en');
    assert.strictEqual(summary.id, 12);
    assert.strictEqual(summary.label, 'Opportunity 12');
    assert.strictEqual(summary.status, 'inProgress');
    assert.strictEqual(summary.description, 'EUR\u00a0120.00 · In progress');
    const details = Object.fromEntries(summary.details.map((d) => [d.label, d.value]));
    assert.deepStrictEqual(Object.keys(details), ['Status', 'Value', 'Stage', 'Board', 'Customer', 'Responsible', 'Due', 'Id']);
    assert.strictEqual(details.Stage, 'Lead');
    assert.strictEqual(details.Board, 'Sales');
    assert.strictEqual(details.Customer, 'Customer 12 · Company 12');
    assert.match(details.Due, /^May 1, 2026, 9:00\sAM$/u);
    assert.match(summary.accessibilityLabel, /^Opportunity 12, In progress, EUR\u00a0120\.00, due May 1, 2026/u);
  });

  it('falls back to the customer when there is no name, and reads Won and Lost from the documentation', () => {
    // 14 % 7 = 0: no Name; status 1 + 14 % 3 = 3 (Lost). 13: status 1 + 13 % 3 = 2 (Won).
    assert.strictEqual(summarizeOpportunity(generatedOpportunity(14, 60), 'en').label, 'Customer 14');
    assert.strictEqual(summarizeOpportunity(generatedOpportunity(14, 60), 'en').status, 'lost');
    assert.strictEqual(summarizeOpportunity(generatedOpportunity(13, 60), 'en').status, 'won');
    assert.deepStrictEqual(statusChoices().map((c) => c.label), ['In progress', 'Won', 'Lost']);
  });

  it('shows a status the documentation does not list as itself, marked as another status', () => {
    // The documented example has Status 0, no name, no customer.
    const summary = summarizeOpportunity({ Id: 87654321, Name: null, CoworkerFullName: null, Status: 0, Value: null }, 'en');
    assert.strictEqual(summary.label, 'Opportunity #87654321');
    assert.strictEqual(summary.status, 'unknown');
    assert.strictEqual(summary.description, 'Status 0');
  });
});

describe('filter', () => {
  const records = generatedOpportunities(60);

  it('by status: Won are the ids with id % 3 = 1, 20 of 60', () => {
    const won = records.filter((r) => matchesFilter(r, { statuses: ['won'], text: '' }));
    assert.strictEqual(won.length, 20);
    assert.ok(won.every((r) => (r.Id as number) % 3 === 1));
  });

  it('by text in name or customer, ignoring case and accents: "cústomer 1" matches 1 and 10–19', () => {
    const found = records.filter((r) => matchesFilter(r, { statuses: [], text: 'CÚSTOMER 1' }));
    assert.deepStrictEqual(found.map((r) => r.Id), [1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('describes itself for the view, and reads back only what a filter can hold', () => {
    assert.strictEqual(describeFilter({ statuses: ['won', 'lost'], text: ' acme ' }), 'Won, Lost · “acme”');
    assert.strictEqual(describeFilter(NO_FILTER), '');
    assert.deepStrictEqual(readFilter({ statuses: ['won', 'bogus', 3], text: 7 }), { statuses: ['won'], text: '' });
    assert.deepStrictEqual(readFilter(undefined), NO_FILTER);
  });
});

describe('paging rules', () => {
  it('merges pages in page order, whatever order they arrived in, each id once (the first page wins)', () => {
    const pages = new Map<number, { Id: number; from: number }[]>();
    pages.set(3, [{ Id: 5, from: 3 }, { Id: 6, from: 3 }]);
    pages.set(1, [{ Id: 1, from: 1 }, { Id: 2, from: 1 }]);
    pages.set(2, [{ Id: 2, from: 2 }, { Id: 3, from: 2 }, { Id: 5, from: 2 }]);
    assert.deepStrictEqual(mergePages(pages, (r) => r.Id), [
      { Id: 1, from: 1 },
      { Id: 2, from: 1 },
      { Id: 3, from: 2 },
      { Id: 5, from: 2 },
      { Id: 6, from: 3 },
    ]);
  });

  it('leaves out records without a key', () => {
    const pages = new Map([[1, [{ Id: 1 }, { Id: undefined }, { Id: 2 }]]]);
    assert.deepStrictEqual(mergePages(pages, (r) => r.Id), [{ Id: 1 }, { Id: 2 }]);
  });

  it('plans from the first reply: the server’s page size and page count win over what was asked', () => {
    assert.deepStrictEqual(planPages({ records: [], pageSize: 250, totalPages: 20 }, 1000), { pageSize: 250, lastPage: 20 });
    assert.deepStrictEqual(planPages({ records: [], totalItems: 5000 }, 1000), { pageSize: 1000, lastPage: 5 });
    assert.deepStrictEqual(planPages({ records: [], hasNextPage: true }, 1000), { pageSize: 1000, lastPage: undefined });
  });

  it('reads the list envelope, the older PageSize name too, and refuses what is not one', () => {
    assert.deepStrictEqual(readListEnvelope({ Records: [1], PageSize: 25, TotalPages: 2, TotalItems: 26, HasNextPage: true }), {
      records: [1],
      pageSize: 25,
      totalPages: 2,
      totalItems: 26,
      hasNextPage: true,
    });
    assert.strictEqual(readListEnvelope({ Message: 'nope' }), undefined);
    assert.strictEqual(readListEnvelope([1, 2]), undefined);
  });

  it('paces request starts at least the interval apart, however many wait at once', async () => {
    const pacer = new RequestPacer(40);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 4 }, () => pacer.wait().then(() => starts.push(Date.now()))));
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    assert.strictEqual(starts.length, 4);
    assert.ok(gaps.every((gap) => gap >= 39), `gaps ${gaps.join(', ')}`);
  });

  it('a wait that is aborted rejects as cancelled', async () => {
    const pacer = new RequestPacer(1000);
    await pacer.wait();
    const controller = new AbortController();
    const waiting = pacer.wait(controller.signal);
    controller.abort();
    await assert.rejects(waiting, (error: { kind?: string }) => error.kind === 'cancelled');
  });
});

class MemoryState implements StateStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

describe('Recent opportunities', () => {
  it('keeps the last 20, newest first, each once', async () => {
    const state = new MemoryState();
    const recent = new RecentOpportunities(state, 'recent');
    for (let id = 1; id <= 25; id++) {
      await recent.add({ id, name: `Opportunity ${id}` });
    }
    await recent.add({ id: 10, name: 'Opportunity 10, renamed' });
    const ids = recent.entries().map((e) => e.id);
    assert.strictEqual(ids.length, 20);
    assert.deepStrictEqual(ids.slice(0, 3), [10, 25, 24]);
    assert.strictEqual(ids.at(-1), 6, '1–5 dropped; moving 10 up dropped nothing');
    assert.strictEqual(new Set(ids).size, 20);
    assert.strictEqual(recent.entries()[0].name, 'Opportunity 10, renamed');
    await recent.add({ id: 26, name: 'Opportunity 26' });
    assert.deepStrictEqual(recent.entries().map((e) => e.id).slice(0, 2), [26, 10]);
    assert.strictEqual(recent.entries().at(-1)?.id, 7, 'the oldest, 6, dropped');
    assert.strictEqual(recent.entries().length, 20);
  });

  it('stores ids and names only, removes, renames in place, and ignores what it did not write', async () => {
    const state = new MemoryState();
    const recent = new RecentOpportunities(state, 'recent');
    await recent.add({ id: 1, name: 'One', token: 'secret' } as never);
    await recent.add({ id: 2, name: 'Two' });
    await recent.rename({ id: 1, name: 'One again' });
    assert.deepStrictEqual(state.values.get('recent'), [
      { id: 2, name: 'Two' },
      { id: 1, name: 'One again' },
    ]);
    await recent.remove(2);
    assert.deepStrictEqual(recent.entries(), [{ id: 1, name: 'One again' }]);
    state.values.set('recent', [{ id: 'x' }, null, { id: 3, name: 'Three' }]);
    assert.deepStrictEqual(recent.entries(), [{ id: 3, name: 'Three' }]);
  });
});
