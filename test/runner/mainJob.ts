/**
 * The main job, set up as a person would find it: a stand-in for the Nexudus
 * API serving the documented example, and code-server's VS Code with the
 * packaged VSIX installed and `nexudus.baseUrl` pointing at the stand-in.
 * Shared by the demo (scripts/demo.ts) and the UI test (test/ui).
 */
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { DOCUMENTED_EXAMPLE_ID, documentedExample } from '../standin/documentedExample';
import type { StandInAccount } from '../standin/accounts';
import { NexudusStandIn, STANDIN_TOKEN } from '../standin/server';
import { codeServerPaths, repoRoot, startCodeServer, type CodeServer } from './codeServer';

export const VSIX_FILE = path.join('dist', 'nexudus-opportunities.vsix');

export interface MainJobOptions {
  /** Serve VS Code on this port when it is free, else on any free port. */
  preferredCodeServerPort?: number;
  /** Serve the Nexudus stand-in on this port when it is free, so the user's own VS Code can keep one setting. */
  preferredStandInPort?: number;
  /** Users who may sign in to the stand-in. */
  accounts?: StandInAccount[];
}

export interface MainJob {
  /** Opens the job's workspace folder in VS Code in a browser. */
  workbenchUrl: string;
  standIn: NexudusStandIn;
  codeServer: CodeServer;
  /** The token the stand-in accepts, to paste into "Nexudus: Set API Token". */
  token: string;
  /** The documented example's id, to type into "Nexudus: Open Opportunity". */
  opportunityId: number;
  stop(): Promise<void>;
}

function userSettings(standInUrl: string): Record<string, unknown> {
  return {
    'nexudus.baseUrl': standInUrl,
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'security.workspace.trust.enabled': false,
    // VS Code 1.139 opens a Chat view beside the editor on first start; it would squeeze the panel.
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
  };
}

function writeUserSettings(userDataDir: string, standInUrl: string): void {
  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(userSettings(standInUrl), null, 2));
}

function requireFile(file: string, remedy: string): string {
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: ${remedy}.`);
  }
  return file;
}

/** The port when nothing listens on it yet, else undefined. */
function portIfFree(port: number | undefined): Promise<number | undefined> {
  if (port === undefined) {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(undefined));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(port)));
  });
}

export async function startMainJob(options: MainJobOptions = {}): Promise<MainJob> {
  const root = repoRoot();
  const vsix = requireFile(path.join(root, VSIX_FILE), 'run `npm run package` first');
  requireFile(codeServerPaths().entryJs, 'run `bash scripts/ensure-code-server.sh` first');

  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexudus-main-job-'));
  const userDataDir = path.join(tempDir, 'user-data');
  // The workspace folder's name is what the Explorer shows.
  const folder = path.join(tempDir, 'nexudus');
  fs.mkdirSync(folder);
  // Listed too, so the sidebar shows the documented example.
  const standIn = await NexudusStandIn.start({
    records: [documentedExample()],
    accounts: options.accounts,
    port: await portIfFree(options.preferredStandInPort),
  });
  const stopStandInAndRemoveFiles = async () => {
    await standIn.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
  };

  let codeServer: CodeServer;
  try {
    writeUserSettings(userDataDir, standIn.url);
    codeServer = await startCodeServer({
      userDataDir,
      extensionsDir: path.join(tempDir, 'extensions'),
      folder,
      installVsix: vsix,
      port: await portIfFree(options.preferredCodeServerPort),
    });
  } catch (error) {
    await stopStandInAndRemoveFiles();
    throw error;
  }
  return {
    workbenchUrl: `${codeServer.url}/?${new URLSearchParams({ folder })}`,
    standIn,
    codeServer,
    token: STANDIN_TOKEN,
    opportunityId: DOCUMENTED_EXAMPLE_ID,
    stop: async () => {
      await codeServer.stop();
      await stopStandInAndRemoveFiles();
    },
  };
}
