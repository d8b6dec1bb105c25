/**
 * `npm run export:record -- --learner <id>`: prints a learner's record as an Open Badges 3.0 /
 * CLR 2.0 JSON-LD document (what `Learner.openBadgesRecord` answers), signed when VC_SIGNING_KEY
 * is set. `npm run export:pathway -- --learner <id> --occupation <uri> [--objective HOURS]`
 * prints the CTDL Pathway of the plan recommendCourses would make. Uses the configured database.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/open-database';
import { createServices } from '../server/create-app';
import { PLAN_OBJECTIVES, type PlanObjective } from '../domain/planning/plan-types';
import { runCli } from './run-cli';

const USAGE =
  'usage: export-record record --learner <id> | pathway --learner <id> --occupation <uri> [--objective HOURS|PRICE|ECTS|COUNT]';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        learner: { type: 'string' },
        occupation: { type: 'string' },
        objective: { type: 'string', default: 'HOURS' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [kind] = parsed.positionals;
  const { learner, occupation, objective } = parsed.values;
  if (
    !learner ||
    (kind !== 'record' && kind !== 'pathway') ||
    (kind === 'pathway' && !occupation) ||
    !PLAN_OBJECTIVES.includes(objective as PlanObjective)
  ) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase(config, { info: (message) => process.stderr.write(message + '\n') });
  try {
    const services = createServices(db.executor, config);
    let document: Record<string, unknown>;
    if (kind === 'record') {
      const exported = await services.recordExport.exportRecord(learner);
      if (!exported.signed) process.stderr.write('VC_SIGNING_KEY is not set: the record is unsigned\n');
      document = exported.document;
    } else {
      const target = { kind: 'OCCUPATION' as const, occupationUri: occupation! };
      const policy = services.coverage.policy(null);
      const [evidence, requirements] = await Promise.all([
        services.coverage.subjectEvidence({ kind: 'LEARNER', learnerId: learner }, policy),
        services.coverage.targetRequirements(target),
      ]);
      const plan = await services.planning.recommend(
        evidence,
        requirements.requirements,
        services.planning.request({ objective: objective as PlanObjective, scope: 'ESSENTIAL' }),
        policy,
      );
      document = await services.pathwayExport.exportPathway(plan.steps, target);
    }
    process.stdout.write(JSON.stringify(document, null, 2) + '\n');
    return 0;
  } finally {
    await db.close();
  }
}

runCli(
  'export-record',
  main,
  `${USAGE}\n\nrecord: prints the learner's record as an Open Badges 3.0 / CLR 2.0 document (signed with VC_SIGNING_KEY).\npathway: prints the CTDL Pathway of the plan recommendCourses makes for the learner.`,
);
