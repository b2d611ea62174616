import * as assert from 'assert';
import { JSDOM } from 'jsdom';
import { opportunityDocumentation } from '../../src/docs';
import { buildOpportunityView, opportunityTitle, readableLabel } from '../../src/view/opportunityModel';
import { renderOpportunityPage } from '../../src/webview/renderOpportunity';
import { documentedExample } from '../standin/documentedExample';

const resources = {
  cspSource: 'https://webview.test',
  nonce: 'TESTNONCE123',
  styleUri: 'https://webview.test/media/panel.css',
  scriptUri: 'https://webview.test/media/panel.js',
};

function render(record: Record<string, unknown>, locale = 'en-GB') {
  const view = buildOpportunityView(record, opportunityDocumentation(), locale);
  const html = renderOpportunityPage(view, resources);
  return { view, html, document: new JSDOM(html).window.document };
}

function fieldValue(document: Document, name: string): string | undefined {
  return document.querySelector(`.field[data-field="${name}"] dd`)?.textContent?.trim();
}

describe('the opportunity page', () => {
  const example = documentedExample();

  it('shows every field of the documented example, none dropped', () => {
    const { document } = render(example);
    const shown = [...document.querySelectorAll('main .field[data-field]')].map((f) => f.getAttribute('data-field'));
    assert.deepStrictEqual(shown.sort(), Object.keys(example).sort());
    assert.strictEqual(shown.length, 51);
  });

  it('formats the example for people: null as an em dash, booleans, dates, ids', () => {
    const { document } = render(example);
    assert.strictEqual(fieldValue(document, 'Name'), '\u2014');
    assert.strictEqual(fieldValue(document, 'Completed'), 'No');
    assert.strictEqual(fieldValue(document, 'Id'), '87654321');
    assert.strictEqual(fieldValue(document, 'UpdatedBy'), 'admin@example.com');
    // 2025-01-15T10:30:00Z as sent, in the en-GB locale.
    assert.strictEqual(fieldValue(document, 'UpdatedOn'), '15 Jan 2025, 10:30');
    const raw = document.querySelector('.field[data-field="UpdatedOn"] .value')?.getAttribute('title');
    assert.match(raw ?? '', /Sent as 2025-01-15T10:30:00Z/);
  });

  it('names enum numbers, marks unknown ones, and says "Not set" for LeadSource 0', () => {
    const { document } = render({ ...example, Status: 2, LossReason: 4 });
    assert.strictEqual(fieldValue(document, 'Status'), 'Won');
    assert.strictEqual(fieldValue(document, 'LossReason'), 'Price');
    assert.strictEqual(fieldValue(document, 'LeadSource'), 'Not set');
    const unknown = render({ ...example, Status: 7 }).document;
    assert.strictEqual(fieldValue(unknown, 'Status'), 'unknown value 7');
    // The example's Status 0 is not a documented value: shown as itself, marked unknown.
    assert.strictEqual(fieldValue(render(example).document, 'Status'), 'unknown value 0');
  });

  it('shows money with the board currency code', () => {
    const { document } = render({ ...example, Value: 1250.5, CrmBoardColumnCrmBoardBusinessCurrencyCode: 'EUR' });
    assert.strictEqual(fieldValue(document, 'Value')?.replace(/\s/g, ' '), 'EUR 1,250.50');
  });

  it('puts each field in its group, undocumented ones in their own marked group', () => {
    const { view, document } = render(example);
    const groupOf = (name: string) => view.groups.find((g) => g.rows.some((r) => r.name === name))?.title;
    assert.strictEqual(groupOf('CrmBoardColumnCrmBoardName'), 'Stage and board');
    assert.strictEqual(groupOf('CoworkerEmail'), 'Customer');
    assert.strictEqual(groupOf('TeamProfileWebsite'), 'Team');
    assert.strictEqual(groupOf('Value'), 'Deal');
    assert.strictEqual(groupOf('WonOn'), 'Dates');
    assert.strictEqual(groupOf('UtmCampaign'), 'Lead source and UTM');
    assert.strictEqual(groupOf('UniqueId'), 'Record');
    const undocumented = document.querySelector('#group-undocumented');
    const names = [...(undocumented?.querySelectorAll('.field') ?? [])].map((f) => f.getAttribute('data-field'));
    assert.deepStrictEqual(names, ['ToStringText', 'LocalizationDetails', 'CustomFields']);
    assert.match(undocumented?.textContent ?? '', /not in the documentation/);
  });

  it('attaches the documentation to each label as an accessible tooltip', () => {
    const { document } = render(example);
    const label = document.querySelector('.field[data-field="Status"] .label')!;
    assert.strictEqual(label.getAttribute('tabindex'), '0');
    const tooltip = document.getElementById(label.getAttribute('aria-describedby')!)!;
    assert.strictEqual(tooltip.getAttribute('role'), 'tooltip');
    assert.match(tooltip.textContent ?? '', /Opportunity status: InProgress \(still active\)/);
    assert.match(tooltip.textContent ?? '', /integer/);
    assert.deepStrictEqual(
      [...tooltip.querySelectorAll('.tooltip-enum li')].map((li) => li.textContent),
      ['1 = InProgress', '2 = Won', '3 = Lost'],
    );
  });

  it('shows CustomFields Data entries as name/value rows', () => {
    const record = { ...example, CustomFields: { Data: [{ Name: 'Desks', Value: '4', JsonValue: '4', Type: 'Number' }] } };
    const { document } = render(record);
    const rows = document.querySelectorAll('.field[data-field="CustomFields"] .custom-fields .field');
    assert.strictEqual(rows.length, 1);
    assert.strictEqual(rows[0].querySelector('dt')?.textContent, 'Desks');
    assert.strictEqual(rows[0].querySelector('dd')?.textContent, '4');
  });

  it('escapes HTML in Name and Notes: the text shows, no element is made from it', () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>&amp;';
    const { document, html } = render({ ...example, Name: hostile, Notes: hostile });
    assert.strictEqual(fieldValue(document, 'Notes'), hostile);
    assert.strictEqual(document.querySelector('#opportunity-name')?.textContent, hostile);
    assert.strictEqual(document.querySelector('title')?.textContent, hostile);
    assert.strictEqual(document.querySelectorAll('img').length, 0);
    const scripts = [...document.querySelectorAll('script')];
    assert.strictEqual(scripts.length, 1);
    assert.strictEqual(scripts[0].getAttribute('nonce'), resources.nonce);
    assert.ok(!html.includes('<script>alert'));
  });

  it('has a strict Content-Security-Policy with the nonce', () => {
    const { document } = render(example);
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    assert.strictEqual(
      csp,
      "default-src 'none'; style-src https://webview.test; font-src https://webview.test; img-src https://webview.test; script-src 'nonce-TESTNONCE123'",
    );
  });

  it('titles the panel by Name, else customer, else the id', () => {
    assert.strictEqual(opportunityTitle({ ...example, Name: 'Desk for Acme' }), 'Desk for Acme');
    assert.strictEqual(opportunityTitle({ ...example, CoworkerFullName: 'Ada Lovelace' }), 'Ada Lovelace');
    assert.strictEqual(opportunityTitle(example), 'Opportunity #87654321');
  });

  it('makes readable labels from field names', () => {
    assert.strictEqual(readableLabel('CrmBoardColumnCrmBoardName', { id: 's', title: 's', prefixes: ['CrmBoardColumn'] }), 'CRM board name');
    assert.strictEqual(readableLabel('UtmSource'), 'UTM source');
    assert.strictEqual(readableLabel('ResponsibleFullName', { id: 'd', title: 'd', prefixes: ['Responsible'] }), 'Responsible full name');
  });
});

describe('dates as sent', () => {
  it('an impossible date is shown as the text Nexudus sent, not rolled over into another date', () => {
    const { document } = render({ ...documentedExample(), DueDate: '2025-02-30T25:61:00Z', WonOn: '2025-02-28T23:59:59Z' });
    assert.strictEqual(fieldValue(document, 'DueDate'), '2025-02-30T25:61:00Z');
    assert.strictEqual(fieldValue(document, 'WonOn'), '28 Feb 2025, 23:59');
  });
});
