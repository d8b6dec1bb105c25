import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../src/generate/calendar-days';
import {
  PopulationOptionsError,
  defaultProviderCount,
  resolvePopulationOptions,
} from '../../../src/generate/population-options';
import { CREDENTIAL_LIMITS, sampleCredential } from '../../../src/generate/sample-credential';
import { LEARNER_LIMITS, indexCredentials, sampleLearner } from '../../../src/generate/sample-learner';
import { samplePosting } from '../../../src/generate/sample-posting';
import { sampleProvider } from '../../../src/generate/sample-provider';
import { MIN_OCCUPATION_SKILLS } from '../../../src/generate/sample-space';
import { fixtureSpace } from './fixture-space';

const SEED = 3;
const PREFIX = 'gen-unit-';
const REFERENCE = '2026-06-30';
const space = fixtureSpace(SEED);
const providers = Array.from({ length: 8 }, (_, i) => sampleProvider(SEED, PREFIX, i));
// A high prerequisite share so the 400 credentials exercise prerequisites.
const credentials = Array.from({ length: 400 }, (_, i) => sampleCredential(SEED, PREFIX, i, space, providers, 0.2));
const index = indexCredentials(
  PREFIX,
  credentials.map((c) => c.occupationIndex),
);
const learners = Array.from({ length: 1_000 }, (_, i) => sampleLearner(SEED, PREFIX, i, space, index, REFERENCE));
const credentialIds = new Set(credentials.map((c) => c.id));
const postings = Array.from({ length: 100 }, (_, i) => samplePosting(SEED, PREFIX, i, space));

describe('population options', () => {
  it('fills defaults and checks the prefix', () => {
    const options = resolvePopulationOptions(
      { credentials: 50, learners: 100, postings: 10, seed: 3 },
      new Date('2026-01-02T10:00:00Z'),
    );
    expect(options).toEqual({
      credentials: 50,
      learners: 100,
      postings: 10,
      providers: 5,
      seed: 3,
      prefix: 'gen-',
      referenceDate: '2026-01-02',
      prerequisiteShare: 0.01,
    });
    expect(() =>
      resolvePopulationOptions({ credentials: 1, learners: 1, postings: 1, prerequisiteShare: 1.5 }),
    ).toThrow(/prerequisiteShare/);
    expect(defaultProviderCount(20_000)).toBe(286);
    expect(() => resolvePopulationOptions({ credentials: 1, learners: 1, postings: 1, prefix: '' })).toThrow(
      PopulationOptionsError,
    );
    expect(() => resolvePopulationOptions({ credentials: 1, learners: 1, postings: 1, prefix: 'gen' })).toThrow(
      /end with "-"/,
    );
    expect(() => resolvePopulationOptions({ credentials: 0, learners: 5, postings: 0 })).toThrow(
      /at least one credential/,
    );
    expect(() => resolvePopulationOptions({ credentials: 1.5, learners: 0, postings: 0 })).toThrow(/whole number/);
  });
});

describe('sample space', () => {
  it('keeps only occupations that can seed a credential, sorted by URI', () => {
    expect(space.occupations.every((o) => new Set([...o.essential, ...o.optional]).size >= MIN_OCCUPATION_SKILLS)).toBe(
      true,
    );
    expect(space.occupations.some((o) => o.label === 'tiny')).toBe(false);
    const uris = space.occupations.map((o) => o.uri);
    expect([...uris].sort()).toEqual(uris);
  });
});

describe('determinism', () => {
  it('gives the same entities for the same seed, whatever else is generated', () => {
    const again = fixtureSpace(SEED);
    expect(sampleCredential(SEED, PREFIX, 123, again, providers, 0.2)).toEqual(credentials[123]);
    expect(sampleLearner(SEED, PREFIX, 777, again, index, REFERENCE)).toEqual(learners[777]);
    expect(samplePosting(SEED, PREFIX, 42, again)).toEqual(postings[42]);
    expect(sampleProvider(SEED, PREFIX, 3)).toEqual(providers[3]);
  });

  it('gives different entities for another seed', () => {
    const other = fixtureSpace(SEED + 1);
    const otherCredentials = Array.from({ length: 20 }, (_, i) =>
      sampleCredential(SEED + 1, PREFIX, i, other, providers, 0.2),
    );
    expect(otherCredentials.map((c) => c.skills)).not.toEqual(credentials.slice(0, 20).map((c) => c.skills));
  });

  it('does not depend on the prefix except in ids', () => {
    const strip = (text: string) => text.replace(/^gen-(unit|other)-/, '');
    const other = sampleCredential(
      SEED,
      'gen-other-',
      5,
      space,
      Array.from({ length: 8 }, (_, i) => sampleProvider(SEED, 'gen-other-', i)),
      0.2,
    );
    expect(strip(other.id)).toBe(strip(credentials[5]!.id));
    expect(other.skills).toEqual(credentials[5]!.skills);
  });
});

describe('credentials', () => {
  it('respect the ranges', () => {
    for (const c of credentials) {
      expect(c.skills.length).toBeGreaterThanOrEqual(CREDENTIAL_LIMITS.minSkills);
      expect(c.skills.length).toBeLessThanOrEqual(CREDENTIAL_LIMITS.maxSkills);
      expect(new Set(c.skills.map((s) => s.uri)).size).toBe(c.skills.length);
      expect(c.props.workloadHours).toBeGreaterThanOrEqual(CREDENTIAL_LIMITS.minHours);
      expect(c.props.workloadHours).toBeLessThanOrEqual(CREDENTIAL_LIMITS.maxHours);
      expect(c.props.eqfLevel).toBeGreaterThanOrEqual(CREDENTIAL_LIMITS.minEqf);
      expect(c.props.eqfLevel).toBeLessThanOrEqual(CREDENTIAL_LIMITS.maxEqf);
      if (c.props.ects !== null) {
        expect(c.props.ects).toBeGreaterThanOrEqual(Math.floor((c.props.workloadHours / 30) * 2) / 2 - 0.5);
        expect(c.props.ects).toBeLessThanOrEqual(Math.ceil((c.props.workloadHours / 25) * 2) / 2 + 0.5);
      }
      expect(c.prerequisiteUris.length).toBeLessThanOrEqual(CREDENTIAL_LIMITS.maxPrerequisites);
      expect(c.prerequisiteUris.some((uri) => c.skills.some((s) => s.uri === uri))).toBe(false);
      expect(['ONLINE', 'ONSITE', 'BLENDED']).toContain(c.props.participationForm);
      expect(c.props.languages.length).toBeGreaterThan(0);
      expect(providers.some((p) => p.id === c.providerId)).toBe(true);
      for (const s of c.skills) expect(s.confidence).toBeGreaterThan(0);
    }
  });

  it('teach skills of their occupation, plus an occasional hierarchy neighbour', () => {
    let fromOccupation = 0;
    let total = 0;
    for (const c of credentials) {
      const occupation = space.occupations[c.occupationIndex]!;
      const pool = new Set([...occupation.essential, ...occupation.optional]);
      for (const s of c.skills) {
        total += 1;
        if (pool.has(s.uri)) fromOccupation += 1;
        else expect(c.skills.some((t) => (space.neighbours.get(t.uri) ?? []).includes(s.uri))).toBe(true);
      }
    }
    expect(fromOccupation / total).toBeGreaterThan(0.9);
  });

  it('have realistic mixes: skewed hours, some free, some unpriced, mostly EUR and English, some prerequisites', () => {
    const share = (f: (c: (typeof credentials)[number]) => boolean) =>
      credentials.filter(f).length / credentials.length;
    const hours = credentials.map((c) => c.props.workloadHours).sort((a, b) => a - b);
    expect(hours[Math.floor(hours.length / 2)]).toBeLessThan(60);
    expect(share((c) => c.props.priceAmount === 0)).toBeGreaterThan(0.05);
    expect(share((c) => c.props.priceAmount === null)).toBeGreaterThan(0.04);
    expect(share((c) => c.props.ects === null)).toBeGreaterThan(0.1);
    expect(share((c) => c.props.priceCurrency === 'EUR')).toBeGreaterThan(0.6);
    expect(share((c) => c.props.languages.includes('en'))).toBeGreaterThan(0.5);
    expect(share((c) => c.prerequisiteUris.length > 0)).toBeGreaterThan(0.08);
    expect(share((c) => c.prerequisiteUris.length > 0)).toBeLessThan(0.26);
    const rare = Array.from({ length: 2_000 }, (_, i) => sampleCredential(SEED, PREFIX, i, space, providers));
    expect(rare.filter((c) => c.prerequisiteUris.length > 0).length / rare.length).toBeLessThan(0.03);
  });
});

describe('learners', () => {
  it('hold 1-15 distinct credentials issued before the reference date', () => {
    for (const l of learners) {
      expect(l.holdings.length).toBeGreaterThanOrEqual(LEARNER_LIMITS.minHoldings);
      expect(l.holdings.length).toBeLessThanOrEqual(LEARNER_LIMITS.maxHoldings);
      expect(new Set(l.holdings.map((h) => h.credentialId)).size).toBe(l.holdings.length);
      for (const h of l.holdings) {
        expect(h.issuedOn < REFERENCE).toBe(true);
        if (h.expiresOn !== null) expect(h.expiresOn > h.issuedOn).toBe(true);
        expect(credentialIds.has(h.credentialId)).toBe(true);
      }
      expect(l.declaredSkillUris.length).toBeLessThanOrEqual(LEARNER_LIMITS.maxDeclared);
    }
  });

  it('consent for about 60%, with about 5% of holdings expired', () => {
    const consent = learners.filter((l) => l.matchingConsent).length / learners.length;
    expect(consent).toBeGreaterThan(0.55);
    expect(consent).toBeLessThan(0.65);
    const holdings = learners.flatMap((l) => l.holdings);
    const expired = holdings.filter((h) => h.expiresOn !== null && h.expiresOn <= REFERENCE).length / holdings.length;
    expect(expired).toBeGreaterThan(0.03);
    expect(expired).toBeLessThan(0.07);
    expect(daysBetween(addDays(REFERENCE, -10), REFERENCE)).toBe(10);
  });
});

describe('postings', () => {
  it('edit their occupation lightly and keep at least one essential requirement', () => {
    for (const p of postings) {
      const occupation = space.occupations.find((o) => o.uri === p.occupationUri)!;
      const original = new Set([...occupation.essential, ...occupation.optional]);
      const uris = p.requirements.map((r) => r.uri);
      expect(new Set(uris).size).toBe(uris.length);
      expect(p.essentialCount).toBeGreaterThan(0);
      expect(p.essentialCount + p.optionalCount).toBe(p.requirements.length);
      expect(uris.filter((u) => !original.has(u)).length).toBeLessThanOrEqual(3);
      expect([...original].filter((u) => !uris.includes(u)).length).toBeLessThanOrEqual(3);
      expect(p.portalId).toMatch(/^gen-unit-portal-(eures|jobboard|careers)$/);
    }
  });
});
