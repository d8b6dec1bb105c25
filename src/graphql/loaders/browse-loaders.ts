/** Per-request DataLoader of whole browses (the `occupation` resolver's look-ahead). */
import type { OccupationBrowseRequest } from '../../db/repositories/browse-repository';
import type { OccupationBrowseReads, OccupationBrowseRead } from '../../services/read-model/occupation-browse-reads';
import { pagedLoader } from './keyed-loader';

/**
 * Builds a fresh loader for one request: aliased occupations asking the same pages are read
 * together.
 */
export function createBrowseLoaders(browse: Pick<OccupationBrowseReads, 'read'>) {
  return {
    occupationBrowse: pagedLoader(
      (uris, request: OccupationBrowseRequest) => browse.read(uris, request),
      (): OccupationBrowseRead => ({ read: true, browse: null }),
    ),
  };
}

export type BrowseLoaders = ReturnType<typeof createBrowseLoaders>;
