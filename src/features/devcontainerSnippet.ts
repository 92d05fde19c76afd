/**
 * What a dev container needs to run Enclave inside it, added to its devcontainer.json (JSON with
 * comments): the key in `containerEnv` as `${localEnv:ENCLAVE_ENROLMENT_KEY}` (the dev container
 * spec fills it from the environment VS Code runs in, so the file never holds the key), and in
 * `runArgs` the NET_ADMIN capability and the /dev/net/tun device of docs/setup/containers.md.
 * Edits go through jsonc-parser, so comments, order and indentation stay. No `vscode`.
 */
import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions, type Node, type ParseError } from 'jsonc-parser';
import { KEY_VARIABLE } from './setupCommands';

export const ENV_REFERENCE = `\${localEnv:${KEY_VARIABLE}}`;
export const RUN_ARGS = ['--cap-add=NET_ADMIN', '--device=/dev/net/tun'] as const;

export interface DevcontainerResult {
  readonly text: string;
  /** The dev container is built from a compose file: `runArgs` do not apply, so none were added. */
  readonly composeBased: boolean;
}

export class DevcontainerLayoutError extends Error {}

/** The file's own indentation and line ending, for the properties added. */
function formatting(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 4 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** Whether `runArgs` already grants what `wanted` does (`--cap-add=NET_ADMIN` or `--cap-add NET_ADMIN`, `--privileged`). */
function granted(args: readonly unknown[], wanted: (typeof RUN_ARGS)[number]): boolean {
  const words = args.filter((a): a is string => typeof a === 'string');
  if (words.includes('--privileged')) return true;
  const [flag, value] = wanted.split('=');
  return words.some((w, i) => w === wanted || (w === flag && words[i + 1] === value) || (w.startsWith(`${flag}=`) && w.endsWith(value)));
}

function kindOf(node: Node | undefined): string | undefined {
  return node?.type;
}

/** The devcontainer.json text with the key reference and what Enclave needs added. */
export function addEnclaveToDevcontainer(source: string): DevcontainerResult {
  let text = source.trim() === '' ? '{}\n' : source;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!root || root.type !== 'object') throw new DevcontainerLayoutError('it is not a JSON object');
  if (errors.length > 0) throw new DevcontainerLayoutError('it does not parse as JSON with comments; fix it first');
  const options = { formattingOptions: formatting(text) };
  const env = findNodeAtLocation(root, ['containerEnv']);
  if (env && kindOf(env) !== 'object') throw new DevcontainerLayoutError('its containerEnv is not an object');
  text = applyEdits(text, modify(text, ['containerEnv', KEY_VARIABLE], ENV_REFERENCE, options));

  const composeBased = findNodeAtLocation(root, ['dockerComposeFile']) !== undefined;
  if (!composeBased) {
    const existing = findNodeAtLocation(root, ['runArgs']);
    if (existing && kindOf(existing) !== 'array') throw new DevcontainerLayoutError('its runArgs is not an array');
    const have = (existing?.children ?? []).map((c) => c.value as unknown);
    for (const arg of RUN_ARGS) {
      if (granted(have, arg)) continue;
      text = applyEdits(text, modify(text, ['runArgs', -1], arg, { ...options, isArrayInsertion: true }));
      have.push(arg);
    }
  }
  return { text, composeBased };
}
