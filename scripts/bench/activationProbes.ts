/**
 * Probes of activation, each run in a fresh Node process. This module imports
 * nothing that loads Node's network modules, so what activation loads, it pays for.
 */
import { performance } from 'perf_hooks';
import { installVscodeStub, loadAndActivate, ProbeInput } from './loadExtension';

// Long enough for what activate() starts without awaiting (reading the secrets, setting context keys).
const ASYNC_TAIL_MS = 100;
const NETWORK_MODULES = ['http', 'https', 'net', 'tls', 'dns', 'http2'];

function loadedBuiltins(): Set<string> {
  const list = (process as unknown as { moduleLoadList: string[] }).moduleLoadList;
  return new Set(list.filter((entry) => entry.startsWith('NativeModule ')).map((entry) => entry.slice('NativeModule '.length)));
}

/** Milliseconds to require the module and run its activate(), and the Node modules that loaded. */
export function timeActivation(input: ProbeInput): { ms: number; builtinsLoaded: string[] } {
  const stub = installVscodeStub(input);
  const before = loadedBuiltins();
  const preloaded = NETWORK_MODULES.filter((name) => before.has(name));
  if (preloaded.length > 0) {
    throw new Error(`The activation probe itself loaded ${preloaded.join(', ')}; the timing would hide their cost.`);
  }
  const started = performance.now();
  loadAndActivate(input.modulePath, stub);
  const ms = performance.now() - started;
  return { ms, builtinsLoaded: [...loadedBuiltins()].filter((name) => !before.has(name)) };
}

export interface ActivationAudit {
  /** Files read or listed, as "method path". */
  diskAccess: string[];
  /** Connections and lookups attempted, as "method target". */
  network: string[];
  commandsRegistered: string[];
}

type AnyFunction = (...args: unknown[]) => unknown;

/** Replaces object[method] with a wrapper that reports each call first. */
function spy(object: object, method: string, report: (args: unknown[]) => void): void {
  const target = object as Record<string, AnyFunction>;
  const original = target[method];
  target[method] = function (this: unknown, ...args: unknown[]) {
    report(args);
    return original.apply(this, args);
  };
}

function describeTarget(args: unknown[]): string {
  const [first] = args;
  if (typeof first === 'string' || first instanceof URL || typeof first === 'number') {
    return String(first);
  }
  const options = first as { host?: string; hostname?: string; port?: number; path?: string } | undefined;
  return `${options?.hostname ?? options?.host ?? '?'}:${options?.port ?? '?'}${options?.path ?? ''}`;
}

const FS_READS = ['readFileSync', 'readFile', 'openSync', 'open', 'readdirSync', 'readdir', 'createReadStream', 'statSync', 'stat', 'lstatSync', 'existsSync', 'accessSync'];
const FS_PROMISE_READS = ['readFile', 'open', 'readdir', 'stat', 'access'];

function spyOnDisk(diskAccess: string[]): void {
  // The module object itself (an import would give a read-only copy), as the bundle and Node's loader see it.
  const fs = require('fs') as typeof import('fs');
  for (const method of FS_READS) {
    spy(fs, method, (args) => diskAccess.push(`fs.${method} ${String(args[0])}`));
  }
  for (const method of FS_PROMISE_READS) {
    spy(fs.promises, method, (args) => diskAccess.push(`fs.promises.${method} ${String(args[0])}`));
  }
}

/** Loads the network modules (this probe is not timed) and reports every connection or lookup. */
function spyOnNetwork(network: string[]): void {
  const report = (what: string) => (args: unknown[]) => network.push(`${what} ${describeTarget(args)}`);
  for (const name of ['http', 'https']) {
    const module = require(name) as object;
    spy(module, 'request', report(`${name}.request`));
    spy(module, 'get', report(`${name}.get`));
  }
  const net = require('net') as typeof import('net');
  spy(net.Socket.prototype, 'connect', report('net.Socket.connect'));
  spy(require('tls') as object, 'connect', report('tls.connect'));
  spy(require('dns') as object, 'lookup', report('dns.lookup'));
  spy(globalThis, 'fetch', report('fetch'));
}

/** Activates once with the disk and the network watched, and reports what activation touched. */
export async function auditActivation(input: ProbeInput): Promise<ActivationAudit> {
  const stub = installVscodeStub(input);
  const diskAccess: string[] = [];
  const network: string[] = [];
  spyOnNetwork(network);
  spyOnDisk(diskAccess);
  loadAndActivate(input.modulePath, stub);
  await new Promise((resolve) => setTimeout(resolve, ASYNC_TAIL_MS));
  return {
    diskAccess,
    network,
    commandsRegistered: [...stub.record.commands.keys()],
  };
}
