import { execFile } from 'child_process';
import { promisify } from 'util';
import type { ProbeInput } from './loadExtension';
import type { ProbeName, ProbeResult } from './probes';

const run = promisify(execFile);

/**
 * Runs a probe in a fresh Node process (this script, with --probe), without
 * blocking this one: the stand-in answers from this process's event loop.
 */
export async function runProbe<Name extends ProbeName>(benchScript: string, name: Name, input: ProbeInput): Promise<ProbeResult<Name>> {
  try {
    const { stdout } = await run(process.execPath, [benchScript, '--probe', name, JSON.stringify(input)], {
      encoding: 'utf8',
      maxBuffer: 16 * 2 ** 20,
    });
    return JSON.parse(stdout) as ProbeResult<Name>;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`The ${name} probe failed: ${stderr || (error as Error).message}`);
  }
}
