import { NexudusApiError } from '../api/errors';
import { SessionExpiredError } from '../auth/credentials';
import { SignInError } from '../auth/tokenEndpoint';
import { TokenStoreError } from '../auth/tokenStore';

/** The settings cannot be used as they are (e.g. a base URL that is not https). */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** Thrown when a request needs a token and none is saved; nothing was sent. */
export class MissingTokenError extends Error {
  constructor() {
    super('You are not signed in to Nexudus and no API token is set. Sign in, or set an API token, to open opportunities.');
    this.name = 'MissingTokenError';
  }
}

/** Input that cannot be used, e.g. an id argument that is not an id. */
export class InvalidInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

export const SET_TOKEN = 'Set API Token';
export const SIGN_IN = 'Sign In';
export const RETRY = 'Retry';
export const OPEN_SETTINGS = 'Open Settings';

export interface FailureMessage {
  text: string;
  buttons: string[];
  severity: 'error' | 'warning';
}

/** The one message a failure gets, and the ways forward it offers. */
export function describeFailure(error: unknown, canRetry: boolean): FailureMessage | undefined {
  if (error instanceof MissingTokenError) {
    return { text: error.message, buttons: [SIGN_IN, SET_TOKEN], severity: 'warning' };
  }
  if (error instanceof SessionExpiredError) {
    return { text: error.message, buttons: [SIGN_IN], severity: 'warning' };
  }
  if (error instanceof SignInError) {
    return { text: error.message, buttons: error.kind === 'mustResetPassword' ? [] : [SIGN_IN], severity: 'error' };
  }
  if (error instanceof NexudusApiError) {
    switch (error.action) {
      case 'none':
        return error.kind === 'cancelled' ? undefined : { text: error.message, buttons: [], severity: 'warning' };
      case 'setToken':
        return { text: error.message, buttons: [SET_TOKEN], severity: 'error' };
      case 'openSettings':
        return { text: error.message, buttons: [OPEN_SETTINGS], severity: 'error' };
      default:
        return { text: error.message, buttons: canRetry ? [RETRY] : [], severity: 'error' };
    }
  }
  if (error instanceof SettingsError) {
    return { text: error.message, buttons: [OPEN_SETTINGS], severity: 'error' };
  }
  if (error instanceof TokenStoreError || error instanceof InvalidInputError) {
    return { text: error.message, buttons: [], severity: 'error' };
  }
  return {
    text: `Something unexpected went wrong${error instanceof Error && error.message ? `: ${error.message}` : ''}. See the Nexudus output for details.`,
    buttons: canRetry ? [RETRY] : [],
    severity: 'error',
  };
}
