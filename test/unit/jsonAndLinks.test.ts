import * as assert from 'assert';
import { opportunityDocumentation } from '../../src/docs';
import { enumHints, fieldDocMarkdown, printOpportunityJson, topLevelKeyAt } from '../../src/json/jsonFieldDocs';
import { opportunityIdFromLinkPath } from '../../src/input/opportunityId';
import { documentedExample } from '../standin/documentedExample';

describe('the raw record as JSON, documented', () => {
  const docs = opportunityDocumentation();

  it('finds the top-level key under the cursor, and only on the key', () => {
    const line = '  "LeadSource": 0,';
    assert.deepStrictEqual(topLevelKeyAt(line, 5), { key: 'LeadSource', start: 2, end: 14 });
    assert.strictEqual(topLevelKeyAt(line, 17), undefined, 'on the value');
    assert.strictEqual(topLevelKeyAt('      "Name": "Desks",', 9), undefined, 'a nested key is not a documented field');
  });

  it('hover text is the documentation page\'s description, type and enum values', () => {
    assert.strictEqual(
      fieldDocMarkdown('Status', docs.get('Status')),
      [
        '**Status** `integer`',
        '',
        'Opportunity status: InProgress (still active), Won (led to a sale), or Lost (did not lead to a sale). See `eCrmOpportunityStatus` enum values: `1` = InProgress, `2` = Won, `3` = Lost.',
        '',
        '- `1` = InProgress',
        '- `2` = Won',
        '- `3` = Lost',
      ].join('\n'),
    );
    assert.match(fieldDocMarkdown('[x](command:evil)', undefined), /^\*\*\\\[x\\\]\\\(command:evil\\\)\*\* \(not in the documentation\)/);
  });

  it('shows enum names beside the numbers of the documented example', () => {
    const text = printOpportunityJson({ ...documentedExample(), Status: 2 });
    const lines = text.split('\n');
    const hints = enumHints(text, docs).map((h) => ({ key: topLevelKeyAt(lines[h.line], 3)?.key, label: h.label, atEnd: h.character === lines[h.line].replace(/,$/, '').length }));
    assert.deepStrictEqual(hints, [
      { key: 'LeadSource', label: 'not set', atEnd: true },
      { key: 'LossReason', label: 'not set', atEnd: true },
      { key: 'Status', label: 'Won', atEnd: true },
    ]);
  });
});

describe('deep links', () => {
  it('reads /opportunity/<id>', () => {
    assert.strictEqual(opportunityIdFromLinkPath('/opportunity/87654321'), 87654321);
    assert.strictEqual(opportunityIdFromLinkPath('/opportunity/87654321/'), 87654321);
  });

  it('refuses other paths and ids', () => {
    for (const path of ['/opportunity/', '/opportunity/abc', '/opportunity/0', '/opportunities/1', '/opportunity/1/2', '/']) {
      assert.strictEqual(opportunityIdFromLinkPath(path), undefined, path);
    }
  });
});
