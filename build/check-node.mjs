// Stops `npm start` and `npm run dist` early, with one clear line, on a Node.js that package.json's
// `engines.node` does not accept (Electron 45's tooling declares Node 22.12 or later; ESLint 10
// accepts 20.19, 22.13 and 24 on). The range itself lives only in package.json.
// Usage: node build/check-node.mjs [version]   (the version defaults to this Node's)
import console from 'node:console';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import semver from 'semver';

/** The `engines.node` range of Copydesk's package.json. */
export function requiredNode() {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8'));
  return pkg.engines.node;
}

/** Null when `version` may run the app, else the message a user sees. */
export function nodeProblem(version, range = requiredNode()) {
  if (semver.satisfies(version, range)) return null;
  return `Copydesk needs Node.js ${range} to run the app (Electron 45 and its tooling); this is Node.js ${version}. ` +
    'Install a newer Node.js (22 LTS or 24). `npm test` and the copydesk command still run on Node.js 20.19 or later.';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problem = nodeProblem(process.argv[2] ?? process.versions.node);
  if (problem !== null) {
    console.error(problem);
    process.exit(1);
  }
}
