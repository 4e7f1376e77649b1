// `npm run build`: rollup (JS), tsc (declarations, copied next to each package's JS), and the
// custom elements manifest.
import { execSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';

const run = (command) => execSync(command, { stdio: 'inherit' });
for (const dir of ['packages/sdk/dist', 'packages/elements/dist', 'packages/react/dist', '.cache/types']) rmSync(dir, { recursive: true, force: true });
run('npx rollup -c --silent');
run('npx tsc -p tsconfig.build.json');
for (const pkg of ['sdk', 'elements', 'react']) cpSync(`.cache/types/${pkg}/src`, `packages/${pkg}/dist`, { recursive: true });
run("npm run --silent manifest");
