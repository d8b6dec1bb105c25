import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printCredgraphSchema } from '../../src/graphql/print-schema';
import { buildCredgraphSchema } from '../../src/graphql/build-schema';

describe('the committed SDL', () => {
  it('equals what the code-first schema generates (run `npm run schema:emit` after a schema change)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
    expect(committed).toBe(await printCredgraphSchema());
  });

  it('keeps the public contract of the coverage API (names and types are binding)', async () => {
    const schema = await buildCredgraphSchema();
    const signature = (field: string) => {
      const f = schema.getQueryType()!.getFields()[field]!;
      return `${f.args
        .map((a) => `${a.name}: ${String(a.type)}`)
        .sort()
        .join(', ')} -> ${String(f.type)}`;
    };
    expect(signature('coverage')).toBe(
      'policy: MatchPolicyInput, subject: SubjectInput!, target: TargetInput! -> Coverage!',
    );
    expect(signature('rankOccupations')).toBe(
      'after: String, first: Int!, iscoGroupPrefix: String, policy: MatchPolicyInput, subject: SubjectInput! -> OccupationMatchConnection!',
    );
    expect(signature('rankCandidates')).toBe(
      'after: String, first: Int!, minScore: Float, policy: MatchPolicyInput, target: TargetInput! -> CandidateMatchConnection!',
    );
    const subject = Object.keys((schema.getType('SubjectInput') as any).getFields()).sort();
    expect(subject).toEqual(['credentialIds', 'learnerId', 'occupationUri', 'skillUris']);
    const policy = Object.keys((schema.getType('MatchPolicyInput') as any).getFields()).sort();
    expect(policy).toEqual([
      'asOf',
      'broader',
      'coverThreshold',
      'exact',
      'maxHierarchyDepth',
      'narrower',
      'optionalWeight',
      'selfDeclared',
      'unverified',
    ]);
  });
});
