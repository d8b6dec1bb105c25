import highsLoader, { type Highs } from 'highs';

let cached: Promise<Highs> | undefined;
let loaded: Highs | undefined;

/**
 * The HiGHS WebAssembly runtime, instantiated on first use and shared afterwards (compiling
 * the module costs tens of milliseconds; each solve then creates and disposes its own model).
 * A failed load is not cached, so a later call retries.
 */
export function loadHighs(): Promise<Highs> {
  if (cached === undefined) {
    const loading = highsLoader().then(
      (highs) => {
        if (cached === loading) loaded = highs;
        return highs;
      },
      (error: unknown) => {
        if (cached === loading) cached = undefined;
        throw error;
      },
    );
    cached = loading;
  }
  return cached;
}

/** The shared runtime if it has finished loading (and was not discarded since), else undefined. */
export function loadedHighs(): Highs | undefined {
  return loaded;
}

/**
 * Forgets the shared runtime so the next {@link loadHighs} instantiates a fresh one. Called
 * after the runtime threw mid-solve (the state of a trapped WebAssembly instance is undefined),
 * and by a compute worker whose runtime's memory grew past its limit: WebAssembly memory never
 * shrinks, so the only way to give it back is to drop the instance for the garbage collector.
 */
export function discardHighs(): void {
  cached = undefined;
  loaded = undefined;
}
