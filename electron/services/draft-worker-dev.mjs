// A worker thread's entry when Copydesk runs from its TypeScript sources (Vitest, the e2e
// harness, the bench): loads draft-tasks.ts through tsx. The app loads dist/electron/draft-worker.cjs
// instead (draft-workers.ts).
import { register } from 'tsx/esm/api';

register();
const tasks = await import('./draft-tasks.ts');

export default tasks.default;
