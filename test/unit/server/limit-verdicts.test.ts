import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/domain/errors';
import { LimitVerdicts, MAX_VERDICT_KEY_CHARS } from '../../../src/server/security/limit-verdicts';

const query = 'query Coverage($id: ID!) { learner(id: $id) { id } }';

function counting(refusal: BadInputError | null = null) {
  const judged: number[] = [];
  const judge = () => {
    judged.push(1);
    return { refusal };
  };
  return { judged, judge };
}

describe('LimitVerdicts', () => {
  it('judges a document, operation and variables once, and again for any of them changed', () => {
    const verdicts = new LimitVerdicts();
    const { judged, judge } = counting();
    const document = parse(query);
    verdicts.judge(document, 'Coverage', { id: 'a' }, judge);
    verdicts.judge(document, 'Coverage', { id: 'a' }, judge);
    expect(judged).toHaveLength(1);
    verdicts.judge(document, 'Coverage', { id: 'b' }, judge);
    verdicts.judge(document, 'Other', { id: 'a' }, judge);
    // The same text parsed again is another document: Apollo's store hands out one per text.
    verdicts.judge(parse(query), 'Coverage', { id: 'a' }, judge);
    expect(judged).toHaveLength(4);
    expect(verdicts.size).toBe(4);
  });

  it('keeps a refusal as well as a pass', () => {
    const verdicts = new LimitVerdicts();
    const refusal = new BadInputError('too costly', { actual: 2, limit: 1 });
    const { judged, judge } = counting(refusal);
    const document = parse(query);
    expect(verdicts.judge(document, undefined, { id: 'a' }, judge).refusal).toBe(refusal);
    expect(verdicts.judge(document, undefined, { id: 'a' }, judge).refusal).toBe(refusal);
    expect(judged).toHaveLength(1);
  });

  it('judges large variables every time and keeps at most its count', () => {
    const verdicts = new LimitVerdicts(2);
    const { judged, judge } = counting();
    const document = parse(query);
    const large = { id: 'x'.repeat(MAX_VERDICT_KEY_CHARS) };
    verdicts.judge(document, 'Coverage', large, judge);
    verdicts.judge(document, 'Coverage', large, judge);
    expect(judged).toHaveLength(2);
    expect(verdicts.size).toBe(0);
    for (const id of ['a', 'b', 'c']) verdicts.judge(document, 'Coverage', { id }, judge);
    expect(verdicts.size).toBe(2);
    verdicts.judge(document, 'Coverage', { id: 'a' }, judge);
    expect(judged).toHaveLength(6);
  });

  it('judges variables nested too deep to write as JSON without keeping them', () => {
    const verdicts = new LimitVerdicts();
    const { judged, judge } = counting();
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(verdicts.judge(parse(query), undefined, { id: deep }, judge).refusal).toBeNull();
    expect(judged).toHaveLength(1);
    expect(verdicts.size).toBe(0);
  });
});
