import type { Prompter } from './prompter';
import { shared } from './shared';

const holder = shared<{ current?: Prompter }>('prompter', () => ({}));

/**
 * The prompter in force. extension.ts installs the window prompter at activation; the
 * integration tests swap in a scripted one through the test API. Shared by every bundle.
 */
export function getPrompter(): Prompter {
  if (!holder.current) throw new Error('The Enclave extension is not activated: no prompter is installed.');
  return holder.current;
}

export function setPrompter(prompter: Prompter): void {
  holder.current = prompter;
}
