/**
 * Builds the executable schema from the code-first resolvers. The printed SDL is committed as
 * `schema/schema.graphql`; a test fails when it drifts from what this produces.
 */
import 'reflect-metadata';
import { buildSchema, type ClassType, type NonEmptyArray } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { EscoQueryResolver } from './resolvers/esco-query-resolver';
import { SkillFieldResolver } from './resolvers/skill-field-resolver';
import { OccupationFieldResolver } from './resolvers/occupation-field-resolver';
import { CatalogMutationResolver } from './resolvers/catalog-mutation-resolver';
import { CatalogQueryResolver } from './resolvers/catalog-query-resolver';
import {
  JobPostingFieldResolver,
  LearnerFieldResolver,
  MicroCredentialFieldResolver,
  SkillTaughtByResolver,
} from './resolvers/catalog-field-resolvers';
import { CoverageQueryResolver } from './resolvers/coverage-query-resolver';
import {
  CandidateMatchFieldResolver,
  CoverageFieldResolver,
  RequirementMatchFieldResolver,
  LearnerCoverageResolver,
  OccupationMatchFieldResolver,
} from './resolvers/coverage-field-resolvers';
import {
  CourseSuggestionFieldResolver,
  LearningPlanFieldResolver,
  PlanningQueryResolver,
  PlanStepFieldResolver,
  ReskillingOptionFieldResolver,
} from './resolvers/planning-resolver';
import { LearnerPrivacyResolver } from './resolvers/learner-privacy-resolver';
import { SkillSuggestionResolver } from './resolvers/skill-suggestion-resolver';
import { CredentialImportResolver } from './resolvers/credential-import-resolver';
import { LearnerExportResolver } from './resolvers/learner-export-resolver';
import { RelatedSkillsResolver } from './resolvers/related-skills-resolver';
import { OccupationHierarchyResolver } from './resolvers/occupation-hierarchy-resolver';
import { IscoGroupFieldResolver } from './resolvers/isco-group-field-resolver';
import { SkillGroupFieldResolver } from './resolvers/skill-group-field-resolver';
import { SkillCollectionResolver } from './resolvers/skill-collection-resolver';
import {
  IscoGroupLabelsResolver,
  LABEL_RESOLVERS,
  OccupationLabelsResolver,
  SkillGroupLabelsResolver,
  SkillLabelsResolver,
} from './resolvers/translated-labels-resolver';
import { JobPostingSelfServiceResolver } from './resolvers/job-posting-self-service-resolver';
import { guardSchema } from './access/access-guard';
import { installDirectResolvers } from './direct-resolvers';

/** Every resolver class of the API. */
export const RESOLVERS: NonEmptyArray<ClassType> = [
  EscoQueryResolver,
  RelatedSkillsResolver,
  OccupationHierarchyResolver,
  IscoGroupFieldResolver,
  SkillGroupFieldResolver,
  SkillCollectionResolver,
  SkillLabelsResolver,
  OccupationLabelsResolver,
  SkillGroupLabelsResolver,
  IscoGroupLabelsResolver,
  SkillFieldResolver,
  OccupationFieldResolver,
  CatalogQueryResolver,
  CatalogMutationResolver,
  MicroCredentialFieldResolver,
  SkillTaughtByResolver,
  LearnerFieldResolver,
  LearnerExportResolver,
  JobPostingFieldResolver,
  CoverageQueryResolver,
  CoverageFieldResolver,
  RequirementMatchFieldResolver,
  OccupationMatchFieldResolver,
  CandidateMatchFieldResolver,
  LearnerCoverageResolver,
  PlanningQueryResolver,
  LearningPlanFieldResolver,
  PlanStepFieldResolver,
  CourseSuggestionFieldResolver,
  ReskillingOptionFieldResolver,
  LearnerPrivacyResolver,
  SkillSuggestionResolver,
  CredentialImportResolver,
  JobPostingSelfServiceResolver,
];

/**
 * Builds the schema. type-graphql's class-validator integration is off: inputs are checked by the
 * domain (`src/domain/catalog/*-input.ts` and friends), which throws catalogue errors.
 */
export async function buildCredgraphSchema(): Promise<GraphQLSchema> {
  // Label fields answer without type-graphql's per-call machinery (direct-resolvers.ts); access
  // policies then wrap the guarded fields' resolvers (access-guard.ts), not every field's.
  const schema = guardSchema(
    installDirectResolvers(
      await buildSchema({
        resolvers: RESOLVERS,
        validate: false,
        emitSchemaFile: false,
      }),
      LABEL_RESOLVERS,
    ),
  );
  // type-graphql has no decorator for the root types, and every type must be described.
  schema.getQueryType()!.description = ROOT_DESCRIPTIONS.Query;
  schema.getMutationType()!.description = ROOT_DESCRIPTIONS.Mutation;
  return schema;
}

/** Descriptions of the root operation types. */
const ROOT_DESCRIPTIONS = {
  Query:
    'Reads: the ESCO taxonomy, the credential catalog, learners, coverage, rankings and course plans. What each caller may read is listed under "Access control" in the README.',
  Mutation:
    'Writes: the catalog, learners with their holdings, declarations and advisor grants, job postings, and credential imports. A mutation answers what it wrote. What each caller may write is listed under "Access control" in the README.',
} as const;
