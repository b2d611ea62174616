import * as assert from 'assert';
import { opportunityDocumentation } from '../../src/docs';
import { parseResponseFields } from '../../src/docs/fieldDocs';

// Expected values are read off data/get-one-crmopportunity.md by hand.
describe('field documentation parsed from the documentation page', () => {
  const docs = opportunityDocumentation();

  it('finds all 48 documented response fields, in page order', () => {
    assert.strictEqual(docs.fields.length, 48);
    assert.strictEqual(docs.fields[0].name, 'Name');
    assert.strictEqual(docs.fields[47].name, 'SystemId');
  });

  it('reads the types as the page states them: 29 string, 15 integer, 1 number, 3 boolean', () => {
    const count = (type: string) => docs.fields.filter((f) => f.type === type).length;
    assert.deepStrictEqual(
      { string: count('string'), integer: count('integer'), number: count('number'), boolean: count('boolean') },
      { string: 29, integer: 15, number: 1, boolean: 3 },
    );
  });

  it('reads name, type and description of single fields', () => {
    assert.deepStrictEqual(
      { type: docs.get('Name')?.type, description: docs.get('Name')?.description },
      { type: 'string', description: 'Optional tag to identify this opportunity, useful when the same customer appears in multiple boards.' },
    );
    assert.strictEqual(docs.get('Value')?.type, 'number');
    assert.strictEqual(docs.get('Value')?.description, 'Expected revenue if the opportunity is won.');
    assert.strictEqual(docs.get('IsNew')?.type, 'boolean');
    assert.strictEqual(docs.get('CrmBoardColumnCrmBoardBusinessCurrencyCode')?.description, "Currency code of the CRM board's business.");
    assert.strictEqual(
      docs.get('Notes')?.description,
      'General notes visible to admins when viewing the opportunity. Auto-populated from the opportunity type template if a type is assigned.',
    );
  });

  it('maps Status as the page states: 1 InProgress, 2 Won, 3 Lost, enum eCrmOpportunityStatus', () => {
    const status = docs.get('Status');
    assert.deepStrictEqual([...(status?.enumValues ?? [])], [[1, 'InProgress'], [2, 'Won'], [3, 'Lost']]);
    assert.strictEqual(status?.enumName, 'eCrmOpportunityStatus');
  });

  it('takes LeadSource and LossReason meanings from the enum data file', () => {
    assert.strictEqual(docs.get('LeadSource')?.enumValues?.get(19), 'GoogleSearch');
    assert.strictEqual(docs.get('LeadSource')?.enumValues?.get(3), undefined);
    assert.strictEqual(docs.get('LeadSource')?.enumValues?.size, 27);
    assert.strictEqual(docs.get('LossReason')?.enumValues?.get(4), 'Price');
    assert.strictEqual(docs.get('LossReason')?.enumValues?.size, 21);
    assert.strictEqual(docs.get('LeadSource')?.enumNotSetValue, 0);
  });

  it('reports fields the page does not document as undocumented', () => {
    for (const name of ['ToStringText', 'LocalizationDetails', 'CustomFields', 'SomeFutureField']) {
      assert.strictEqual(docs.isDocumented(name), false, name);
      assert.strictEqual(docs.get(name), undefined, name);
    }
    assert.strictEqual(docs.isDocumented('UtmTerm'), true);
  });

  it('reads ResponseField blocks regardless of attribute order and ignores ParamField', () => {
    const fields = parseResponseFields(
      '<ParamField path="id" type="integer">x</ParamField>\n<ResponseField type="boolean" name="A">\n  Two\n  lines.\n</ResponseField>',
    );
    assert.deepStrictEqual(fields, [{ name: 'A', type: 'boolean', description: 'Two lines.' }]);
  });
});
