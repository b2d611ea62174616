/** Probes of the webview's HTML and the field documentation, without VS Code. */
import { performance } from 'perf_hooks';
import type { ProbeInput } from './loadExtension';

const RESOURCES = {
  cspSource: 'https://stub.vscode-cdn.net',
  nonce: 'bmV4dWR1cy1iZW5jaC1ub25jZQ',
  styleUri: 'https://stub.vscode-cdn.net/media/panel.css',
  scriptUri: 'https://stub.vscode-cdn.net/media/panel.js',
};

/** Milliseconds to build the view model and the HTML of the largest record, per run. */
export async function timeRendering(input: ProbeInput): Promise<{ ms: number[]; htmlBytes: number; recordBytes: number }> {
  const [{ opportunityDocumentation }, { buildOpportunityView }, { renderOpportunityPage }, { largestRecord }] = await Promise.all([
    import('../../src/docs'),
    import('../../src/view/opportunityModel'),
    import('../../src/webview/renderOpportunity'),
    import('./largestRecord'),
  ]);
  const docs = opportunityDocumentation();
  const record = largestRecord(docs);
  const ms: number[] = [];
  let html = '';
  for (let run = -(input.warmUpRuns ?? 0); run < (input.runs ?? 1); run++) {
    const started = performance.now();
    html = renderOpportunityPage(buildOpportunityView(record, docs, 'en', record.Id as number), RESOURCES);
    if (run >= 0) {
      ms.push(performance.now() - started);
    }
  }
  const lastCustomField = `Custom field ${(record.CustomFields as { Data: unknown[] }).Data.length}`;
  if (!html.includes(lastCustomField) || html.includes('<b>private office</b>')) {
    throw new Error('The rendered page lacks the last custom field or holds unescaped Notes.');
  }
  return { ms, htmlBytes: Buffer.byteLength(html), recordBytes: Buffer.byteLength(JSON.stringify(record)) };
}

/** Milliseconds from loading the documentation module to its field table being ready, in a fresh process. */
export async function timeDocumentation(): Promise<{ ms: number; fields: number }> {
  const started = performance.now();
  const { opportunityDocumentation } = await import('../../src/docs');
  const docs = opportunityDocumentation();
  return { ms: performance.now() - started, fields: docs.fields.length };
}
