import type { Prompter } from './prompter';

let current: Prompter | undefined;

/**
 * The prompter in force. extension.ts installs the window prompter at activation; the
 * integration tests swap in a scripted one through the test API.
 */
export function getPrompter(): Prompter {
  if (!current) throw new Error('The Enclave extension is not activated: no prompter is installed.');
  return current;
}

export function setPrompter(prompter: Prompter): void {
  current = prompter;
}
