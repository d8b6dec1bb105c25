/**
 * Hands a browse read in one query (`OccupationBrowseReads`) to the request's DataLoaders, so the
 * skill and course field resolvers below the occupation find their pages without a query.
 */
import type { OccupationBrowse, OccupationBrowseRequest } from '../../db/repositories/browse-repository';
import type { CatalogLoaders } from './catalog-loaders';
import type { EscoLoaders } from './esco-loaders';

/**
 * Primes the loaders with the keys the field resolvers ask (`essentialSkills`/`optionalSkills`
 * and `taughtBy` build the same page requests from the same arguments).
 */
export function primeOccupationBrowse(
  loaders: EscoLoaders & CatalogLoaders,
  request: OccupationBrowseRequest,
  browse: OccupationBrowse,
): void {
  const uri = browse.occupation.uri;
  loaders.occupation.prime(uri, browse.occupation);
  loaders.occupationSkills.prime(
    { owner: uri, args: { ...request.skillPage, relation: request.relation } },
    browse.skills,
  );
  if (!request.coursePage) return;
  for (const [skill, page] of browse.courses) {
    loaders.teachingCredentials.prime({ owner: skill, args: request.coursePage }, page);
  }
}
