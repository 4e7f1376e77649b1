// Makes sure a Chromium exists for the browser tests: installs Debian's `chromium` when none is
// found and we may (root on Debian); otherwise stops with a one-line instruction.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

const found = chromiumPath();
if (found && existsSync(found)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log('No Chromium found: installing Debian\'s chromium (apt-get)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  if (chromiumPath()) process.exit(0);
}
console.error('No Chromium found. Install it (Debian: sudo apt-get install -y chromium) or set CHROME_PATH to a Chrome/Chromium binary.');
process.exit(1);
