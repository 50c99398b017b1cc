import { buildIfStale } from '../src/cli/build-if-stale.ts';

/** Builds the site once, before any test file that starts the real server runs (they run in parallel). */
export default function setup(): void {
  buildIfStale(new URL('..', import.meta.url).pathname);
}
