/**
 * Numbers loads so only the newest one may change what is shown: beginning a
 * load aborts the one before, and anything a stale load still delivers is
 * dropped by checking its generation.
 */
export class LoadGeneration {
  private generation = 0;
  private controller?: AbortController;

  begin(): { generation: number; signal: AbortSignal } {
    this.controller?.abort();
    this.controller = new AbortController();
    return { generation: ++this.generation, signal: this.controller.signal };
  }

  isCurrent(generation: number): boolean {
    return generation === this.generation;
  }

  /** Aborts the current load and drops whatever it still delivers (it failed, or is no longer wanted). */
  invalidate(): void {
    this.controller?.abort();
    this.generation++;
  }
}
