// When the API refuses a create or edit with validation errors (400 problem details with an
// `errors` map), "Edit Again" reopens the prompts with the typed values and shows the API's
// message on the box of the field it concerns. This maps the API's field names to ours.
// No `vscode` here.
import type { Form } from './promptsChanges';

/** Per form key, the API's message(s) about the value that was sent. */
export type FieldMessages = Readonly<Record<string, string>>;

/** What the last attempt sent and what the API said about each field of it. */
export interface Refusal {
  readonly sent: Form;
  readonly messages: FieldMessages;
}

/**
 * The `errors` map of an API validation error, read by shape: extension code must not import
 * the API's error classes at run time (they live in the lazily loaded api bundle).
 */
export function validationErrorsOf(error: unknown): Record<string, string[]> | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const errors = (error as { validationErrors?: unknown }).validationErrors;
  if (typeof errors !== 'object' || errors === null) return undefined;
  return errors as Record<string, string[]>;
}

/** "Tags[1]", "$.tags", "Description" → "tags", "tags", "description". */
function baseName(apiField: string): string {
  return apiField.replace(/^\$\.?/, '').split(/[.[]/)[0].toLowerCase();
}

/** Messages for the fields we prompt for; messages about other fields are left to the funnel's sentence. */
export function fieldMessages(errors: Record<string, string[]> | undefined, keys: readonly string[]): FieldMessages {
  const out: Record<string, string> = {};
  if (!errors) return out;
  for (const [apiField, messages] of Object.entries(errors)) {
    const key = keys.find((k) => k.toLowerCase() === baseName(apiField));
    if (!key || !Array.isArray(messages) || messages.length === 0) continue;
    out[key] = [out[key], ...messages].filter(Boolean).join(' ');
  }
  return out;
}

export function refusalOf(error: unknown, sent: Form): Refusal | undefined {
  const messages = fieldMessages(validationErrorsOf(error), Object.keys(sent));
  return Object.keys(messages).length > 0 ? { sent: { ...sent }, messages } : undefined;
}

/** A box validator that adds the API's message while the box still holds the refused value. */
export function andRefusal(local: (value: string) => string | undefined, field: string, refusal?: Refusal): (value: string) => string | undefined {
  const message = refusal?.messages[field];
  const refusedValue = refusal?.sent[field];
  return (value) => local(value) ?? (message !== undefined && refusedValue !== undefined && value.trim() === refusedValue.trim() ? message : undefined);
}
