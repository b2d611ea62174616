import Module from 'module';
import type { NexudusApi } from '../../src/extension';
import { SECRET_TOKEN_KEY } from '../../src/constants';
import { createVscodeStub, VscodeStub } from './vscodeStub';

/** What a probe child is given by the benchmark. */
export interface ProbeInput {
  /** The bundle to load (a copy of the minified dist/extension.js), or the empty module. */
  modulePath: string;
  repoRoot: string;
  baseUrl?: string;
  token?: string;
  /** The opportunity to open. */
  id?: number;
  /** Measured runs, after warmUpRuns unmeasured ones. */
  runs?: number;
  warmUpRuns?: number;
}

const STUB_ID = 'vscode';
type ResolveFilename = (request: string, ...rest: unknown[]) => string;

/** Makes `require('vscode')` return the stub, as the extension host provides the real one. */
export function installVscodeStub(input: ProbeInput): VscodeStub {
  const stub = createVscodeStub({
    configuration: { baseUrl: input.baseUrl, requestTimeoutSeconds: 30 },
    secrets: input.token ? { [SECRET_TOKEN_KEY]: input.token } : {},
    extensionPath: input.repoRoot,
  });
  const loader = Module as unknown as { _resolveFilename: ResolveFilename };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (this: unknown, request, ...rest) {
    return request === STUB_ID ? STUB_ID : resolve.call(this, request, ...rest);
  };
  require.cache[STUB_ID] = { id: STUB_ID, filename: STUB_ID, loaded: true, exports: stub.module } as unknown as NodeModule;
  return stub;
}

/** Loads the module fresh and runs its activate(), as the extension host does. */
export function loadAndActivate(modulePath: string, stub: VscodeStub): NexudusApi | undefined {
  const extension = require(modulePath) as { activate?: (context: unknown) => NexudusApi };
  return extension.activate?.(stub.context);
}

/** The stub installed and the bundle activated: what the request probes start from. */
export function activatedExtension(input: ProbeInput): { stub: VscodeStub; api: NexudusApi } {
  const stub = installVscodeStub(input);
  const api = loadAndActivate(input.modulePath, stub);
  if (!api) {
    throw new Error(`${input.modulePath} has no activate() returning the extension's API.`);
  }
  return { stub, api };
}

/** Requests the extension logged ("GET /path → status (n ms)"), oldest first. */
export function loggedRequests(stub: VscodeStub): { path: string; status: string }[] {
  return stub.record.log.flatMap((line) => {
    const match = /^info GET (\S+) → (\S+)/.exec(line);
    return match ? [{ path: match[1], status: match[2] }] : [];
  });
}
