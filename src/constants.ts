/** Every identifier the extension shares with package.json, in one place. */
export const Commands = {
  openOpportunity: 'nexudus.openOpportunity',
  setToken: 'nexudus.setToken',
  clearToken: 'nexudus.clearToken',
  signIn: 'nexudus.signIn',
  signOut: 'nexudus.signOut',
  openAsJson: 'nexudus.openAsJson',
  copyLink: 'nexudus.copyLink',
  refreshOpportunities: 'nexudus.refreshOpportunities',
  filterOpportunities: 'nexudus.filterOpportunities',
  clearOpportunityFilter: 'nexudus.clearOpportunityFilter',
  openItem: 'nexudus.item.open',
  refreshItem: 'nexudus.item.refresh',
  copyItemId: 'nexudus.item.copyId',
  copyItemJson: 'nexudus.item.copyJson',
  removeRecent: 'nexudus.recent.remove',
} as const;

export const Views = {
  opportunities: 'nexudus.opportunities',
  recent: 'nexudus.recent',
} as const;

/** Context keys that package.json's `when` clauses read. */
export const ContextKeys = {
  hasToken: 'nexudus.hasToken',
  /** idle, noToken, loading, empty, loaded, tokenRejected or failed. */
  opportunitiesState: 'nexudus.opportunitiesState',
  opportunitiesFiltered: 'nexudus.opportunitiesFiltered',
} as const;

/** Tree items' contextValue, read by the item menus. */
export const ItemContexts = {
  opportunity: 'opportunity',
  recentOpportunity: 'recentOpportunity',
  tokenRejected: 'tokenRejected',
} as const;

export const RECENT_STATE_KEY = 'nexudus.recentOpportunities';
export const FILTER_STATE_KEY = 'nexudus.opportunityFilter';

export const Settings = {
  section: 'nexudus',
  baseUrl: 'baseUrl',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
} as const;

export const DEFAULT_BASE_URL = 'https://spaces.nexudus.com';
export const DEFAULT_TIMEOUT_SECONDS = 30;

export const SECRET_TOKEN_KEY = 'nexudus.apiToken';
/** The signed-in session's access and refresh tokens, as one JSON secret. */
export const SECRET_SESSION_KEY = 'nexudus.session';
export const AUTH_PROVIDER_ID = 'nexudus';
export const OPPORTUNITY_VIEW_TYPE = 'nexudus.opportunity';
/** Read-only JSON documents of fetched opportunities: nexudus-opportunity:/<id>.json */
export const JSON_DOCUMENT_SCHEME = 'nexudus-opportunity';
export const LOG_CHANNEL_NAME = 'Nexudus';
