import type { ProbeInput } from './loadExtension';

/**
 * What the benchmark measures in child processes, by name. Each loads its
 * module only when it runs, so a probe's process holds nothing it does not need.
 */
export const PROBES = {
  activationTime: async () => (await import('./activationProbes')).timeActivation,
  activationAudit: async () => (await import('./activationProbes')).auditActivation,
  opening: async () => (await import('./requestProbes')).timeOpening,
  reopening: async () => (await import('./requestProbes')).reopen,
  treeListing: async () => (await import('./requestProbes')).listInTree,
  backToBackListing: async () => (await import('./requestProbes')).listBackToBack,
  rendering: async () => (await import('./viewProbes')).timeRendering,
  documentation: async () => (await import('./viewProbes')).timeDocumentation,
} satisfies Record<string, () => Promise<(input: ProbeInput) => unknown>>;

export type ProbeName = keyof typeof PROBES;
export type ProbeResult<Name extends ProbeName> = Awaited<ReturnType<Awaited<ReturnType<(typeof PROBES)[Name]>>>>;

export function isProbeName(name: string | undefined): name is ProbeName {
  return name !== undefined && Object.prototype.hasOwnProperty.call(PROBES, name);
}

/** In a probe's process: runs it and prints its result as JSON, the process's only output. */
export async function runProbeHere(name: ProbeName, input: ProbeInput): Promise<void> {
  const probe = await PROBES[name]();
  const result = await probe(input);
  process.stdout.write(JSON.stringify(result));
}
