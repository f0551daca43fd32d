#!/usr/bin/env node
// The `copydesk` command in a checkout (`npx copydesk`): runs the bundle that build/build-cli.mjs
// makes of ./main.ts (dist/cli/main.mjs) with plain node. See `copydesk --help`.
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node 22.1 and later keep the bundle's compiled code between runs (in the system's temporary
// folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off); Node 20 has no such cache.
module.enableCompileCache?.();

const bundle = new URL('../../dist/cli/main.mjs', import.meta.url);
let main;
try {
  ({ main } = await import(bundle.href));
} catch (error) {
  const missing = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(fileURLToPath(bundle));
  process.stderr.write(
    missing
      ? `copydesk: not built yet: run npm run build:cli (or npm install) in ${fileURLToPath(new URL('../..', import.meta.url))}\n`
      : `copydesk: cannot start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (run npm run build:cli in the Copydesk folder)\n`,
  );
  if (process.env.COPYDESK_DEBUG === '1' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(70);
}
process.exitCode = await main(process.argv.slice(2));
