/**
 * Course planning: gathers what a plan needs (the subject's gap for one or many targets, one
 * batch of queries whatever the number of targets, and the candidate courses) and hands it to
 * the pure planning domain, which resolves covering skills, builds gaps, filters courses, solves
 * and explains. Coverage before, after and along the plan is measured with the coverage engine.
 */
import {
  computeCoverage,
  computeSkillCredits,
  scoreFromCredits,
  type Evidence,
  type HierarchyLink,
  type MatchPolicy,
  type Requirement,
} from '../domain/coverage';
import {
  buildGap,
  buildPlanRequest,
  catalogueExclusion,
  confidentTeaches,
  convertPrice,
  countCatalogueExclusions,
  coveredBy,
  coveringSkills,
  dedupeRequirements,
  describePlan,
  orderReskillingOptions,
  planCourses,
  rankNextCourses,
  requiredCoveredBy,
  type CandidateCourse,
  type CatalogueExclusion,
  type GapSkill,
  type PlanCourse,
  type PlanInput,
  type PlanRequest,
  type PlanRequestInput,
  type PlanResult,
  type PlanStatus,
  type PriceRates,
  type RankedCourse,
  type ReskillingOrder,
} from '../domain/planning';
import type { CourseSource } from './compute-sources';
import type { CoverageService, SubjectEvidence } from './coverage-service';

export type { PlanConstraints, PlanScope, PlanStatus } from '../domain/planning';

/** Score and essential coverage at one moment. */
export interface CoverageSnapshot {
  readonly score: number;
  readonly essentialCoverage: number;
}

/** A plan step with the coverage reached after it. */
export interface PlanStepValue {
  readonly order: number;
  readonly credentialId: string;
  readonly newlyCovered: readonly string[];
  readonly essentialCoverageAfter: number;
  readonly scoreAfter: number;
}

/** A learning plan as the API returns it. */
export interface LearningPlanValue extends Omit<PlanResult, 'steps'> {
  readonly steps: readonly PlanStepValue[];
  readonly coverageBefore: CoverageSnapshot;
  readonly coverageAfter: CoverageSnapshot;
  readonly gapSkills: readonly string[];
  readonly status: PlanStatus;
  readonly explanation: string;
  /** The currency of `totalPrice`, `maxTotalPrice` and a PRICE `objectiveValue`. */
  readonly currency: string;
  /** The day of the exchange rates prices were converted with. */
  readonly ratesDate: string;
}

/** One course suggested as the next step. */
export interface CourseSuggestionValue extends RankedCourse {
  readonly scoreGain: number;
  /** The currency of `cost` under the PRICE objective. */
  readonly currency: string;
}

/** The planning problem of one target. */
interface PreparedTarget {
  readonly requirements: Requirement[];
  readonly links: HierarchyLink[];
  readonly before: CoverageSnapshot;
  readonly gap: GapSkill[];
  readonly courses: PlanCourse[];
  /** Courses with a price in a currency the rate table lacks (unpriced in this plan). */
  readonly noRate: ReadonlySet<string>;
  /** Eligible courses covering some gap skill of this target. */
  readonly relevant: ReadonlySet<string>;
  readonly catalogueExclusions: ReadonlyMap<CatalogueExclusion, number>;
}

const MAX_PREREQUISITE_LEVELS = 3;

/** Plans courses with the coverage engine's matching rules. */
export class PlanningService {
  constructor(
    private readonly coverage: CoverageService,
    private readonly repo: CourseSource,
    private readonly timeLimitMs: number,
    private readonly priceRates: PriceRates,
  ) {}

  /**
   * The one plan request of an API call: validated, with every default filled in (the time limit
   * is the configured `PLAN_TIME_LIMIT_MS`).
   *
   * @throws BadInputError naming the constraint that is wrong
   */
  request(input: PlanRequestInput): PlanRequest {
    return buildPlanRequest(input, this.priceRates, this.timeLimitMs);
  }

  /**
   * Builds the planning problems of several targets for one subject in a fixed number of round
   * trips: hierarchy links of all requirements, courses teaching any covering skill, then up to
   * {@link MAX_PREREQUISITE_LEVELS} levels of courses teaching unmet prerequisites.
   */
  private async prepare(
    evidence: SubjectEvidence,
    targets: readonly Requirement[][],
    request: PlanRequest,
    policy: MatchPolicy,
  ): Promise<PreparedTarget[]> {
    const heldCredentialIds = [
      ...new Set(evidence.evidence.flatMap((e) => (e.source.kind === 'CREDENTIAL' ? [e.source.credentialId] : []))),
    ];
    const allLinks = await this.coverage.requirementLinks(dedupeRequirements(targets.flat()), policy);
    const linksBySkill = new Map<string, HierarchyLink[]>();
    for (const link of allLinks)
      linksBySkill.set(link.requiredUri, [...(linksBySkill.get(link.requiredUri) ?? []), link]);
    const evidenceSkills = new Set(evidence.skillUris);

    const prepared = targets.map((raw) => {
      const requirements = dedupeRequirements(raw);
      const links = requirements.flatMap((r) => linksBySkill.get(r.skillUri) ?? []);
      const result = computeCoverage({
        requirements,
        evidence: evidence.evidence,
        links: links.filter((l) => evidenceSkills.has(l.evidenceUri)),
        policy,
      });
      const gap = buildGap(result.requirements, request.scope, policy);
      return { requirements, links, before: { score: result.score, essentialCoverage: result.essentialCoverage }, gap };
    });

    const gapSkills = [...new Set(prepared.flatMap((p) => p.gap.map((g) => g.skillUri)))];
    const covering = coveringSkills(gapSkills, allLinks, policy);
    const candidates = new Map<string, CandidateCourse>();
    for (const row of await this.repo.findCoursesTeaching(
      [...new Set([...covering.values()].flatMap((set) => [...set]))],
      heldCredentialIds,
    ))
      candidates.set(row.id, row);
    const eligible = (course: CandidateCourse) => catalogueExclusion(course, request.filter) === null;

    // Prerequisites of eligible courses the subject does not hold (same matching rules), and
    // courses teaching them.
    const unmet = new Set<string>();
    const checked = new Set<string>();
    for (let level = 0; level < MAX_PREREQUISITE_LEVELS; level += 1) {
      const fresh = [...new Set([...candidates.values()].filter(eligible).flatMap((c) => c.prerequisites))].filter(
        (uri) => !checked.has(uri),
      );
      if (fresh.length === 0) break;
      fresh.forEach((uri) => {
        checked.add(uri);
      });
      const prereqLinks = (
        await this.coverage.requirementLinks(
          fresh.map((skillUri) => ({ skillUri, relation: 'ESSENTIAL' as const })),
          policy,
        )
      ).filter((l) => evidenceSkills.has(l.evidenceUri));
      const credits = computeSkillCredits(fresh, evidence.evidence, prereqLinks, policy);
      const newlyUnmet = fresh.filter((uri) => (credits.get(uri)?.credit ?? 0) < policy.coverThreshold);
      newlyUnmet.forEach((uri) => {
        unmet.add(uri);
      });
      if (newlyUnmet.length === 0) break;
      for (const row of await this.repo.findCoursesTeaching(newlyUnmet, heldCredentialIds))
        if (!candidates.has(row.id)) candidates.set(row.id, row);
    }

    // Which gap skills each course covers, and its unmet prerequisites, are worked out once for
    // all targets (reskillingPaths prepares dozens over thousands of shared courses); each
    // target then only keeps its own gap skills, in its gap order.
    const inverse = requiredCoveredBy(covering);
    const rows = [...candidates.values()].map((course) => {
      const teaches = confidentTeaches(course, request.filter.minConfidence);
      return {
        course,
        teaches,
        exclusion: catalogueExclusion(course, request.filter),
        coversAny: coveredBy(
          course.teaches.map((link) => link.uri),
          inverse,
        ),
        coversConfident: coveredBy(teaches, inverse),
        prerequisites: course.prerequisites.filter((uri) => unmet.has(uri)),
      };
    });
    const usable = rows.filter((row) => row.exclusion === null);
    // Prices in the plan's currency; a price without a rate leaves its course unpriced.
    const noRate = new Set<string>();
    const prices = new Map<string, number | null>();
    for (const { course } of usable) {
      const price =
        course.price === null
          ? null
          : convertPrice(course.price, course.currency ?? request.currency, request.currency, this.priceRates);
      if (course.price !== null && price === null) noRate.add(course.id);
      prices.set(course.id, price);
    }
    return prepared.map((p) => {
      const gapUris = p.gap.map((g) => g.skillUri);
      const courses: PlanCourse[] = usable.map(({ course, teaches, coversConfident, prerequisites }) => ({
        id: course.id,
        hours: course.hours,
        price: prices.get(course.id) ?? null,
        ects: course.ects,
        covers: gapUris.filter((uri) => coversConfident.has(uri)),
        teaches,
        prerequisites: [...prerequisites],
      }));
      const relevant = new Set(courses.filter((c) => c.covers.length > 0).map((c) => c.id));
      return { ...p, courses, noRate, relevant, catalogueExclusions: countCatalogueExclusions(gapUris, rows) };
    });
  }

  /** The courses of a prepared target by id, built once per target (every plan step looks them up). */
  private readonly courseIndex = new WeakMap<PreparedTarget, Map<string, PlanCourse>>();

  private coursesById(prepared: PreparedTarget): Map<string, PlanCourse> {
    let byId = this.courseIndex.get(prepared);
    if (byId === undefined) {
      byId = new Map(prepared.courses.map((c) => [c.id, c]));
      this.courseIndex.set(prepared, byId);
    }
    return byId;
  }

  /** Coverage after adding courses (as held credentials) to the subject's evidence. */
  private snapshotWith(
    prepared: PreparedTarget,
    evidence: SubjectEvidence,
    courseIds: readonly string[],
    policy: MatchPolicy,
  ): CoverageSnapshot {
    const byId = this.coursesById(prepared);
    const added: Evidence[] = courseIds.flatMap((id) =>
      (byId.get(id)?.teaches ?? []).map((skillUri) => ({
        skillUri,
        source: { kind: 'CREDENTIAL' as const, credentialId: id },
      })),
    );
    const all = [...evidence.evidence, ...added];
    const skills = new Set(all.map((e) => e.skillUri));
    const credits = computeSkillCredits(
      prepared.requirements.map((r) => r.skillUri),
      all,
      prepared.links.filter((l) => skills.has(l.evidenceUri)),
      policy,
    );
    const scores = scoreFromCredits(prepared.requirements, credits, policy);
    return { score: scores.score, essentialCoverage: scores.essentialCoverage };
  }

  /** The planner's input for one prepared target. */
  private toPlanInput(prepared: PreparedTarget, request: PlanRequest): PlanInput {
    return {
      gap: prepared.gap,
      courses: prepared.courses,
      objective: request.objective,
      budgets: request.budgets,
      timeLimitMs: request.timeLimitMs,
    };
  }

  private async solve(
    prepared: PreparedTarget,
    evidence: SubjectEvidence,
    request: PlanRequest,
    policy: MatchPolicy,
  ): Promise<LearningPlanValue> {
    const plan = await planCourses(this.toPlanInput(prepared, request));
    const steps = plan.steps.map((step, i) => {
      const after = this.snapshotWith(
        prepared,
        evidence,
        plan.steps.slice(0, i + 1).map((s) => s.courseId),
        policy,
      );
      return {
        order: step.order,
        credentialId: step.courseId,
        newlyCovered: step.newlyCovered,
        essentialCoverageAfter: after.essentialCoverage,
        scoreAfter: after.score,
      };
    });
    const after = steps.length
      ? {
          score: steps[steps.length - 1]!.scoreAfter,
          essentialCoverage: steps[steps.length - 1]!.essentialCoverageAfter,
        }
      : prepared.before;
    const verdict = describePlan(plan, {
      gapSize: prepared.gap.length,
      noRate: prepared.noRate,
      relevant: prepared.relevant,
      catalogueExclusions: prepared.catalogueExclusions,
      priced: request.objective === 'PRICE' || request.budgets.maxTotalPrice !== null,
      currency: request.currency,
      rates: this.priceRates,
    });
    return {
      ...plan,
      excluded: verdict.excluded,
      steps,
      coverageBefore: prepared.before,
      coverageAfter: after,
      gapSkills: prepared.gap.map((g) => g.skillUri),
      status: verdict.status,
      explanation: verdict.explanation,
      currency: request.currency,
      ratesDate: this.priceRates.date,
    };
  }

  /** `recommendCourses`: the optimal plan for one target. */
  async recommend(
    evidence: SubjectEvidence,
    requirements: Requirement[],
    request: PlanRequest,
    policy: MatchPolicy,
  ): Promise<LearningPlanValue> {
    const [prepared] = await this.prepare(evidence, [requirements], request, policy);
    return this.solve(prepared!, evidence, request, policy);
  }

  /**
   * The exact planner input `recommend` solves, without solving it, so benchmarks can run other
   * planners (the greedy baseline) on the same problem.
   */
  async recommendInput(
    evidence: SubjectEvidence,
    requirements: Requirement[],
    request: PlanRequest,
    policy: MatchPolicy,
  ): Promise<PlanInput> {
    const [prepared] = await this.prepare(evidence, [requirements], request, policy);
    return this.toPlanInput(prepared!, request);
  }

  /** `nextCourses`: single courses ranked by coverage gain per unit of cost, over essential and optional requirements. */
  async next(
    evidence: SubjectEvidence,
    requirements: Requirement[],
    first: number,
    request: PlanRequest,
    policy: MatchPolicy,
  ): Promise<CourseSuggestionValue[]> {
    const [prepared] = await this.prepare(
      evidence,
      [requirements],
      { ...request, scope: 'ESSENTIAL_AND_OPTIONAL' },
      policy,
    );
    const ranking = rankNextCourses({
      gap: prepared!.gap,
      courses: prepared!.courses,
      objective: request.objective,
      budgets: request.budgets,
      limit: first,
    });
    return ranking.courses.map((course) => ({
      ...course,
      currency: request.currency,
      scoreGain: this.snapshotWith(prepared!, evidence, [course.courseId], policy).score - prepared!.before.score,
    }));
  }

  /**
   * `reskillingPaths`: the `candidates` best occupations by current score, each with its cheapest
   * plan to full essential coverage, listed in `order` (see {@link orderReskillingOptions}).
   */
  async reskilling(
    evidence: SubjectEvidence,
    first: number,
    candidates: number,
    order: ReskillingOrder,
    request: PlanRequest,
    policy: MatchPolicy,
  ) {
    const essential: PlanRequest = { ...request, scope: 'ESSENTIAL' };
    const ranked = (await this.coverage.rankOccupationsFor(evidence, policy, null)).slice(0, candidates);
    const requirementSets = await this.coverage.requirementsOfOccupations(ranked.map((r) => r.occupationUri));
    const prepared = await this.prepare(
      evidence,
      ranked.map((r) => requirementSets.get(r.occupationUri) ?? []),
      essential,
      policy,
    );
    const options = [];
    for (let i = 0; i < ranked.length; i += 1) {
      const plan = await this.solve(prepared[i]!, evidence, essential, policy);
      const reachesFull = plan.uncoverable.length === 0 && plan.uncoveredWithinBudget.length === 0;
      options.push({ occupationUri: ranked[i]!.occupationUri, current: ranked[i]!, plan, reachesFull });
    }
    const sorted = orderReskillingOptions(options, order, (o) => ({
      occupationUri: o.occupationUri,
      reachesFull: o.reachesFull,
      scoreBefore: o.current.score,
      scoreAfter: o.plan.coverageAfter.score,
      planCost: o.plan.objectiveValue,
      totalHours: o.plan.totalHours,
    }));
    return sorted.slice(0, first);
  }
}
