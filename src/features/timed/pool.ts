// Runs one call per item, at most `limit` at a time, and never rejects: enable-until has no bulk
// form, and one item's failure must not stop (or hide) the others. No `vscode` here.
export type Settled<T, R> = { readonly item: T; readonly ok: true; readonly value: R } | { readonly item: T; readonly ok: false; readonly error: unknown };

export async function settleEach<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>, onSettled?: (done: number) => void): Promise<Settled<T, R>[]> {
  const results: Settled<T, R>[] = new Array(items.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index];
      try {
        results[index] = { item, ok: true, value: await run(item) };
      } catch (error) {
        results[index] = { item, ok: false, error };
      }
      onSettled?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
