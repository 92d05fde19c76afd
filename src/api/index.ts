// Public surface of the Enclave API client. Bundled separately (dist/api.js) so that undici is
// loaded on the first request, not at activation.
export * from './types';
