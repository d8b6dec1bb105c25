/**
 * `esco:sync`: refreshes one occupation, its skills and their links from the ESCO API through
 * the same write path as the CSV import, in one transaction (a sync never leaves a half-written
 * occupation). The occupation's REQUIRES links become exactly the API's list, and its counts are
 * recomputed. GraphMeta is left alone: it describes the bulk import, not single refreshes.
 */
import type { Neo4jExecutor } from '../../db/neo4j-executor';
import type { EscoApiClient } from '../api/esco-api-client';
import { fetchOccupationWithSkills, type OccupationWithSkills } from '../api/fetch-occupation-with-skills';
import { EscoGraphRepository } from '../import/esco-graph-repository';
import { LINK_KINDS } from '../import/esco-records';
import { linkTargets, planOccupationSync } from './occupation-sync-plan';

/** What one sync wrote. */
export interface OccupationSyncSummary {
  readonly occupationUri: string;
  readonly preferredLabel: string;
  /** The ESCO release the API served (`selectedVersion`). */
  readonly version: string;
  readonly essential: number;
  readonly optional: number;
  readonly skillsWritten: number;
  /** REQUIRES links removed because the API no longer lists those skills. */
  readonly removedRequires: number;
  /** Placeholder nodes created for linked concepts that were not in the graph. */
  readonly created: { readonly skills: number; readonly skillGroups: number; readonly iscoGroups: number };
  /** Links not written because their target is not in the graph (related skills, broader occupations). */
  readonly linksSkipped: number;
}

/** Writes an already fetched occupation (see {@link syncOccupationFromApi}). */
export async function syncOccupation(
  executor: Neo4jExecutor,
  data: OccupationWithSkills,
): Promise<OccupationSyncSummary> {
  return new EscoGraphRepository(executor).transaction(async (repo) => {
    const plan = planOccupationSync(data, await repo.getConceptKinds(linkTargets(data)));
    const iscoGroups = await repo.mergeIscoGroupStubs(plan.iscoGroupStubs);
    await repo.mergeSkills(plan.skills);
    const skills = await repo.mergeSkillStubs(plan.skillStubs);
    const skillGroups = await repo.mergeSkillGroupStubs(plan.groupStubs);
    await repo.mergeOccupations([plan.occupation]);
    let linksSkipped = 0;
    for (const kind of LINK_KINDS) {
      const links = plan.links.filter((link) => link.kind === kind);
      linksSkipped += (await repo.mergeLinks(kind, links)).length;
    }
    const removedRequires = await repo.deleteStaleOccupationSkills(plan.occupation.uri, plan.requiredSkillUris);
    await repo.updateOccupationCounts([plan.occupation.uri]);
    const relations = data.occupationSkills;
    return {
      occupationUri: plan.occupation.uri,
      preferredLabel: plan.occupation.preferredLabel,
      version: data.selectedVersion,
      essential: relations.filter((relation) => relation.relationType === 'essential').length,
      optional: relations.filter((relation) => relation.relationType === 'optional').length,
      skillsWritten: plan.skills.length,
      removedRequires,
      created: { skills, skillGroups, iscoGroups },
      linksSkipped,
    };
  });
}

/**
 * Fetches `occupationUri` with its skills from the ESCO API and writes it.
 *
 * @throws NotFoundError when the API does not know the occupation (or one of its skills).
 * @throws UpstreamUnavailableError when the API fails; nothing is written then.
 */
export async function syncOccupationFromApi(
  executor: Neo4jExecutor,
  client: EscoApiClient,
  occupationUri: string,
): Promise<OccupationSyncSummary> {
  return syncOccupation(executor, await fetchOccupationWithSkills(client, occupationUri));
}
