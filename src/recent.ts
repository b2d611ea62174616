/** The slice of vscode.Memento (globalState) the list needs. */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** An opportunity opened lately: its id and name only, nothing else of the record. */
export interface RecentEntry {
  id: number;
  name: string;
}

export const RECENT_LIMIT = 20;

function isEntry(value: unknown): value is RecentEntry {
  const entry = value as RecentEntry | null;
  return typeof entry?.id === 'number' && Number.isInteger(entry.id) && entry.id > 0 && typeof entry.name === 'string';
}

/** The last opportunities opened, newest first, kept in extension state so they survive a reload. */
export class RecentOpportunities {
  constructor(
    private readonly store: StateStore,
    private readonly key: string,
  ) {}

  entries(): RecentEntry[] {
    const stored = this.store.get<unknown>(this.key);
    return Array.isArray(stored) ? stored.filter(isEntry).map(({ id, name }) => ({ id, name })) : [];
  }

  /** Puts the opportunity first, once, dropping the oldest beyond the limit. */
  add(entry: RecentEntry): Thenable<void> {
    const rest = this.entries().filter((e) => e.id !== entry.id);
    return this.store.update(this.key, [{ id: entry.id, name: entry.name }, ...rest].slice(0, RECENT_LIMIT));
  }

  /** Updates the name of an entry already listed, keeping its place. */
  async rename(entry: RecentEntry): Promise<void> {
    const entries = this.entries();
    const listed = entries.find((e) => e.id === entry.id);
    if (listed && listed.name !== entry.name) {
      listed.name = entry.name;
      await this.store.update(this.key, entries);
    }
  }

  remove(id: number): Thenable<void> {
    return this.store.update(
      this.key,
      this.entries().filter((e) => e.id !== id),
    );
  }
}
