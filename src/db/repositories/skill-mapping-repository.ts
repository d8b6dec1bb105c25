/**
 * Reads for skill suggestion: every skill with its labels, description, requiring occupations and
 * linked skills, for the in-memory skill index. Methods are named after their query files under
 * `cypher/skill-mapping/`.
 */
import type { QueryRunner } from '../neo4j-executor';
import { skillRow } from './esco-repository';
import type { SkillRow } from './esco-rows';

/** A skill with the relations the skill mapper uses. */
export interface SkillIndexRow {
  readonly skill: SkillRow;
  readonly occupations: string[];
  readonly neighbours: string[];
}

/** Skill-mapping reads. */
export class SkillMappingRepository {
  constructor(private readonly executor: QueryRunner) {}

  /** cypher/skill-mapping/get-skill-index-rows */
  async getSkillIndexRows(runner: QueryRunner = this.executor): Promise<SkillIndexRow[]> {
    const rows = await runner.read('skill-mapping/get-skill-index-rows');
    return rows.map((row) => ({
      skill: skillRow(row.skill),
      occupations: row.occupations as string[],
      neighbours: row.neighbours as string[],
    }));
  }
}
