/**
 * Runs the integration suite (out/test/integration/index.js) inside a real
 * VS Code served by code-server, offline. Exits with the suite's exit code.
 *
 * Environment:
 *   NEXUDUS_SKIP_ENSURE=1        do not run scripts/ensure-code-server.sh first
 *   NEXUDUS_TEST_EXTENSION_PATH  extension under development (default: the repo)
 *   NEXUDUS_TEST_SUITE_PATH      suite module exporting run() (default: out/test/integration/index.js)
 *   NEXUDUS_TEST_VSIX            install this .vsix and test it instead of a development extension
 *   NEXUDUS_TEST_TIMEOUT_MS      give up after this long (default 5 minutes)
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot, runTestSuite } from './codeServer';

function ensureCodeServer(root: string): void {
  if (process.env.NEXUDUS_SKIP_ENSURE !== '1') {
    execFileSync('bash', [path.join(root, 'scripts', 'ensure-code-server.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
  }
}

function envPath(name: string): string | undefined {
  const value = process.env[name];
  return value ? path.resolve(value) : undefined;
}

async function main(): Promise<number> {
  const root = repoRoot();
  ensureCodeServer(root);
  const installVsix = envPath('NEXUDUS_TEST_VSIX');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nexudus-workspace-'));
  try {
    return await runTestSuite({
      // A development copy of the extension would hide the installed one.
      extensionDevelopmentPath: installVsix ? undefined : (envPath('NEXUDUS_TEST_EXTENSION_PATH') ?? root),
      extensionTestsPath: envPath('NEXUDUS_TEST_SUITE_PATH') ?? path.join(root, 'out', 'test', 'integration', 'index.js'),
      installVsix,
      folder,
      timeoutMs: process.env.NEXUDUS_TEST_TIMEOUT_MS ? Number(process.env.NEXUDUS_TEST_TIMEOUT_MS) : undefined,
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
