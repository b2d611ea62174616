import * as l10n from '@vscode/l10n';

export type IdCheck = { ok: true; id: number } | { ok: false; message: string };

const NUMBER_RUN = /\d+/g;

function positiveId(digits: string): number | undefined {
  const id = Number(digits);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * An opportunity id from what the user typed or pasted: a positive whole
 * number, or a text or URL (say, a dashboard link) holding exactly one.
 */
export function parseOpportunityId(input: unknown): IdCheck {
  if (typeof input === 'number') {
    return Number.isSafeInteger(input) && input > 0
      ? { ok: true, id: input }
      : { ok: false, message: l10n.t('{0} is not an opportunity id: ids are positive whole numbers.', String(input)) };
  }
  if (typeof input !== 'string') {
    return { ok: false, message: l10n.t('An opportunity id is a positive whole number.') };
  }
  const text = input.trim();
  if (!text) {
    return { ok: false, message: l10n.t('Type the opportunity id, e.g. 87654321, or paste a link that holds it.') };
  }
  const numbers = text.match(NUMBER_RUN) ?? [];
  if (numbers.length === 0) {
    return { ok: false, message: l10n.t('No number here: an opportunity id is a positive whole number.') };
  }
  if (numbers.length > 1) {
    return {
      ok: false,
      message: l10n.t('This holds {0} numbers ({1}…); type just the opportunity id.', numbers.length, numbers.slice(0, 3).join(', ')),
    };
  }
  const id = positiveId(numbers[0]!);
  if (id === undefined) {
    return { ok: false, message: l10n.t('{0} is not an opportunity id: ids are positive whole numbers.', numbers[0]!) };
  }
  if (/^-/.test(text)) {
    return { ok: false, message: l10n.t('Ids are positive whole numbers.') };
  }
  return { ok: true, id };
}

/** The opportunity id of a deep link's path, /opportunity/<id>. */
export function opportunityIdFromLinkPath(path: string): number | undefined {
  const match = /^\/opportunity\/(\d+)\/?$/.exec(path);
  const check = match ? parseOpportunityId(match[1]) : undefined;
  return check?.ok ? check.id : undefined;
}
