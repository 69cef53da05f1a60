// A jest reporter that fails the run when any test was skipped or left to do (it.skip, it.todo, a
// skipped describe, .only leaving others out): a test that does not run proves nothing, and a
// missing program is a failure (test/support/externalTools.ts), never a skip. Choosing tests by
// name (-t) skips the others on purpose and is not counted.
class NoSkippedTests {
  constructor(globalConfig) {
    this.byName = Boolean(globalConfig.testNamePattern);
    this.error = undefined;
  }

  onRunComplete(_contexts, results) {
    if (this.byName) return;
    const skipped = results.testResults.flatMap((file) =>
      file.testResults.filter((test) => test.status === 'pending' || test.status === 'todo' || test.status === 'skipped').map((test) => `${file.testFilePath}: ${test.fullName}`),
    );
    if (skipped.length > 0) {
      this.error = new Error(`${skipped.length} test(s) did not run (skipped or todo); every test must run:\n  ${skipped.join('\n  ')}`);
      console.error(this.error.message);
    }
  }

  getLastError() {
    return this.error;
  }
}

module.exports = NoSkippedTests;
