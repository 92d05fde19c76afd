/**
 * One value per extension host, whichever bundle asks. The feature commands are bundled
 * separately (dist/features.js, loaded on first use) and get their own copy of every module, so
 * state that must be one — the prompter in force, the external opener — lives on globalThis
 * under a registered symbol instead of in a module variable.
 */
export function shared<T extends object>(name: string, create: () => T): T {
  const key = Symbol.for(`enclave.${name}`);
  const slots = globalThis as unknown as Record<symbol, T | undefined>;
  return (slots[key] ??= create());
}
