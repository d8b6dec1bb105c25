/**
 * ESCO web-service API client: typed lookups, search and the occupation-with-skills fetch used by
 * `esco:sync`. Import from here rather than from the individual files.
 */
export {
  EscoApiClient,
  ESCO_API_DEFAULTS,
  type EscoApiClientOptions,
  type EscoPageParams,
  type EscoResourceParams,
  type EscoSearchParams,
  type EscoSuggestParams,
} from './esco-api-client';
export type { EscoRetryEvent } from './esco-transport';
export * from './esco-types';
export {
  fetchOccupationWithSkills,
  type FetchOccupationWithSkillsOptions,
  type OccupationSkillRelation,
  type OccupationWithSkills,
  type SkillBroaderRelation,
} from './fetch-occupation-with-skills';
