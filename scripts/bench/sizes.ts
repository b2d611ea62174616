import * as fs from 'fs';
import * as path from 'path';
import { atMost, Figure } from './figures';

export const BUNDLE = 'dist/extension.js';
export const VSIX = 'dist/nexudus-opportunities.vsix';
/** Written by `node esbuild.js --production --metafile`. */
export const METAFILE = 'out/extension.meta.json';

const BUNDLE_TARGET_KB = 60;
const VSIX_TARGET_KB = 150;

interface Metafile {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}

export interface BundleShare {
  what: string;
  bytes: number;
}

const kilobytes = (bytes: number) => bytes / 1000;

// Modules esbuild.js makes rather than reads, by their namespace.
const GENERATED = { 'field-docs': 'documentation table', 'left-out': 'left-out stubs' } as const;

/** npm packages by name, the extension's code by folder, modules esbuild.js makes by kind. */
function shareOf(input: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (dependency) {
    return dependency[1];
  }
  const namespace = input.split(':')[0];
  if (namespace in GENERATED) {
    return GENERATED[namespace as keyof typeof GENERATED];
  }
  const source = /^src\/([^/]+)\//.exec(input);
  if (source) {
    return `src/${source[1]}`;
  }
  return input.startsWith('src/') ? 'src/*.ts' : input;
}

/** What takes the bundle's space, largest first, from the build's metafile. */
export function bundleBreakdown(root: string): { bytes: number; shares: BundleShare[] } {
  const metafile = JSON.parse(fs.readFileSync(path.join(root, METAFILE), 'utf8')) as Metafile;
  const output = metafile.outputs[BUNDLE];
  if (!output) {
    throw new Error(`${METAFILE} does not describe ${BUNDLE}; build with: node esbuild.js --production --metafile`);
  }
  const shares = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    shares.set(shareOf(input), (shares.get(shareOf(input)) ?? 0) + bytesInOutput);
  }
  return {
    bytes: output.bytes,
    shares: [...shares].map(([what, bytes]) => ({ what, bytes })).sort((a, b) => b.bytes - a.bytes),
  };
}

function describeShares(shares: BundleShare[]): string {
  return shares
    .filter((share) => share.bytes >= 500)
    .map((share) => `${share.what} ${kilobytes(share.bytes).toFixed(1)}`)
    .join(', ');
}

/** The minified bundle and the VSIX, checked to be the build the metafile describes. */
export function sizeFigures(root: string): Figure[] {
  const bundleBytes = fs.statSync(path.join(root, BUNDLE)).size;
  const breakdown = bundleBreakdown(root);
  if (breakdown.bytes !== bundleBytes) {
    throw new Error(`${BUNDLE} (${bundleBytes} bytes) is not the production build ${METAFILE} describes (${breakdown.bytes}); did another build replace it?`);
  }
  const ours = new Set<string>(Object.values(GENERATED));
  const dependencies = breakdown.shares.filter((share) => !share.what.startsWith('src/') && !ours.has(share.what));
  const dependencyBytes = dependencies.reduce((sum, share) => sum + share.bytes, 0);
  return [
    {
      name: 'bundle size (minified dist/extension.js)',
      measured: kilobytes(bundleBytes),
      unit: 'KB',
      target: atMost(BUNDLE_TARGET_KB, 'KB'),
      note: `KB of 1,000 bytes. Largest parts (KB): ${describeShares(breakdown.shares)}.`,
      knownMiss:
        `the npm dependencies take ${kilobytes(dependencyBytes).toFixed(1)} KB (${dependencies.map((share) => share.what).join(', ')}; ` +
        `node-fetch already without web-streams-polyfill and its multipart parser), leaving ${(BUNDLE_TARGET_KB - kilobytes(dependencyBytes)).toFixed(1)} KB ` +
        `for the extension's own ${kilobytes(bundleBytes - dependencyBytes).toFixed(1)} KB (commands, panel, sidebar trees, sign-in, messages, ` +
        'documentation table): reaching 60 KB would mean dropping features.',
    },
    {
      name: 'VSIX size',
      measured: kilobytes(fs.statSync(path.join(root, VSIX)).size),
      unit: 'KB',
      target: atMost(VSIX_TARGET_KB, 'KB'),
    },
  ];
}
