import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertCanChooseAsOfForCandidates,
  assertCanReadLearner,
  assertCanRankCandidates,
  assertCanSetExternalId,
  assertCanSetVerified,
  assertOwnerInScope,
  defaultLearnerId,
  defaultOwner,
  portalScope,
  providerScope,
  readsLearnerWithoutGrants,
} from '../../../src/domain/access/access-rules';
import { ANONYMOUS, type Role, type Viewer } from '../../../src/domain/access/viewer';

function viewer(roles: Role[], ids: Partial<Pick<Viewer, 'learnerId' | 'providerId' | 'portalId'>> = {}): Viewer {
  return {
    subject: 'sub',
    roles: new Set(roles),
    learnerId: ids.learnerId ?? null,
    providerId: ids.providerId ?? null,
    portalId: ids.portalId ?? null,
  };
}

const admin = viewer(['ADMIN']);
const provider = viewer(['PROVIDER'], { providerId: 'prov-a' });
const portal = viewer(['PORTAL'], { portalId: 'portal-a' });
const portalWithoutId = viewer(['PORTAL']);
const learner = viewer(['LEARNER'], { learnerId: 'ann' });

describe('ownership scopes', () => {
  it('confine PROVIDER and PORTAL writers to their own id; ADMIN is unconfined', () => {
    expect([providerScope(provider), providerScope(admin)]).toEqual(['prov-a', null]);
    expect([portalScope(portal), portalScope(admin)]).toEqual(['portal-a', null]);
  });

  it('never leave a non-ADMIN token without an id unconfined', () => {
    expect(() => providerScope(viewer(['PROVIDER']))).toThrow(/providerId/);
    expect(() => portalScope(portalWithoutId)).toThrow(/portalId/);
  });

  it('accept the owner, refuse another owner and an ownerless record; ADMIN passes', () => {
    expect(() => assertOwnerInScope('prov-a', 'prov-a', 'credential c')).not.toThrow();
    expect(() => assertOwnerInScope('prov-a', 'prov-b', 'credential c')).toThrow(
      /credential c belongs to another owner/,
    );
    expect(() => assertOwnerInScope('prov-a', null, 'credential c')).toThrow(/another owner/);
    expect(() => assertOwnerInScope(null, 'prov-b', 'credential c')).not.toThrow();
  });
});

describe('defaults from the token', () => {
  it("fill the token's portal, provider or learner when the input names none, and keep a given one", () => {
    expect(defaultOwner(portal, 'PORTAL', null)).toBe('portal-a');
    expect(defaultOwner(portal, 'PORTAL', 'portal-b')).toBe('portal-b');
    expect(defaultOwner(provider, 'PROVIDER', undefined)).toBe('prov-a');
    expect(defaultOwner(admin, 'PROVIDER', undefined)).toBeNull();
    expect(defaultOwner(learner, 'PORTAL', undefined)).toBeNull();
    expect(defaultLearnerId(learner, null)).toBe('ann');
    expect(defaultLearnerId(admin, null)).toBeNull();
  });
});

describe('ADMIN-only fields', () => {
  it('verified: true and externalId are refused to everyone else, with the reason', () => {
    expect(() => assertCanSetVerified(learner, true)).toThrow(/only ADMIN may mark a holding verified/);
    expect(() => assertCanSetVerified(learner, false)).not.toThrow();
    expect(() => assertCanSetVerified(admin, true)).not.toThrow();
    expect(() => assertCanSetExternalId(learner, 'x@example.org')).toThrow(/only ADMIN may set externalId/);
    expect(() => assertCanSetExternalId(learner, null)).not.toThrow();
    expect(() => assertCanSetVerified(ANONYMOUS, true)).toThrow(/Authentication required/);
  });
});

describe('ranking the population', () => {
  it('needs a PORTAL with a portalId, or ADMIN', () => {
    expect(() => assertCanRankCandidates(portal)).not.toThrow();
    expect(() => assertCanRankCandidates(admin)).not.toThrow();
    expect(() => assertCanRankCandidates(portalWithoutId)).toThrow(/portalId/);
    expect(() => assertCanRankCandidates(learner)).toThrow(/requires the role PORTAL/);
  });

  it('lets only ADMIN choose asOf', () => {
    expect(() => assertCanChooseAsOfForCandidates(portal, new Date('2024-01-01'))).toThrow(/asOf/);
    expect(() => assertCanChooseAsOfForCandidates(portal, null)).not.toThrow();
    expect(() => assertCanChooseAsOfForCandidates(admin, new Date('2024-01-01'))).not.toThrow();
  });
});

describe('reading a learner without looking up grants', () => {
  const roleSets = fc.subarray(['ADMIN', 'LEARNER', 'ADVISOR', 'PORTAL', 'PROVIDER'] as Role[]);
  const ids = fc.constantFrom('ann', 'bob', null);

  it('is allowed exactly when the read passes with no grants at all, and then passes with any grants', () => {
    fc.assert(
      fc.property(
        roleSets,
        ids,
        fc.constantFrom('ann', 'bob'),
        fc.array(fc.constantFrom('sub', 'other')),
        (roles, own, target, grants) => {
          const v = viewer(roles, { learnerId: own });
          const withoutGrants = readsLearnerWithoutGrants(v, target);
          const passesUngranted = passes(() => assertCanReadLearner(v, { learnerId: target, advisorSubjects: [] }));
          expect(withoutGrants).toBe(passesUngranted);
          if (withoutGrants)
            expect(passes(() => assertCanReadLearner(v, { learnerId: target, advisorSubjects: grants }))).toBe(true);
        },
      ),
    );
  });

  it('still needs the grants for an advisor, whose read depends on them', () => {
    const advisor = viewer(['ADVISOR']);
    expect(readsLearnerWithoutGrants(advisor, 'ann')).toBe(false);
    expect(passes(() => assertCanReadLearner(advisor, { learnerId: 'ann', advisorSubjects: ['sub'] }))).toBe(true);
    expect(passes(() => assertCanReadLearner(advisor, { learnerId: 'ann', advisorSubjects: [] }))).toBe(false);
  });
});

function passes(check: () => void): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}
