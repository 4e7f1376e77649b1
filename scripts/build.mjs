// `npm run build`: rollup (JS), tsc (declarations, copied next to each package's JS), and the
// custom elements manifest.
import { execSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

const run = (command) => execSync(command, { stdio: 'inherit' });
for (const dir of ['packages/sdk/dist', 'packages/elements/dist', 'packages/react/dist', '.cache/types']) rmSync(dir, { recursive: true, force: true });
run('npx rollup -c --silent');
run('npx tsc -p tsconfig.build.json');
for (const pkg of ['sdk', 'elements', 'react']) cpSync(`.cache/types/${pkg}/src`, `packages/${pkg}/dist`, { recursive: true });
// The framework JSX typings are types only; an empty module beside each keeps every export resolvable.
for (const file of readdirSync('packages/elements/dist/jsx')) {
  if (file.endsWith('.d.ts')) writeFileSync(`packages/elements/dist/jsx/${file.replace(/\.d\.ts$/, '.js')}`, 'export {};\n');
}
run("npm run --silent manifest");
