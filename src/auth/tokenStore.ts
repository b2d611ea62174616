import * as l10n from '@vscode/l10n';

/** The slice of vscode.SecretStorage the token store needs. */
export interface SecretStore {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

// A token is sent in a header: visible ASCII only, or node would reject the header.
export const TOKEN_CHARACTERS = /^[\x21-\x7e]+$/;

export type TokenCheck = { ok: true; token: string } | { ok: false; message: string };

/** Whether typed or pasted text can be a bearer token; surrounding whitespace is dropped. */
export function checkToken(input: string | undefined): TokenCheck {
  const token = (input ?? '').trim();
  if (!token) {
    return { ok: false, message: l10n.t('Enter the API token, or press Escape to cancel.') };
  }
  if (/\s/.test(token)) {
    return { ok: false, message: l10n.t('A token has no spaces or line breaks inside it. Paste it again.') };
  }
  if (!TOKEN_CHARACTERS.test(token)) {
    return { ok: false, message: l10n.t('A token holds only plain letters, digits and symbols. Paste it again.') };
  }
  if (/^bearer$/i.test(token)) {
    return { ok: false, message: l10n.t('Paste the token itself, without the word "Bearer".') };
  }
  return { ok: true, token };
}

export class TokenStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenStoreError';
  }
}

// A function, not a constant: the text is looked up in the display language when it is needed.
/** What to say when SecretStorage (the system keyring) fails. */
export const keyringHint = () =>
  l10n.t("VS Code's secret storage (your system keyring) is not available. Nothing was saved anywhere else. Unlock or set up the keyring, then try again.");

/** The API token, kept only in VS Code's SecretStorage. */
export class TokenStore {
  constructor(
    private readonly secrets: SecretStore,
    private readonly key: string,
  ) {}

  /** The saved token, trimmed; undefined when there is none or it is unusable. */
  async get(): Promise<string | undefined> {
    let saved: string | undefined;
    try {
      saved = await this.secrets.get(this.key);
    } catch {
      throw new TokenStoreError(keyringHint());
    }
    if (saved === undefined) {
      return undefined;
    }
    const check = checkToken(saved);
    return check.ok ? check.token : undefined;
  }

  async set(input: string): Promise<void> {
    const check = checkToken(input);
    if (!check.ok) {
      throw new TokenStoreError(check.message);
    }
    try {
      await this.secrets.store(this.key, check.token);
    } catch {
      throw new TokenStoreError(keyringHint());
    }
  }

  async clear(): Promise<void> {
    try {
      await this.secrets.delete(this.key);
    } catch {
      throw new TokenStoreError(keyringHint());
    }
  }
}
