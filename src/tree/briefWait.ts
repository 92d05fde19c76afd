// A list's first page, waited for briefly before its "Loading…" row is shown.
//
// VS Code reuses an element's children fetch that is still on its way when the extension asks
// it to refresh that element: the refresh is answered with what the fetch returns. So a first
// page that lands while the "Loading…" row is still travelling to the workbench (a fast API:
// milliseconds) would leave "Loading…" on screen for good. Waiting a moment for the page lets
// that very fetch carry the rows (and spares the flash of "Loading…"); a slower page still shows
// "Loading…" at once after the wait, and its refresh then comes long after the fetch has ended.
// vscode-free; both views use it.

/** How long getChildren waits for a first page before it answers with "Loading…". */
export const FIRST_PAGE_WAIT_MS = 300;

/** Resolves when `load` settles or after `ms`, whichever comes first; never rejects. */
export function briefWait(load: Promise<unknown>, ms = FIRST_PAGE_WAIT_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const elapsed = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    (timer as { unref?: () => void }).unref?.();
  });
  return Promise.race([load.then(() => undefined, () => undefined), elapsed]).finally(() => clearTimeout(timer));
}
