/**
 * The cost model of an operation, computed once variables are known (see `request-limits-plugin`).
 * A field costs its own weight plus its children's cost times how many items it returns:
 *
 *   cost(field) = weight(field) + multiplier(field) × cost(selection of field)
 *
 * - weight: 1 for a plain field; the computed fields below weigh what they make the database and
 *   the CPU do, measured against a plain field (a `rankOccupations` scores every occupation, a
 *   plan runs the solver, a connection is one batched query per level).
 * - multiplier: for a paged field, its `first` (the variable's value; the maximum page size when
 *   absent, and at most that maximum, since the resolver refuses larger pages); for an unpaged
 *   list, a realistic length (an occupation has about 40 requirements); otherwise 1.
 *
 * The estimate is an upper bound of the response size in fields and a proxy of the work; requests
 * above `GRAPHQL_MAX_COST` are refused before any resolver runs.
 */
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { DocumentNode, GraphQLSchema } from 'graphql';

/** Own weight of computed fields (`Type.field`); every other field weighs 1. */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  // Entry points: round trips and computation of one call.
  'Query.searchSkills': 20,
  'Query.searchOccupations': 20,
  'Query.suggestSkills': 100,
  'Query.microCredentials': 20,
  'Query.coverage': 50,
  'Query.rankOccupations': 1_000,
  'Query.rankCandidates': 2_000,
  'Query.recommendCourses': 1_000,
  'Query.nextCourses': 500,
  'Query.exportLearnerData': 100,
  'Query.myJobPostings': 20,
  'Learner.coverage': 50,
  'Learner.closestOccupations': 1_000,
  // Coverage of one ranked item: its requirements are loaded (batched) and scored.
  'OccupationMatch.coverage': 20,
  'CandidateMatch.coverage': 20,
  // Connections: one batched query per level, plus the page.
  'Skill.taughtBy': 10,
  'Skill.requiredBy': 10,
  'Skill.narrower': 10,
  'Occupation.essentialSkills': 10,
  'Occupation.optionalSkills': 10,
  // Writes.
  // An import may map a badge without alignments: three suggestSkills calls on top of the write.
  'Mutation.importCredential': 400,
  // Up to 20 credentials, each an importCredential.
  'Mutation.importPresentation': 8_000,
  'Mutation.upsertMicroCredential': 50,
  'Mutation.upsertJobPosting': 50,
  'Mutation.createLearner': 20,
  'Mutation.declareSkills': 20,
  'Mutation.deleteLearner': 20,
  'Mutation.deleteJobPosting': 20,
};

/** Weight of `reskillingPaths` per candidate occupation (one plan each). */
export const RESKILLING_WEIGHT_PER_CANDIDATE = 200;

/** Assumed length of unpaged list fields (`Type.field`); other lists count 1 per item selected. */
export const LIST_LENGTHS: Readonly<Record<string, number>> = {
  'Coverage.requirements': 40,
  'Coverage.contributions': 10,
  'CredentialContribution.requirements': 10,
  'RequirementMatch.evidence': 3,
  'JobPosting.requirements': 40,
  'LearningPlan.steps': 10,
  'LearningPlan.gap': 40,
  'LearningPlan.uncoverable': 20,
  'LearningPlan.uncoveredWithinBudget': 20,
  'LearningPlan.excluded': 20,
  'PlanStep.newlyCovered': 5,
  'CourseSuggestion.newlyCovered': 5,
  'CourseSuggestion.missingPrerequisites': 3,
  'MicroCredential.skills': 10,
  'MicroCredential.prerequisiteSkills': 3,
  'Skill.broader': 2,
  'Skill.groups': 2,
  'Learner.holdings': 20,
  'Learner.declaredSkills': 20,
  'Learner.targetOccupations': 3,
  'CredentialImportResult.warnings': 5,
};

/** What the estimate needs to know besides the document. */
export interface CostOptions {
  readonly maxPageSize: number;
}

function pageSize(value: unknown, maxPageSize: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return maxPageSize;
  return Math.max(0, Math.min(Math.floor(value), maxPageSize));
}

/** The estimator implementing the model above. */
export function credgraphCostEstimator(options: CostOptions): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const key = `${type.name}.${field.name}`;
    if (key === 'Query.reskillingPaths') {
      const candidates = pageSize(args.candidates, 200);
      return RESKILLING_WEIGHT_PER_CANDIDATE * candidates + pageSize(args.first, options.maxPageSize) * childComplexity;
    }
    const weight = FIELD_WEIGHTS[key] ?? 1;
    const paged = field.args.some((arg) => arg.name === 'first');
    const multiplier = paged ? pageSize(args.first, options.maxPageSize) : (LIST_LENGTHS[key] ?? 1);
    return weight + multiplier * childComplexity;
  };
}

/**
 * The cost of one operation of a validated document with its variables.
 *
 * @throws GraphQLError when the variables do not fit the operation (execution would refuse them too).
 * @example
 * operationCost(schema, parse('{ searchSkills(text: "x", first: 10) { uri } }'), {}, undefined, { maxPageSize: 100 }) // 20 + 10 × 1 = 30
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  options: CostOptions,
): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName,
    estimators: [credgraphCostEstimator(options)],
  });
}
