import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIXED_POLICY, link, requirement, skill } from '../../../test/support/coverage-arbitraries';
import { computeCoverage, computeRequirementCoverage } from './coverage';
import type { CoverageInput } from './coverage';
import type { Evidence, EvidenceSource } from './evidence';
import type { HierarchyLink } from './hierarchy-link';
import type { MatchPolicy } from './match-policy';
import { computeCreditValues, computeSkillCredits, indexEvidence } from './skill-credits';

/*
 * Generators: a small skill universe so requirements, evidence and links collide often;
 * policy values from small sets so equal credits (and hence tie-breaks) are common.
 */
const source: fc.Arbitrary<EvidenceSource> = fc.oneof(
  fc.constantFrom('c0', 'c1', 'c2', 'c10').map((credentialId) => ({ kind: 'CREDENTIAL' as const, credentialId })),
  fc.constant({ kind: 'STATED' as const }),
  fc.constant({ kind: 'SELF_DECLARED' as const }),
  fc.constantFrom('o0', 'o1').map((occupationUri) => ({ kind: 'OCCUPATION' as const, occupationUri })),
);
const evidenceItem: fc.Arbitrary<Evidence> = fc.record({ skillUri: skill, source });
const weight = fc.oneof(fc.constantFrom(0, 0.25, 0.5, 0.8, 1), fc.double({ min: 0.01, max: 1, noNaN: true }));
const policy: fc.Arbitrary<MatchPolicy> = fc.record({
  exact: weight,
  narrower: weight,
  broader: weight,
  // Discrete so two different factors can never give the same product.
  selfDeclared: fc.constantFrom(0, 0.3, 0.5, 0.9, 1),
  unverified: fc.constantFrom(0, 0.3, 0.5, 0.9, 1),
  maxHierarchyDepth: fc.integer({ min: 0, max: 5 }),
  coverThreshold: weight,
  optionalWeight: weight,
  asOf: fc.constant(new Date('2025-01-01T00:00:00Z')),
});
const input: fc.Arbitrary<CoverageInput> = fc.record({
  requirements: fc.array(requirement, { maxLength: 8 }),
  evidence: fc.array(evidenceItem, { maxLength: 10 }),
  links: fc.array(link, { maxLength: 12 }),
  policy,
});

/*
 * Reference model: the specification read literally, by brute force over every
 * (evidence, link) pair. Shares no code with the implementation.
 */
const factorOf = (s: EvidenceSource, p: MatchPolicy) => (s.kind === 'SELF_DECLARED' ? p.selfDeclared : 1);
const KIND_RANK = { EXACT: 0, NARROWER: 1, BROADER: 2 } as const;
const SOURCE_RANK = { CREDENTIAL: 0, OCCUPATION: 1, STATED: 2, SELF_DECLARED: 3 } as const;
const sourceId = (s: EvidenceSource) =>
  s.kind === 'CREDENTIAL' ? s.credentialId : s.kind === 'OCCUPATION' ? s.occupationUri : '';

interface RefCandidate {
  credit: number;
  kind: keyof typeof KIND_RANK;
  distance: number;
  evidenceUri: string;
}

function referenceCredit(
  required: string,
  evidence: readonly Evidence[],
  links: readonly HierarchyLink[],
  p: MatchPolicy,
) {
  const candidates: RefCandidate[] = [];
  for (const e of evidence) {
    const f = factorOf(e.source, p);
    if (e.skillUri === required)
      candidates.push({ credit: p.exact * f, kind: 'EXACT', distance: 0, evidenceUri: e.skillUri });
    for (const l of links) {
      if (l.requiredUri !== required || l.evidenceUri !== e.skillUri || l.distance > p.maxHierarchyDepth) continue;
      const w = l.kind === 'NARROWER' ? p.narrower : p.broader;
      candidates.push({ credit: w * f, kind: l.kind, distance: l.distance, evidenceUri: e.skillUri });
    }
  }
  const max = Math.max(0, ...candidates.map((c) => c.credit));
  if (max === 0) return { credit: 0, matchKind: null, evidenceSkillUri: null, distance: null, sources: [] };
  const best = candidates
    .filter((c) => c.credit === max)
    .sort(
      (a, b) =>
        KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
        a.distance - b.distance ||
        (a.evidenceUri < b.evidenceUri ? -1 : a.evidenceUri > b.evidenceUri ? 1 : 0),
    )[0]!;
  const weightOfBest = best.kind === 'EXACT' ? p.exact : best.kind === 'NARROWER' ? p.narrower : p.broader;
  const seen = new Set<string>();
  const sources: EvidenceSource[] = [];
  for (const e of evidence) {
    const id = `${e.source.kind}|${sourceId(e.source)}`;
    if (e.skillUri !== best.evidenceUri || weightOfBest * factorOf(e.source, p) !== max || seen.has(id)) continue;
    seen.add(id);
    sources.push(e.source);
  }
  sources.sort(
    (a, b) =>
      SOURCE_RANK[a.kind] - SOURCE_RANK[b.kind] || (sourceId(a) < sourceId(b) ? -1 : sourceId(a) > sourceId(b) ? 1 : 0),
  );
  return { credit: max, matchKind: best.kind, evidenceSkillUri: best.evidenceUri, distance: best.distance, sources };
}

function referenceScores({ requirements, evidence, links, policy: p }: CoverageInput) {
  const essential = new Set(requirements.filter((r) => r.relation === 'ESSENTIAL').map((r) => r.skillUri));
  const optional = new Set(requirements.map((r) => r.skillUri).filter((u) => !essential.has(u)));
  const sum = (uris: Set<string>) =>
    [...uris].reduce((acc, u) => acc + referenceCredit(u, evidence, links, p).credit, 0);
  const e = sum(essential);
  const o = sum(optional);
  const denominator = essential.size + p.optionalWeight * optional.size;
  return {
    score: denominator === 0 ? 0 : (e + p.optionalWeight * o) / denominator,
    essentialCoverage: essential.size === 0 ? 0 : e / essential.size,
    optionalCoverage: optional.size === 0 ? 0 : o / optional.size,
  };
}

const credentialsIn = (evidence: readonly Evidence[]) =>
  new Set(evidence.flatMap((e) => (e.source.kind === 'CREDENTIAL' ? [e.source.credentialId] : [])));

describe('coverage properties', () => {
  it('credit values for rankings equal the brute-force reference credits', () => {
    fc.assert(
      fc.property(input, ({ requirements, evidence, links, policy: p }) => {
        const uris = requirements.map((r) => r.skillUri);
        const byEvidence = new Map<string, HierarchyLink[]>();
        for (const l of links) byEvidence.set(l.evidenceUri, [...(byEvidence.get(l.evidenceUri) ?? []), l]);
        const values = computeCreditValues(new Set(uris), evidence, byEvidence, p);
        for (const uri of uris) expect(values.get(uri) ?? 0).toBe(referenceCredit(uri, evidence, links, p).credit);
      }),
      { numRuns: 300 },
    );
  });

  it('every credit equals the brute-force reference, including the chosen match and its sources', () => {
    fc.assert(
      fc.property(input, ({ requirements, evidence, links, policy: p }) => {
        const uris = requirements.map((r) => r.skillUri);
        const credits = computeSkillCredits(uris, evidence, links, p);
        expect([...credits.keys()]).toEqual([...new Set(uris)].sort());
        for (const uri of uris) expect(credits.get(uri)).toEqual(referenceCredit(uri, evidence, links, p));
      }),
      { numRuns: 300 },
    );
  });

  it('evidence indexed once gives every credit the reference gives, for one requirement set after another', () => {
    fc.assert(
      fc.property(
        input,
        fc.array(fc.array(requirement, { maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        (inp, sets) => {
          const index = indexEvidence(inp.evidence, inp.policy);
          for (const uris of [inp.requirements, ...sets].map((set) => set.map((r) => r.skillUri))) {
            const credits = computeSkillCredits(uris, index, inp.links, inp.policy);
            for (const uri of uris)
              expect(credits.get(uri)).toEqual(referenceCredit(uri, inp.evidence, inp.links, inp.policy));
          }
          const again = computeRequirementCoverage(inp, index);
          expect(again).toEqual(computeRequirementCoverage(inp));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an evidence index serves only the policy it was built under', () => {
    const evidence: Evidence[] = [{ skillUri: 'a', source: { kind: 'STATED' } }];
    const policy = FIXED_POLICY;
    const index = indexEvidence(evidence, policy);
    expect(computeSkillCredits(['a'], index, [], policy).get('a')?.credit).toBe(1);
    // The same values in another object: the factors could differ, so the index refuses it.
    expect(() => computeSkillCredits(['a'], index, [], { ...policy, selfDeclared: 0.9 })).toThrow(
      /another match policy/,
    );
  });

  it('computeRequirementCoverage: the reference scores, and everything computeCoverage says but the contributions', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const partial = computeRequirementCoverage(inp);
        const reference = referenceScores(inp);
        expect(partial.score).toBeCloseTo(reference.score, 12);
        expect(partial.essentialCoverage).toBeCloseTo(reference.essentialCoverage, 12);
        const { contributions, ...rest } = computeCoverage(inp);
        expect(contributions).toBeDefined();
        expect(partial).toEqual(rest);
        expect('contributions' in partial).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('scores, statuses and counts agree with the reference formula and lie in [0, 1]', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const result = computeCoverage(inp);
        const reference = referenceScores(inp);
        expect(result.score).toBeCloseTo(reference.score, 12);
        expect(result.essentialCoverage).toBeCloseTo(reference.essentialCoverage, 12);
        expect(result.optionalCoverage).toBeCloseTo(reference.optionalCoverage, 12);
        for (const value of [result.score, result.essentialCoverage, result.optionalCoverage]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
        for (const r of result.requirements) {
          expect(r.credit).toBeGreaterThanOrEqual(0);
          expect(r.credit).toBeLessThanOrEqual(1);
          const expected = r.credit === 0 ? 'MISSING' : r.credit >= inp.policy.coverThreshold ? 'COVERED' : 'PARTIAL';
          expect(r.status).toBe(expected);
        }
        for (const relation of ['ESSENTIAL', 'OPTIONAL'] as const) {
          const of = result.requirements.filter((r) => r.relation === relation);
          const counts = relation === 'ESSENTIAL' ? result.counts.essential : result.counts.optional;
          expect(counts.covered + counts.partial + counts.missing).toBe(counts.total);
          expect(counts.total).toBe(of.length);
          expect(counts.covered).toBe(of.filter((r) => r.status === 'COVERED').length);
        }
      }),
    );
  });

  it('lists each distinct requirement once: essential first, each by URI, ESSENTIAL winning duplicates', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const listed = computeCoverage(inp).requirements.map((r) => `${r.relation}:${r.skillUri}`);
        const essential = [
          ...new Set(inp.requirements.filter((r) => r.relation === 'ESSENTIAL').map((r) => r.skillUri)),
        ];
        const optional = [...new Set(inp.requirements.map((r) => r.skillUri))].filter((u) => !essential.includes(u));
        expect(listed).toEqual([
          ...essential.sort().map((u) => `ESSENTIAL:${u}`),
          ...optional.sort().map((u) => `OPTIONAL:${u}`),
        ]);
      }),
    );
  });

  it('adding evidence never lowers a credit or the score', () => {
    fc.assert(
      fc.property(input, fc.array(evidenceItem, { minLength: 1, maxLength: 4 }), (inp, extra) => {
        const before = computeCoverage(inp);
        const after = computeCoverage({ ...inp, evidence: [...inp.evidence, ...extra] });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(after.essentialCoverage).toBeGreaterThanOrEqual(before.essentialCoverage);
        expect(after.optionalCoverage).toBeGreaterThanOrEqual(before.optionalCoverage);
        before.requirements.forEach((r, i) => {
          expect(after.requirements[i]!.skillUri).toBe(r.skillUri);
          expect(after.requirements[i]!.credit).toBeGreaterThanOrEqual(r.credit);
        });
      }),
    );
  });

  it('permuting evidence, links and requirements changes nothing', () => {
    const permuted = input.chain((inp) =>
      fc.tuple(
        fc.constant(inp),
        fc.shuffledSubarray([...inp.requirements], { minLength: inp.requirements.length }),
        fc.shuffledSubarray([...inp.evidence], { minLength: inp.evidence.length }),
        fc.shuffledSubarray([...inp.links], { minLength: inp.links.length }),
      ),
    );
    fc.assert(
      fc.property(permuted, ([inp, requirements, evidence, links]) => {
        const shuffled = { ...inp, requirements, evidence, links };
        expect(computeCoverage(shuffled)).toEqual(computeCoverage(inp));
        expect(
          computeSkillCredits(
            requirements.map((r) => r.skillUri),
            evidence,
            links,
            inp.policy,
          ),
        ).toEqual(
          computeSkillCredits(
            inp.requirements.map((r) => r.skillUri),
            inp.evidence,
            inp.links,
            inp.policy,
          ),
        );
      }),
    );
  });

  it('no evidence gives 0 everywhere', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const result = computeCoverage({ ...inp, evidence: [] });
        expect([result.score, result.essentialCoverage, result.optionalCoverage]).toEqual([0, 0, 0]);
        expect(
          result.requirements.every((r) => r.credit === 0 && r.status === 'MISSING' && r.sources.length === 0),
        ).toBe(true);
        expect(result.contributions).toEqual([]);
      }),
    );
  });

  it('holding exactly the essential skills (stated, exact weight 1) gives essentialCoverage 1', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const essential = inp.requirements.filter((r) => r.relation === 'ESSENTIAL');
        fc.pre(essential.length > 0);
        const evidence = essential.map((r): Evidence => ({ skillUri: r.skillUri, source: { kind: 'STATED' } }));
        const result = computeCoverage({ ...inp, evidence, policy: { ...inp.policy, exact: 1 } });
        expect(result.essentialCoverage).toBe(1);
        expect(result.counts.essential.covered).toBe(result.counts.essential.total);
      }),
    );
  });

  it('contributions name exactly the credentials present, with 0 ≤ scoreDrop ≤ score matching the reference', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const result = computeCoverage(inp);
        const ids = result.contributions.map((c) => c.credentialId);
        expect(new Set(ids)).toEqual(credentialsIn(inp.evidence));
        expect(ids.length).toBe(new Set(ids).size);
        for (const c of result.contributions) {
          expect(c.scoreDrop).toBeGreaterThanOrEqual(0);
          expect(c.scoreDrop).toBeLessThanOrEqual(result.score);
          const without = inp.evidence.filter(
            (e) => !(e.source.kind === 'CREDENTIAL' && e.source.credentialId === c.credentialId),
          );
          expect(c.scoreDrop).toBeCloseTo(
            referenceScores(inp).score - referenceScores({ ...inp, evidence: without }).score,
            12,
          );
          const naming = result.requirements
            .filter((r) => r.sources.some((s) => s.kind === 'CREDENTIAL' && s.credentialId === c.credentialId))
            .map((r) => r.skillUri);
          expect(c.requirements).toEqual(naming);
        }
        for (let i = 1; i < result.contributions.length; i++) {
          const [a, b] = [result.contributions[i - 1]!, result.contributions[i]!];
          expect(a.scoreDrop > b.scoreDrop || (a.scoreDrop === b.scoreDrop && a.credentialId < b.credentialId)).toBe(
            true,
          );
        }
      }),
    );
  });
});
