/** Shared building blocks: the html tag, async state, loading and error display, meters. */
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import htm from 'htm';
import { ApiError } from './api';

/** JSX-like templates without a compile step. */
export const html = htm.bind(h);

/** The state of one asynchronous load. */
export interface Async<T> {
  readonly loading: boolean;
  readonly error: ApiError | Error | null;
  readonly data: T | null;
}

/**
 * Runs `load` whenever `deps` change (null key: nothing to load) and keeps only the latest
 * answer, so a slow earlier answer never overwrites a newer one.
 */
export function useAsync<T>(load: (() => Promise<T>) | null, deps: unknown[]): Async<T> {
  const [state, setState] = useState<Async<T>>({ loading: false, error: null, data: null });
  const generation = useRef(0);
  useEffect(() => {
    const mine = ++generation.current;
    if (load === null) {
      setState({ loading: false, error: null, data: null });
      return;
    }
    setState((s) => ({ loading: true, error: null, data: s.data }));
    load().then(
      (data) => mine === generation.current && setState({ loading: false, error: null, data }),
      (error: Error) => mine === generation.current && setState({ loading: false, error, data: null }),
    );
  }, deps);
  return state;
}

/** Loading and error states, with the API's message. */
export function Status({ state, what }: { state: Async<unknown>; what: string }) {
  if (state.error) {
    const code = state.error instanceof ApiError && state.error.code ? ` (${state.error.code})` : '';
    return html`<p class="error" role="alert">Could not load ${what}: ${state.error.message}${code}</p>`;
  }
  if (state.loading) return html`<p class="loading" role="status" aria-live="polite">Loading ${what}…</p>`;
  return null;
}

/** A labelled coverage bar (a native meter: read out by screen readers). */
export function Bar({ label, value, id }: { label: string; value: number; id: string }) {
  return html`<div class="bar">
    <label for=${id}>${label}</label>
    <meter id=${id} min="0" max="1" low="0.5" high="0.8" optimum="1" value=${value}>${Math.round(value * 100)} %</meter>
    <span class="bar-value" data-testid=${`${id}-value`}>${Math.round(value * 100)} %</span>
  </div>`;
}

/** Waits `ms` after the last change of `value`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
