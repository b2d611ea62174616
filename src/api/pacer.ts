import * as l10n from '@vscode/l10n';
import { NexudusApiError } from './errors';

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => new NexudusApiError('cancelled', l10n.t('Cancelled.'));
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Spaces request starts at least minIntervalMs apart, however many callers wait
 * at once. The interval is measured from when the previous turn actually began
 * (not when it was booked), so a late timer never lets two requests bunch up.
 */
export class RequestPacer {
  private lastStart = -Infinity;
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly minIntervalMs: number) {}

  /** Resolves when the caller may send; rejects with a cancelled error when the signal aborts first. */
  wait(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(async () => {
      for (let now = Date.now(); now < this.lastStart + this.minIntervalMs; now = Date.now()) {
        await delay(this.lastStart + this.minIntervalMs - now, signal);
      }
      if (signal?.aborted) {
        throw new NexudusApiError('cancelled', l10n.t('Cancelled.'));
      }
      this.lastStart = Date.now();
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}
