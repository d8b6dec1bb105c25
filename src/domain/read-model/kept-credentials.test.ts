import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Interner } from './interner';
import { KeptCredentials, LINK_STRIDE } from './kept-credentials';
import type { CredentialRow } from './read-model-rows';

const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const uri = fc.constantFrom('s:a', 's:b', 's:c', 's:d');
const row: fc.Arbitrary<CredentialRow> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  hours: nullable(fc.double({ min: 0, max: 1_000, noNaN: true })),
  price: nullable(fc.double({ min: 0, max: 10_000, noNaN: true })),
  currency: nullable(fc.constantFrom('EUR', 'USD')),
  ects: nullable(fc.double({ min: 0, max: 60, noNaN: true })),
  languages: fc.array(fc.constantFrom('en', 'fr', 'de'), { maxLength: 3 }),
  participationForm: nullable(fc.constantFrom('ONLINE', 'ONSITE')),
  eqfLevel: nullable(fc.integer({ min: 1, max: 8 })),
  providerIds: fc.array(fc.constantFrom('p1', 'p2', 'p\u00002'), { maxLength: 2 }),
  teaches: fc.array(
    fc.record({
      uri,
      source: fc.constantFrom('DECLARED' as const, 'MAPPED' as const, null),
      confidence: nullable(fc.double({ min: 0, max: 1, noNaN: true })),
    }),
    { maxLength: 8 },
  ),
  prerequisites: fc.array(uri, { maxLength: 3 }),
});

describe('KeptCredentials', () => {
  it('gives back an equal row for any row kept (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const keeper = new KeptCredentials(new Interner(), new Interner());
        const kept = rows.map((r) => keeper.keep(r));
        rows.forEach((r, i) => {
          expect(kept[i]!.links.length).toBe(r.teaches.length * LINK_STRIDE);
          expect(keeper.row(kept[i]!)).toEqual(r);
          expect(kept[i]!.teaches).toEqual(r.teaches);
          expect(JSON.parse(JSON.stringify(kept[i]))).toEqual(JSON.parse(JSON.stringify(r)));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a source it does not know as it came, and a missing confidence as null', () => {
    const keeper = new KeptCredentials(new Interner(), new Interner());
    const odd = { uri: 's:x', source: 'IMPORTED' as unknown as 'MAPPED', confidence: null };
    const kept = keeper.keep({ ...fc.sample(row, { numRuns: 1, seed: 1 })[0]!, teaches: [odd] });
    expect(kept.teaches).toEqual([odd]);
  });

  it("shares equal lists and strings between credentials, and interns taught skills in the model's interner", () => {
    const skills = new Interner();
    const keeper = new KeptCredentials(skills, new Interner());
    const base = fc.sample(row, { numRuns: 1, seed: 2 })[0]!;
    const a = keeper.keep({
      ...base,
      id: 'a',
      languages: ['en', 'fr'],
      providerIds: ['p1'],
      teaches: [{ uri: 's:q', source: 'MAPPED', confidence: 0.7 }],
    });
    const b = keeper.keep({
      ...base,
      id: 'b',
      languages: ['en', 'fr'].map((l) => `${l}`),
      providerIds: ['p1'],
      teaches: [],
    });
    const c = keeper.keep({ ...base, id: 'c', languages: ['en'], providerIds: ['p1'], teaches: [] });
    expect(b.languages).toBe(a.languages);
    expect(b.providerIds).toBe(a.providerIds);
    expect(c.languages).not.toBe(a.languages);
    expect(c.languages[0]).toBe('en');
    expect(skills.value(a.links[0]!)).toBe('s:q');
    // New link objects each read: planning cannot change the kept links through them.
    expect(a.teaches).not.toBe(a.teaches);
    expect(a.teaches).toEqual(a.teaches);
  });
});
