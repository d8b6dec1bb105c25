/**
 * What every resolver receives. Built once per request by the server: the caller's identity, fresh
 * DataLoaders, and the long-lived services.
 */
import type { Viewer } from '../domain/access/viewer';
import type { EscoRepository } from '../db/repositories/esco-repository';
import type { CatalogRepository } from '../db/repositories/catalog-repository';
import type { LearnerRepository } from '../db/repositories/learner-repository';
import type { JobPostingRepository } from '../db/repositories/job-posting-repository';
import type { CoverageSource } from '../services/compute-sources';
import type { ConceptReads } from '../services/read-model/cached-concept-reads';
import type { TeachingPageReads } from '../services/read-model/cached-teaching-pages';
import type { CredentialReads } from '../services/read-model/cached-credential-reads';
import type { CoverageService } from '../services/coverage-service';
import type { PlanningService } from '../services/planning-service';
import type { SkillSuggestionService } from '../services/skill-suggestion/skill-suggestion-service';
import type { ConceptSearchService } from '../services/search/concept-search-service';
import type { CredentialImportService } from '../services/credential-import-service';
import type { CredentialVerifier } from '../services/verification/credential-verifier';
import type { LearnerRecordExportService } from '../services/exports/learner-record-export-service';
import type { PathwayExportService } from '../services/exports/pathway-export-service';
import type { OccupationBrowseReads } from '../services/read-model/occupation-browse-reads';
import { ResponseWarnings } from './response-warnings';
import { createBrowseLoaders, type BrowseLoaders } from './loaders/browse-loaders';
import { createEscoLoaders, type EscoLoaders } from './loaders/esco-loaders';
import { ownedLoader } from './loaders/keyed-loader';
import { createCatalogLoaders, type CatalogLoaders } from './loaders/catalog-loaders';

/** Long-lived services the resolvers call (one line each). */
export interface Services {
  readonly esco: EscoRepository;
  /** Skills and occupations by URI (cached across requests when the read model is on). */
  readonly concepts: ConceptReads;
  /** Pages of courses teaching a skill (cached across requests when the read model is on). */
  readonly teaching: TeachingPageReads;
  /** Micro-credentials by id (cached across requests when the read model is on). */
  readonly credentials: CredentialReads;
  /** Whole browses of an occupation in one query (the occupation resolver's look-ahead). */
  readonly browse: OccupationBrowseReads;
  readonly catalog: CatalogRepository;
  readonly learners: LearnerRepository;
  readonly postings: JobPostingRepository;
  readonly coverageData: CoverageSource;
  readonly coverage: CoverageService;
  readonly planning: PlanningService;
  readonly skillSuggestions: SkillSuggestionService;
  readonly credentialImport: CredentialImportService;
  readonly verifier: CredentialVerifier;
  readonly recordExport: LearnerRecordExportService;
  readonly pathwayExport: PathwayExportService;
  readonly search: ConceptSearchService;
}

/** Per-request limits resolvers enforce. */
export interface RequestLimits {
  readonly maxPageSize: number;
}

/** Resolver context. */
export interface GraphQLContext {
  readonly requestId: string;
  /**
   * Epoch milliseconds the server began handling the request. A plan's deadline counts from here:
   * under load, reading, parsing and validating a request and verifying its token can take a good
   * part of its time before any resolver runs.
   */
  readonly receivedAt: number;
  /** The verified caller (anonymous without a token). */
  readonly viewer: Viewer;
  readonly services: Services;
  readonly loaders: EscoLoaders & CatalogLoaders & CoverageLoaders & BrowseLoaders;
  readonly limits: RequestLimits;
  /** Warnings for the response's `extensions.warnings` (an answer that is partial, not wrong). */
  readonly warnings: ResponseWarnings;
}

/** Builds the context of one request. */
export function createContext(
  services: Services,
  limits: RequestLimits,
  requestId: string,
  viewer: Viewer,
  receivedAt: number,
): GraphQLContext {
  return {
    requestId,
    receivedAt,
    viewer,
    services,
    limits,
    warnings: new ResponseWarnings(),
    loaders: {
      ...createEscoLoaders(services.esco, services.concepts),
      ...createCatalogLoaders(
        services.catalog,
        services.learners,
        services.postings,
        services.teaching,
        services.credentials,
      ),
      ...createBrowseLoaders(services.browse),
      ...createCoverageLoaders(services.coverageData),
    },
  };
}

/** Loaders of the coverage engine's inputs. */
function createCoverageLoaders(repo: CoverageSource) {
  return {
    occupationRequirements: ownedLoader(
      (uris) => repo.getRequirementsOfOccupations(uris),
      () => [],
    ),
    /** A ranked candidate's display name ('' once they withdrew consent). */
    candidateName: ownedLoader(
      (ids) => repo.getCandidateNames(ids),
      () => '',
    ),
  };
}

type CoverageLoaders = ReturnType<typeof createCoverageLoaders>;
