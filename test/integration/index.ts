import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { recordSurfaces } from './surfaces';

// Runs after every other file: it checks what all of them showed.
const LAST_FILE = 'leaks.test.js';

function suiteFiles(): string[] {
  if (process.env.NEXUDUS_INTEGRATION_FILES) {
    return process.env.NEXUDUS_INTEGRATION_FILES.split(',');
  }
  const files = fs.readdirSync(__dirname).filter((file) => file.endsWith('.test.js') && file !== LAST_FILE);
  return [...files.sort(), LAST_FILE];
}

/**
 * The integration suite's entry, loaded by VS Code's extension host (through
 * @vscode/test-electron, or code-server's test payload offline).
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000, reporter: 'spec', rootHooks: { afterEach: recordSurfaces } });
  for (const file of suiteFiles()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) {
        reject(new Error(`${failures} integration test(s) failed.`));
      } else {
        resolve();
      }
    });
  });
}
