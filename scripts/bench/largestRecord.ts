import type { FieldDocumentation } from '../../src/docs/fieldDocs';
import { documentedExample } from '../../test/standin/documentedExample';

export const NOTES_BYTES = 100 * 1024;
export const CUSTOM_FIELD_COUNT = 200;

const DATE_FIELD = /(On|Date)$/;

/** A value of the documented type; strings hold markup, as user-entered text may. */
function sampleValue(name: string, type: string): unknown {
  switch (type) {
    case 'integer':
      return 1;
    case 'number':
      return 123456.78;
    case 'boolean':
      return true;
    default:
      return DATE_FIELD.test(name) ? '2026-05-01T09:30:00Z' : `${name} <em>sample</em> & "text"`;
  }
}

/** Notes as people write them: paragraphs, line breaks and characters that must be escaped. */
function longNotes(bytes: number): string {
  const paragraph = 'Called back about the <b>private office</b> for 6 & a hot desk; "maybe" next month.\r\n';
  return paragraph.repeat(Math.ceil(bytes / paragraph.length)).slice(0, bytes);
}

/**
 * The largest opportunity the panel is expected to show: the documented
 * example with every documented field set, 100 KB of Notes and 200 custom fields.
 */
export function largestRecord(docs: FieldDocumentation): Record<string, unknown> {
  const record = documentedExample();
  for (const field of docs.fields) {
    record[field.name] ??= sampleValue(field.name, field.type);
  }
  record.Notes = longNotes(NOTES_BYTES);
  record.CustomFields = {
    Data: Array.from({ length: CUSTOM_FIELD_COUNT }, (_, index) => ({
      Name: `Custom field ${index + 1}`,
      Value: index % 2 === 0 ? `<i>answer</i> ${index}` : index,
    })),
  };
  return record;
}
