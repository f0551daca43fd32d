// Type-checks each part of Copydesk against its own tsconfig (see tsconfig.json).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = ['shared', 'electron', 'renderer', 'tests'].map((dir) => `${dir}/tsconfig.json`).filter((p) => existsSync(p));
let failed = false;
for (const project of projects) {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
  else console.log(`typecheck ${project}: ok`);
}
process.exit(failed ? 1 : 0);
