/**
 * The main job on this machine, with no Nexudus account (run it with
 * `npm run demo`, which builds first). Starts a stand-in for the Nexudus API
 * serving the documented example and code-server's VS Code with the packaged
 * extension installed, and prints what to open and type. With no display, or
 * with --screenshot, it also does that in headless Chromium and saves a
 * screenshot of the opened panel.
 *
 *   --screenshot  drive the UI and save the screenshot even with a display
 *   --once        drive the UI, then exit (also when CI=true): 0 if all went well
 */
import * as path from 'path';
import { launchBrowser, repoRoot } from '../test/runner/codeServer';
import { VSIX_FILE, startMainJob, type MainJob } from '../test/runner/mainJob';
import { Workbench, fieldLabel, tooltipOf } from '../test/runner/workbench';

const PREFERRED_CODE_SERVER_PORT = 8080;
const PREFERRED_STAND_IN_PORT = 3010;
const SCREENSHOT_FILE = path.join('artifacts', 'demo', 'opportunity.png');
const HOVERED_FIELD = 'Status';
const FLAGS = new Set(['--screenshot', '--once']);

interface DemoOptions {
  /** Drive headless Chromium through the UI and save the screenshot. */
  drive: boolean;
  /** Exit after driving, instead of serving until Ctrl+C. */
  once: boolean;
}

function demoOptions(args: string[], env: NodeJS.ProcessEnv): DemoOptions {
  const unknown = args.filter((arg) => !FLAGS.has(arg));
  if (unknown.length > 0) {
    throw new Error(`unknown argument ${unknown.join(' ')}; usage: npm run demo -- [--screenshot] [--once]`);
  }
  const once = args.includes('--once') || env.CI === 'true';
  return { once, drive: once || args.includes('--screenshot') || !env.DISPLAY };
}

function printInstructions(job: MainJob): void {
  console.log(`
Nexudus Opportunities is running in VS Code, against a local stand-in for the Nexudus API.

  Open in a browser:   ${job.workbenchUrl}
  Nexudus stand-in:    ${job.standIn.url}  (serves the documented example; already the nexudus.baseUrl setting)

  In VS Code, press F1 and run:
    1. Nexudus: Set API Token     paste  ${job.token}
    2. Nexudus: Open Opportunity  type   ${job.opportunityId}
    3. Hover or Tab to a field's name to read what the Nexudus documentation says about it.

  Or use your own VS Code:
    code --install-extension ${VSIX_FILE}
    set "nexudus.baseUrl": "${job.standIn.url}" in its settings, then do 1-3.
`);
}

/** Does steps 1-3 of the printed instructions in headless Chromium; resolves with the screenshot's path. */
async function screenshotOpenedPanel(job: MainJob): Promise<string> {
  const browser = await launchBrowser();
  try {
    const workbench = await Workbench.open(browser, job.workbenchUrl);
    await workbench.runCommand('Nexudus: Set API Token');
    await workbench.answerInputBox('Nexudus: Set API Token', job.token, { password: true });
    await workbench.runCommand('Nexudus: Open Opportunity');
    await workbench.answerInputBox('Nexudus: Open Opportunity', String(job.opportunityId));
    const panel = await workbench.opportunityPanel();
    const label = fieldLabel(panel, HOVERED_FIELD);
    await label.hover();
    await (await tooltipOf(panel, label)).waitFor();
    return await workbench.screenshot(path.join(repoRoot(), SCREENSHOT_FILE));
  } finally {
    await browser.close();
  }
}

/** Resolves at the first Ctrl+C (or SIGTERM); from then on they no longer kill the process mid-cleanup. */
function interruption(): Promise<'interrupted'> {
  return new Promise((resolve) => {
    const interrupted = () => resolve('interrupted');
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
  });
}

async function main(): Promise<number> {
  const options = demoOptions(process.argv.slice(2), process.env);
  const interrupted = interruption();
  const started = Date.now();
  // Not raced against Ctrl+C: code-server runs in its own process group and must be stopped.
  const job = await startMainJob({ preferredCodeServerPort: PREFERRED_CODE_SERVER_PORT, preferredStandInPort: PREFERRED_STAND_IN_PORT });
  try {
    printInstructions(job);
    console.log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    if (options.drive) {
      console.log('Doing steps 1-3 in headless Chromium…');
      const outcome = await Promise.race([screenshotOpenedPanel(job), interrupted]);
      if (outcome === 'interrupted') {
        return 130;
      }
      console.log(`Screenshot of the opened panel, a field's documentation shown: ${outcome}`);
    }
    if (!options.once) {
      console.log('Serving until Ctrl+C.');
      await interrupted;
    }
    return 0;
  } catch (error) {
    console.error(`The demo failed: ${error instanceof Error ? error.message : error}`);
    console.error(`--- last lines of code-server output ---\n${job.codeServer.recentOutput()}`);
    return 1;
  } finally {
    await job.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`The demo could not start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
