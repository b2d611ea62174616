import * as assert from 'assert';
import { parseOpportunityId } from '../../src/input/opportunityId';

describe('opportunity id input', () => {
  const id = (input: unknown) => {
    const check = parseOpportunityId(input);
    return check.ok ? check.id : undefined;
  };

  it('accepts positive whole numbers as text or number', () => {
    assert.strictEqual(id('87654321'), 87654321);
    assert.strictEqual(id('  42 '), 42);
    assert.strictEqual(id(87654321), 87654321);
  });

  it('finds the one number in a pasted link or text', () => {
    assert.strictEqual(id('https://spaces.nexudus.com/crm/opportunities/87654321'), 87654321);
    assert.strictEqual(id('Opportunity #1234'), 1234);
  });

  it('refuses zero, negatives, fractions, no number, several numbers and huge numbers', () => {
    for (const bad of ['0', '-5', -5, 1.5, '1.5', 'abc', '', '   ', 'https://x.example/v2/crm/123', '99999999999999999999', 0, null, {}]) {
      assert.strictEqual(id(bad), undefined, JSON.stringify(bad));
    }
  });

  it('explains what is wrong', () => {
    const check = parseOpportunityId('abc');
    assert.strictEqual(check.ok, false);
    assert.match(!check.ok ? check.message : '', /positive whole number/);
  });
});
