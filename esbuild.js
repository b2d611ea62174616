// Builds the extension bundle, and with --tests the unit tests, the integration
// suite and the test runners. One script, so tests see the code exactly as bundled.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const withTests = args.has('--tests');
const watch = args.has('--watch');

// fetch-blob (inside node-fetch) loads web-streams-polyfill only when
// globalThis.ReadableStream is missing, which never happens on the Node that
// VS Code runs. Leaving it out saves ~60 KB of the bundle.
const withoutStreamsPolyfill = {
  name: 'without-web-streams-polyfill',
  setup(build) {
    build.onResolve({ filter: /^web-streams-polyfill/ }, (args) => ({ path: args.path, namespace: 'left-out' }));
    build.onLoad({ filter: /.*/, namespace: 'left-out' }, () => ({
      contents: 'throw new Error("web-streams-polyfill is left out of this bundle: this Node has no ReadableStream.");',
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  // The documentation page and enum data are bundled as text/JSON and parsed lazily.
  loader: { '.md': 'text' },
  logLevel: 'warning',
  plugins: [withoutStreamsPolyfill],
};

/** Files in a folder whose names end with the suffix. */
function filesIn(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith(suffix)).map((f) => path.join(dir, f));
}

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    minify: production,
  },
];

if (withTests) {
  builds.push({
    ...common,
    entryPoints: [
      ...filesIn('test/unit', '.test.ts'),
      ...filesIn('test/reliability', '.ts'),
      ...filesIn('test/integration', '.ts'),
      ...filesIn('test/runner', '.ts'),
      ...filesIn('test/standin', '.ts'),
      ...filesIn('test/ui', '.ts'),
      ...filesIn('scripts', '.ts'),
    ],
    outdir: 'out',
    outbase: '.',
    external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron', 'jsdom'],
  });
}

// The webview loads codicons from dist/, since the VSIX ships no node_modules.
function copyCodicons() {
  const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
  const to = path.join(__dirname, 'dist', 'codicons');
  fs.mkdirSync(to, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) {
    fs.copyFileSync(path.join(from, file), path.join(to, file));
  }
}

async function main() {
  copyCodicons();
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
