/**
 * Reads the field documentation out of Nexudus' "Get one CrmOpportunity" page
 * (Mintlify markdown): one entry per `<ResponseField name type>` block.
 */

export interface FieldDoc {
  readonly name: string;
  /** The type as the page states it: string, integer, number, boolean. */
  readonly type: string;
  /** The block's text, markdown as written (inline `code` kept). */
  readonly description: string;
  /** Enum name the page or the enum data gives, e.g. eCrmOpportunityStatus. */
  readonly enumName?: string;
  /** Value → name, e.g. 1 → InProgress. */
  readonly enumValues?: ReadonlyMap<number, string>;
  /** The value that means "not set" (0 for LeadSource), when one is known. */
  readonly enumNotSetValue?: number;
}

/** A FieldDoc as JSON holds it, enum values as [value, name] pairs: how the bundle ships the page's fields. */
export type FieldDocJson = Omit<FieldDoc, 'enumValues'> & { readonly enumValues?: readonly (readonly [number, string])[] };

/** Enum meanings from a source other than the page (data/enum-values.json). */
export interface EnumSupplement {
  readonly [field: string]: {
    readonly enumName?: string;
    readonly notSetValue?: number;
    readonly values: { readonly [value: string]: string };
  };
}

const RESPONSE_FIELD = /<ResponseField\b([^>]*)>([\s\S]*?)<\/ResponseField>/g;
const ATTRIBUTE = /(\w+)="([^"]*)"/g;
// "`1` = InProgress" as the page writes enum values in a description.
const INLINE_ENUM_VALUE = /`(-?\d+)`\s*=\s*([A-Za-z]\w*)/g;
// "See `eCrmOpportunityStatus` enum values".
const INLINE_ENUM_NAME = /`(e[A-Z]\w*)`\s+enum/;

function attributes(text: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) {
    result.set(match[1], match[2]);
  }
  return result;
}

function inlineEnum(description: string): Map<number, string> | undefined {
  const values = new Map<number, string>();
  for (const match of description.matchAll(INLINE_ENUM_VALUE)) {
    values.set(Number(match[1]), match[2]);
  }
  return values.size > 0 ? values : undefined;
}

/** Every `<ResponseField>` of the page, in page order. */
export function parseResponseFields(markdown: string): FieldDoc[] {
  const fields: FieldDoc[] = [];
  for (const match of markdown.matchAll(RESPONSE_FIELD)) {
    const attrs = attributes(match[1]);
    const name = attrs.get('name');
    if (!name) {
      continue;
    }
    const description = match[2].trim().replace(/\s+/g, ' ');
    const enumValues = inlineEnum(description);
    fields.push({
      name,
      type: attrs.get('type') ?? 'unknown',
      description,
      ...(enumValues && { enumValues, enumName: INLINE_ENUM_NAME.exec(description)?.[1] }),
    });
  }
  return fields;
}

/** The field documentation of one page, with enum meanings from elsewhere filled in. */
export class FieldDocumentation {
  private readonly byName: ReadonlyMap<string, FieldDoc>;

  constructor(readonly fields: readonly FieldDoc[]) {
    this.byName = new Map(fields.map((field) => [field.name, field]));
  }

  static fromMarkdown(markdown: string, supplement: EnumSupplement = {}): FieldDocumentation {
    const fields = parseResponseFields(markdown).map((field) => {
      const extra = supplement[field.name];
      if (!extra || field.enumValues) {
        return field;
      }
      return {
        ...field,
        enumName: extra.enumName,
        enumNotSetValue: extra.notSetValue,
        enumValues: new Map(Object.entries(extra.values).map(([value, label]) => [Number(value), label])),
      };
    });
    return new FieldDocumentation(fields);
  }

  /** The table parsed at build time (see esbuild.js), back into field docs. */
  static fromJson(fields: readonly FieldDocJson[]): FieldDocumentation {
    return new FieldDocumentation(fields.map(({ enumValues, ...field }) => ({ ...field, ...(enumValues && { enumValues: new Map(enumValues) }) })));
  }

  toJson(): FieldDocJson[] {
    return this.fields.map(({ enumValues, ...field }) => ({ ...field, ...(enumValues && { enumValues: [...enumValues] }) }));
  }

  get(name: string): FieldDoc | undefined {
    return this.byName.get(name);
  }

  isDocumented(name: string): boolean {
    return this.byName.has(name);
  }
}
