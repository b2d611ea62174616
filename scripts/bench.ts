/**
 * The performance benchmark: `npm run bench` builds the production bundle and
 * the VSIX, then prints every figure of the performance table beside its floor,
 * both measured in this run, and writes the table to artifacts/bench.md. It
 * exits non-zero when a target is missed that is not a known miss.
 *
 * Figures that time the extension run the minified bundle in fresh Node
 * processes (this script with --probe <name>) with the `vscode` module stubbed;
 * the Nexudus stand-in answers from this process over loopback.
 */
import type { ProbeInput } from './bench/loadExtension';
import { isProbeName, runProbeHere } from './bench/probes';

// Nothing heavier is imported above: a probe's process must load only what it measures.
async function start(args: string[]): Promise<void> {
  const probeAt = args.indexOf('--probe');
  if (probeAt < 0) {
    const { main } = await import('./bench/main');
    return main(__filename);
  }
  const name = args[probeAt + 1];
  if (!isProbeName(name)) {
    throw new Error(`No probe named ${name}.`);
  }
  return runProbeHere(name, JSON.parse(args[probeAt + 2]) as ProbeInput);
}

start(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
