/**
 * Course planning: gathers what a plan needs (the subject's gap for one or many targets, one
 * batch of queries whatever the number of targets, and the candidate courses) and hands it, as
 * one {@link PlanningJob}, to the compute tier: a worker thread runs the pure planning domain
 * (eligibility, prices, solver, coverage along the plan, explanation) off the request's event
 * loop. The request's plan deadline (`PLAN_TIME_LIMIT_MS` from the moment the request was built)
 * covers gathering and solving alike.
 */
import {
  computeRequirementCoverage,
  computeSkillCredits,
  indexEvidence,
  type HierarchyLink,
  type MatchPolicy,
  type Requirement,
} from '../domain/coverage';
import {
  allTargetsFit,
  buildGap,
  buildPlanRequest,
  catalogueExclusion,
  coursesNamedBy,
  coursesNotAmong,
  coveringSkills,
  dedupeRequirements,
  epochNow,
  firstTargetServedInSteps,
  targetsThatFit,
  PLAN_REPLY_MARGIN_MS,
  PrerequisiteTeacherJudge,
  PLAN_CUTOFF_GRACE_MS,
  type CandidateCourse,
  type CourseSuggestionValue,
  type GatheredPlanning,
  type GatheredTarget,
  type LearningPlanValue,
  type PlanInput,
  type PlanningJobResult,
  type PlanRequest,
  type PlanRequestInput,
  type PriceRates,
  type ReskillingAnswer,
  type ReskillingOrder,
} from '../domain/planning';
import type { PlanningCompute } from '../compute/compute-contracts';
import { pauseIfTurnSpent, runInSlices, turnSpent } from '../compute/turn-slicer';
import type { CourseSource } from './compute-sources';
import { CUT_OFF, StepCutoff } from './step-cutoff';
import type { CoverageService, SubjectEvidence } from './coverage-service';

export type { PlanConstraints, PlanScope, PlanStatus } from '../domain/planning';
export type {
  CoverageSnapshot,
  CourseSuggestionValue,
  LearningPlanValue,
  PlanStepValue,
  ReskillingAnswer,
  ReskillingOptionValue,
} from '../domain/planning';

/**
 * Until when a plan's gathering follows prerequisites (epoch ms): `followUntil`, its share of the
 * plan's time, and `answerBy`, by when its job must be ready to answer on a worker.
 */
interface PrerequisiteTime {
  readonly followUntil: number;
  readonly answerBy: number;
}

/** A plan request with the moment (epoch ms) its whole plan must be done by. */
export type TimedPlanRequest = PlanRequest & { readonly deadline: number };

const MAX_PREREQUISITE_LEVELS = 3;

/** Default share of a plan's time within which gathering follows prerequisites (`PLAN_PREREQUISITE_TIME_PERCENT`). */
export const DEFAULT_PREREQUISITE_TIME_SHARE = 0.6;

/** Settings of a {@link PlanningService} besides its collaborators. */
export interface PlanningServiceOptions {
  /** Epoch milliseconds (tests pass a fake clock). */
  readonly clock?: () => number;
  /**
   * Share of a plan's time within which its gathering follows prerequisites
   * (`PLAN_PREREQUISITE_TIME_PERCENT` / 100; default {@link DEFAULT_PREREQUISITE_TIME_SHARE}): past
   * it, the plan keeps what it gathered, so that its job reaches the workers with time to solve.
   */
  readonly prerequisiteTimeShare?: number;
  /**
   * Starts reading the records of courses a reply is about to name (the `credential` loader's
   * cache: `CachedCredentialReads.prefetch`). A plan request hands it the courses of its heuristic
   * answers, so that its reply, after the solver, mostly finds them read; absent: replies read
   * their courses after the plan.
   */
  readonly prefetchCourses?: (courseIds: readonly string[]) => void;
}

/**
 * Most courses one plan prefetches, in all (a plan names 5-15 courses; a large gap, a few dozen).
 */
export const MAX_PREFETCHED_COURSES = 100;

/** Most prefetching reads one plan makes (one per heuristic answer that names new courses). */
export const MAX_PREFETCH_READS = 2;

/** Plans courses with the coverage engine's matching rules. */
export class PlanningService {
  private readonly clock: () => number;
  private readonly prerequisiteTimeShare: number;
  private readonly prefetchCourses: ((courseIds: readonly string[]) => void) | undefined;

  constructor(
    private readonly coverage: CoverageService,
    private readonly repo: CourseSource,
    private readonly timeLimitMs: number,
    private readonly priceRates: PriceRates,
    private readonly compute: PlanningCompute,
    options: PlanningServiceOptions = {},
  ) {
    this.clock = options.clock ?? epochNow;
    this.prerequisiteTimeShare = options.prerequisiteTimeShare ?? DEFAULT_PREREQUISITE_TIME_SHARE;
    this.prefetchCourses = options.prefetchCourses;
  }

  /**
   * A plan request's `onProvisional`: the courses of its heuristic answers go to
   * `prefetchCourses`, each course once, at most {@link MAX_PREFETCH_READS} reads and
   * {@link MAX_PREFETCHED_COURSES} courses. For recommendCourses those answers are a large
   * problem's quick plan, then the first pass's plan when it is not proven optimal; for
   * reskillingPaths, the best `first` options so far (the quick plans first), which at the cutoff
   * become its answer. Under load a reply's read of its courses took 20-50 ms after the plan (more
   * on a cold database); started with a heuristic answer, it overlaps the solver's time.
   */
  private prefetchAnswers(): ((answer: PlanningJobResult) => void) | undefined {
    const prefetch = this.prefetchCourses;
    if (prefetch === undefined) return undefined;
    const prefetched = new Set<string>();
    let reads = 0;
    return (answer) => {
      if (reads >= MAX_PREFETCH_READS) return;
      const fresh = coursesNamedBy(answer, MAX_PREFETCHED_COURSES)
        .filter((id) => !prefetched.has(id))
        .slice(0, MAX_PREFETCHED_COURSES - prefetched.size);
      if (fresh.length === 0) return;
      reads += 1;
      for (const id of fresh) prefetched.add(id);
      prefetch(fresh);
    };
  }

  /**
   * How a plan due at `deadline` gathers prerequisites: until its share of time is spent, or
   * earlier when the compute tier's lead for the courses gathered so far would take its job past
   * the deadline.
   */
  private followPrerequisites(deadline: number, timeLimitMs: number): PrerequisiteTime {
    return {
      followUntil: deadline - timeLimitMs * (1 - this.prerequisiteTimeShare),
      answerBy: deadline - PLAN_REPLY_MARGIN_MS,
    };
  }

  /**
   * The one plan request of an API call: validated, with every default filled in (the time limit
   * is the configured `PLAN_TIME_LIMIT_MS`), and its deadline: that limit from `receivedAt` (the
   * epoch millisecond the API call arrived; now by default), gathering included.
   *
   * @example
   * // a call that arrived 120 ms ago with the default 1,000 ms limit has 880 ms left
   * planning.request({ objective: 'HOURS' }, Date.now() - 120).deadline; // ≈ Date.now() + 880
   * @throws BadInputError naming the constraint that is wrong
   */
  request(input: PlanRequestInput, receivedAt?: number): TimedPlanRequest {
    const request = buildPlanRequest(input, this.priceRates, this.timeLimitMs);
    const now = this.clock();
    return { ...request, deadline: Math.min(receivedAt ?? now, now) + request.timeLimitMs };
  }

  /**
   * Gathers the planning problems of several targets for one subject in a fixed number of round
   * trips: hierarchy links of all requirements, courses teaching any covering skill, then up to
   * {@link MAX_PREREQUISITE_LEVELS} levels of courses teaching unmet prerequisites while the clock
   * is before `prerequisites.followUntil` (epoch ms) and the compute tier's expected lead for the
   * courses gathered so far still ends before `prerequisites.answerBy` (past either, the
   * prerequisites of the level at hand are returned as `unfollowed`, for the planner to say what it
   * did not look at). A many-target gathering (reskillingPaths) keeps only the leading targets whose
   * courses the compute tier expects to prepare by `prerequisites.answerBy` (see
   * `targetsThatFit`; the first always): its job plans targets in order and would not reach the
   * others, and gathering and packing their courses was what kept it from planning any at large
   * catalogues. With
   * `prerequisites: 'skip'`, only which prerequisites of the first courses are unmet. Only light
   * work happens here (per-target coverage and gaps); courses are turned into plan inputs by the
   * job. Past `abandonAt` (epoch ms) it throws {@link GatheringAbandoned} at its next pause.
   */
  private async gather(
    evidence: SubjectEvidence,
    targets: readonly Requirement[][],
    request: PlanRequest,
    policy: MatchPolicy,
    prerequisites: PrerequisiteTime | 'skip',
    abandonAt = Number.POSITIVE_INFINITY,
  ): Promise<GatheredPlanning> {
    // Past `abandonAt` the request has answered without this gathering: it stops at its next pause.
    const abandons = abandonAt < Number.POSITIVE_INFINITY;
    const pause = async () => {
      await pauseIfTurnSpent();
      if (abandons && this.clock() > abandonAt) throw new GatheringAbandoned();
    };
    const heldCredentialIds = [
      ...new Set(evidence.evidence.flatMap((e) => (e.source.kind === 'CREDENTIAL' ? [e.source.credentialId] : []))),
    ];
    // Awaiting an answer already in memory does not let the event loop turn: each step of a large
    // job ends with a pause.
    const allLinks = await this.coverage.requirementLinks(dedupeRequirements(targets.flat()), policy);
    await pause();
    const linksBySkill = new Map<string, HierarchyLink[]>();
    for (const link of allLinks) {
      const list = linksBySkill.get(link.requiredUri);
      if (list) list.push(link);
      else linksBySkill.set(link.requiredUri, [link]);
    }
    const evidenceSkills = new Set(evidence.skillUris);
    const evidenceIndex = indexEvidence(evidence.evidence, policy);
    // Hundreds of targets are a few hundred milliseconds of work here: sliced, so other requests
    // are served in between.
    await pause();

    const gathered: GatheredTarget[] = [];
    for (const raw of targets) {
      const requirements = dedupeRequirements(raw);
      const links = requirements.flatMap((r) => linksBySkill.get(r.skillUri) ?? []);
      // The gap needs no per-credential contributions: computing them (one credit computation per
      // credential) was a third of the request thread's allocations with four 200-target plans.
      const result = computeRequirementCoverage(
        {
          requirements,
          evidence: evidence.evidence,
          links: links.filter((l) => evidenceSkills.has(l.evidenceUri)),
          policy,
        },
        evidenceIndex,
      );
      const gap = buildGap(result.requirements, request.scope, policy);
      gathered.push({
        requirements,
        links,
        before: { score: result.score, essentialCoverage: result.essentialCoverage },
        gap,
      });
      await pause();
    }

    const gapSkills = [...new Set(gathered.flatMap((p) => p.gap.map((g) => g.skillUri)))];
    const covering = coveringSkills(gapSkills, allLinks, policy);
    await pause();
    // Prerequisites of eligible candidates not looked at yet: each candidate's eligibility is
    // judged once, when it arrives.
    const checked = new Set<string>();
    let fresh = new Set<string>();
    const noteArrival = (row: CandidateCourse) => {
      if (catalogueExclusion(row, request.filter) !== null) return;
      for (const uri of row.prerequisites) if (!checked.has(uri)) fresh.add(uri);
    };
    // Each course once: the source reads each once per call, and later levels add only courses
    // not among these (see coursesNotAmong). The source's own list is kept, not copied.
    let candidates = await this.repo.findCoursesTeaching(
      [...new Set([...covering.values()].flatMap((set) => [...set]))],
      heldCredentialIds,
    );
    for (const row of candidates) {
      noteArrival(row);
      if (turnSpent()) await pause();
    }
    // Many targets planned in order: only as many as the compute tier can prepare in time.
    let kept = gathered.length;
    const leadMs = this.compute.planningLeadMs?.bind(this.compute);
    if (
      gathered.length > 1 &&
      prerequisites !== 'skip' &&
      leadMs !== undefined &&
      !allTargetsFit(candidates.length, leadMs, prerequisites.answerBy - this.clock())
    ) {
      const rows = candidates;
      const first = await runInSlices(firstTargetServedInSteps(gathered, covering, rows));
      kept = targetsThatFit(first, gathered.length, leadMs, prerequisites.answerBy - this.clock());
      if (kept < gathered.length) {
        candidates = rows.filter((_, c) => first[c]! < kept);
        fresh = new Set();
        for (const row of candidates) {
          noteArrival(row);
          if (turnSpent()) await pause();
        }
      }
    }

    // Prerequisites of eligible courses the subject does not hold (same matching rules), and
    // courses teaching them: of those, only the ones no other teacher makes redundant become
    // candidates, and only their prerequisites are followed (see PrerequisiteTeacherJudge).
    const unmet = new Set<string>();
    const unfollowed: string[] = [];
    const keptTeachers = new Map<string, CandidateCourse>();
    for (let level = 0; level < MAX_PREREQUISITE_LEVELS; level += 1) {
      const levelSkills = [...fresh];
      fresh = new Set();
      if (levelSkills.length === 0) break;
      for (const uri of levelSkills) checked.add(uri);
      const prereqLinks = (
        await this.coverage.requirementLinks(
          levelSkills.map((skillUri) => ({ skillUri, relation: 'ESSENTIAL' as const })),
          policy,
        )
      ).filter((l) => evidenceSkills.has(l.evidenceUri));
      const credits = computeSkillCredits(levelSkills, evidenceIndex, prereqLinks, policy);
      const newlyUnmet = levelSkills.filter((uri) => (credits.get(uri)?.credit ?? 0) < policy.coverThreshold);
      for (const uri of newlyUnmet) unmet.add(uri);
      if (newlyUnmet.length === 0 || prerequisites === 'skip') break;
      // Out of its share of time (a busy server), the plan stops here: this level's prerequisites
      // stay unmet with nobody looking for their teachers, and the job says so.
      const outOfTime = () => {
        const now = this.clock();
        const lead = this.compute.planningLeadMs?.(candidates.length) ?? 0;
        return now > prerequisites.followUntil || now + lead > prerequisites.answerBy;
      };
      if (outOfTime()) {
        unfollowed.push(...newlyUnmet);
        break;
      }
      const fetched = coursesNotAmong(await this.repo.findCoursesTeaching(newlyUnmet, heldCredentialIds), candidates);
      await pause();
      // Tens of thousands of teachers at a level of a large catalogue: judged between pauses.
      const judge = new PrerequisiteTeacherJudge({ request, rates: this.priceRates, needed: unmet });
      for (const row of keptTeachers.values()) judge.consider(row);
      let stopped = false;
      for (const row of fetched) {
        judge.consider(row);
        if (turnSpent()) {
          stopped = outOfTime();
          if (stopped) break;
          await pause();
        }
      }
      if (stopped) {
        unfollowed.push(...newlyUnmet);
        break;
      }
      const redundant = await runInSlices(judge.redundantInSteps());
      for (const row of fetched) {
        if (redundant.has(row.id)) continue;
        keptTeachers.set(row.id, row);
        candidates.push(row);
        noteArrival(row);
        if (turnSpent()) await pause();
      }
    }
    return {
      evidence,
      targets: kept < gathered.length ? gathered.slice(0, kept) : gathered,
      candidates,
      unmet: [...unmet],
      unfollowed,
      request,
      policy,
      rates: this.priceRates,
    };
  }

  /**
   * Runs a plan request's `work` (gathering and planning) once the compute tier admits it: under
   * overload some plan requests are refused (SERVER_BUSY) so that the admitted ones keep their
   * deadlines, instead of all of them ending late.
   */
  private async admitted<T>(
    deadline: number,
    timeLimitMs: number,
    signal: AbortSignal | undefined,
    work: () => Promise<T>,
  ): Promise<T> {
    const permit = await this.compute.admitPlan?.(deadline, timeLimitMs, signal);
    try {
      return await work();
    } finally {
      permit?.release();
    }
  }

  /** The deadline of a request built elsewhere (tools): its time limit from now. */
  private deadlineOf(request: PlanRequest | TimedPlanRequest): number {
    return 'deadline' in request ? request.deadline : this.clock() + request.timeLimitMs;
  }

  /** `recommendCourses`: the optimal plan for one target. */
  async recommend(
    evidence: SubjectEvidence,
    requirements: Requirement[],
    request: PlanRequest | TimedPlanRequest,
    policy: MatchPolicy,
    signal?: AbortSignal,
  ): Promise<LearningPlanValue> {
    const deadline = this.deadlineOf(request);
    return this.admitted(deadline, request.timeLimitMs, signal, async () => {
      const gathered = await this.gather(
        evidence,
        [requirements],
        request,
        policy,
        this.followPrerequisites(deadline, request.timeLimitMs),
      );
      const result = await this.compute.runPlanning(
        { kind: 'recommend', gathered, deadline },
        signal,
        this.prefetchAnswers(),
      );
      return expectKind(result, 'recommend').plan;
    });
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
    // Every prerequisite followed, whatever the time: the benchmark compares planners on it.
    const gathered = await this.gather(evidence, [requirements], request, policy, {
      followUntil: Number.POSITIVE_INFINITY,
      answerBy: Number.POSITIVE_INFINITY,
    });
    const result = await this.compute.runPlanning({ kind: 'input', gathered, deadline: this.deadlineOf(request) });
    return expectKind(result, 'input').input;
  }

  /** `nextCourses`: single courses ranked by coverage gain per unit of cost, over essential and optional requirements. */
  async next(
    evidence: SubjectEvidence,
    requirements: Requirement[],
    first: number,
    request: PlanRequest | TimedPlanRequest,
    policy: MatchPolicy,
    signal?: AbortSignal,
  ): Promise<CourseSuggestionValue[]> {
    const deadline = this.deadlineOf(request);
    return this.admitted(deadline, request.timeLimitMs, signal, async () => {
      const gathered = await this.gather(
        evidence,
        [requirements],
        { ...request, scope: 'ESSENTIAL_AND_OPTIONAL' },
        policy,
        // Single courses are ranked, each flagged with its unmet prerequisites: who teaches them
        // does not matter.
        'skip',
      );
      const result = await this.compute.runPlanning({ kind: 'next', gathered, first, deadline }, signal);
      return expectKind(result, 'next').courses;
    });
  }

  /**
   * `reskillingPaths`: the `candidates` best occupations by current score, each with its cheapest
   * plan to full essential coverage, listed in `order` (see `orderReskillingOptions`). The plans
   * share the request's one plan deadline. Still unplanned {@link PLAN_CUTOFF_GRACE_MS} after
   * it (ranking, gathering or planning ran late on a saturated machine), it answers with the plans
   * made so far, none if none, and how many candidates that leaves out: on time rather than
   * complete. Work it no longer waits for stops at its next step (a worker already planning ends
   * its own search at the deadline).
   */
  async reskilling(
    evidence: SubjectEvidence,
    first: number,
    candidates: number,
    order: ReskillingOrder,
    request: PlanRequest | TimedPlanRequest,
    policy: MatchPolicy,
    signal?: AbortSignal,
  ): Promise<ReskillingAnswer> {
    const deadline = this.deadlineOf(request);
    const cutoffAt = deadline + PLAN_CUTOFF_GRACE_MS;
    const essential: PlanRequest = { ...request, scope: 'ESSENTIAL' };
    const unplanned = (considered: number): ReskillingAnswer => ({ options: [], planned: 0, considered });
    return this.admitted(deadline, request.timeLimitMs, signal, async () => {
      const cutoff = new StepCutoff(Math.max(0, cutoffAt - this.clock()));
      try {
        const ranking = await cutoff.race(this.coverage.rankOccupationsFor(evidence, policy, null, candidates));
        if (ranking === CUT_OFF) return unplanned(candidates);
        const ranked = ranking.best;
        const requirementSets = await cutoff.race(
          this.coverage.requirementsOfOccupations(ranked.map((r) => r.occupationUri)),
        );
        if (requirementSets === CUT_OFF) return unplanned(ranked.length);
        await pauseIfTurnSpent();
        const gathered = await cutoff.race(
          this.gather(
            evidence,
            ranked.map((r) => requirementSets.get(r.occupationUri) ?? []),
            essential,
            policy,
            this.followPrerequisites(deadline, request.timeLimitMs),
            cutoffAt,
          ).catch((error: unknown): typeof CUT_OFF => {
            if (error instanceof GatheringAbandoned) return CUT_OFF;
            throw error;
          }),
        );
        if (gathered === CUT_OFF) return unplanned(ranked.length);
        // Past its deadline the job itself answers at the cutoff with what it planned.
        const result = await this.compute.runPlanning(
          { kind: 'reskilling', gathered, ranked, first, order, deadline },
          signal,
          this.prefetchAnswers(),
        );
        const { options, planned, considered } = expectKind(result, 'reskilling');
        return { options, planned, considered };
      } finally {
        cutoff.clear();
      }
    });
  }
}

/** Thrown by a gathering past its `abandonAt`: its request has answered without it. */
class GatheringAbandoned extends Error {
  constructor() {
    super('the plan request answered before its gathering ended');
  }
}

function expectKind<K extends PlanningJobResult['kind']>(
  result: PlanningJobResult,
  kind: K,
): Extract<PlanningJobResult, { kind: K }> {
  if (result.kind !== kind) throw new Error(`planning job answered ${result.kind} to a ${kind} job`);
  return result as Extract<PlanningJobResult, { kind: K }>;
}
