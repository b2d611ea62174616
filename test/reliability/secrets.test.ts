import * as assert from 'assert';
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { fetchOpportunity } from '../../src/api/opportunities';
import { checkToken, TokenStore, TokenStoreError } from '../../src/auth/tokenStore';
import { describeFailure } from '../../src/ui/failureMessages';
import { failureOf } from './helpers';

const REPO = path.resolve(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.(ts|js)$/.test(entry.name) ? [full] : [];
  });
}

describe('reliability: secrets and network settings', () => {
  it('a token is trimmed on save and on read', async () => {
    const saved = new Map<string, string>();
    const store = new TokenStore(
      { get: async (k) => saved.get(k), store: async (k, v) => void saved.set(k, v), delete: async (k) => void saved.delete(k) },
      'key',
    );
    await store.set('\t tok-123 \n');
    assert.strictEqual(saved.get('key'), 'tok-123');
    saved.set('key', '  tok-456\r\n');
    assert.strictEqual(await store.get(), 'tok-456');
  });

  for (const [name, token] of [
    ['a line feed', 'abc\ndef'],
    ['a carriage return', 'abc\rdef'],
    ['CR LF', 'abc\r\ndef'],
    ['an inner space', 'abc def'],
    ['a control character', 'abc\u0007def'],
  ]) {
    it(`a token with ${name} is refused with a message that does not repeat it`, () => {
      const check = checkToken(token);
      assert.strictEqual(check.ok, false);
      assert.ok(!check.ok && !check.message.includes(token));
    });

    it(`a saved token with ${name} never reaches node-fetch's header check`, async () => {
      const error = await failureOf(fetchOpportunity({ baseUrl: 'http://127.0.0.1:9', token, timeoutMs: 1000 }, 1));
      assert.strictEqual(error.kind, 'unauthorized');
      assert.match(error.message, /Set the token again/);
      assert.ok(!error.message.includes(token));
    });
  }

  it('SecretStorage failing: one clear message, no button that would prompt again, nothing stored elsewhere', async () => {
    const calls: string[] = [];
    const failing = {
      get: async () => { calls.push('get'); throw new Error('keyring locked'); },
      store: async () => { calls.push('store'); throw new Error('keyring locked'); },
      delete: async () => { calls.push('delete'); throw new Error('keyring locked'); },
    };
    const store = new TokenStore(failing, 'key');
    for (const attempt of [() => store.set('tok-789'), () => store.get(), () => store.clear()]) {
      const error = await attempt().then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof TokenStoreError);
      const shown = describeFailure(error, true);
      assert.deepStrictEqual(shown?.buttons, []);
      assert.match(shown?.text ?? '', /secret storage .* not available\. Nothing was saved anywhere else/);
      assert.ok(!shown?.text.includes('tok-789'));
    }
    assert.deepStrictEqual(calls, ['store', 'get', 'delete'], 'one attempt each, no loop');
  });

  it('TLS verification is never turned off, and no custom agent bypasses VS Code proxy support', () => {
    const files = [...sourceFiles(path.join(REPO, 'src')), path.join(REPO, 'esbuild.js')];
    assert.ok(files.length > 10);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const forbidden of [/rejectUnauthorized/, /NODE_TLS_REJECT_UNAUTHORIZED/, /checkServerIdentity/, /\bagent\s*:/, /new\s+(https?\.)?Agent\b/]) {
        assert.doesNotMatch(text, forbidden, `${path.relative(REPO, file)} must not use ${forbidden}`);
      }
    }
  });

  it('a certificate error says so and names the host', async () => {
    const server = https.createServer(
      {
        key: fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'self-signed.key')),
        cert: fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'self-signed.crt')),
      },
      (_request, response) => response.end('{}'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const error = await failureOf(fetchOpportunity({ baseUrl: `https://127.0.0.1:${port}`, token: 'tok', timeoutMs: 3000 }, 1));
      assert.strictEqual(error.kind, 'certificate');
      assert.match(error.message, new RegExp(`The certificate of 127\\.0\\.0\\.1:${port} could not be verified \\(DEPTH_ZERO_SELF_SIGNED_CERT\\)`));
    } finally {
      server.close();
    }
  });
});
