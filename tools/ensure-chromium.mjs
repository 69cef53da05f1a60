// `npm test` runs this first (pretest): the browser tests drive Debian's Chromium through
// playwright-core, which downloads no browser. Installs it with apt-get when it is missing and
// this user may; otherwise says exactly what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const canInstall = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(
      `The browser tests need Chromium at ${CHROMIUM}, and it is not there. On Debian or Ubuntu run\n` +
        '  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'then run npm test again. (This script installs it itself when run as root on a machine with apt-get.)',
    );
    process.exit(1);
  }
  console.log(`Installing Chromium for the browser tests (apt-get install chromium)…`);
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  execFileSync('apt-get', ['update', '-qq'], quiet);
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], quiet);
  if (!existsSync(CHROMIUM)) {
    console.error(`apt-get installed chromium but ${CHROMIUM} is still missing: install a Chromium there, or link it, then run npm test again.`);
    process.exit(1);
  }
}
