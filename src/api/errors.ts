import * as l10n from '@vscode/l10n';

/** What went wrong with a request, as the user needs to know it. */
export type ApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'throttled'
  | 'serverError'
  | 'clientError'
  | 'timeout'
  | 'cancelled'
  | 'network'
  | 'certificate'
  | 'redirect'
  | 'badResponse'
  | 'tooLarge';

/** The way forward a message offers. */
export type ApiErrorAction = 'setToken' | 'retry' | 'openSettings' | 'none';

export class NexudusApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'NexudusApiError';
  }

  get action(): ApiErrorAction {
    switch (this.kind) {
      case 'unauthorized':
      case 'forbidden':
        return 'setToken';
      case 'cancelled':
      case 'notFound':
      case 'clientError':
        return 'none';
      case 'redirect':
      case 'certificate':
        return 'openSettings';
      default:
        return 'retry';
    }
  }
}

/** The server's own explanation, when its body carries one. */
export function serverMessage(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'string' && parsed.trim()) {
      return parsed.trim();
    }
    if (parsed && typeof parsed === 'object') {
      const message = (parsed as Record<string, unknown>).Message ?? (parsed as Record<string, unknown>).message;
      if (typeof message === 'string' && message.trim()) {
        return message.trim();
      }
    }
  } catch {
    // Not JSON: an HTML error page or plain text, not worth showing.
  }
  return undefined;
}

const CERTIFICATE_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
]);

/** A failure below HTTP (no status), named by its kind and the host. */
export function networkError(code: string | undefined, host: string): NexudusApiError {
  if (code && CERTIFICATE_CODES.has(code)) {
    return new NexudusApiError(
      'certificate',
      l10n.t(
        "The certificate of {0} could not be verified ({1}). Check the address in nexudus.baseUrl, or your network's proxy and certificates.",
        host,
        code,
      ),
    );
  }
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new NexudusApiError('network', l10n.t('Could not find the host {0}. Check your connection and nexudus.baseUrl.', host));
    case 'ECONNREFUSED':
      return new NexudusApiError('network', l10n.t('{0} refused the connection. Check nexudus.baseUrl, or try again later.', host));
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return new NexudusApiError('network', l10n.t('The connection to {0} was cut off before the reply was complete. Try again.', host));
    default:
      return new NexudusApiError(
        'network',
        code
          ? l10n.t('Could not reach {0} ({1}). Check your connection and try again.', host, code)
          : l10n.t('Could not reach {0}. Check your connection and try again.', host),
      );
  }
}
