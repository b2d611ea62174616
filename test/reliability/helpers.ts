import * as assert from 'assert';
import { JSDOM } from 'jsdom';
import { NexudusApiError } from '../../src/api/errors';
import { opportunityDocumentation } from '../../src/docs';
import { buildOpportunityView } from '../../src/view/opportunityModel';
import { renderOpportunityPage } from '../../src/webview/renderOpportunity';
import { STANDIN_TOKEN } from '../standin/server';

export const NONCE = 'Rel1abilityNonce0123';
export const CSP = `default-src 'none'; style-src https://webview.test; font-src https://webview.test; img-src https://webview.test; script-src 'nonce-${NONCE}'`;

export function renderDocument(record: Record<string, unknown>): Document {
  const view = buildOpportunityView(record, opportunityDocumentation(), 'en-GB');
  const html = renderOpportunityPage(view, {
    cspSource: 'https://webview.test',
    nonce: NONCE,
    styleUri: 'https://webview.test/media/panel.css',
    scriptUri: 'https://webview.test/media/panel.js',
  });
  return new JSDOM(html).window.document;
}

export function valueText(document: Document, field: string): string | undefined {
  return document.querySelector(`main .field[data-field="${CSS.escape(field)}"] dd > .value`)?.textContent ?? undefined;
}

/** The failure a request ends in: always a NexudusApiError with a human message and no token. */
export async function failureOf(promise: Promise<unknown>): Promise<NexudusApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof NexudusApiError, `expected a NexudusApiError, got ${String(error)}`);
    assert.ok(!error.message.includes(STANDIN_TOKEN), 'the token is never in a message');
    assert.doesNotMatch(error.message, /\n\s+at |\[object Object\]|undefined|FetchError|TypeError/);
    return error;
  }
  throw new assert.AssertionError({ message: 'expected the request to fail' });
}

// jsdom has no CSS.escape in this scope; field names here are plain identifiers.
const CSS = { escape: (text: string) => text.replace(/["\\]/g, '\\$&') };
