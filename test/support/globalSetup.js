// Every test run builds dist/ first, so the bundle under test is never stale.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = function globalSetup() {
  execFileSync(process.execPath, [join(__dirname, '../../tools/build.mjs')], { stdio: 'inherit' });
};
