import * as assert from 'assert';
import { opportunityDocumentation } from '../../src/docs';
import { documentedExample } from '../standin/documentedExample';
import { renderDocument, valueText } from './helpers';

const WRONG_TYPE: Record<string, unknown> = {
  string: { unexpected: 'object' },
  integer: '12',
  number: '12.5',
  boolean: 'true',
};

function shownFields(document: Document): Map<string, string> {
  return new Map(
    [...document.querySelectorAll('main .field[data-field]')].map((f) => [f.getAttribute('data-field')!, f.querySelector('dd > .value')?.textContent ?? '']),
  );
}

function unexpectedMarkers(document: Document): string[] {
  return [...document.querySelectorAll('main .field[data-field]')]
    .filter((f) => [...f.querySelectorAll('dd .marker')].some((m) => m.textContent === 'unexpected type'))
    .map((f) => f.getAttribute('data-field')!);
}

describe('reliability: records of the wrong shape', () => {
  const example = documentedExample();
  const baseline = shownFields(renderDocument(example));

  /** Every field other than the changed one shows exactly as in the documented example. */
  function othersUnchanged(document: Document, changed: string): void {
    for (const [name, text] of shownFields(document)) {
      if (name !== changed) {
        assert.strictEqual(text, baseline.get(name), `${name} is unaffected`);
      }
    }
  }

  for (const field of opportunityDocumentation().fields) {
    const variants: [string, (record: Record<string, unknown>) => void, (document: Document) => void][] = [
      ['null', (r) => (r[field.name] = null), (d) => assert.strictEqual(valueText(d, field.name), '\u2014')],
      ['absent', (r) => delete r[field.name], (d) => assert.strictEqual(valueText(d, field.name), undefined)],
      [
        `of another JSON type (${JSON.stringify(WRONG_TYPE[field.type])})`,
        (r) => (r[field.name] = WRONG_TYPE[field.type]),
        (d) => {
          assert.deepStrictEqual(unexpectedMarkers(d), [field.name], 'the marker is on this field only');
          assert.strictEqual(valueText(d, field.name), `unexpected type ${JSON.stringify(WRONG_TYPE[field.type])}`);
        },
      ],
      [
        'an empty string',
        (r) => (r[field.name] = ''),
        (d) =>
          field.type === 'string'
            ? assert.strictEqual(valueText(d, field.name), '(empty)')
            : assert.deepStrictEqual(unexpectedMarkers(d), [field.name]),
      ],
    ];
    for (const [variant, change, check] of variants) {
      it(`${field.name} ${variant}: shown as such, every other field intact`, () => {
        const record = structuredClone(example);
        change(record);
        const document = renderDocument(record);
        check(document);
        othersUnchanged(document, field.name);
      });
    }
  }

  it('extra fields a future API adds are shown, in the undocumented group', () => {
    const document = renderDocument({ ...example, NextBestAction: 'Call back', Score: 7, Tags: ['a', 'b'] });
    const group = document.querySelector('#group-undocumented')!;
    assert.strictEqual(group.querySelector('.field[data-field="NextBestAction"] dd > .value')?.textContent, 'Call back');
    assert.strictEqual(group.querySelector('.field[data-field="Score"] dd > .value')?.textContent, '7');
    assert.strictEqual(group.querySelector('.field[data-field="Tags"] dd > .value')?.textContent, '["a","b"]');
  });

  const customFieldShapes: [string, unknown, string][] = [
    ['a string', 'x', 'unexpected type "x"'],
    ['a list', [1, 2], 'unexpected type [1,2]'],
    ['Data not a list', { Data: 'x' }, 'unexpected type {"Data":"x"}'],
    ['Data holding null', { Data: [null] }, 'unexpected type {"Data":[null]}'],
  ];
  for (const [name, value, shown] of customFieldShapes) {
    it(`CustomFields as ${name}: raw JSON with a marker, the rest intact`, () => {
      const document = renderDocument({ ...example, CustomFields: value });
      assert.strictEqual(valueText(document, 'CustomFields'), shown);
      othersUnchanged(document, 'CustomFields');
    });
  }

  it('CustomFields entries with odd names and values still show as rows', () => {
    const document = renderDocument({ ...example, CustomFields: { Data: [{ Name: { x: 1 }, Value: [1] }, { Name: 'Desks', Value: null }] } });
    const rows = [...document.querySelectorAll('.custom-fields .field')].map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent]);
    assert.deepStrictEqual(rows, [
      ['(unnamed)', '[1]'],
      ['Desks', '\u2014'],
    ]);
  });
});
