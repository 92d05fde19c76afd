// Public surface of the Enclave API client. Bundled separately (dist/api.js) so that undici is
// loaded on the first request, not at activation. Nothing in src/api imports `vscode`.
export * from './types';
export { EnclaveClient } from './client';
export type { CallOptions, ClientOptions, ClientTimeouts, RequestEvent, RequestOptions, RetryInfo, Transport, WalkOptions } from './options';
export {
  AbortedError,
  ApiError,
  ConfigError,
  EnclaveError,
  ForbiddenError,
  InsecureUrlError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ResponseFormatError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  isEnclaveError,
} from './errors';
export type { BulkProgress, EnclaveErrorKind, TimeoutPhase } from './errors';
export { OrganisationsApi } from './organisations';
export { SystemsApi } from './systems';
export { UnapprovedSystemsApi } from './unapprovedSystems';
export { EnrolmentKeysApi } from './enrolmentKeys';
export { TagsApi } from './tags';
export { LogsApi } from './logs';
export { OrgList } from './orgList';
export { autoExpireAt, expiryInstant, isKnownTimeZone } from '../time/expiry';
export { MAX_PER_PAGE, walkLinksSequentially, walkPages, fetchPage, collect } from './pagination';
export { MAX_BULK_IDS } from './bulk';
export type { RetryOptions } from './retry';
export { DEFAULT_BASE_URL, isLoopbackHost } from './url';
export { proxyRoute } from './proxy';
export type { ProxyOptions, Route } from './proxy';
