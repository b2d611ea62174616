import * as l10n from '@vscode/l10n';
import type { FieldDoc } from '../docs/fieldDocs';
import type { FormattedValue } from '../view/format';
import type { FieldGroup, FieldRow, OpportunityView } from '../view/opportunityModel';
import { domToken, escapeHtml, inlineMarkdown } from './html';

/** What the page needs from its host: the CSP source, resource URIs and a fresh nonce. */
export interface PageResources {
  cspSource: string;
  nonce: string;
  styleUri: string;
  scriptUri: string;
  codiconUri?: string;
}

function contentSecurityPolicy(resources: PageResources): string {
  return [
    "default-src 'none'",
    `style-src ${resources.cspSource}`,
    `font-src ${resources.cspSource}`,
    `img-src ${resources.cspSource}`,
    `script-src 'nonce-${resources.nonce}'`,
  ].join('; ');
}

/** The page skeleton every panel state shares; the id lets the page keep its state across reloads. */
export function page(title: string, body: string, resources: PageResources, opportunityId?: number): string {
  const codicons = resources.codiconUri ? `\n<link rel="stylesheet" href="${escapeHtml(resources.codiconUri)}">` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(resources))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">${codicons}
<link rel="stylesheet" href="${escapeHtml(resources.styleUri)}">
<title>${escapeHtml(title)}</title>
</head>
<body${opportunityId === undefined ? '' : ` data-opportunity-id="${opportunityId}"`}>
${body}
<script nonce="${escapeHtml(resources.nonce)}" src="${escapeHtml(resources.scriptUri)}"></script>
</body>
</html>`;
}

function docTooltip(row: FieldRow, tooltipId: string): string {
  const doc: FieldDoc | undefined = row.doc;
  const parts = [`<span class="tooltip-name">${escapeHtml(row.name)}</span>`];
  if (doc) {
    parts.push(`<span class="tooltip-type">${escapeHtml(doc.type)}</span>`);
    parts.push(`<p class="tooltip-description">${inlineMarkdown(doc.description)}</p>`);
    if (doc.enumValues && doc.enumValues.size > 0) {
      const values = [...doc.enumValues]
        .map(([value, name]) => `<li><code>${value}</code> = ${escapeHtml(name)}</li>`)
        .join('');
      const notSet = doc.enumNotSetValue !== undefined ? `<li><code>${doc.enumNotSetValue}</code> = ${escapeHtml(l10n.t('not set'))}</li>` : '';
      parts.push(`<ul class="tooltip-enum" aria-label="${escapeHtml(l10n.t('Values'))}">${notSet}${values}</ul>`);
    }
  } else {
    const undocumented = l10n.t('Not in the documentation: Nexudus returned this field, but its documentation page does not describe it.');
    parts.push(`<p class="tooltip-description">${escapeHtml(undocumented)}</p>`);
  }
  return `<div class="tooltip" role="tooltip" id="${tooltipId}">${parts.join('')}</div>`;
}

function valueHtml(value: FormattedValue): string {
  const classes = `value tone-${value.tone}`;
  const detail = value.detail ? ` title="${escapeHtml(value.detail)}"` : '';
  const marker =
    value.tone === 'unexpected'
      ? `<span class="marker" title="${escapeHtml(l10n.t('This value is not of the documented type'))}">${escapeHtml(l10n.t('unexpected type'))}</span> `
      : value.tone === 'unknown'
        ? `<span class="marker">${escapeHtml(l10n.t('unknown value'))}</span> `
        : '';
  if (value.link) {
    // Opened by the extension after a scheme check, never by the webview itself.
    return `<span class="${classes}"${detail}>${marker}<button type="button" class="link" data-link="${escapeHtml(value.link)}">${escapeHtml(value.text)}</button></span>`;
  }
  return `<span class="${classes}"${detail}>${marker}${escapeHtml(value.text)}</span>`;
}

function fieldRow(row: FieldRow): string {
  const token = domToken(row.name);
  const tooltipId = `doc-${token}`;
  const undocumented = row.doc ? '' : ` <span class="marker">${escapeHtml(l10n.t('not in the documentation'))}</span>`;
  const children = row.children?.length
    ? `<dl class="custom-fields">${row.children
        .map((child) => `<div class="field"><dt>${escapeHtml(child.label)}</dt><dd>${valueHtml(child.value)}</dd></div>`)
        .join('')}</dl>`
    : '';
  return `<div class="field" data-field="${escapeHtml(row.name)}">
<dt><span class="label" tabindex="0" aria-describedby="${tooltipId}">${escapeHtml(row.label)}</span>${undocumented}${docTooltip(row, tooltipId)}</dt>
<dd>${valueHtml(row.value)}${children}</dd>
</div>`;
}

function group(fieldGroup: FieldGroup): string {
  const note = fieldGroup.undocumented
    ? `<p class="group-note">${escapeHtml(l10n.t('Nexudus returned these fields, but its documentation does not describe them.'))}</p>`
    : '';
  return `<details class="group" id="group-${escapeHtml(fieldGroup.id)}" data-group="${escapeHtml(fieldGroup.id)}" open>
<summary><h2>${escapeHtml(fieldGroup.title)}</h2></summary>
${note}<dl>
${fieldGroup.rows.map(fieldRow).join('\n')}
</dl>
</details>`;
}

/** A codicon; decorative, the text beside it says the same. */
function icon(name: string): string {
  return `<span class="codicon codicon-${name}" aria-hidden="true"></span>`;
}

// The same shapes as the tree's status icons: won, lost and in progress differ without colour.
const STATUS_ICONS: Record<string, string> = { won: 'pass', lost: 'circle-slash', inprogress: 'circle-outline' };

function statusBadge(status: OpportunityView['header']['status']): string {
  const kind = status.statusName ? status.statusName.toLowerCase() : 'unknown';
  const text =
    status.tone === 'empty' ? l10n.t('No status') : status.tone === 'unknown' ? l10n.t('Unknown status ({0})', status.text) : status.text;
  return `<span class="badge status-${escapeHtml(domToken(kind))}"${status.detail ? ` title="${escapeHtml(status.detail)}"` : ''}>${icon(STATUS_ICONS[kind] ?? 'question')}${escapeHtml(text)}</span>`;
}

function essentials(view: OpportunityView): string {
  const { header } = view;
  const item = (label: string, value: string) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`;
  return `<dl class="essentials">
${item(l10n.t('Stage'), header.stage)}
${item(l10n.t('Board'), header.board)}
${item(l10n.t('Value'), header.value)}
${item(l10n.t('Customer'), header.customer)}
${item(l10n.t('Responsible'), header.responsible)}
<div><dt>${escapeHtml(l10n.t('Due'))}</dt><dd>${valueHtml(header.dueDate)}</dd></div>
</dl>`;
}

/** The whole opportunity page. Every value is escaped: API text is user-entered. */
export function renderOpportunityPage(view: OpportunityView, resources: PageResources): string {
  const body = `<header class="header">
<div class="title-row">
<h1 id="opportunity-name">${escapeHtml(view.header.name)}</h1>
${statusBadge(view.header.status)}
</div>
${essentials(view)}
<div class="actions" role="toolbar" aria-label="${escapeHtml(l10n.t('Opportunity actions'))}">
<button type="button" data-action="refresh">${icon('refresh')}${escapeHtml(l10n.t('Refresh'))}</button>
<button type="button" data-action="copyJson" class="secondary">${icon('copy')}${escapeHtml(l10n.t('Copy JSON'))}</button>
<button type="button" data-action="openJson" class="secondary">${icon('json')}${escapeHtml(l10n.t('Open as JSON'))}</button>
</div>
<p class="status-line" role="status" aria-live="polite"></p>
</header>
<main>
${view.groups.map(group).join('\n')}
</main>`;
  return page(view.title, body, resources, view.id);
}

/** A panel that has no record to show yet (restoring) or could not load one. */
export function renderNoticePage(id: number, notice: { title: string; text: string; retry: boolean }, resources: PageResources): string {
  const retry = notice.retry ? `\n<div class="actions"><button type="button" data-action="refresh">${escapeHtml(l10n.t('Retry'))}</button></div>` : '';
  const body = `<header class="header">
<h1 id="opportunity-name">${escapeHtml(notice.title)}</h1>
<p class="notice" role="status">${escapeHtml(notice.text)}</p>${retry}
</header>`;
  return page(notice.title, body, resources, id);
}
