/**
 * Runs the integration suite (out/test/integration/index.js) in desktop VS Code
 * via @vscode/test-electron, which downloads VS Code: only for machines with
 * the internet (offline, use runInCodeServer). On Linux it needs a display
 * (e.g. xvfb-run).
 *
 * Environment:
 *   NEXUDUS_VSCODE_VERSION  VS Code version to download (default: stable)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './codeServer';

async function main(): Promise<number> {
  const root = repoRoot();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nexudus-workspace-'));
  try {
    return await runTests({
      version: process.env.NEXUDUS_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

// runTests rejects when VS Code exits non-zero, i.e. when the suite fails.
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
