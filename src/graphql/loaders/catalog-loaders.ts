/** Per-request DataLoaders over providers, credentials, learners and postings. */
import type { CatalogRepository, TeachingCredential } from '../../db/repositories/catalog-repository';
import type { LearnerRepository } from '../../db/repositories/learner-repository';
import type { JobPostingRepository } from '../../db/repositories/job-posting-repository';
import type { PageRequest } from '../../domain/pagination/cursor';
import type { TeachingPageReads } from '../../services/read-model/cached-teaching-pages';
import type { CredentialReads } from '../../services/read-model/cached-credential-reads';
import { emptyPage } from '../pagination/connection-type';
import { entityLoader, ownedLoader, pagedLoader } from './keyed-loader';

/**
 * Builds fresh loaders for one request. `taughtBy` pages come from `teaching`, and credentials by
 * id from `credentials`, which may cache them across requests (`CachedTeachingPages`,
 * `CachedCredentialReads`).
 */
export function createCatalogLoaders(
  catalog: CatalogRepository,
  learners: LearnerRepository,
  postings: JobPostingRepository,
  teaching: TeachingPageReads = catalog,
  credentials: CredentialReads = catalog,
) {
  return {
    provider: entityLoader(
      (ids) => catalog.getProvidersByIds(ids),
      (p) => p.id,
    ),
    credential: entityLoader(
      (ids) => credentials.getCredentialsByIds(ids),
      (c) => c.id,
    ),
    learner: entityLoader(
      (ids) => learners.getLearnersByIds(ids),
      (l) => l.id,
    ),
    jobPosting: entityLoader(
      (ids) => postings.getJobPostingsByIds(ids),
      (j) => j.id,
    ),
    /** Skill links of credentials that arrived as summaries (a `taughtBy` page). */
    credentialSkillLinks: ownedLoader(
      (ids) => catalog.getCredentialSkillLinks(ids),
      () => ({ skills: [], prerequisiteUris: [] }),
    ),
    teachingCredentials: pagedLoader(
      (uris, args: PageRequest) => teaching.getTeachingCredentialsPage(uris, args),
      (args) => emptyPage<TeachingCredential>(args.offset),
    ),
  };
}

export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>;
