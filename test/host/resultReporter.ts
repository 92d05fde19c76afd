// Mocha's spec reporter plus the ENCLAVE_TEST_RESULT line (results.ts) once the run ends.
// Used by every layer: `mocha --reporter out/test/host/resultReporter.js` for unit and browser
// tests, and by the suite inside the extension host. Mocha requires a reporter module to *be*
// the class, hence `export =` and nothing else exported from this file.
import Mocha from 'mocha';
import { formatResult } from './results';

class ResultReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      console.log(formatResult({ passed: passes, failed: failures, pending }));
    });
  }
}

export = ResultReporter;
