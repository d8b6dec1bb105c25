import { describe, expect, it } from 'vitest';
import { needsQuickPlans } from './quick-plan';
import { epochNow, runLatePlanningJob } from './planning-job';
import { warmUpPlanningJobs } from './warm-up-jobs';

describe('warmUpPlanningJobs', () => {
  const [plain, prerequisiteHeavy] = warmUpPlanningJobs(epochNow() + 60_000);

  it('invents one job planned by preparation and search, one that calls for a quick plan', () => {
    const withUnmet = (job: typeof plain) => job!.gathered.candidates.filter((c) => c.prerequisites.length > 0).length;
    expect(plain!.gathered.candidates).toHaveLength(1_500);
    expect(withUnmet(plain)).toBe(0);
    expect(needsQuickPlans(plain!.gathered.candidates.length, withUnmet(plain))).toBe(false);
    expect(prerequisiteHeavy!.gathered.candidates).toHaveLength(6_000);
    expect(withUnmet(prerequisiteHeavy)).toBe(1_200);
    expect(needsQuickPlans(prerequisiteHeavy!.gathered.candidates.length, withUnmet(prerequisiteHeavy))).toBe(true);
  });

  it('names nothing real: every skill, course and provider is under the warm-up scheme', () => {
    for (const job of [plain!, prerequisiteHeavy!]) {
      const uris = job.gathered.candidates.flatMap((c) => [
        c.id,
        ...c.providerIds,
        ...c.prerequisites,
        ...c.teaches.map((t) => t.uri),
      ]);
      uris.push(...job.gathered.targets.flatMap((t) => t.gap.map((g) => g.skillUri)));
      expect(uris.every((uri) => uri.startsWith('warm-up:'))).toBe(true);
    }
  });

  it('every prerequisite is taught by some course, as in a real catalogue', () => {
    const taught = new Set(prerequisiteHeavy!.gathered.candidates.flatMap((c) => c.teaches.map((t) => t.uri)));
    expect(prerequisiteHeavy!.gathered.unmet.length).toBeGreaterThan(0);
    for (const skill of prerequisiteHeavy!.gathered.unmet) expect(taught.has(skill)).toBe(true);
  });

  // A warm-up that stops early (nothing eligible, no gap) would compile none of the planning code.
  it.each([
    ['without prerequisites', 0],
    ['with prerequisites', 1],
  ])('the late plan of the job %s closes the gap', (_, index) => {
    const job = warmUpPlanningJobs(epochNow() + 60_000)[index]!;
    const result = runLatePlanningJob(job, epochNow() + 2_000);
    expect(result.kind).toBe('recommend');
    if (result.kind !== 'recommend') return;
    expect(result.plan.status).toBe('PLANNED');
    expect(result.plan.gapSkills).toHaveLength(40);
    // Not quite 1: mapped links below full confidence and narrower skills earn part of a skill.
    expect(result.plan.coverageAfter.essentialCoverage).toBeGreaterThan(0.95);
    expect(result.plan.steps.length).toBeGreaterThan(10);
  });
});
