/**
 * Reads for skill suggestion: candidate skills from the full-text indexes and the label
 * vocabulary. Methods are named after their query files under `cypher/skill-mapping/`.
 */
import type { Neo4jExecutor } from '../neo4j-executor';
import { skillRow } from './esco-repository';
import type { SkillRow } from './esco-rows';
import type { CandidatePlan } from '../../domain/skill-mapping/candidate-queries';
import type { SkillLabels } from '../../domain/skill-mapping/label-vocabulary';
import type { CandidateHit, SkillCandidate } from '../../domain/skill-mapping/skill-candidate';

/** A candidate with the full skill row, so suggestions need no second read. */
export interface CandidateRow extends SkillCandidate {
  readonly skill: SkillRow;
}

/** Skill-mapping reads. */
export class SkillMappingRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  /** cypher/skill-mapping/find-skill-candidates */
  async findSkillCandidates(plan: CandidatePlan): Promise<CandidateRow[]> {
    const rows = await this.executor.read('skill-mapping/find-skill-candidates', {
      labelQueries: plan.labelQueries,
      textQuery: plan.textQuery,
      textLimit: plan.textLimit,
    });
    // A stub (a skill referenced by a relation file but not yet described, as mid-import) has no label to match.
    return rows.filter((row) => (row.skill as SkillRow | null)?.preferredLabel != null).map((row) => {
      const skill = skillRow(row.skill);
      return {
        skill,
        uri: skill.uri,
        preferredLabel: skill.preferredLabel,
        altLabels: skill.altLabels ?? [],
        hiddenLabels: skill.hiddenLabels ?? [],
        description: skill.description,
        reuseLevel: skill.reuseLevel,
        skillType: skill.skillType,
        hits: row.hits as CandidateHit[],
      };
    });
  }

  /** cypher/skill-mapping/get-label-vocabulary */
  async getLabelVocabulary(): Promise<SkillLabels[]> {
    const rows = await this.executor.read('skill-mapping/get-label-vocabulary');
    return rows.filter((row) => row.preferredLabel != null) as unknown as SkillLabels[];
  }
}
