/**
 * Thrown by Session.call when no token is stored for the configured API origin. Kept apart from
 * session.ts (which needs `vscode`) so vscode-free code such as describeError.ts can name it.
 */
export class NotSignedInError extends Error {
  constructor(readonly apiUrl: string) {
    super(`Not signed in to Enclave (${apiUrl})`);
    this.name = 'NotSignedInError';
  }
}

/** By name, not instanceof: the class may come from another bundle (dist/extension.js vs out/). */
export function isNotSignedIn(error: unknown): error is NotSignedInError {
  return error instanceof Error && error.name === 'NotSignedInError';
}
