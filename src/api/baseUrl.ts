import * as l10n from '@vscode/l10n';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type BaseUrlCheck = { ok: true; baseUrl: string } | { ok: false; message: string };

/**
 * The API address the user configured, or why it is refused: the token must
 * only ever travel over https, except to this machine (the tests' stand-in).
 */
export function checkBaseUrl(input: string): BaseUrlCheck {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: l10n.t('The setting nexudus.baseUrl is not a web address: "{0}".', trimmed) };
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return {
      ok: false,
      message: l10n.t(
        'The setting nexudus.baseUrl must start with https:// (it is "{0}"). Plain http is only allowed for 127.0.0.1, localhost and [::1].',
        url.origin,
      ),
    };
  }
  if (url.username || url.password) {
    return { ok: false, message: l10n.t('The setting nexudus.baseUrl must not contain a user name or password.') };
  }
  return { ok: true, baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
