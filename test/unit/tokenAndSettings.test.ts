import * as assert from 'assert';
import { checkBaseUrl } from '../../src/api/baseUrl';
import { checkToken, TokenStore, TokenStoreError } from '../../src/auth/tokenStore';

class MemorySecrets {
  readonly values = new Map<string, string>();
  failing = false;
  async get(key: string) {
    if (this.failing) throw new Error('keyring locked');
    return this.values.get(key);
  }
  async store(key: string, value: string) {
    if (this.failing) throw new Error('keyring locked');
    this.values.set(key, value);
  }
  async delete(key: string) {
    if (this.failing) throw new Error('keyring locked');
    this.values.delete(key);
  }
}

describe('API token', () => {
  it('trims surrounding whitespace', () => {
    assert.deepStrictEqual(checkToken('  abc.DEF-123_x \n'), { ok: true, token: 'abc.DEF-123_x' });
  });

  it('refuses empty text, inner whitespace, line breaks and control characters', () => {
    for (const bad of ['', '   ', 'ab cd', 'ab\ncd', 'ab\r\ncd', 'ab\tcd', 'ab\u0000cd', 'tökén', 'Bearer']) {
      assert.strictEqual(checkToken(bad).ok, false, JSON.stringify(bad));
    }
  });

  it('is stored trimmed, read back trimmed, and cleared', async () => {
    const secrets = new MemorySecrets();
    const store = new TokenStore(secrets, 'k');
    await store.set('  secret-1  ');
    assert.strictEqual(secrets.values.get('k'), 'secret-1');
    secrets.values.set('k', ' secret-2\n');
    assert.strictEqual(await store.get(), 'secret-2');
    await store.clear();
    assert.strictEqual(await store.get(), undefined);
  });

  it('says plainly when the keyring fails, without the token in the message', async () => {
    const secrets = new MemorySecrets();
    secrets.failing = true;
    const store = new TokenStore(secrets, 'k');
    await assert.rejects(store.set('secret-3'), (error: Error) => {
      assert.ok(error instanceof TokenStoreError);
      assert.match(error.message, /secret storage/);
      assert.ok(!error.message.includes('secret-3'));
      return true;
    });
    await assert.rejects(store.get(), TokenStoreError);
  });
});

describe('base URL setting', () => {
  it('accepts https and drops a trailing slash', () => {
    assert.deepStrictEqual(checkBaseUrl('https://spaces.nexudus.com/'), { ok: true, baseUrl: 'https://spaces.nexudus.com' });
  });

  it('allows plain http only for loopback hosts', () => {
    assert.deepStrictEqual(checkBaseUrl('http://127.0.0.1:8080'), { ok: true, baseUrl: 'http://127.0.0.1:8080' });
    assert.deepStrictEqual(checkBaseUrl('http://localhost:1'), { ok: true, baseUrl: 'http://localhost:1' });
    assert.deepStrictEqual(checkBaseUrl('http://[::1]:9'), { ok: true, baseUrl: 'http://[::1]:9' });
    assert.strictEqual(checkBaseUrl('http://spaces.nexudus.com').ok, false);
    assert.strictEqual(checkBaseUrl('http://127.0.0.1.example.com').ok, false);
    assert.strictEqual(checkBaseUrl('ftp://127.0.0.1').ok, false);
    assert.strictEqual(checkBaseUrl('not a url').ok, false);
    assert.strictEqual(checkBaseUrl('https://user:pw@spaces.nexudus.com').ok, false);
  });
});
