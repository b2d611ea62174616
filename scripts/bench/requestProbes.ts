/** Probes that talk to the stand-in: opening opportunities and listing them, each beside its floor. */
import fetch from 'node-fetch';
import { performance } from 'perf_hooks';
import { LIST_PAGE_SIZE } from '../../src/api/listOpportunities';
import { Commands } from '../../src/constants';
import { activatedExtension, loggedRequests, ProbeInput } from './loadExtension';
import { withPeakMemory } from './stats';
import type { FakePanel, VscodeStub } from './vscodeStub';

/** Nexudus answers 409 to requests less than this apart. */
export const API_MIN_INTERVAL_MS = 100;
const LIST_PATH = '/api/crm/crmopportunities';

interface ListEnvelope {
  Records: unknown[];
  CurrentPageSize: number;
  TotalPages: number;
}

function opportunityUrl(input: ProbeInput): string {
  return `${input.baseUrl}${LIST_PATH}/${input.id}`;
}

async function bareGet(url: string, token: string | undefined): Promise<unknown> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`GET ${url} answered ${response.status}.`);
  }
  return JSON.parse(text);
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

/** Runs the open command; resolves with the new panel and the ms from invoking it to the panel's HTML being set. */
async function openInNewPanel(stub: VscodeStub, id: number): Promise<{ panel: FakePanel; ms: number }> {
  const panelsBefore = stub.record.panels.length;
  const started = performance.now();
  const opened = await stub.executeCommand(Commands.openOpportunity, id);
  const panel = stub.record.panels[panelsBefore];
  if (opened !== true || !panel || panel.htmlSetAt.length === 0) {
    throw new Error(`Opening #${id} showed no panel. Notifications: ${stub.record.notifications.join(' | ') || 'none'}.`);
  }
  return { panel, ms: panel.htmlSetAt[0] - started };
}

/** Opening an opportunity that has no panel yet, and a bare node-fetch GET of the same URL, taken in turns. */
export async function timeOpening(input: ProbeInput): Promise<{ openMs: number[]; floorMs: number[] }> {
  const { stub } = activatedExtension(input);
  const id = input.id!;
  const openMs: number[] = [];
  const floorMs: number[] = [];
  const floor = () => timed(() => bareGet(opportunityUrl(input), input.token));
  const open = async () => {
    const { panel, ms } = await openInNewPanel(stub, id);
    panel.dispose();
    return ms;
  };
  for (let run = -(input.warmUpRuns ?? 0); run < (input.runs ?? 1); run++) {
    // Each goes first every other run, so neither always finds the connection just used.
    const floorFirst = run % 2 === 0;
    const floorBefore = floorFirst ? await floor() : 0;
    const openTime = await open();
    const floorTime = floorFirst ? floorBefore : await floor();
    if (run >= 0) {
      floorMs.push(floorTime);
      openMs.push(openTime);
    }
  }
  return { openMs, floorMs };
}

/** Opens an opportunity, then opens it again while its panel is open. */
export async function reopen(input: ProbeInput): Promise<{ panelsCreated: number; requests: number; refreshed: boolean }> {
  const { stub } = activatedExtension(input);
  const { panel } = await openInNewPanel(stub, input.id!);
  const panelsBefore = stub.record.panels.length;
  const requestsBefore = loggedRequests(stub).length;
  const htmlBefore = panel.htmlSetAt.length;
  await stub.executeCommand(Commands.openOpportunity, input.id);
  return {
    panelsCreated: stub.record.panels.length - panelsBefore,
    requests: loggedRequests(stub).length - requestsBefore,
    refreshed: panel.htmlSetAt.length > htmlBefore,
  };
}

export interface ListFigures {
  wallMs: number;
  /** From the start until the tree first had something to show. */
  firstPageMs: number;
  listed: number;
  requests: number;
  throttled: number;
  extraRssMb: number;
  extraHeapMb: number;
}

interface TreeProvider {
  getChildren(node?: unknown): unknown;
  onDidChangeTreeData?: (listener: () => void) => unknown;
}

async function opportunitiesIn(tree: TreeProvider, node?: unknown): Promise<number> {
  const children = ((await tree.getChildren(node)) ?? []) as { kind: string }[];
  let count = 0;
  for (const child of children) {
    count += child.kind === 'opportunity' ? 1 : await opportunitiesIn(tree, child);
  }
  return count;
}

/** Lists every opportunity the way the Opportunities tree does when it is first shown. */
export async function listInTree(input: ProbeInput): Promise<ListFigures> {
  const { stub, api } = activatedExtension(input);
  const tree = api.sidebar.opportunities as TreeProvider;
  let firstPageAt: number | undefined;
  const started = performance.now();
  tree.onDidChangeTreeData?.(() => {
    if (firstPageAt === undefined && (tree.getChildren() as unknown[]).length > 0) {
      firstPageAt = performance.now();
    }
  });
  const { result: wallMs, extraRssMb, extraHeapMb } = await withPeakMemory(async () => {
    await tree.getChildren();
    await api.sidebar.settled();
    return performance.now() - started;
  });
  const requests = loggedRequests(stub);
  return {
    wallMs,
    firstPageMs: (firstPageAt ?? Number.NaN) - started,
    listed: await opportunitiesIn(tree),
    requests: requests.length,
    throttled: requests.filter((request) => request.status === '409').length,
    extraRssMb,
    extraHeapMb,
  };
}

/**
 * The floor: the fewest pages the server allows, fetched one after another with
 * bare node-fetch, each as soon as the previous one is read, but no sooner than
 * the API's rate allows after the previous request.
 */
export async function listBackToBack(input: ProbeInput): Promise<ListFigures> {
  const records: unknown[] = [];
  let requests = 0;
  let firstPageMs: number | undefined;
  const started = performance.now();
  const { result: wallMs, extraRssMb, extraHeapMb } = await withPeakMemory(async () => {
    let size = LIST_PAGE_SIZE;
    let lastStart = -Infinity;
    for (let page = 1, lastPage = 1; page <= lastPage; page++) {
      const wait = lastStart + API_MIN_INTERVAL_MS - performance.now();
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      lastStart = performance.now();
      requests++;
      const envelope = (await bareGet(`${input.baseUrl}${LIST_PATH}?page=${page}&size=${size}&orderBy=Id`, input.token)) as ListEnvelope;
      records.push(...envelope.Records);
      firstPageMs ??= performance.now() - started;
      size = envelope.CurrentPageSize;
      lastPage = envelope.TotalPages;
    }
    return performance.now() - started;
  });
  return { wallMs, firstPageMs: firstPageMs!, listed: records.length, requests, throttled: 0, extraRssMb, extraHeapMb };
}
