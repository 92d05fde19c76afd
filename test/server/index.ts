// Public surface of the local Enclave-compatible API server (tests, host tests, bench, demo).
export { MockEnclaveServer } from './server';
export type { MockServerOptions, TokenOptions } from './server';
export { Store } from './store';
export type { OrgState, TagInfo } from './store';
export type { EnrolDetails } from './store-enrol';
export { SimClock } from './clock';
export type { Actor, LogEntryInput } from './activity';
export type { Fault, FaultKind, FaultOptions, RetryAfter } from './faults';
export type { RequestLogEntry } from './request-log';
export { generate } from './generator';
export type { GeneratorOptions, SeedData, SeedOrg } from './generator';
export { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './paging';
export { LIMITS } from './rules';
