/**
 * The packaged extension, used through VS Code's UI as a person would: in
 * code-server's VS Code, driven by headless Chromium. Runs in plain Node (mocha).
 * The steps build on each other (token, then panel, then its tooltips), so they run in order.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Frame } from 'playwright-core';
import pageMarkdown from '../../data/get-one-crmopportunity.md';
import { parseResponseFields } from '../../src/docs/fieldDocs';
import { launchBrowser, repoRoot } from '../runner/codeServer';
import { DOCUMENTED_EXAMPLE_ID } from '../standin/documentedExample';
import { startMainJob, type MainJob } from '../runner/mainJob';
import {
  COLOR_THEMES,
  fieldLabel,
  focusedField,
  tooltipOf,
  waitForPanelTheme,
  Workbench,
  type ColorTheme,
} from '../runner/workbench';

const SET_TOKEN = 'Nexudus: Set API Token';
const OPEN_OPPORTUNITY = 'Nexudus: Open Opportunity';
// The documented example has neither a Name nor a customer name, so the panel is titled by its id.
const PANEL_TITLE = `Opportunity #${DOCUMENTED_EXAMPLE_ID}`;
const HOVERED_FIELD = 'Status';
const MAX_TABS_TO_NEXT_LABEL = 3;
const SCREENSHOTS_DIR = path.join(repoRoot(), 'artifacts', 'screenshots');
/** The README shows these two; refreshed only when asked (NEXUDUS_UPDATE_README_SCREENSHOTS=1), so a test run leaves the tree clean. */
const UPDATE_README_SCREENSHOTS = process.env.NEXUDUS_UPDATE_README_SCREENSHOTS === '1';
const README_SCREENSHOTS: Record<string, string> = {
  dark: path.join(repoRoot(), 'docs', 'screenshots', 'opportunity-dark.png'),
  light: path.join(repoRoot(), 'docs', 'screenshots', 'opportunity-light.png'),
};

/** A field's description as the documentation page states it, its `code` marks read as plain text. */
function documentedDescription(field: string): string {
  const doc = parseResponseFields(pageMarkdown).find((entry) => entry.name === field);
  assert.ok(doc, `the documentation page describes ${field}`);
  return doc.description.replace(/`([^`]+)`/g, '$1');
}

function normalized(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

async function assertTooltipShowsDocumentation(panel: Frame, field: string): Promise<void> {
  const tooltip = await tooltipOf(panel, fieldLabel(panel, field));
  await tooltip.waitFor();
  const text = normalized(await tooltip.innerText());
  const description = documentedDescription(field);
  assert.ok(text.includes(description), `the tooltip of ${field} reads "${text}", without "${description}"`);
}

describe('The Opportunity panel, used through VS Code in a browser', function () {
  let job: MainJob;
  let browser: Browser;
  let workbench: Workbench;
  let panel: Frame;

  before(async () => {
    job = await startMainJob();
    browser = await launchBrowser();
    workbench = await Workbench.open(browser, job.workbenchUrl);
  });

  after(async () => {
    await browser?.close();
    await job?.stop();
  });

  it('saves the token typed into the password box of "Nexudus: Set API Token"', async () => {
    await workbench.runCommand(SET_TOKEN);
    await workbench.answerInputBox(SET_TOKEN, job.token, { password: true });
    await workbench.waitForAnnouncement('Nexudus: API token saved.');
  });

  it(`opens the id typed into "Nexudus: Open Opportunity" in a panel, with the saved token`, async () => {
    await workbench.runCommand(OPEN_OPPORTUNITY);
    await workbench.answerInputBox(OPEN_OPPORTUNITY, String(job.opportunityId));
    await workbench.waitForTab(PANEL_TITLE);
    panel = await workbench.opportunityPanel();
    assert.strictEqual(await panel.locator('#opportunity-name').textContent(), PANEL_TITLE);
    const request = job.standIn.requests.find((r) => r.path === `/api/crm/crmopportunities/${job.opportunityId}`);
    assert.strictEqual(request?.authorization, `Bearer ${job.token}`);
  });

  it(`shows the documentation's description of ${HOVERED_FIELD} when its label is hovered`, async () => {
    await fieldLabel(panel, HOVERED_FIELD).hover();
    await assertTooltipShowsDocumentation(panel, HOVERED_FIELD);
  });

  /** Presses Tab until a field's label has the focus: a group's heading may take it on the way. */
  async function tabToNextLabel(): Promise<string | undefined> {
    for (let presses = 0; presses < MAX_TABS_TO_NEXT_LABEL; presses++) {
      await workbench.page.keyboard.press('Tab');
      const field = await focusedField(panel);
      if (field) {
        return field;
      }
    }
    return undefined;
  }

  it('shows the documentation of the next field when Tab moves the focus to its label', async () => {
    await fieldLabel(panel, HOVERED_FIELD).click();
    // Away from every label, so only the focus can show a tooltip.
    await workbench.page.mouse.move(0, 0);
    const next = await tabToNextLabel();
    assert.ok(next && next !== HOVERED_FIELD, `Tab moved the focus from ${HOVERED_FIELD} to another field's label (${next})`);
    await assertTooltipShowsDocumentation(panel, next);
    await (await tooltipOf(panel, fieldLabel(panel, HOVERED_FIELD))).waitFor({ state: 'hidden' });
  });

  async function screenshotInTheme(theme: ColorTheme): Promise<void> {
    await workbench.setColorTheme(theme);
    await waitForPanelTheme(panel, theme);
    // A click on the heading takes the focus off any label, so only the hovered tooltip shows.
    await panel.locator('#opportunity-name').click();
    await fieldLabel(panel, HOVERED_FIELD).hover();
    await assertTooltipShowsDocumentation(panel, HOVERED_FIELD);
    const file = await workbench.screenshot(path.join(SCREENSHOTS_DIR, `opportunity-${theme.slug}.png`));
    const readmeCopy = README_SCREENSHOTS[theme.slug];
    if (readmeCopy && UPDATE_README_SCREENSHOTS) {
      fs.mkdirSync(path.dirname(readmeCopy), { recursive: true });
      fs.copyFileSync(file, readmeCopy);
    }
  }

  for (const theme of COLOR_THEMES) {
    it(`reads well in ${theme.label}: a screenshot in ${path.relative(repoRoot(), SCREENSHOTS_DIR)}`, async () => {
      await screenshotInTheme(theme);
    });
  }

  it('opens an opportunity clicked in the Nexudus side bar', async () => {
    await workbench.runCommand('View: Close All Editors');
    await workbench.waitForTabClosed(PANEL_TITLE);
    const requestsBefore = job.standIn.requests.length;
    await workbench.openActivityBarView('Nexudus');
    await workbench.clickTreeItem(workbench.sideBarView('Opportunities'), PANEL_TITLE);
    await workbench.waitForTab(PANEL_TITLE);
    const reopened = await workbench.opportunityPanel();
    assert.strictEqual(await reopened.locator('#opportunity-name').textContent(), PANEL_TITLE);
    const fetched = job.standIn.requests.slice(requestsBefore).map((r) => r.path);
    assert.ok(fetched.includes(`/api/crm/crmopportunities/${job.opportunityId}`), `fetched again: ${fetched.join(', ')}`);
  });
});
