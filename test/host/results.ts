// The one machine-readable line each mocha layer prints at its end (see resultReporter.ts):
//   ENCLAVE_TEST_RESULT {"passed":3,"failed":0,"pending":0}
// Mocha's own "N passing" is prose, not an interface, so the runners parse this instead.
export const RESULT_MARKER = 'ENCLAVE_TEST_RESULT';

export interface TestCounts {
  passed: number;
  failed: number;
  pending: number;
}

export function formatResult(counts: TestCounts): string {
  return `${RESULT_MARKER} ${JSON.stringify(counts)}`;
}

/** The last result line in some output, or undefined when the suite never reported. */
export function parseResult(text: string): TestCounts | undefined {
  const matches = [...text.matchAll(new RegExp(`${RESULT_MARKER} (\\{[^}\\n]*\\})`, 'g'))];
  const last = matches.at(-1);
  return last ? JSON.parse(last[1]) as TestCounts : undefined;
}
