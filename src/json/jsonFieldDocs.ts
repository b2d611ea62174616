import * as l10n from '@vscode/l10n';
import type { FieldDoc, FieldDocumentation } from '../docs/fieldDocs';

/**
 * Field documentation in an opportunity's JSON, as the extension prints it
 * (JSON.stringify with two-space indent): top-level keys sit on their own line
 * at exactly two spaces, so a line tells which field it holds.
 */
const TOP_LEVEL_KEY = /^ {2}"((?:[^"\\]|\\.)*)"\s*:\s*(.*?),?$/;

export interface KeyAt {
  key: string;
  /** Where the quoted key starts and ends on its line. */
  start: number;
  end: number;
}

export function printOpportunityJson(record: unknown): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** The top-level key under the cursor, if the cursor is on one. */
export function topLevelKeyAt(line: string, character: number): KeyAt | undefined {
  const match = TOP_LEVEL_KEY.exec(line);
  if (!match) {
    return undefined;
  }
  const start = 2;
  const end = start + match[1].length + 2;
  if (character < start || character > end) {
    return undefined;
  }
  return { key: JSON.parse(`"${match[1]}"`) as string, start, end };
}

/** A key from the API is data: shown literally, never as Markdown. */
function literal(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&');
}

/** Markdown for a hover: the field's type, description and enum meanings, from the documentation page. */
export function fieldDocMarkdown(name: string, doc: FieldDoc | undefined): string {
  if (!doc) {
    return l10n.t(
      '**{0}** (not in the documentation)\n\nNexudus returned this field, but its documentation page does not describe it.',
      literal(name),
    );
  }
  const lines = [`**${doc.name}** \`${doc.type}\``, '', doc.description];
  if (doc.enumValues?.size) {
    lines.push('', ...(doc.enumNotSetValue !== undefined ? [`- \`${doc.enumNotSetValue}\` = ${l10n.t('not set')}`] : []));
    for (const [value, label] of doc.enumValues) {
      lines.push(`- \`${value}\` = ${label}`);
    }
  }
  return lines.join('\n');
}

export interface EnumHint {
  line: number;
  /** Character after the number, where the name is shown. */
  character: number;
  label: string;
}

/** The enum name to show beside each enum number in the printed JSON. */
export function enumHints(text: string, docs: FieldDocumentation): EnumHint[] {
  const hints: EnumHint[] = [];
  text.split('\n').forEach((line, index) => {
    const match = TOP_LEVEL_KEY.exec(line);
    const doc = match ? docs.get(JSON.parse(`"${match[1]}"`) as string) : undefined;
    if (!match || !doc?.enumValues || !/^-?\d+$/.test(match[2])) {
      return;
    }
    const value = Number(match[2]);
    const label = doc.enumValues.get(value) ?? (value === doc.enumNotSetValue ? l10n.t('not set') : l10n.t('unknown value'));
    hints.push({ line: index, character: line.replace(/,$/, '').length, label });
  });
  return hints;
}
