// A worker thread of the heavy-work pool (pool.ts). The server runs TypeScript through tsx: a worker
// thread does not inherit the main thread's loader hooks, so it registers tsx itself, then loads the tasks.
import { register } from 'tsx/esm/api';

register();
const { runHeavyTask } = await import('./run.ts');

/** Piscina calls the default export with each task's message. */
export default runHeavyTask;
