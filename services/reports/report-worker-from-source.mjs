// Starts the report worker from its TypeScript source (the CLI, the tests and the bench run
// the sources through tsx; the Electron build bundles the worker instead, see report-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./report-worker-thread.ts');
