import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as l10n from '@vscode/l10n';
import { checkToken } from '../../src/auth/tokenStore';
import { parseOpportunityId } from '../../src/input/opportunityId';
import { statusChoices } from '../../src/tree/opportunitySummary';
import { describeFailure, MissingTokenError } from '../../src/ui/failureMessages';
import { buildOpportunityView } from '../../src/view/opportunityModel';
import { opportunityDocumentation } from '../../src/docs';

// This file is bundled to out/test/unit/l10n.test.js: the repository is three folders up.
const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

function sourceFiles(dir = 'src'): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** The string literal that starts at `at` (quote included), decoded; undefined when none starts there. */
function stringLiteralAt(text: string, at: number): string | undefined {
  const quote = text[at];
  if (quote !== "'" && quote !== '"' && quote !== '`') {
    return undefined;
  }
  let value = '';
  for (let i = at + 1; i < text.length; i++) {
    const char = text[i];
    if (char === quote) {
      return value;
    }
    if (quote === '`' && char === '$' && text[i + 1] === '{') {
      return undefined; // A template with substitutions cannot be extracted.
    }
    if (char !== '\\') {
      value += char;
      continue;
    }
    const next = text[++i];
    if (next === 'u') {
      const braced = text[i + 1] === '{';
      const hex = braced ? text.slice(i + 2, text.indexOf('}', i)) : text.slice(i + 1, i + 5);
      value += String.fromCodePoint(parseInt(hex, 16));
      i += braced ? hex.length + 2 : 4;
    } else if (next === 'x') {
      value += String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (next === '\n') {
      // A line continuation adds nothing.
    } else {
      value += ESCAPES[next] ?? next;
    }
  }
  return undefined;
}

interface Call {
  file: string;
  line: number;
  /** The message, or undefined when the first argument is not a plain string literal. */
  message: string | undefined;
  viaVscode: boolean;
}

/** Every l10n.t( and vscode.l10n.t( call in the sources. */
function l10nCalls(file: string, text: string): Call[] {
  const calls: Call[] = [];
  for (const match of text.matchAll(/(\bvscode\.)?\bl10n\.t\(\s*/g)) {
    calls.push({
      file,
      line: text.slice(0, match.index).split('\n').length,
      message: stringLiteralAt(text, match.index! + match[0].length),
      viaVscode: match[1] !== undefined,
    });
  }
  return calls;
}

const sources = sourceFiles().map((file) => ({ file, text: read(file) }));
const calls = sources.flatMap(({ file, text }) => l10nCalls(file, text));
const bundle = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, unknown>;
const where = (call: Call) => `${call.file}:${call.line}`;

describe('localisation: every string a person reads goes through l10n', () => {
  it('finds the l10n.t calls (the scan works)', () => {
    assert.ok(calls.length > 100, `${calls.length} calls found`);
    assert.ok(calls.some((c) => c.viaVscode) && calls.some((c) => !c.viaVscode), 'both vscode.l10n.t and @vscode/l10n are used');
  });

  it('passes each l10n.t a string literal, so the export can extract it', () => {
    const dynamic = calls.filter((call) => call.message === undefined).map(where);
    assert.deepStrictEqual(dynamic, [], 'calls whose first argument is not a string literal');
  });

  it('has every message in l10n/bundle.l10n.json (run `npm run l10n` after changing one)', () => {
    const missing = calls.filter((call) => call.message !== undefined && !(call.message in bundle)).map((call) => `${where(call)}: ${call.message}`);
    assert.deepStrictEqual(missing, [], 'messages missing from l10n/bundle.l10n.json');
  });

  it('holds nothing in the bundle that the sources no longer say, each message as its own English', () => {
    const used = new Set(calls.map((call) => call.message));
    assert.deepStrictEqual(Object.keys(bundle).filter((key) => !used.has(key)), [], 'stale messages in l10n/bundle.l10n.json');
    assert.deepStrictEqual(Object.entries(bundle).filter(([key, value]) => key !== value), []);
  });

  it('uses vscode.l10n in modules that import vscode and @vscode/l10n in the rest, which stay free of vscode', () => {
    const problems: string[] = [];
    for (const { file, text } of sources) {
      const importsVscode = /from 'vscode'/.test(text);
      const importsL10n = /from '@vscode\/l10n'/.test(text);
      // activate() hands the loaded bundle to @vscode/l10n, so the extension's entry imports both.
      if (importsVscode && importsL10n && file !== 'src/extension.ts') {
        problems.push(`${file} imports both vscode and @vscode/l10n`);
      }
      const fileCalls = calls.filter((call) => call.file === file);
      if (fileCalls.some((call) => !call.viaVscode) && !importsL10n) {
        problems.push(`${file} calls l10n.t without importing @vscode/l10n`);
      }
      if (fileCalls.some((call) => call.viaVscode) && !importsVscode) {
        problems.push(`${file} calls vscode.l10n.t without importing vscode`);
      }
    }
    assert.deepStrictEqual(problems, []);
  });

  it('looks messages up when they are shown, never while modules load (before activate() loads the bundle)', () => {
    const atLoad = sources.flatMap(({ file, text }) =>
      text
        .split('\n')
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => /^(export\s+)?(const|let|var)\s[^(]*=[^>]*\bl10n\.t\(/.test(line))
        .map(({ index }) => `${file}:${index + 1}`),
    );
    assert.deepStrictEqual(atLoad, []);
  });

  it('configures @vscode/l10n in activate() from the bundle VS Code loaded, without reading the disk', () => {
    const extension = read('src/extension.ts');
    assert.match(extension, /if \(vscode\.l10n\.bundle\) \{\s*l10n\.config\(\{ contents: vscode\.l10n\.bundle \}\);/);
  });
});

describe('localisation: package.json', () => {
  const manifestText = read('package.json');
  const manifest = JSON.parse(manifestText) as { l10n?: string; scripts: Record<string, string> };
  const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
  const placeholders = [...manifestText.matchAll(/"%([^"%]+)%"/g)].map((match) => match[1]);

  it('has every %key% of package.json in package.nls.json', () => {
    assert.ok(placeholders.length > 20, `${placeholders.length} placeholders`);
    assert.deepStrictEqual(
      placeholders.filter((key) => !(key in nls)),
      [],
      'keys missing from package.nls.json',
    );
  });

  it('uses every key of package.nls.json, each a text', () => {
    assert.deepStrictEqual(
      Object.keys(nls).filter((key) => !placeholders.includes(key)),
      [],
      'unused keys in package.nls.json',
    );
    assert.ok(Object.values(nls).every((value) => typeof value === 'string' && value.trim() !== ''));
  });

  it('keeps the Command Palette’s English: “Nexudus: Set API Token”', () => {
    assert.strictEqual(nls['command.setToken.title'], 'Set API Token');
    assert.match(manifestText, /"command": "nexudus\.setToken",\s*"title": "%command\.setToken\.title%",\s*"category": "Nexudus"/);
  });

  it('points VS Code at l10n/, ships the bundles and package.nls.json, and can regenerate the bundle', () => {
    assert.strictEqual(manifest.l10n, './l10n');
    const shipped = read('.vscodeignore').split(/\r?\n/);
    assert.ok(shipped.includes('!l10n/**'), '.vscodeignore ships l10n/');
    assert.ok(shipped.includes('!package.nls.json'), '.vscodeignore ships package.nls.json');
    assert.match(manifest.scripts.l10n, /l10n-dev export --outDir \.\/l10n \.\/src/);
  });
});

describe('localisation at run time (the modules without vscode)', () => {
  // A pseudo-translation of every message: what a language pack's bundle would do.
  const pseudo = Object.fromEntries(Object.keys(bundle).map((key) => [key, `⟦${key}⟧`]));
  before(() => l10n.config({ contents: pseudo }));
  after(() => l10n.config({ contents: {} }));

  it('translates validation messages, with their values', () => {
    assert.deepStrictEqual(checkToken(''), { ok: false, message: '⟦Enter the API token, or press Escape to cancel.⟧' });
    assert.deepStrictEqual(parseOpportunityId('12 34'), {
      ok: false,
      message: '⟦This holds 2 numbers (12, 34…); type just the opportunity id.⟧',
    });
  });

  it('translates failure messages and their buttons', () => {
    assert.deepStrictEqual(describeFailure(new MissingTokenError(), false), {
      text: '⟦You are not signed in to Nexudus and no API token is set. Sign in, or set an API token, to open opportunities.⟧',
      buttons: ['⟦Sign In⟧', '⟦Set API Token⟧'],
      severity: 'warning',
    });
  });

  it('translates tree and panel text, looked up after the bundle was configured', () => {
    assert.deepStrictEqual(
      statusChoices().map((choice) => choice.label),
      ['⟦In progress⟧', '⟦Won⟧', '⟦Lost⟧'],
    );
    const view = buildOpportunityView({ Id: 7, Surprise: true, Name: 'x' }, opportunityDocumentation(), 'en');
    assert.deepStrictEqual(
      view.groups.map((group) => group.title),
      ['⟦Deal⟧', '⟦Record⟧', '⟦Not in the documentation⟧'],
    );
    assert.strictEqual(view.groups[2].rows[0].value.text, '⟦Yes⟧');
  });

  it('without a bundle, gives the English back with the values in place', () => {
    l10n.config({ contents: {} });
    assert.deepStrictEqual(parseOpportunityId(-3), { ok: false, message: '-3 is not an opportunity id: ids are positive whole numbers.' });
    l10n.config({ contents: pseudo });
  });
});
