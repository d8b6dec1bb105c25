import type { EscoApiClient } from './esco-api-client';
import type { EscoOccupation, EscoSkill, EscoSkillType } from './esco-types';
import { Semaphore } from './semaphore';

/** An occupation→skill edge, in the vocabulary of `occupationSkillRelations.csv`. */
export interface OccupationSkillRelation {
  occupationUri: string;
  skillUri: string;
  relationType: 'essential' | 'optional';
  skillType: EscoSkillType | null;
}

/**
 * A skill→broader edge. `via` tells which ESCO relation produced it: `broaderSkill` targets a parent
 * skill or skill group; `broaderHierarchyConcept` a skill group (`skill/S…`) or an ISCED-F field.
 */
export interface SkillBroaderRelation {
  skillUri: string;
  broaderUri: string;
  /** Label of the broader concept in the requested language, so a stub node can be created. */
  broaderTitle: string;
  via: 'broaderSkill' | 'broaderHierarchyConcept';
}

/** Everything `esco:sync --occupation <uri>` writes, as plain data. */
export interface OccupationWithSkills {
  /** The ESCO release the data came from. */
  selectedVersion: string;
  language: string;
  occupation: EscoOccupation;
  /** Every essential and optional skill, fetched in full, each once, in link order. */
  skills: EscoSkill[];
  occupationSkills: OccupationSkillRelation[];
  skillBroader: SkillBroaderRelation[];
}

/** Options of `fetchOccupationWithSkills`. */
export interface FetchOccupationWithSkillsOptions {
  /** Skill lookups in flight at once; default 4. The client's own bound still applies on top. */
  concurrency?: number;
  language?: string;
}

/**
 * Fetches an occupation and, for each of its essential and optional skills, the full skill with
 * its broader relations.
 *
 * All-or-nothing: if any skill lookup fails (including a 404 for a skill the occupation links to,
 * a sign of inconsistent ESCO versions), the whole call rejects with that error and no further
 * lookups are started, so a sync never writes a half-linked occupation.
 *
 * @throws NotFoundError when the occupation (or a linked skill) does not exist.
 * @throws UpstreamUnavailableError when the ESCO API fails.
 */
export async function fetchOccupationWithSkills(
  client: EscoApiClient,
  uri: string,
  options: FetchOccupationWithSkillsOptions = {},
): Promise<OccupationWithSkills> {
  const language = options.language ?? client.language;
  const occupation = await client.getOccupation(uri, { language });

  const occupationSkills: OccupationSkillRelation[] = [];
  const seen = new Set<string>();
  const skillUris: string[] = [];
  for (const [relationType, refs] of [
    ['essential', occupation.essentialSkills],
    ['optional', occupation.optionalSkills],
  ] as const) {
    for (const ref of refs) {
      occupationSkills.push({
        occupationUri: occupation.uri,
        skillUri: ref.uri,
        relationType,
        skillType: ref.skillType,
      });
      if (!seen.has(ref.uri)) {
        seen.add(ref.uri);
        skillUris.push(ref.uri);
      }
    }
  }

  const skills = await mapBounded(skillUris, options.concurrency ?? 4, (skillUri) =>
    client.getSkill(skillUri, { language }),
  );

  const skillBroader: SkillBroaderRelation[] = [];
  for (const skill of skills) {
    for (const via of ['broaderSkill', 'broaderHierarchyConcept'] as const) {
      const links = via === 'broaderSkill' ? skill.broaderSkills : skill.broaderHierarchyConcepts;
      for (const link of links) {
        skillBroader.push({ skillUri: skill.uri, broaderUri: link.uri, broaderTitle: link.title, via });
      }
    }
  }

  return { selectedVersion: client.selectedVersion, language, occupation, skills, occupationSkills, skillBroader };
}

// Promise.all over a bounded number of workers; stops starting work after the first failure.
async function mapBounded<T, R>(items: readonly T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const gate = new Semaphore(concurrency);
  const results = new Array<R>(items.length);
  let failed = false;
  await Promise.all(
    items.map((item, i) =>
      gate.run(async () => {
        if (failed) return;
        try {
          results[i] = await task(item);
        } catch (error) {
          failed = true;
          throw error;
        }
      }),
    ),
  );
  return results;
}
