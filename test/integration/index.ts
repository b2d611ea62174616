import * as path from 'path';
import Mocha from 'mocha';

/**
 * The integration suite's entry, loaded by VS Code's extension host (through
 * @vscode/test-electron, or code-server's test payload offline).
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000, reporter: 'spec' });
  for (const file of (process.env.NEXUDUS_INTEGRATION_FILES ?? 'opportunity.test.js').split(',')) {
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
