import pageMarkdown from '../../data/get-one-crmopportunity.md';
import enumValues from '../../data/enum-values.json';
import { EnumSupplement, FieldDocumentation } from './fieldDocs';

let cached: FieldDocumentation | undefined;

/** The bundled documentation page, parsed on first use (well under a millisecond). */
export function opportunityDocumentation(): FieldDocumentation {
  cached ??= FieldDocumentation.fromMarkdown(pageMarkdown, enumValues as unknown as EnumSupplement);
  return cached;
}
