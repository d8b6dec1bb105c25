import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { sharedDataDir } from '../support/shared-data';
import { loadEvaluationSet } from '../../src/services/skill-suggestion/evaluation-files';
import {
  crossSplitValidate,
  crossValidate,
  evaluateModel,
  type FeaturedItem,
} from '../../src/domain/skill-mapping/cross-validation';
import { expectedCalibrationError, reliabilityTable } from '../../src/domain/skill-mapping/reliability-table';

const JAVASCRIPT = 'http://data.europa.eu/esco/skill/3cd569a2-4f88-4c1e-9995-8dce8c5e51a7';

const SUGGEST =
  'query($text: String!, $first: Int) { suggestSkills(text: $text, first: $first) { skill { uri preferredLabel } score matchedLabel method } }';

interface Suggestion {
  skill: { uri: string; preferredLabel: string };
  score: number;
  matchedLabel: string | null;
  method: string | null;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function suggest(text: string, first = 10) {
  return server.gql<{ suggestSkills: Suggestion[] }>(SUGGEST, { text, first });
}

describe('suggestSkills (real Neo4j, full ESCO)', () => {
  it('puts an exact label first with score 1, and scores in [0, 1], best first', async () => {
    const res = await suggest('JavaScript', 5);
    expect(res.errors).toBeUndefined();
    const [first] = res.data.suggestSkills;
    expect(first).toMatchObject({
      skill: { preferredLabel: 'JavaScript' },
      score: 1,
      method: 'exact',
      matchedLabel: 'JavaScript',
    });
    const scores = res.data.suggestSkills.map((s) => s.score);
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('finds skills named by alternative labels and inflected forms inside a sentence', async () => {
    const res = await suggest(
      'We need someone experienced in developing web applications in Java and Javascript, and in debugging software.',
      10,
    );
    expect(res.errors).toBeUndefined();
    const labels = res.data.suggestSkills.map((s) => s.skill.preferredLabel);
    expect(labels.slice(0, 5)).toEqual(expect.arrayContaining(['Java (computer programming)', 'debug software']));
    expect(res.data.suggestSkills.map((s) => s.skill.uri)).toContain(JAVASCRIPT);
    expect(
      res.data.suggestSkills.find((s) => s.skill.preferredLabel === 'Java (computer programming)')?.matchedLabel,
    ).toBe('Java');
  });

  it('maps short course tags to the skill they name', async () => {
    for (const [tag, label] of [
      ['Python Programming', 'Python (computer programming)'],
      ['Problem Solving', 'solve problems'],
      ['Critical Thinking', 'think critically'],
    ]) {
      const res = await suggest(tag, 3);
      expect(res.errors).toBeUndefined();
      expect(res.data.suggestSkills[0]?.skill.preferredLabel, tag).toBe(label);
      expect(res.data.suggestSkills[0]!.score, tag).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('honours first and rejects texts without words and page sizes above the maximum', async () => {
    const three = await suggest('project management and risk management', 3);
    expect(three.data.suggestSkills).toHaveLength(3);
    const empty = await suggest(' ((  )) ', 5);
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await suggest('welding', 100_000);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers anonymous callers (the taxonomy is public)', async () => {
    const res = await server.gql<{ suggestSkills: Suggestion[] }>(SUGGEST, { text: 'teamwork', first: 3 }, {});
    expect(res.errors).toBeUndefined();
    expect(res.data.suggestSkills.length).toBeGreaterThan(0);
  });

  it('generalises: 5-fold cross-validated R-Precision@5 and MRR stay above their floors, and a fit on one split carries to the other', async () => {
    const set = loadEvaluationSet(sharedDataDir('esco_skill_extraction_eval'));
    expect(set.items).toHaveLength(136);
    const service = server.app.services.skillSuggestions;
    const items: FeaturedItem[] = [];
    for (const item of set.items)
      items.push({
        split: item.split,
        goldUris: item.goldUris,
        candidates: await service.featuredCandidates(item.sentence),
      });
    const cv = crossValidate(items, 5, { depth: 20 });
    // Measured 0.641 / 0.628 (fold sd 0.088 / 0.075, so the mean's standard error is about 0.04):
    // the floors sit one standard error below, far enough not to flake on a re-import, close
    // enough to catch a change that costs real accuracy on unseen sentences.
    expect(cv.meanRPrecisionAt5).toBeGreaterThanOrEqual(0.6);
    expect(cv.meanMrr).toBeGreaterThanOrEqual(0.59);
    // Held-out scores are probabilities: measured expected calibration error 0.042.
    expect(expectedCalibrationError(reliabilityTable(cv.outOfFold))).toBeLessThanOrEqual(0.08);
    // Fitted on one split alone, each split scores about as its lexical ranking does (measured:
    // HOUSE 0.512 against 0.519, TECH 0.705 against 0.695). A feature that learns which skills one
    // split's annotators name falls well below (a prior over gold skills: 0.447 and 0.580).
    const lexical = evaluateModel(items, null, 20).bySplit;
    for (const result of crossSplitValidate(items, { depth: 20 }))
      expect(result.rPrecisionAt5).toBeGreaterThanOrEqual(lexical[result.split]!.rPrecisionAt5 - 0.04);
  });

  it('scores sentence suggestions as calibrated probabilities, so a confidence threshold means what it says', async () => {
    const set = loadEvaluationSet(sharedDataDir('esco_skill_extraction_eval'));
    const service = server.app.services.skillSuggestions;
    const scored: { score: number; gold: boolean }[] = [];
    for (const item of set.items) {
      const gold = new Set(item.goldUris);
      for (const s of await service.suggestSkills(item.sentence, 5))
        scored.push({ score: s.score, gold: gold.has(s.skill.uri) });
    }
    const confident = scored.filter((s) => s.score >= 0.6);
    const share = confident.filter((s) => s.gold).length / confident.length;
    // Before, a score was the strength of a label match: of the top-5 suggestions scored 0.6 or
    // more, 41 % were right, and the expected calibration error was 0.27. Measured now: 64 %, 0.03.
    expect(confident.length).toBeGreaterThan(20);
    expect(share).toBeGreaterThanOrEqual(0.6);
    expect(expectedCalibrationError(reliabilityTable(scored))).toBeLessThanOrEqual(0.08);
  });

  it('answers a sentence from memory, without a database round trip per phrase', async () => {
    const set = loadEvaluationSet(sharedDataDir('esco_skill_extraction_eval'));
    const service = server.app.services.skillSuggestions;
    for (const item of set.items.slice(0, 20)) await service.suggestSkills(item.sentence, 20);
    const times: number[] = [];
    for (const item of set.items) {
      const started = performance.now();
      await service.suggestSkills(item.sentence, 20);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    // Target 20 ms (measured by eval:skills); the floor leaves room for a loaded CI machine. The
    // full-text version took about 500 ms per sentence.
    expect(times[times.length >> 1]).toBeLessThan(60);
  });
});
