/**
 * A stand-in for the `vscode` module, enough to load the real bundle in plain
 * Node and drive it through its commands: it records what the extension
 * registers, runs progress tasks at once, and gives fake webview panels whose
 * `html` setter is timestamped. Namespaces throw on members they lack, so a
 * new API call fails the benchmark loudly instead of measuring a no-op.
 */
import { performance } from 'perf_hooks';

export interface StubSettings {
  /** nexudus.* settings, e.g. { baseUrl: 'http://127.0.0.1:1234' }. */
  configuration: Record<string, unknown>;
  /** SecretStorage's contents. */
  secrets: Record<string, string>;
  extensionPath: string;
}

type Listener<T> = (event: T) => unknown;

class Disposable {
  constructor(private readonly onDispose: () => void = () => undefined) {}
  dispose(): void {
    this.onDispose();
  }
}

class EventEmitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(event: T): void {
    this.listeners.forEach((listener) => listener(event));
  }
  dispose(): void {
    this.listeners.clear();
  }
}

class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static parse(text: string): Uri {
    const url = new URL(text);
    return new Uri(url.protocol.slice(0, -1), url.pathname);
  }
  static from(parts: { scheme: string; path?: string }): Uri {
    return new Uri(parts.scheme, parts.path ?? '/');
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(base.scheme, [base.path, ...segments].join('/'));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

/** Plain data holders the bundle constructs (tree items, hovers, icons...). */
class Recorded {
  constructor(...args: unknown[]) {
    Object.assign(this, { args });
  }
}

class MarkdownString {
  value = '';
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
  appendText(text: string): this {
    this.value += text;
    return this;
  }
}

/** A webview panel that records when its HTML was set, and how often. */
export class FakePanel {
  title: string;
  iconPath: unknown;
  htmlSetAt: number[] = [];
  private html = '';
  private readonly disposed = new EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  readonly webview = {
    options: {},
    cspSource: 'https://stub.vscode-cdn.net',
    asWebviewUri: (uri: Uri) => uri,
    postMessage: async () => true,
    onDidReceiveMessage: new EventEmitter<unknown>().event,
  };

  constructor(
    readonly viewType: string,
    title: string,
  ) {
    this.title = title;
    const panel = this;
    Object.defineProperty(this.webview, 'html', {
      get: () => panel.html,
      set: (html: string) => {
        panel.htmlSetAt.push(performance.now());
        panel.html = html;
      },
    });
  }

  reveal(): void {}

  dispose(): void {
    this.disposed.fire();
    this.disposed.dispose();
  }
}

function memento(): { get(key: string, fallback?: unknown): unknown; update(key: string, value: unknown): Promise<void> } {
  const values = new Map<string, unknown>();
  return {
    get: (key, fallback) => (values.has(key) ? values.get(key) : fallback),
    update: async (key, value) => {
      values.set(key, value);
    },
  };
}

function logChannel(name: string, lines: string[]) {
  const write = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return {
    name,
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    append: write(''),
    appendLine: write(''),
    show: () => undefined,
    dispose: () => undefined,
  };
}

type L10nArgs = unknown[] | Record<string, unknown>;

/** vscode.l10n.t with no translation bundle (English): the message with its {0} or {name} arguments filled in. */
function translate(message: string | { message: string; args?: L10nArgs }, ...rest: unknown[]): string {
  const text = typeof message === 'string' ? message : message.message;
  const named = rest.length === 1 && typeof rest[0] === 'object' && rest[0] !== null;
  const args = (typeof message === 'string' ? (named ? rest[0] : rest) : message.args ?? []) as Record<string, unknown>;
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
}

function strict<T extends object>(name: string, members: T): T {
  return new Proxy(members, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key in target) {
        return Reflect.get(target, key, receiver);
      }
      throw new Error(`The benchmark's vscode stub has no ${name}.${key}; add it to scripts/bench/vscodeStub.ts.`);
    },
  });
}

/** What the extension did through the stub. */
export interface StubRecord {
  commands: Map<string, (...args: unknown[]) => unknown>;
  panels: FakePanel[];
  /** Lines written to the "Nexudus" log channel; requests appear as "info GET /path → 200 (n ms)". */
  log: string[];
  notifications: string[];
}

export interface VscodeStub {
  module: Record<string, unknown>;
  record: StubRecord;
  context: Record<string, unknown> & { subscriptions: { dispose(): unknown }[] };
  /** Runs a command the extension registered, as vscode.commands.executeCommand does. */
  executeCommand(id: string, ...args: unknown[]): Promise<unknown>;
}

export function createVscodeStub(settings: StubSettings): VscodeStub {
  const record: StubRecord = { commands: new Map(), panels: [], log: [], notifications: [] };
  const registration = () => new Disposable();
  const notify = async (message: string) => {
    record.notifications.push(message);
    return undefined;
  };

  const commands = strict('commands', {
    registerCommand(id: string, handler: (...args: unknown[]) => unknown) {
      record.commands.set(id, handler);
      return new Disposable(() => record.commands.delete(id));
    },
    async executeCommand(id: string, ...args: unknown[]) {
      if (id === 'setContext') {
        return undefined;
      }
      const handler = record.commands.get(id);
      if (!handler) {
        throw new Error(`command '${id}' not found`);
      }
      return handler(...args);
    },
  });

  const window = strict('window', {
    createOutputChannel: (name: string) => logChannel(name, record.log),
    createTreeView: () => ({
      visible: false,
      description: undefined,
      message: undefined,
      onDidChangeVisibility: new EventEmitter<unknown>().event,
      dispose: () => undefined,
    }),
    createWebviewPanel(viewType: string, title: string) {
      const panel = new FakePanel(viewType, title);
      record.panels.push(panel);
      return panel;
    },
    registerWebviewPanelSerializer: registration,
    registerUriHandler: registration,
    withProgress: (_options: unknown, task: (progress: unknown, token: unknown) => unknown) =>
      task({ report: () => undefined }, { isCancellationRequested: false, onCancellationRequested: () => new Disposable() }),
    showInformationMessage: notify,
    showWarningMessage: notify,
    showErrorMessage: notify,
    showInputBox: async () => undefined,
    showQuickPick: async () => undefined,
    setStatusBarMessage: registration,
  });

  const workspace = strict('workspace', {
    getConfiguration: () => ({ get: (key: string, fallback?: unknown) => settings.configuration[key] ?? fallback }),
    onDidChangeConfiguration: new EventEmitter<unknown>().event,
    registerTextDocumentContentProvider: registration,
  });

  const secretsChanged = new EventEmitter<{ key: string }>();
  const secretValues = new Map(Object.entries(settings.secrets));
  const extensionUri = Uri.file(settings.extensionPath);
  const context = {
    subscriptions: [] as { dispose(): unknown }[],
    extensionUri,
    extension: { id: 'coworking-tools.nexudus-opportunities', extensionUri },
    globalState: memento(),
    workspaceState: memento(),
    secrets: {
      get: async (key: string) => secretValues.get(key),
      store: async (key: string, value: string) => {
        secretValues.set(key, value);
        secretsChanged.fire({ key });
      },
      delete: async (key: string) => {
        secretValues.delete(key);
        secretsChanged.fire({ key });
      },
      onDidChange: secretsChanged.event,
    },
    logUri: Uri.file(`${settings.extensionPath}/.bench/log`),
    globalStorageUri: Uri.file(`${settings.extensionPath}/.bench/global`),
  };

  const module = {
    commands,
    window,
    workspace,
    languages: strict('languages', { registerHoverProvider: registration, registerInlayHintsProvider: registration }),
    authentication: strict('authentication', {
      registerAuthenticationProvider: registration,
      getSession: async () => undefined,
      onDidChangeSessions: new EventEmitter<unknown>().event,
    }),
    l10n: strict('l10n', { bundle: undefined, t: translate }),
    env: strict('env', {
      language: 'en',
      uriScheme: 'vscode',
      clipboard: { writeText: async () => undefined },
      openExternal: async () => true,
    }),
    Disposable,
    EventEmitter,
    Uri,
    MarkdownString,
    TreeItem: Recorded,
    ThemeIcon: Recorded,
    ThemeColor: Recorded,
    Hover: Recorded,
    Range: Recorded,
    Position: Recorded,
    InlayHint: Recorded,
    CancellationError: class CancellationError extends Error {},
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ProgressLocation: { Notification: 15 },
    ViewColumn: { Active: -1, Beside: -2 },
  };
  return { module, record, context, executeCommand: commands.executeCommand };
}
