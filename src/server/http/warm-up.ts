// Requests the server sends itself once it listens, before it says it is running: the first
// trainee's answer then finds the pages and the action route loaded and their code compiled.

/** Routes every visitor's first minutes go through; none needs a session or changes data. */
const ROUTES: { path: string; init?: RequestInit }[] = [
  { path: '/login' },
  { path: '/train' },
  // Refused without a session, but only after the action route, its middleware and its input check have run.
  { path: '/_actions/attempt.answer', init: { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{}' } },
];

/** Sends each warm-up request a few times; failures are ignored, since real traffic will show them. */
export async function warmUp(base: string, rounds = 5): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const route of ROUTES) {
      const init = { ...route.init, headers: { ...route.init?.headers, origin: base }, redirect: 'manual' as const, signal: AbortSignal.timeout(5_000) };
      await fetch(`${base}${route.path}`, init).then(
        (response) => response.arrayBuffer(),
        () => undefined,
      );
    }
  }
}
