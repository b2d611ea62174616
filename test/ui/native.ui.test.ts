/**
 * What makes the extension feel native to VS Code (issue 5, items 1–3), used
 * through code-server's VS Code in headless Chromium as a person would: sign
 * in and out through the Command Palette and the Accounts menu, a panel that
 * keeps its place when hidden and comes back after Reload Window, and a deep
 * link opened with "Developer: Open URL". Runs in plain Node (mocha); the
 * steps build on each other, so they run in order.
 */
import * as assert from 'assert';
import type { Browser, Frame } from 'playwright-core';
import { launchBrowser } from '../runner/codeServer';
import { startMainJob, type MainJob } from '../runner/mainJob';
import { Workbench } from '../runner/workbench';
import type { StandInAccount } from '../standin/accounts';
import type { RecordedRequest } from '../standin/server';

const ACCOUNT: StandInAccount = { email: 'ada@coworking.example', password: 'correct horse 42', twoFactorCode: '314159' };
// The documented example has neither a Name nor a customer name, so the panel is titled by its id.
const ID = 87654321;
const PANEL_TITLE = `Opportunity #${ID}`;
const OPPORTUNITY_PATH = `/api/crm/crmopportunities/${ID}`;
/** As VS Code's Accounts menu lists a signed-in account: "<label> (<provider>)". */
const ACCOUNTS_MENU_ENTRY = `${ACCOUNT.email} (Nexudus)`;
/** A group the panel shows open; the test collapses it. */
const COLLAPSED_GROUP = 'customer';
const SCROLL_BY_PX = 500;
/** panel.js saves the scroll position 100 ms after scrolling stops; this is comfortably more. */
const SCROLL_SAVED_MS = 400;
const POLL_MS = 100;

/** Reads until done() says so, and resolves with that reading; fails with `what` and the last reading after the timeout. */
async function eventually<T>(what: string, read: () => T | Promise<T>, done: (value: T) => boolean = Boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}; last seen: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

interface PanelPlace {
  scrollY: number;
  closedGroups: string[];
}

/**
 * Where the panel's page is scrolled to, and which of its groups are collapsed,
 * once its script has run. (The workbench writes a webview's page into its
 * frame, so the frame's load event says nothing about the page's script.)
 */
async function panelPlace(panel: Frame): Promise<PanelPlace> {
  await panel.waitForFunction(() => document.readyState === 'complete');
  return panel.evaluate(() => ({
    scrollY: Math.round(window.scrollY),
    closedGroups: Array.from(document.querySelectorAll('details[data-group]:not([open])'), (g) => g.getAttribute('data-group') ?? ''),
  }));
}

function bearerOf(request: RecordedRequest | undefined): string | undefined {
  return /^Bearer (.+)$/.exec(request?.authorization ?? '')?.[1];
}

describe('Feels native to VS Code: sign in, restore, deep links, used in a browser', function () {
  let job: MainJob;
  let browser: Browser;
  let workbench: Workbench;
  /** The access token the session opened the panel with. */
  let firstAccessToken: string;
  let placeBeforeHiding: PanelPlace;
  let link: string;

  before(async () => {
    job = await startMainJob({ accounts: [ACCOUNT] });
    browser = await launchBrowser();
    workbench = await Workbench.open(browser, job.workbenchUrl, { permissions: ['clipboard-read', 'clipboard-write'] });
  });

  after(async () => {
    await browser?.close();
    await job?.stop();
  });

  const requestsSince = (count: number) => job.standIn.requests.slice(count);
  const opportunityGets = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'GET' && r.path === OPPORTUNITY_PATH);

  async function openOpportunityByCommand(): Promise<void> {
    await workbench.runCommand('Nexudus: Open Opportunity');
    await workbench.answerInputBox('Nexudus: Open Opportunity', String(ID));
  }

  async function signIn(): Promise<void> {
    await workbench.runCommand('Nexudus: Sign In');
    // VS Code asks before any extension, this one included, signs in with a provider.
    await workbench.answerDialog("The extension 'Nexudus Opportunities' wants to sign in using Nexudus.", 'Allow');
    await workbench.answerInputBox('Nexudus: Sign In (1/2)', ACCOUNT.email);
    await workbench.answerInputBox('Nexudus: Sign In (2/2)', ACCOUNT.password, { password: true });
    await workbench.answerInputBox('Nexudus: Sign In, two-factor code', ACCOUNT.twoFactorCode!);
    await workbench.waitForAnnouncement(`Nexudus: signed in as ${ACCOUNT.email}.`);
  }

  const accountsMenuListsTheAccount = (listed: boolean) =>
    eventually(
      `the Accounts menu ${listed ? 'lists' : 'no longer lists'} the account`,
      () => workbench.accountsMenuEntries(),
      (entries) => entries.includes(ACCOUNTS_MENU_ENTRY) === listed,
    );

  describe('1. Sign in', () => {
    it('signs in with "Nexudus: Sign In": email, password in the password box, then the two-factor code it asks for', async () => {
      await signIn();
      const tokenPosts = job.standIn.requests.filter((r) => r.method === 'POST' && r.path === '/api/token');
      assert.strictEqual(tokenPosts.length, 2, 'one POST /api/token without the code (answered two_factor_auth_check), one with it');
    });

    it(`opens ${ID} with the session's access token`, async () => {
      const since = job.standIn.requests.length;
      await openOpportunityByCommand();
      await workbench.waitForTab(PANEL_TITLE);
      const panel = await workbench.opportunityRecordPanel();
      assert.strictEqual(await panel.locator('#opportunity-name').textContent(), PANEL_TITLE);
      const [get] = opportunityGets(requestsSince(since));
      const token = bearerOf(get);
      assert.match(token ?? '', /^standin-access-/, `sent ${get?.authorization}`);
      assert.ok(job.standIn.accounts.isValidAccessToken(token!), 'the stand-in accepted that token');
      firstAccessToken = token!;
    });

    it("shows the account in VS Code's Accounts menu", async () => {
      await accountsMenuListsTheAccount(true);
    });

    it("refreshes an expired access token once, unseen, when the panel's Refresh button is clicked", async () => {
      job.standIn.accounts.expireAccessTokens();
      const since = job.standIn.requests.length;
      const before = await workbench.opportunityRecordPanel();
      await before.getByRole('button', { name: 'Refresh', exact: true }).click();
      // The panel's page is replaced only when a refresh brings a record; a failed one keeps the page and says so.
      await eventually('the panel shows a newly loaded record', async () => {
        // The page may go while it is read: that is the new record arriving.
        const status = await before.evaluate(() => document.querySelector('.status-line')?.textContent).catch(() => undefined);
        if (before.isDetached()) {
          return true;
        }
        assert.ok(!/failed/i.test(status ?? ''), `the panel says: ${status}`);
        return false;
      });
      const after = await workbench.opportunityRecordPanel();
      assert.strictEqual(await after.locator('#opportunity-name').textContent(), PANEL_TITLE);

      const requests = requestsSince(since);
      assert.deepStrictEqual(
        requests.map((r) => `${r.method} ${r.path}`),
        [`GET ${OPPORTUNITY_PATH}`, 'POST /api/token', `GET ${OPPORTUNITY_PATH}`],
        'the expired token was tried, refreshed once, and the request sent again',
      );
      assert.strictEqual(bearerOf(requests[0]), firstAccessToken);
      const renewed = bearerOf(requests[2]);
      assert.ok(renewed && renewed !== firstAccessToken, `retried with a new token: ${requests[2].authorization}`);
      assert.ok(job.standIn.accounts.isValidAccessToken(renewed), 'the stand-in accepted the new token');

      const shown = [...(await workbench.notificationMessages()), ...(await workbench.announcements())];
      for (const unwanted of ['rejected the API token', 'sign-in has expired', 'Sign in again']) {
        assert.ok(!shown.some((text) => text.includes(unwanted)), `nothing said "${unwanted}": ${shown.join(' | ')}`);
      }
    });

    it('signs out with "Nexudus: Sign Out": the account leaves the Accounts menu, and opening asks to sign in', async () => {
      await workbench.runCommand('Nexudus: Sign Out');
      await workbench.waitForAnnouncement('Nexudus: signed out.');
      const entries = await accountsMenuListsTheAccount(false);
      assert.ok(!entries.some((entry) => entry.includes(ACCOUNT.email)), entries.join(' | '));

      await workbench.runCommand('View: Close All Editors');
      await workbench.waitForTabClosed(PANEL_TITLE);
      const since = job.standIn.requests.length;
      await openOpportunityByCommand();
      await workbench.waitForAnnouncement('You are not signed in to Nexudus and no API token is set.');
      assert.deepStrictEqual(requestsSince(since), [], 'nothing was sent without a token');
    });

    it('asks to sign in again when the refresh fails, and the account leaves the Accounts menu', async () => {
      await signIn();
      await openOpportunityByCommand();
      await workbench.waitForTab(PANEL_TITLE);
      const panel = await workbench.opportunityRecordPanel();
      job.standIn.accounts.expireAccessTokens();
      // As Nexudus answers a refresh token it no longer knows.
      job.standIn.script({
        path: '/api/token',
        times: 1,
        behaviour: {
          kind: 'reply',
          status: 400,
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
          body: JSON.stringify({ error: 'invalid_grant', error_description: 'The refresh token is invalid or expired.' }),
        },
      });
      await panel.getByRole('button', { name: 'Refresh', exact: true }).click();
      await workbench.waitForAnnouncement('Your Nexudus sign-in has expired. Sign in again.');
      await panel.locator('.status-line', { hasText: 'Refresh failed; showing the last copy loaded.' }).waitFor();
      assert.strictEqual(await panel.locator('#opportunity-name').textContent(), PANEL_TITLE, 'the last copy stays on screen');
      await accountsMenuListsTheAccount(false);
    });
  });

  describe('2. Survives hiding and reload', () => {
    it('keeps the scroll position and a collapsed group when the panel is hidden and shown again', async () => {
      await workbench.runCommand('Nexudus: Set API Token');
      await workbench.answerInputBox('Nexudus: Set API Token', job.token, { password: true });
      await workbench.waitForAnnouncement('Nexudus: API token saved.');
      // A fresh panel: reopening an open one refreshes it, replacing its page while the test would use it.
      await workbench.runCommand('View: Close All Editors');
      await workbench.waitForTabClosed(PANEL_TITLE);
      await openOpportunityByCommand();
      await workbench.waitForTab(PANEL_TITLE);
      const panel = await workbench.opportunityRecordPanel();

      await panel.locator(`details[data-group="${COLLAPSED_GROUP}"] > summary`).click();
      await workbench.scrollWebview(panel, SCROLL_BY_PX);
      await eventually('the panel scrolled', async () => (await panelPlace(panel)).scrollY > 0);
      await workbench.page.waitForTimeout(SCROLL_SAVED_MS);
      placeBeforeHiding = await panelPlace(panel);
      assert.deepStrictEqual(placeBeforeHiding.closedGroups, [COLLAPSED_GROUP]);
      assert.ok(placeBeforeHiding.scrollY > 0);

      // Another editor in the same group hides the panel; its page is let go (no retainContextWhenHidden).
      await workbench.runCommand('File: New Untitled Text File');
      await workbench.waitForTab('Untitled-1');
      await eventually('the hidden panel let its page go', () => panel.isDetached());

      await workbench.clickTab(PANEL_TITLE);
      const shown = await workbench.opportunityRecordPanel();
      assert.deepStrictEqual(await panelPlace(shown), placeBeforeHiding);
    });

    it('comes back after "Developer: Reload Window", fetched again, in the same place', async () => {
      const since = job.standIn.requests.length;
      await workbench.reloadWindow();
      await workbench.waitForTab(PANEL_TITLE);
      // Restoring waits for the extension to start and the record to be fetched again.
      const restored = await workbench.opportunityRecordPanel(60_000);
      assert.strictEqual(await restored.locator('#opportunity-name').textContent(), PANEL_TITLE);
      const gets = opportunityGets(requestsSince(since));
      assert.strictEqual(gets.length, 1, `fetched again once after the reload: ${gets.length}`);
      assert.strictEqual(gets[0].authorization, `Bearer ${job.token}`);
      assert.deepStrictEqual(await panelPlace(restored), placeBeforeHiding);
    });
  });

  describe('3. Deep links', () => {
    it('copies the link with "Nexudus: Copy Link to Opportunity"', async () => {
      await workbench.runCommand('Nexudus: Copy Link to Opportunity');
      await workbench.answerInputBox('Nexudus: Copy Link to Opportunity', String(ID));
      await workbench.waitForAnnouncement('Nexudus: copied ');
      link = await workbench.readClipboard();
      // The scheme is the host's own: code-oss in code-server, vscode in VS Code.
      assert.match(link, new RegExp(`^[a-z][a-z0-9+.-]*://coworking-tools\\.nexudus-opportunities/opportunity/${ID}$`));
      await workbench.waitForAnnouncement(`Nexudus: copied ${link}`);
    });

    it('opens the opportunity from that link typed into "Developer: Open URL"', async () => {
      await workbench.runCommand('View: Close All Editors');
      await workbench.waitForTabClosed(PANEL_TITLE);
      const since = job.standIn.requests.length;
      await workbench.runCommand('Developer: Open URL');
      await workbench.answerPrompt('URL to open', link);
      // VS Code asks before it hands a link to an extension.
      await workbench.answerDialog("Allow 'Nexudus Opportunities' extension to open this URI?", 'Open');
      await workbench.waitForTab(PANEL_TITLE);
      const panel = await workbench.opportunityRecordPanel();
      assert.strictEqual(await panel.locator('#opportunity-name').textContent(), PANEL_TITLE);
      assert.strictEqual(opportunityGets(requestsSince(since)).length, 1, 'the link fetched the opportunity');
    });
  });
});
