// Runs the live check while the author types: after a pause, one request at a time, and only the answer
// for the latest text counts.

/** The timer functions the scheduler uses (the browser's by default; tests pass fake ones). */
export interface Timers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface CheckScheduler<Request> {
  /** Checks `request` once nothing newer has been asked for `delayMs`. */
  schedule(request: Request): void;
  /** Checks `request` at once (a chosen step or variant: nothing to wait for). */
  now(request: Request): void;
  /** Cancels the waiting and the running check; nothing more is reported. */
  dispose(): void;
}

export interface SchedulerOptions<Request, Result> {
  delayMs: number;
  run: (request: Request, signal: AbortSignal) => Promise<Result>;
  onResult: (result: Result, request: Request) => void;
  onError: (error: Error, request: Request) => void;
  timers?: Timers;
}

/**
 * A debounced, latest-wins runner: a newer request aborts the one in flight, and a result or error that
 * arrives for anything but the newest request is dropped.
 */
export function createCheckScheduler<Request, Result>(options: SchedulerOptions<Request, Result>): CheckScheduler<Request> {
  const timers: Timers = options.timers ?? {
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
  };
  let timer: unknown;
  let inFlight: AbortController | undefined;
  let latest = 0;
  let disposed = false;

  const start = (request: Request) => {
    timer = undefined;
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    const ticket = ++latest;
    options.run(request, controller.signal).then(
      (result) => {
        if (!disposed && ticket === latest) options.onResult(result, request);
      },
      (error: Error) => {
        if (!disposed && ticket === latest && !controller.signal.aborted) options.onError(error, request);
      },
    );
  };
  const cancelWait = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };
  return {
    schedule(request) {
      if (disposed) return;
      cancelWait();
      // A request waiting means the one in flight is already out of date.
      latest++;
      timer = timers.setTimeout(() => start(request), options.delayMs);
    },
    now(request) {
      if (disposed) return;
      cancelWait();
      start(request);
    },
    dispose() {
      disposed = true;
      cancelWait();
      inFlight?.abort();
    },
  };
}
