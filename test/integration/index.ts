// Entry point of the integration suite inside a real VS Code extension host (code-server's or
// test-electron's: both pass this file as extensionTestsPath and call run()).
//
// Env (set through the host's extensionEnvironment / extensionTestsEnv):
//   ENCLAVE_TEST_GREP         only tests whose full title matches this pattern
//   ENCLAVE_TEST_RESULT_FILE  also write the counts there as JSON (the test-electron runner reads it)
import * as fs from 'fs';
import * as path from 'path';
// Resolved from the extension's own node_modules: the extension host ships no mocha.
import Mocha from 'mocha';
import ResultReporter = require('../host/resultReporter');

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  }).sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: ResultReporter });
  const grep = process.env.ENCLAVE_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = testFiles(__dirname);
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files under ${__dirname}`));
  for (const file of files) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const counts = { passed: runner.stats?.passes ?? 0, failed: failures, pending: runner.stats?.pending ?? 0 };
      const resultFile = process.env.ENCLAVE_TEST_RESULT_FILE;
      if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(counts));
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
