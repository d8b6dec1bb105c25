import highsLoader, { type Highs } from 'highs';

let cached: Promise<Highs> | undefined;

/**
 * The HiGHS WebAssembly runtime, instantiated on first use and shared afterwards (compiling
 * the module costs tens of milliseconds; each solve then creates and disposes its own model).
 * A failed load is not cached, so a later call retries.
 */
export function loadHighs(): Promise<Highs> {
  if (cached === undefined) {
    const loading = highsLoader().catch((error: unknown) => {
      if (cached === loading) cached = undefined;
      throw error;
    });
    cached = loading;
  }
  return cached;
}

/**
 * Forgets the shared runtime so the next {@link loadHighs} instantiates a fresh one. Called
 * after the runtime threw mid-solve: the state of a trapped WebAssembly instance is undefined.
 */
export function discardHighs(): void {
  cached = undefined;
}
