import { NexudusApiError } from '../api/errors';
import { BoardsUpdate, recordId } from '../api/listOpportunities';
import type { OpportunityRecord } from '../api/opportunities';
import { MissingTokenError } from '../ui/failureMessages';
import { isFiltering, matchesFilter, NO_FILTER, OpportunityFilter } from './filter';
import { BoardGroup, groupByBoardAndStage } from './grouping';
import { LoadGeneration } from './loadGeneration';
import { OpportunitySummary, summarizeOpportunity } from './opportunitySummary';

export type ListState =
  | { kind: 'idle' }
  | { kind: 'noToken' }
  | { kind: 'loading' }
  | { kind: 'loaded' }
  | { kind: 'tokenRejected'; message: string }
  | { kind: 'failed'; message: string };

export type OpportunityNode =
  | { kind: 'board'; key: string; name: string; count: number }
  | { kind: 'stage'; key: string; boardKey: string; name: string; count: number }
  | { kind: 'opportunity'; record: OpportunityRecord; summary: OpportunitySummary }
  | { kind: 'problem'; problem: 'tokenRejected' | 'failed'; message: string };

export interface ControllerPorts {
  /** Lists every opportunity, reporting as pages arrive; throws MissingTokenError when no token is saved. */
  load(signal: AbortSignal, onUpdate: (update: BoardsUpdate) => void): Promise<void>;
  /** Shows one message for a failed load; `retry` is given where trying again can help. */
  notifyFailure(error: unknown, retry?: () => void): void;
  /** Shows that a load is running, until the promise settles. */
  showProgress(load: Promise<void>): void;
  isVisible(): boolean;
  locale: string;
}

interface Shown {
  boards: BoardGroup[];
  count: number;
}

/**
 * The Opportunities tree as plain data: what was listed, the filter, the load
 * state, and the nodes to show. The view is a thin adapter over it.
 */
export class OpportunitiesController {
  private state: ListState = { kind: 'idle' };
  private listed: OpportunityRecord[] = [];
  private stagePositions: ReadonlyMap<number, number> = new Map();
  // Fetched one by one (a panel refresh) while a list load runs: newer than its pages.
  private readonly fetchedDuringLoad = new Map<number, OpportunityRecord>();
  private readonly loads = new LoadGeneration();
  private task: Promise<void> = Promise.resolve();
  private shown?: Shown;
  private readonly summaries = new WeakMap<OpportunityRecord, OpportunitySummary>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly ports: ControllerPorts,
    private currentFilter: OpportunityFilter = NO_FILTER,
  ) {}

  get status(): ListState {
    return this.state;
  }

  get filter(): OpportunityFilter {
    return this.currentFilter;
  }

  /** How many opportunities were listed, and how many the filter lets through. */
  get counts(): { listed: number; shown: number } {
    return { listed: this.listed.length, shown: this.view().count };
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Starts a load; an earlier one still running is aborted and whatever it still delivers is dropped. */
  refresh(): Promise<void> {
    const { generation, signal } = this.loads.begin();
    const isCurrent = () => this.loads.isCurrent(generation);
    this.fetchedDuringLoad.clear();
    this.setState({ kind: 'loading' });

    const load = this.ports
      .load(signal, (update) => {
        if (isCurrent()) {
          this.apply(update);
        }
      })
      .then(
        () => {
          if (isCurrent()) {
            this.setState({ kind: 'loaded' });
          }
        },
        (error: unknown) => {
          if (isCurrent()) {
            this.loads.invalidate();
            this.failed(error);
          }
        },
      );
    this.task = load;
    this.ports.showProgress(load);
    return load;
  }

  /** Loads when nothing was asked for yet, or since the source changed (the view was just shown). */
  ensureLoaded(): void {
    if (this.state.kind === 'idle') {
      void this.refresh();
    }
  }

  /**
   * The token or the API address changed: load again, once, when the list is
   * on screen; when it is hidden, forget it and load when it is next shown.
   */
  sourceChanged(): void {
    if (this.state.kind === 'idle') {
      return;
    }
    if (this.ports.isVisible()) {
      void this.refresh();
      return;
    }
    this.loads.invalidate();
    this.listed = [];
    this.setState({ kind: 'idle' });
  }

  /** Resolves when the newest load has finished, however many were started meanwhile. */
  async settled(): Promise<void> {
    for (let task: Promise<void> | undefined; task !== this.task; ) {
      task = this.task;
      await task;
    }
  }

  /** An opportunity fetched on its own (opened or refreshed in a panel): its item shows that copy. */
  opportunityLoaded(record: OpportunityRecord): void {
    const id = recordId(record);
    if (id === undefined) {
      return;
    }
    if (this.state.kind === 'loading') {
      this.fetchedDuringLoad.set(id, record);
    }
    const index = this.listed.findIndex((listed) => recordId(listed) === id);
    if (index < 0) {
      return;
    }
    this.listed = [...this.listed.slice(0, index), record, ...this.listed.slice(index + 1)];
    this.changed();
  }

  setFilter(filter: OpportunityFilter): void {
    this.currentFilter = filter;
    this.changed();
  }

  record(id: number): OpportunityRecord | undefined {
    return this.listed.find((record) => recordId(record) === id);
  }

  children(node?: OpportunityNode): OpportunityNode[] {
    if (!node) {
      if (this.state.kind === 'tokenRejected' || this.state.kind === 'failed') {
        return [{ kind: 'problem', problem: this.state.kind, message: this.state.message }];
      }
      return this.view().boards.map((board) => ({
        kind: 'board',
        key: board.key,
        name: board.name,
        count: board.stages.reduce((sum, stage) => sum + stage.opportunities.length, 0),
      }));
    }
    const board = (key: string) => this.view().boards.find((b) => b.key === key);
    if (node.kind === 'board') {
      return (board(node.key)?.stages ?? []).map((stage) => ({
        kind: 'stage',
        key: stage.key,
        boardKey: node.key,
        name: stage.name,
        count: stage.opportunities.length,
      }));
    }
    if (node.kind === 'stage') {
      const stage = board(node.boardKey)?.stages.find((s) => s.key === node.key);
      return (stage?.opportunities ?? []).map((record) => ({ kind: 'opportunity', record, summary: this.summary(record) }));
    }
    return [];
  }

  dispose(): void {
    this.loads.invalidate();
    this.listeners.clear();
  }

  private apply(update: BoardsUpdate): void {
    if (update.records) {
      this.listed = update.records.map((record) => this.fetchedDuringLoad.get(recordId(record)!) ?? record);
    }
    if (update.stagePositions) {
      this.stagePositions = update.stagePositions;
    }
    this.changed();
  }

  private failed(error: unknown): void {
    if (error instanceof NexudusApiError && error.kind === 'cancelled') {
      return;
    }
    if (error instanceof MissingTokenError) {
      this.listed = [];
      this.setState({ kind: 'noToken' });
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof NexudusApiError && error.kind === 'unauthorized') {
      this.setState({ kind: 'tokenRejected', message });
      // No retry here: a new token is saved through Set API Token, whose change reloads the tree.
      this.ports.notifyFailure(error);
      return;
    }
    this.setState({ kind: 'failed', message });
    this.ports.notifyFailure(error, () => void this.refresh());
  }

  private summary(record: OpportunityRecord): OpportunitySummary {
    let summary = this.summaries.get(record);
    if (!summary) {
      summary = summarizeOpportunity(record, this.ports.locale);
      this.summaries.set(record, summary);
    }
    return summary;
  }

  private view(): Shown {
    if (!this.shown) {
      const filter = this.currentFilter;
      const records = isFiltering(filter) ? this.listed.filter((record) => matchesFilter(record, filter)) : this.listed;
      this.shown = { boards: groupByBoardAndStage(records, this.stagePositions, this.ports.locale), count: records.length };
    }
    return this.shown;
  }

  private setState(state: ListState): void {
    this.state = state;
    this.changed();
  }

  private changed(): void {
    this.shown = undefined;
    this.listeners.forEach((listener) => listener());
  }
}
