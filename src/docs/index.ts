import fieldTable from 'field-docs:crmopportunity';
import { FieldDocumentation } from './fieldDocs';

let cached: FieldDocumentation | undefined;

/** The documentation page's fields: parsed when the bundle is built (esbuild.js), made a lookup on first use. */
export function opportunityDocumentation(): FieldDocumentation {
  cached ??= FieldDocumentation.fromJson(fieldTable);
  return cached;
}
