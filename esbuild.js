// Builds the extension bundle, and with --tests the unit tests, the integration
// suite and the test runners. One script, so tests see the code exactly as bundled.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const withTests = args.has('--tests');
const watch = args.has('--watch');
// For the benchmark: what takes the bundle's space (see scripts/bench/sizes.ts).
const metafile = args.has('--metafile');

// Modules of dependencies that never run in the extension, left out of the
// bundle; importing one throws, saying why.
const LEFT_OUT = [
  {
    // fetch-blob (inside node-fetch) loads it only when globalThis.ReadableStream
    // is missing, which never happens on the Node that VS Code runs: ~60 KB.
    specifier: /^web-streams-polyfill/,
    why: 'web-streams-polyfill is left out of this bundle: this Node has no ReadableStream.',
  },
  {
    // node-fetch loads it only for Response.formData(), which the extension never calls: ~4 KB.
    specifier: /^\.\/utils\/multipart-parser\.js$/,
    importer: /node-fetch/,
    why: "node-fetch's multipart parser is left out of this bundle: nothing here calls Response.formData().",
  },
];

const leaveOut = {
  name: 'leave-out',
  setup(build) {
    for (const { specifier, importer, why } of LEFT_OUT) {
      build.onResolve({ filter: specifier }, (args) =>
        !importer || importer.test(args.importer) ? { path: args.path, namespace: 'left-out', pluginData: why } : undefined,
      );
    }
    build.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(args.pluginData)});`,
      loader: 'js',
    }));
  },
};

// The documentation page is parsed when the bundle is built, by the extension's
// own parser, and shipped as its field table: the page's prose and examples stay out.
const FIELD_DOC_SOURCES = {
  'field-docs:crmopportunity': { page: 'data/get-one-crmopportunity.md', enums: 'data/enum-values.json' },
};
const FIELD_DOC_PARSER = 'src/docs/fieldDocs.ts';

async function loadFieldDocParser() {
  const { outputFiles } = await esbuild.build({ entryPoints: [FIELD_DOC_PARSER], bundle: true, platform: 'node', format: 'cjs', write: false });
  const module = { exports: {} };
  new Function('module', 'exports', outputFiles[0].text)(module, module.exports);
  return module.exports;
}

const fieldDocsAtBuildTime = {
  name: 'field-docs-at-build-time',
  setup(build) {
    build.onResolve({ filter: /^field-docs:/ }, (args) => ({ path: args.path, namespace: 'field-docs' }));
    build.onLoad({ filter: /.*/, namespace: 'field-docs' }, async (args) => {
      const sources = FIELD_DOC_SOURCES[args.path];
      if (!sources) {
        return { errors: [{ text: `No documentation page is known as ${args.path}.` }] };
      }
      const { FieldDocumentation } = await loadFieldDocParser();
      const page = fs.readFileSync(sources.page, 'utf8');
      const enums = JSON.parse(fs.readFileSync(sources.enums, 'utf8'));
      return {
        contents: JSON.stringify(FieldDocumentation.fromMarkdown(page, enums).toJson()),
        loader: 'json',
        watchFiles: [sources.page, sources.enums, FIELD_DOC_PARSER].map((file) => path.resolve(file)),
      };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  // Tests read the documentation page itself, as text.
  loader: { '.md': 'text' },
  logLevel: 'warning',
  plugins: [leaveOut, fieldDocsAtBuildTime],
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
    metafile,
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
  const [extension] = await Promise.all(builds.map((b) => esbuild.build(b)));
  if (metafile) {
    fs.mkdirSync('out', { recursive: true });
    fs.writeFileSync('out/extension.meta.json', JSON.stringify(extension.metafile));
  }
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
