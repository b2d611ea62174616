import * as assert from 'assert';
import pageMarkdown from '../../data/get-one-crmopportunity.md';
import enumValues from '../../data/enum-values.json';
import { opportunityDocumentation } from '../../src/docs';
import { EnumSupplement, FieldDocumentation } from '../../src/docs/fieldDocs';

/** As the bundle holds it: JSON, where a field set to undefined is no field. */
const asShipped = (docs: FieldDocumentation) => JSON.parse(JSON.stringify(docs.toJson())) as unknown;

describe('the field table parsed at build time', () => {
  it('is the documentation page as the parser reads it now, enum data included', () => {
    const parsedNow = FieldDocumentation.fromMarkdown(pageMarkdown, enumValues as unknown as EnumSupplement);
    assert.deepStrictEqual(asShipped(opportunityDocumentation()), asShipped(parsedNow));
  });

  it('gives enum values back as lookups', () => {
    assert.strictEqual(opportunityDocumentation().get('Status')?.enumValues?.get(2), 'Won');
    assert.strictEqual(opportunityDocumentation().get('LossReason')?.enumNotSetValue, 0);
  });
});
