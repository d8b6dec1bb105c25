/**
 * The environment `npm start` gives the server: the `NAME=${NAME:-default}` assignments that open
 * the `start` script of package.json. The memory phase's child server is started with them, so it
 * runs with the allocator settings production gets from `npm start` (glibc reads them only when a
 * process starts; see the README's "Memory").
 */
import fs from 'node:fs';
import path from 'node:path';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=\$\{([A-Za-z_][A-Za-z0-9_]*):-([^}\s]*)\}\s+/;

/**
 * The defaults a start script sets, in order; the parse stops at the first word that is not such
 * an assignment.
 *
 * @example
 * startScriptDefaults('A_=${A_:-131072} node main.js') // { A_: '131072' }
 */
export function startScriptDefaults(script: string): Record<string, string> {
  const defaults: Record<string, string> = {};
  let rest = script.trimStart();
  for (let match = ASSIGNMENT.exec(rest); match; match = ASSIGNMENT.exec(rest)) {
    const [whole, name, fallbackOf, value] = match;
    if (name !== fallbackOf) throw new Error(`start script: ${name} falls back to another variable (${fallbackOf})`);
    defaults[name!] = value!;
    rest = rest.slice(whole.length);
  }
  return defaults;
}

/** {@link startScriptDefaults} of the repository's package.json at `root`. */
export function npmStartDefaults(root: string): Record<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts?: { start?: string };
  };
  return startScriptDefaults(manifest.scripts?.start ?? '');
}
