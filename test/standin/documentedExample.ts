import pageMarkdown from '../../data/get-one-crmopportunity.md';

/** The "Example Response" JSON block of the documentation page, as the page gives it. */
export function documentedExampleText(): string {
  const match = /```json Example Response[^\n]*\n([\s\S]*?)```/.exec(pageMarkdown);
  if (!match) {
    throw new Error('The documentation page has no "Example Response" JSON block.');
  }
  return match[1].trim();
}

export function documentedExample(): Record<string, unknown> {
  return JSON.parse(documentedExampleText()) as Record<string, unknown>;
}

export const DOCUMENTED_EXAMPLE_ID = 87654321;
