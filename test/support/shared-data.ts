import path from 'node:path';

// CI checks `shared/` out beside the repository clone, as on dev machines (`<repo>/../shared/data`),
// so the data is found relative to this file rather than the working directory.
const SHARED_DATA_ROOT = path.resolve(__dirname, '../../../shared/data');

/**
 * Absolute path of a file or folder under the shared data tree (`<repo>/../shared/data`).
 *
 * @example
 * sharedDataDir('esco-api-samples', 'cognitivestaffing-2025', 'search_skill_python.json')
 */
export function sharedDataDir(...segments: string[]): string {
  return path.join(SHARED_DATA_ROOT, ...segments);
}
