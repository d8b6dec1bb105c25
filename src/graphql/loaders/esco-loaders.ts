/** Per-request DataLoaders over the ESCO repository. */
import type { EscoRepository } from '../../db/repositories/esco-repository';
import type { ConceptReads } from '../../services/read-model/cached-concept-reads';
import type { PageRequest } from '../../domain/pagination/cursor';
import { labelProperties, type EscoLanguage } from '../../domain/esco/esco-languages';
import type { TranslationRow } from '../../db/repositories/esco-rows';
import { emptyPage } from '../pagination/connection-type';
import { entityLoader, ownedLoader, pagedLoader } from './keyed-loader';

/**
 * Builds fresh loaders for one request (their caches must not outlive it). Skills and occupations
 * by URI come from `concepts`, which may cache them across requests (`CachedConceptReads`).
 */
export function createEscoLoaders(repo: EscoRepository, concepts: ConceptReads = repo) {
  return {
    skill: entityLoader(
      (uris) => concepts.getSkillsByUris(uris),
      (s) => s.uri,
    ),
    occupation: entityLoader(
      (uris) => concepts.getOccupationsByUris(uris),
      (o) => o.uri,
    ),
    iscoGroup: entityLoader(
      (codes) => repo.getIscoGroupsByCodes(codes),
      (g) => g.code,
    ),
    broaderSkills: ownedLoader(
      (uris) => repo.getBroaderSkills(uris),
      () => [],
    ),
    skillGroups: ownedLoader(
      (uris) => repo.getSkillGroups(uris),
      () => [],
    ),
    occupationSkills: pagedLoader(
      (uris, args: PageRequest & { relation: 'ESSENTIAL' | 'OPTIONAL' }) =>
        concepts.getOccupationSkillsPage(uris, args.relation, args),
      (args) => emptyPage(args.offset),
    ),
    narrowerSkills: pagedLoader(
      (uris, args: PageRequest) => repo.getNarrowerSkillsPage(uris, args),
      (args) => emptyPage(args.offset),
    ),
    requiringOccupations: pagedLoader(
      (uris, args: PageRequest & { relation: 'ESSENTIAL' | 'OPTIONAL' | null }) =>
        repo.getRequiringOccupationsPage(uris, args.relation, args),
      (args) => emptyPage(args.offset),
    ),
    relatedSkills: pagedLoader(
      (uris, args: PageRequest & { relation: 'ESSENTIAL' | 'OPTIONAL' | null }) =>
        repo.getRelatedSkillsPage(uris, args.relation, args),
      (args) => emptyPage(args.offset),
    ),
    broaderOccupations: ownedLoader(
      (uris) => repo.getBroaderOccupations(uris),
      () => [],
    ),
    narrowerOccupations: pagedLoader(
      (uris, args: PageRequest) => repo.getNarrowerOccupationsPage(uris, args),
      (args) => emptyPage(args.offset),
    ),
    iscoPath: ownedLoader(
      (codes) => repo.getIscoPaths(codes),
      () => [],
    ),
    narrowerIscoGroups: ownedLoader(
      (codes) => repo.getNarrowerIscoGroups(codes),
      () => [],
    ),
    iscoGroupOccupations: pagedLoader(
      (codes, args: PageRequest) => repo.getIscoGroupOccupationsPage(codes, args),
      (args) => emptyPage(args.offset),
    ),
    skillGroupSkills: pagedLoader(
      (uris, args: PageRequest) => repo.getSkillGroupSkillsPage(uris, args),
      (args) => emptyPage(args.offset),
    ),
    // Keyed by concept and language; one query per language per GraphQL level.
    translation: pagedLoader(
      (uris, args: { language: EscoLanguage }) => repo.getTranslations(uris, labelProperties(args.language)),
      (): TranslationRow | null => null,
    ),
  };
}

export type EscoLoaders = ReturnType<typeof createEscoLoaders>;
