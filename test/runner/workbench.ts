/**
 * Drives code-server's VS Code workbench in a browser the way a person does:
 * the Command Palette, quick inputs, the Color Theme picker, views, and the
 * Opportunity webview. Selectors are the workbench's own DOM (VS Code 1.139).
 */
import * as fs from 'fs';
import * as path from 'path';
import { errors, type Browser, type Frame, type Locator, type Page } from 'playwright-core';

const VIEWPORT = { width: 1280, height: 800 };
const STEP_TIMEOUT_MS = 30_000;
/** How long the workbench may take to learn an installed extension's commands. */
const CONTRIBUTIONS_TIMEOUT_MS = 60_000;
const PALETTE_ATTEMPT_MS = 2_000;
const FRAME_POLL_MS = 100;

export interface ColorTheme {
  /** Names files: light, dark, high-contrast, high-contrast-light. */
  slug: string;
  /** As the Color Theme picker lists it. */
  label: string;
  /** The class the workbench's root element gets. */
  workbenchClass: string;
  /** What a webview's `<body data-vscode-theme-kind>` says. */
  webviewKind: string;
}

/** VS Code's default theme of each kind. */
export const COLOR_THEMES: readonly ColorTheme[] = [
  { slug: 'light', label: 'Light 2026', workbenchClass: 'vs', webviewKind: 'vscode-light' },
  { slug: 'dark', label: 'Dark 2026', workbenchClass: 'vs-dark', webviewKind: 'vscode-dark' },
  { slug: 'high-contrast', label: 'Dark High Contrast', workbenchClass: 'hc-black', webviewKind: 'vscode-high-contrast' },
  { slug: 'high-contrast-light', label: 'Light High Contrast', workbenchClass: 'hc-light', webviewKind: 'vscode-high-contrast-light' },
];

/** Matches this text and nothing more. */
function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** Resolves false when the wait timed out; other failures still throw. */
async function reaches(locator: Locator, state: 'visible' | 'hidden', timeoutMs: number): Promise<boolean> {
  try {
    await locator.waitFor({ state, timeout: timeoutMs });
    return true;
  } catch (error) {
    if (error instanceof errors.TimeoutError) {
      return false;
    }
    throw error;
  }
}

export class Workbench {
  private constructor(readonly page: Page) {}

  /** `permissions` are granted to the page, e.g. 'clipboard-read' for readClipboard(). */
  static async open(browser: Browser, url: string, { permissions = [] as string[] } = {}): Promise<Workbench> {
    const page = await browser.newPage({ viewport: VIEWPORT, permissions });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor();
    return new Workbench(page);
  }

  private get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** A row of the open quick pick whose label is exactly this text. */
  private quickPickRow(label: string): Locator {
    return this.quickInput.locator('.monaco-list-row').filter({
      has: this.page.locator('.label-name', { hasText: exactly(label) }),
    });
  }

  private async openCommandPalette(): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.quickInput.locator('input:focus').waitFor();
  }

  private async closeQuickInput(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.quickInput.waitFor({ state: 'hidden' });
  }

  /** Types into the open quick pick's filter and picks the row labelled exactly so. */
  private async pick(label: string, timeoutMs = STEP_TIMEOUT_MS): Promise<boolean> {
    await this.page.keyboard.type(label);
    const row = this.quickPickRow(label);
    if (!(await reaches(row, 'visible', timeoutMs))) {
      return false;
    }
    await row.click();
    return true;
  }

  /**
   * Runs a command by its title, as typed into the Command Palette. The palette
   * lists the commands known when it opens, and right after the page loads an
   * installed extension's are not known yet: so it is reopened until they are.
   */
  async runCommand(title: string): Promise<void> {
    const deadline = Date.now() + CONTRIBUTIONS_TIMEOUT_MS;
    for (;;) {
      await this.openCommandPalette();
      if (await this.pick(title, PALETTE_ATTEMPT_MS)) {
        return;
      }
      await this.closeQuickInput();
      if (Date.now() > deadline) {
        throw new Error(`The Command Palette has no command "${title}".`);
      }
    }
  }

  /**
   * Answers the input box an extension shows with this title: types the text
   * (into a password box when `password`), presses Enter, and waits until the
   * box is accepted (it closes, or the next box replaces it), failing with its
   * validation message if it is not.
   */
  async answerInputBox(title: string, text: string, { password = false } = {}): Promise<void> {
    const titled = this.quickInput.locator('.quick-input-title', { hasText: exactly(title) });
    await titled.waitFor();
    const input = this.quickInput.locator(password ? 'input[type="password"]' : 'input[type="text"]');
    await input.pressSequentially(text);
    await input.press('Enter');
    if (!(await reaches(titled, 'hidden', STEP_TIMEOUT_MS))) {
      const message = await this.quickInput.locator('.quick-input-message').textContent();
      throw new Error(`"${title}" did not accept the input: ${message}`);
    }
  }

  /**
   * Answers VS Code's own untitled input box (e.g. "Developer: Open URL"),
   * found by the prompt it shows under the input.
   */
  async answerPrompt(prompt: string, text: string): Promise<void> {
    const prompted = this.quickInput.locator('.quick-input-message', { hasText: prompt });
    await prompted.waitFor();
    const input = this.quickInput.locator('input[type="text"]');
    await input.pressSequentially(text);
    await input.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden' });
  }

  /** Clicks a button of the modal dialog that says this, e.g. VS Code's consent prompts. */
  async answerDialog(message: string, button: string): Promise<void> {
    const dialog = this.page.locator('.monaco-dialog-box', { hasText: message });
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** The entries of the Accounts menu (the activity bar's Accounts button): opens it, reads them, closes it. */
  async accountsMenuEntries(): Promise<string[]> {
    await this.page.locator('.activitybar .action-label[aria-label^="Accounts"]').click();
    const menu = this.page.locator('.context-view .monaco-menu');
    await menu.locator('.action-item').first().waitFor();
    const labels = await menu.locator('.action-item .action-label').allTextContents();
    await this.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    return labels.map((label) => label.trim()).filter(Boolean);
  }

  /** The messages in the Notifications center: opens it, reads them, closes it. */
  async notificationMessages(): Promise<string[]> {
    await this.runCommand('Notifications: Show Notifications');
    const center = this.page.locator('.notifications-center');
    await center.waitFor();
    const messages = await center.locator('.notification-list-item-message').allInnerTexts();
    await this.page.keyboard.press('Escape');
    await center.waitFor({ state: 'hidden' });
    return messages;
  }

  /** The text on the clipboard, as the page reads it (Workbench.open needs the 'clipboard-read' permission). */
  readClipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** "Developer: Reload Window"; resolves when the reloaded workbench shows. */
  async reloadWindow(): Promise<void> {
    const reloaded = this.page.waitForEvent('load', { timeout: CONTRIBUTIONS_TIMEOUT_MS });
    await this.runCommand('Developer: Reload Window');
    await reloaded;
    await this.page.locator('.monaco-workbench').waitFor();
  }

  /** Clicks an editor tab by its label. */
  async clickTab(label: string): Promise<void> {
    await this.page.locator('.tabs-container .tab', { hasText: exactly(label) }).click();
  }

  /** Turns the mouse wheel over a webview's content frame, as a person scrolls it. */
  async scrollWebview(frame: Frame, deltaY: number): Promise<void> {
    const box = await (await frame.frameElement()).boundingBox();
    if (!box) {
      throw new Error('The webview is not on screen.');
    }
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.wheel(0, deltaY);
  }

  /** The messages the workbench is announcing to screen readers now (the latest ones only). */
  announcements(): Promise<string[]> {
    return this.page.locator('.monaco-aria-container .monaco-alert').allTextContents();
  }

  /** Waits for a message the workbench announces to screen readers (notifications are). */
  async waitForAnnouncement(text: string): Promise<void> {
    await this.page.locator('.monaco-aria-container .monaco-alert', { hasText: text }).waitFor({ state: 'attached' });
  }

  /** Waits for an editor tab with this label. */
  async waitForTab(label: string): Promise<void> {
    await this.page.locator('.tabs-container .tab', { hasText: exactly(label) }).waitFor();
  }

  /** Waits until no editor tab has this label. */
  async waitForTabClosed(label: string): Promise<void> {
    await this.page.locator('.tabs-container .tab', { hasText: exactly(label) }).waitFor({ state: 'hidden' });
  }

  /**
   * The Opportunity webview's content frame. A webview is two iframes deep
   * (workbench → webview host → content), and the content frame is replaced
   * whenever the panel's HTML is, so it is found by what it shows.
   */
  async opportunityPanel(timeoutMs = STEP_TIMEOUT_MS): Promise<Frame> {
    return this.frameShowing('#opportunity-name', 'Opportunity panel', timeoutMs);
  }

  /**
   * The Opportunity webview's content frame once it shows a record (its field
   * groups), not a notice such as the "Loading…" of a panel being restored.
   */
  async opportunityRecordPanel(timeoutMs = STEP_TIMEOUT_MS): Promise<Frame> {
    return this.frameShowing('main details[data-group]', 'Opportunity panel with a record', timeoutMs);
  }

  private async frameShowing(selector: string, what: string, timeoutMs: number): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (!frame.isDetached() && (await frame.locator(selector).count().catch(() => 0)) > 0) {
          return frame;
        }
      }
      if (Date.now() > deadline) {
        throw new Error(`No ${what} appeared within ${timeoutMs} ms.`);
      }
      await new Promise((resolve) => setTimeout(resolve, FRAME_POLL_MS));
    }
  }

  /** Picks the theme in "Preferences: Color Theme"; resolves when the workbench wears it. */
  async setColorTheme(theme: ColorTheme): Promise<void> {
    await this.runCommand('Preferences: Color Theme');
    if (!(await this.pick(theme.label))) {
      throw new Error(`The Color Theme picker has no theme "${theme.label}".`);
    }
    await this.page.locator(`.monaco-workbench.${theme.workbenchClass}`).waitFor();
  }

  /** Clicks a view container's icon in the activity bar, e.g. "Nexudus". */
  async openActivityBarView(title: string): Promise<void> {
    await this.page.locator(`.activitybar .action-label[aria-label^="${title}"]`).click();
  }

  /** A view of the side bar, by its section title, e.g. "Opportunities". */
  sideBarView(title: string): Locator {
    return this.page
      .locator('.sidebar .pane')
      .filter({ has: this.page.locator(`.pane-header[aria-label="${title} Section"]`) });
  }

  /**
   * Clicks the tree item labelled so in a side bar view, first expanding
   * collapsed items (top one first) until it shows, as a person looking for it would.
   */
  async clickTreeItem(view: Locator, label: string): Promise<void> {
    const rows = view.locator('.monaco-list-row[role="treeitem"]');
    const wanted = rows.filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) });
    const collapsed = rows.and(this.page.locator('[aria-expanded="false"]'));
    for (;;) {
      await wanted.or(collapsed).first().waitFor();
      if (await wanted.isVisible()) {
        await wanted.click();
        return;
      }
      const row = collapsed.first();
      const id = await row.getAttribute('id');
      await row.click();
      await view.locator(`[id="${id}"][aria-expanded="true"]`).waitFor();
    }
  }

  async screenshot(file: string): Promise<string> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
    return file;
  }
}

/** Waits until the panel's page shows the theme (the workbench restyles webviews a moment after itself). */
export async function waitForPanelTheme(panel: Frame, theme: ColorTheme): Promise<void> {
  await panel.locator(`body[data-vscode-theme-kind="${theme.webviewKind}"]`).waitFor();
}

/** The label of a field of the Opportunity panel, by the field's API name. */
export function fieldLabel(panel: Frame, field: string): Locator {
  return panel.locator(`.field[data-field="${field}"] .label`);
}

/** The tooltip a field label names with aria-describedby. */
export async function tooltipOf(panel: Frame, label: Locator): Promise<Locator> {
  const id = await label.getAttribute('aria-describedby');
  if (!id) {
    throw new Error('The label names no tooltip (aria-describedby).');
  }
  return panel.locator(`[id="${id}"][role="tooltip"]`);
}

/** The API name of the field whose label has keyboard focus, if one has. */
export function focusedField(panel: Frame): Promise<string | undefined> {
  return panel.evaluate(() => {
    const focused = document.activeElement;
    return focused?.classList.contains('label') ? (focused.closest('.field')?.getAttribute('data-field') ?? undefined) : undefined;
  });
}
