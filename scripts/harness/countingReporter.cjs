// Mocha reporter for the unit tier: prints like `spec` and writes the counts as JSON to the file named by
// BEACON_UNIT_RESULTS (or --reporter-option out=FILE), so scripts/test.mjs can sum both tiers.
'use strict';
const fs = require('node:fs');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const out = (options && options.reporterOption && options.reporterOption.out) || process.env.BEACON_UNIT_RESULTS;
    const failures = [];
    runner.on('fail', (test, err) => failures.push({ title: test.fullTitle(), error: String((err && err.message) || err) }));
    runner.once('end', () => {
      if (!out) return;
      const s = this.stats;
      fs.writeFileSync(out, JSON.stringify({ passed: s.passes, failed: s.failures, pending: s.pending, tests: s.tests, failures }, null, 1));
    });
  }
}
module.exports = CountingReporter;
