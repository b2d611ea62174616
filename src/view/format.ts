import * as l10n from '@vscode/l10n';
import type { FieldDoc } from '../docs/fieldDocs';

/** A value ready to show: its text, and what to say about it on hover. */
export interface FormattedValue {
  text: string;
  /** Extra detail for the value's tooltip (the raw date, the enum number). */
  detail?: string;
  /** How the value reads: plain, or one of the marked cases. */
  tone: 'plain' | 'empty' | 'unknown' | 'unexpected';
  /** A web or mail address the value can open, after a scheme check. */
  link?: string;
}

export const EM_DASH = '\u2014';

/** A string field's text, trimmed; undefined when it is not a string or only whitespace. */
export function nonEmptyText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Dates are shown as the wall-clock time Nexudus sent, in the user's locale. */
export function formatDate(raw: string, locale: string): FormattedValue | undefined {
  const match = ISO_DATE.exec(raw.trim());
  if (!match) {
    return undefined;
  }
  const [, year, month, day, hour, minute, second, , zone] = match;
  const parts = [Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0)] as const;
  const wallClock = new Date(Date.UTC(...parts));
  // Date.UTC rolls 30 February over into March: an impossible date is not shown as another one.
  const readBack = [wallClock.getUTCFullYear(), wallClock.getUTCMonth(), wallClock.getUTCDate(), wallClock.getUTCHours(), wallClock.getUTCMinutes(), wallClock.getUTCSeconds()];
  if (readBack.some((value, index) => value !== parts[index])) {
    return undefined;
  }
  const detail =
    zone === undefined
      ? l10n.t('Sent as {0} (no time zone given).', raw)
      : zone === 'Z'
        ? l10n.t('Sent as {0} (marked UTC (Nexudus sometimes sends the space’s local time with this mark)).', raw)
        : l10n.t('Sent as {0} (offset {1}).', raw, zone);
  return {
    text: dateFormat(locale, hour !== undefined).format(wallClock),
    detail,
    tone: 'plain',
  };
}

// Making a DateTimeFormat costs far more than formatting with one, and a record holds several dates.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The locale's medium date, with or without the time (English when the locale is not one Intl knows). */
function dateFormat(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale} ${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: withTime ? 'short' : undefined, timeZone: 'UTC' };
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      format = new Intl.DateTimeFormat('en', options);
    }
    dateFormats.set(key, format);
  }
  return format;
}

/** An amount with its currency code: the locale's currency format when the code is a real one. */
export function formatMoney(amount: number, currencyCode: unknown, locale: string): string {
  if (typeof currencyCode === 'string' && /^[A-Za-z]{3}$/.test(currencyCode)) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: currencyCode.toUpperCase(), currencyDisplay: 'code' }).format(amount);
    } catch {
      // An unknown code: fall through to the plain form.
    }
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(amount);
  return typeof currencyCode === 'string' && currencyCode.trim() ? `${number} ${currencyCode.trim()}` : number;
}

export function formatEnum(value: number, doc: FieldDoc): FormattedValue {
  const name = doc.enumValues?.get(value);
  if (name) {
    return { text: name, detail: `${value} = ${name}${doc.enumName ? ` (${doc.enumName})` : ''}`, tone: 'plain' };
  }
  if (value === doc.enumNotSetValue) {
    return { text: l10n.t('Not set'), detail: `${value} = ${l10n.t('not set')}`, tone: 'empty' };
  }
  return { text: String(value), detail: l10n.t('{0} is not a value the documentation lists for {1}.', value, doc.name), tone: 'unknown' };
}

const JSON_TYPE_OF_DOC_TYPE: Record<string, string> = {
  string: 'string',
  integer: 'number',
  number: 'number',
  boolean: 'boolean',
};

/** The raw JSON of a value that is not of the documented type, marked as such. */
export function unexpectedValue(value: unknown, expected: string): FormattedValue {
  return { text: rawJson(value), detail: l10n.t('Expected {0}; shown as the raw JSON Nexudus sent.', expected), tone: 'unexpected' };
}

function rawJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const WEB_ADDRESS = /^https?:\/\/[^\s]+$/i;
const EMAIL_ADDRESS = /^[^\s@<>()"]+@[^\s@<>()"]+\.[^\s@<>()"]+$/;

/** The address a text value can safely open: http(s) or mailto only. */
export function safeLink(text: string): string | undefined {
  const trimmed = text.trim();
  if (EMAIL_ADDRESS.test(trimmed)) {
    return `mailto:${trimmed}`;
  }
  if (/^www\.[^\s]+\.[^\s]+$/i.test(trimmed)) {
    return `https://${trimmed}`;
  }
  if (WEB_ADDRESS.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export interface FormatContext {
  locale: string;
  /** The record the value belongs to, for values that depend on another field (currency). */
  record: Record<string, unknown>;
}

const CURRENCY_FIELD = 'CrmBoardColumnCrmBoardBusinessCurrencyCode';
const MONEY_FIELDS = new Set(['Value']);
const DATE_FIELD = /(On|Date)$/;

/** A field's value as a person reads it, using what the documentation says of the field. */
export function formatValue(name: string, value: unknown, doc: FieldDoc | undefined, context: FormatContext): FormattedValue {
  if (value === null || value === undefined) {
    return { text: EM_DASH, detail: value === null ? l10n.t('null: no value set.') : l10n.t('Not in the reply.'), tone: 'empty' };
  }
  const expectedJsonType = doc ? JSON_TYPE_OF_DOC_TYPE[doc.type] : undefined;
  if (expectedJsonType && typeof value !== expectedJsonType) {
    return unexpectedValue(value, `${doc!.type}`);
  }
  if (doc?.type === 'integer' && !Number.isInteger(value)) {
    return unexpectedValue(value, l10n.t('a whole number'));
  }
  if (typeof value === 'boolean') {
    return { text: value ? l10n.t('Yes') : l10n.t('No'), tone: 'plain' };
  }
  if (typeof value === 'number') {
    if (doc?.enumValues) {
      return formatEnum(value, doc);
    }
    if (MONEY_FIELDS.has(name)) {
      return { text: formatMoney(value, context.record[CURRENCY_FIELD], context.locale), detail: l10n.t('Sent as {0}.', value), tone: 'plain' };
    }
    return { text: String(value), tone: 'plain' };
  }
  if (typeof value === 'string') {
    if (value === '') {
      return { text: l10n.t('(empty)'), detail: l10n.t('An empty text.'), tone: 'empty' };
    }
    if (DATE_FIELD.test(name)) {
      const date = formatDate(value, context.locale);
      if (date) {
        return date;
      }
    }
    const link = safeLink(value);
    return link ? { text: value, tone: 'plain', link } : { text: value, tone: 'plain' };
  }
  if (doc) {
    return unexpectedValue(value, doc.type);
  }
  return { text: rawJson(value), detail: l10n.t('Shown as the JSON Nexudus sent.'), tone: 'plain' };
}
