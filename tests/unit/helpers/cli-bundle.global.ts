/**
 * Vitest global setup: builds the `copydesk` command's bundle (dist/cli, build/build-cli.mjs) from
 * the current sources before any test file runs, so that the tests that spawn the real command
 * (`node electron/cli/copydesk.mjs`) never run a stale one.
 */
// @ts-expect-error -- a plain .mjs build script, without type declarations
import { buildCli } from '../../../build/build-cli.mjs';

/** Builds dist/cli. */
export default async function setup(): Promise<void> {
  await (buildCli as () => Promise<unknown>)();
}
