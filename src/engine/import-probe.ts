// A worker that only imports one module (a plugin) and says whether that finished: the thread
// that must not hang on a plugin's top-level code asks this one to run it first (import-guard.ts).

import { parentPort, workerData } from 'node:worker_threads';

if (parentPort) {
  const port = parentPort;
  const { href } = workerData as { href: string };
  import(href).then(
    () => port.postMessage({ loaded: true }),
    // The import that follows in the asking thread fails the same way, and says why.
    () => port.postMessage({ loaded: false }),
  );
}
