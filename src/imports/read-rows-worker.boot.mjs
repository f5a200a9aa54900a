// Starts the import reader thread from the TypeScript sources (tests, TDKT_NO_BUNDLE=1): the
// thread registers tsx's loader for itself. The server bundle starts its compiled copy instead.
import { register } from 'tsx/esm/api';

register();
await import('./read-rows-worker.ts');
