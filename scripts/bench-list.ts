/**
 * Benchmark (not a test): lists 5,000 opportunities from the stand-in, the way
 * the Opportunities tree does (paged, paced, bounded in flight) and by a plain
 * sequential fetch of the same pages, and prints requests, 409s, time to the
 * first page, wall time and peak memory for each.
 *
 *   npm run bench:list        (or: node out/scripts/bench-list.js after a --tests build)
 *
 * Each way runs in its own Node process, so its memory figures are its own;
 * the stand-in runs in this one and, like Nexudus, answers 409 to requests
 * that come less than 100 ms apart.
 */
import { execFile } from 'child_process';
import { promisify } from 'util';
import { requestJson, RequestLogEntry } from '../src/api/http';
import { LIST_MAX_IN_FLIGHT, LIST_MIN_INTERVAL_MS, LIST_PAGE_SIZE, listOpportunities } from '../src/api/listOpportunities';
import { ConnectionSettings } from '../src/api/opportunities';
import { RequestPacer } from '../src/api/pacer';
import { readListEnvelope } from '../src/api/paging';
import { generatedOpportunities } from '../test/standin/generatedCrm';
import { NexudusStandIn, STANDIN_TOKEN } from '../test/standin/server';

const RECORDS = 5000;
const SERVER_LATENCIES_MS = [0, 250];
const WAYS = ['paged', 'sequential'] as const;
type Way = (typeof WAYS)[number];

interface Figures {
  records: number;
  requests: number;
  throttled: number;
  firstPageMs: number;
  wallMs: number;
  peakRssMb: number;
  peakHeapMb: number;
}

/** The plain way: page after page, each awaited before the next is asked for. */
async function listSequentially(connection: ConnectionSettings, log: (entry: RequestLogEntry) => void, onPage: () => void): Promise<unknown[]> {
  const records: unknown[] = [];
  for (let page = 1, lastPage = 1; page <= lastPage; page++) {
    const path = `/api/crm/crmopportunities?page=${page}&size=${LIST_PAGE_SIZE}&orderBy=Id`;
    const { json } = await requestJson({ ...connection, path, subject: 'the opportunity list', role: 'CrmOpportunity-List' }, { log });
    const envelope = readListEnvelope(json)!;
    records.push(...envelope.records);
    lastPage = envelope.totalPages ?? lastPage;
    onPage();
  }
  return records;
}

/** Child process: lists once, one way, and prints its figures as JSON. */
async function measure(way: Way, baseUrl: string): Promise<void> {
  const connection = { baseUrl, token: STANDIN_TOKEN, timeoutMs: 30_000 };
  const statuses: number[] = [];
  const log = (entry: RequestLogEntry) => statuses.push(entry.status ?? 0);
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  const sampler = setInterval(sample, 2);
  const started = performance.now();
  let firstPageMs = 0;
  const onPage = () => {
    firstPageMs ||= performance.now() - started;
    sample();
  };
  const records =
    way === 'paged'
      ? await listOpportunities(connection, { pacer: new RequestPacer(LIST_MIN_INTERVAL_MS), http: { log }, onProgress: onPage })
      : await listSequentially(connection, log, onPage);
  const wallMs = performance.now() - started;
  sample();
  clearInterval(sampler);
  const figures: Figures = {
    records: records.length,
    requests: statuses.length,
    throttled: statuses.filter((status) => status === 409).length,
    firstPageMs,
    wallMs,
    peakRssMb: peakRss / 2 ** 20,
    peakHeapMb: peakHeap / 2 ** 20,
  };
  process.stdout.write(JSON.stringify(figures));
}

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
}

async function main(): Promise<void> {
  const label: Record<Way, string> = {
    paged: `paged (${LIST_MAX_IN_FLIGHT} in flight, ≥${LIST_MIN_INTERVAL_MS} ms apart)`,
    sequential: 'plain sequential',
  };
  const widths = [36, 8, 5, 10, 9, 8, 9];
  console.log(`Listing ${RECORDS.toLocaleString('en')} opportunities from the stand-in, ${LIST_PAGE_SIZE.toLocaleString('en')} a page.`);
  console.log('The stand-in answers 409 (Retry-After: 1) to requests less than 100 ms apart, as Nexudus does.');
  for (const latency of SERVER_LATENCIES_MS) {
    const standIn = await NexudusStandIn.start({ records: generatedOpportunities(RECORDS), minIntervalMs: 100, listDelayMs: () => latency });
    console.log(`\nServer time per page: ${latency} ms`);
    console.log(row(['way', 'requests', '409s', 'first page', 'wall time', 'peak RSS', 'peak heap'], widths));
    try {
      for (const way of WAYS) {
        standIn.reset();
        // Each way starts after the stand-in's throttling window has passed.
        await new Promise((resolve) => setTimeout(resolve, 200));
        // Asynchronously: the stand-in answers from this process's event loop.
        const { stdout } = await promisify(execFile)(process.execPath, [__filename, '--measure', way, standIn.url], { encoding: 'utf8' });
        const figures = JSON.parse(stdout) as Figures;
        if (figures.records !== RECORDS || figures.requests !== standIn.requests.length) {
          throw new Error(`${way}: listed ${figures.records} records in ${figures.requests} requests; the stand-in saw ${standIn.requests.length}.`);
        }
        console.log(
          row(
            [
              label[way],
              String(figures.requests),
              String(figures.throttled),
              `${figures.firstPageMs.toFixed(0)} ms`,
              `${figures.wallMs.toFixed(0)} ms`,
              `${figures.peakRssMb.toFixed(0)} MB`,
              `${figures.peakHeapMb.toFixed(0)} MB`,
            ],
            widths,
          ),
        );
      }
    } finally {
      await standIn.stop();
    }
  }
}

const measureAt = process.argv.indexOf('--measure');
const run = measureAt >= 0 ? measure(process.argv[measureAt + 1] as Way, process.argv[measureAt + 2]) : main();
run.catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
