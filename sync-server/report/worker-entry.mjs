// The report worker's entry: registers tsx in this thread (the server and the tests run
// TypeScript; a worker thread does not inherit that), then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
