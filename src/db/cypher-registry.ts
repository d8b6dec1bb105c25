/**
 * Loads every `cypher/<area>/<verb-noun>.cypher` file once at start. Queries are addressed by
 * their path without extension (`esco/get-skills`), so a repository method and its query file
 * share one name and nothing is ever built from strings at request time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoPath } from '../config/repo-root';

/** A query loaded from disk. */
export interface CypherQuery {
  readonly name: string;
  readonly text: string;
  /** Parameter names declared in the header comment (`// params: $a, $b`). */
  readonly params: readonly string[];
}

/** Thrown at start when a query file is malformed, so a broken file never reaches a request. */
export class CypherRegistryError extends Error {}

/** Absolute path of the repository's `cypher/` folder, from compiled or source code alike. */
export function defaultCypherDir(): string {
  const candidate = repoPath('cypher');
  if (!fs.existsSync(candidate)) throw new CypherRegistryError(`cannot find the cypher/ folder at ${candidate}`);
  return candidate;
}

/**
 * Absolute path of `tools/cypher/`: queries only the benchmarks and test set-up run (bulk loads
 * with `LOAD CSV`, wiping test namespaces). They follow the same file rules, but live outside
 * `cypher/` so the application never loads them. Load them with `CypherRegistry.load(toolsCypherDir())`.
 */
export function toolsCypherDir(): string {
  return path.join(path.dirname(defaultCypherDir()), 'tools', 'cypher');
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.name.endsWith('.cypher') ? [full] : [];
  });
}

/**
 * Parses one query file: a header of `//` comment lines naming its parameters (`// params:`)
 * and columns (`// returns:`), then exactly one statement.
 */
export function parseCypherFile(name: string, source: string): CypherQuery {
  const lines = source.split('\n');
  const header = lines.filter((line) => line.trimStart().startsWith('//'));
  const paramsLine = header.find((line) => /^\s*\/\/\s*params:/i.test(line));
  if (!paramsLine) throw new CypherRegistryError(`${name}.cypher: header lacks a "// params:" line`);
  if (!header.some((line) => /^\s*\/\/\s*returns:/i.test(line))) {
    throw new CypherRegistryError(`${name}.cypher: header lacks a "// returns:" line`);
  }
  // The params entry may wrap onto further comment lines, up to the next `// key:` entry.
  const paramsEntry = [paramsLine];
  for (const line of header.slice(header.indexOf(paramsLine) + 1)) {
    if (/^\s*\/\/\s*[A-Za-z-]+:/.test(line)) break;
    paramsEntry.push(line);
  }
  const params = [...new Set([...paramsEntry.join('\n').matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))];
  const body = lines
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .trim()
    .replace(/;\s*$/, '');
  if (body === '') throw new CypherRegistryError(`${name}.cypher: no statement`);
  if (/;\s*\S/.test(body.replace(/'[^']*'|"[^"]*"/g, ''))) {
    throw new CypherRegistryError(`${name}.cypher: holds more than one statement`);
  }
  return { name, text: body, params };
}

/** All queries by name. */
export class CypherRegistry {
  private constructor(private readonly queries: ReadonlyMap<string, CypherQuery>) {}

  /** Reads and checks every `.cypher` file below `dir`. */
  static load(dir: string = defaultCypherDir()): CypherRegistry {
    const queries = new Map<string, CypherQuery>();
    for (const file of walk(dir).sort()) {
      const name = path
        .relative(dir, file)
        .replace(/\\/g, '/')
        .replace(/\.cypher$/, '');
      queries.set(name, parseCypherFile(name, fs.readFileSync(file, 'utf8')));
    }
    return new CypherRegistry(queries);
  }

  /** The query named `area/verb-noun`; throws for an unknown name (a programming error). */
  get(name: string): CypherQuery {
    const query = this.queries.get(name);
    if (!query) throw new CypherRegistryError(`no query file cypher/${name}.cypher`);
    return query;
  }

  /** Whether a query named `name` exists. */
  has(name: string): boolean {
    return this.queries.has(name);
  }

  /** Names under an area prefix, sorted (migrations run in this order). */
  namesUnder(prefix: string): string[] {
    return [...this.queries.keys()].filter((name) => name.startsWith(prefix + '/')).sort();
  }
}
