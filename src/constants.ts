/** Every identifier the extension shares with package.json, in one place. */
export const Commands = {
  openOpportunity: 'nexudus.openOpportunity',
  setToken: 'nexudus.setToken',
  clearToken: 'nexudus.clearToken',
} as const;

export const Settings = {
  section: 'nexudus',
  baseUrl: 'baseUrl',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
} as const;

export const DEFAULT_BASE_URL = 'https://spaces.nexudus.com';
export const DEFAULT_TIMEOUT_SECONDS = 30;

export const SECRET_TOKEN_KEY = 'nexudus.apiToken';
export const OPPORTUNITY_VIEW_TYPE = 'nexudus.opportunity';
export const LOG_CHANNEL_NAME = 'Nexudus';
