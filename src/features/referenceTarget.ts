/**
 * Which kind of file the active editor holds, for Insert Enrolment Key Reference: a compose file
 * (docker-compose.yml, compose.yaml, docker-compose.override.yml, compose.dev.yaml, or the
 * `dockercompose` language) or a dev container definition (devcontainer.json, .devcontainer.json,
 * or any .json under a .devcontainer folder). And the single edit that turns one text into
 * another, so an insertion is one undo step that leaves the rest of the document untouched.
 * No `vscode`.
 */
export type TargetKind = 'compose' | 'devcontainer';

const COMPOSE_NAME = /(^|[.-])(docker-)?compose([.-][\w.-]*)?\.ya?ml$/i;
const DEVCONTAINER_NAME = /^\.?devcontainer\.json$/i;

export function targetKind(path: string, languageId: string): TargetKind | undefined {
  const parts = path.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? '';
  if (languageId === 'dockercompose' || COMPOSE_NAME.test(name)) return 'compose';
  if (DEVCONTAINER_NAME.test(name)) return 'devcontainer';
  if (/\.jsonc?$/i.test(name) && parts.slice(0, -1).some((p) => p.toLowerCase() === '.devcontainer')) return 'devcontainer';
  return undefined;
}

export interface TextChange {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

/** The one replacement (common prefix and suffix kept) that makes `before` into `after`. */
export function singleChange(before: string, after: string): TextChange {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { offset: start, length: before.length - start - end, text: after.slice(start, after.length - end) };
}
