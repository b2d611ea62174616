import * as l10n from '@vscode/l10n';
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
    super(l10n.t('You are not signed in to Nexudus and no API token is set. Sign in, or set an API token, to open opportunities.'));
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

/** The buttons' labels, in the display language (looked up when shown, after activate() has loaded the bundle). */
export function buttonLabels() {
  return {
    setToken: l10n.t('Set API Token'),
    signIn: l10n.t('Sign In'),
    retry: l10n.t('Retry'),
    openSettings: l10n.t('Open Settings'),
  };
}

export interface FailureMessage {
  text: string;
  buttons: string[];
  severity: 'error' | 'warning';
}

/** The one message a failure gets, and the ways forward it offers. */
export function describeFailure(error: unknown, canRetry: boolean): FailureMessage | undefined {
  const labels = buttonLabels();
  if (error instanceof MissingTokenError) {
    return { text: error.message, buttons: [labels.signIn, labels.setToken], severity: 'warning' };
  }
  if (error instanceof SessionExpiredError) {
    return { text: error.message, buttons: [labels.signIn], severity: 'warning' };
  }
  if (error instanceof SignInError) {
    return { text: error.message, buttons: error.kind === 'mustResetPassword' ? [] : [labels.signIn], severity: 'error' };
  }
  if (error instanceof NexudusApiError) {
    switch (error.action) {
      case 'none':
        return error.kind === 'cancelled' ? undefined : { text: error.message, buttons: [], severity: 'warning' };
      case 'setToken':
        return { text: error.message, buttons: [labels.setToken], severity: 'error' };
      case 'openSettings':
        return { text: error.message, buttons: [labels.openSettings], severity: 'error' };
      default:
        return { text: error.message, buttons: canRetry ? [labels.retry] : [], severity: 'error' };
    }
  }
  if (error instanceof SettingsError) {
    return { text: error.message, buttons: [labels.openSettings], severity: 'error' };
  }
  if (error instanceof TokenStoreError || error instanceof InvalidInputError) {
    return { text: error.message, buttons: [], severity: 'error' };
  }
  return {
    text:
      error instanceof Error && error.message
        ? l10n.t('Something unexpected went wrong: {0}. See the Nexudus output for details.', error.message)
        : l10n.t('Something unexpected went wrong. See the Nexudus output for details.'),
    buttons: canRetry ? [labels.retry] : [],
    severity: 'error',
  };
}
