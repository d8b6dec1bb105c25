/** Page state kept in the URL's query string, so every screen is linkable. */

export type Params = Record<string, string>;

/** The current query parameters. */
export function readParams(): Params {
  return Object.fromEntries(new URLSearchParams(location.search));
}

/** Writes the parameters into the URL (replacing the history entry: typing is not navigation). */
export function writeParams(params: Params, push = false): void {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== undefined)).toString();
  const next = `${location.pathname}${search ? `?${search}` : ''}`;
  if (next === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', next);
  else history.replaceState(null, '', next);
}

/** A comma-separated list parameter. */
export function listParam(value: string | undefined): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}
