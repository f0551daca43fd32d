#!/usr/bin/env node
// The `copydesk` command. Runs the TypeScript sources directly through tsx (no build step):
// registers tsx's loader, then hands the arguments to ./main.ts. See `copydesk --help`.
let main;
try {
  const { register } = await import('tsx/esm/api');
  // tsconfig: false, so that a tsconfig.json in the user's working folder is never applied.
  register({ tsconfig: false });
  ({ main } = await import('./main.ts'));
} catch (error) {
  process.stderr.write(
    `copydesk: cannot start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (if a dependency is missing, run npm install in the Copydesk folder)\n`,
  );
  if (process.env.COPYDESK_DEBUG === '1' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(70);
}
process.exitCode = await main(process.argv.slice(2));
