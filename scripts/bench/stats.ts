/** The value below which the given share of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], share: number): number {
  if (samples.length === 0) {
    throw new Error('No samples to take a percentile of.');
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(share * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

/** Runs fn while sampling the process's memory; resolves with fn's result and the peaks above the start. */
export async function withPeakMemory<T>(fn: () => Promise<T>): Promise<{ result: T; extraRssMb: number; extraHeapMb: number }> {
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  const sampler = setInterval(sample, 1);
  try {
    const result = await fn();
    sample();
    return { result, extraRssMb: (peakRss - start.rss) / 2 ** 20, extraHeapMb: (peakHeap - start.heapUsed) / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}
