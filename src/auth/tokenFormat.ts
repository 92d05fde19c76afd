/**
 * What a personal access token looks like. The Enclave docs describe tokens as "63-character
 * alpha-numeric strings"; checking that as the user types catches a half-copied token or a
 * pasted "Bearer …" header before anything is sent anywhere.
 */
export const TOKEN_LENGTH = 63;

/** The token as it will be stored: pasted text often carries a newline or spaces. */
export function normaliseToken(value: string): string {
  return value.trim();
}

export function isWellFormedToken(value: string): boolean {
  return /^[A-Za-z0-9]{63}$/.test(normaliseToken(value));
}

/**
 * The validation message for the input box, or undefined when the value is acceptable. An empty
 * box gets no message (it is not an error to have not pasted yet); accepting it cancels.
 */
export function tokenFormatProblem(value: string): string | undefined {
  const token = normaliseToken(value);
  if (token === '') return undefined;
  if (!/^[A-Za-z0-9]+$/.test(token)) {
    return `Enclave tokens are ${TOKEN_LENGTH} letters and digits; this one contains characters other than letters and digits.`;
  }
  if (token.length !== TOKEN_LENGTH) {
    return `Enclave tokens are ${TOKEN_LENGTH} letters and digits; this one has ${token.length} characters.`;
  }
  return undefined;
}
