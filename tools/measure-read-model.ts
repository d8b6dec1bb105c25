/**
 * Loads the scoring read model from the database at NEO4J_URI, as an API process does at start,
 * and prints what it costs: load time per part, entity counts, memory growth in MB (the heap plus
 * array buffers, where typed arrays keep their data), and MB per 10,000 learners and per 10,000
 * credentials (the growth of those parts divided by their counts). Read-only.
 *
 *   NEO4J_URI=bolt://host:7687 npm run bench:read-model [-- --synthetic-credentials N --synthetic-learners N]
 *
 * The synthetic options add invented credentials (6 taught skills, 1 prerequisite) and learners
 * (4 holdings with dates, 3 declared skills) in memory only, to size a population the database
 * does not hold.
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config/config';
import { createDriver } from '../src/db/create-driver';
import { CypherRegistry } from '../src/db/cypher-registry';
import { Neo4jExecutor } from '../src/db/neo4j-executor';
import { ReadModelRepository } from '../src/db/repositories/read-model-repository';
import { ReadModel } from '../src/domain/read-model/read-model';
import type { CredentialRow, LearnerRow } from '../src/domain/read-model/read-model-rows';
import { Random } from '../src/generate/random';
import { fullGarbageCollector } from '../src/compute/full-garbage-collection';
import { heldBytes } from '../src/services/read-model/live-read-model';

// Two full collections before each reading, so the figures are what stays reachable.
const gc = fullGarbageCollector();
const heldMb = () =>
  heldBytes(() => {
    gc();
    gc();
  }) / 1e6;

function flag(name: string): number {
  const at = process.argv.indexOf(name);
  return at < 0 ? 0 : Number(process.argv[at + 1] ?? 0);
}

/** The ESCO part; the loaded rows are garbage once the model holds them. */
async function loadEsco(repo: ReadModelRepository): Promise<{ model: ReadModel; skillUris: string[] }> {
  const [skills, occupations] = await Promise.all([repo.loadSkills(), repo.loadOccupations()]);
  return { model: new ReadModel(skills.uris, skills.broader, occupations), skillUris: skills.uris };
}

function syntheticCredential(i: number, random: Random, skillUris: readonly string[]): CredentialRow {
  const pick = () => skillUris[random.int(0, skillUris.length - 1)]!;
  return {
    id: `synthetic-credential-${i}`,
    hours: 10 + random.int(0, 99),
    price: random.int(0, 1999),
    currency: 'EUR',
    ects: null,
    languages: ['en'],
    participationForm: 'ONLINE',
    eqfLevel: 5,
    providerIds: [`synthetic-provider-${random.int(0, 199)}`],
    teaches: Array.from({ length: 6 }, () => ({
      uri: pick(),
      source: 'DECLARED',
      confidence: null,
    })) as CredentialRow['teaches'],
    prerequisites: [pick()],
  };
}

function syntheticLearner(i: number, random: Random, skillUris: readonly string[], credentials: number): LearnerRow {
  return {
    id: `synthetic-learner-${i}`,
    matchingConsent: random.int(0, 1) === 0,
    holdings: Array.from({ length: 4 }, () => ({
      credentialId: `synthetic-credential-${random.int(0, Math.max(1, credentials) - 1)}`,
      issuedOn: `20${10 + random.int(0, 14)}-0${1 + random.int(0, 8)}-1${random.int(0, 9)}`,
      expiresOn: random.int(0, 2) === 0 ? `20${26 + random.int(0, 4)}-01-01` : null,
      verificationStatus: random.int(0, 1) === 0 ? 'VERIFIED' : null,
    })),
    declaredSkillUris: Array.from({ length: 3 }, () => skillUris[random.int(0, skillUris.length - 1)]!),
  };
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (!config.neo4j.uri) throw new Error('set NEO4J_URI to the database to measure');
  const driver = createDriver({ uri: config.neo4j.uri, user: config.neo4j.user, password: config.neo4j.password });
  try {
    const repo = new ReadModelRepository(
      new Neo4jExecutor(driver, CypherRegistry.load(), { database: config.neo4j.database }),
    );
    const held0 = heldMb();
    const t0 = performance.now();
    const { model, skillUris } = await loadEsco(repo);
    const random = new Random(42);
    const syntheticCredentials = flag('--synthetic-credentials');
    const syntheticLearners = flag('--synthetic-learners');
    const t1 = performance.now();
    const held1 = heldMb();
    await repo.loadCredentials((rows) => {
      for (const row of rows) model.putCredential(row);
    });
    for (let i = 0; i < syntheticCredentials; i += 1) model.putCredential(syntheticCredential(i, random, skillUris));
    const t2 = performance.now();
    const held2 = heldMb();
    await repo.loadLearners((rows) => {
      for (const row of rows) model.putLearner(row);
    });
    for (let i = 0; i < syntheticLearners; i += 1)
      model.putLearner(syntheticLearner(i, random, skillUris, syntheticCredentials));
    const t3 = performance.now();
    const held3 = heldMb();
    await repo.loadPostings((rows) => {
      for (const row of rows) model.putPosting(row);
    });
    const t4 = performance.now();
    const untrimmed = heldMb();
    // As loadReadModel does: growable lists give back their spare capacity.
    model.trim();
    const held4 = heldMb();
    const counts = model.counts();
    const per10k = (mb: number, n: number) => (n > 0 ? round((mb * 10_000) / n, 2) : null);
    const report = {
      loadMs: {
        total: Math.round(t4 - t0),
        escoAndOccupations: Math.round(t1 - t0),
        credentials: Math.round(t2 - t1),
        learners: Math.round(t3 - t2),
        postings: Math.round(t4 - t3),
      },
      counts,
      synthetic: { credentials: syntheticCredentials, learners: syntheticLearners },
      // Parts as loaded (before the trim); the total after it.
      mb: {
        total: round(held4 - held0),
        escoAndOccupations: round(held1 - held0),
        credentials: round(held2 - held1),
        learners: round(held3 - held2),
        postings: round(untrimmed - held3),
      },
      mbPer10kLearners: per10k(held3 - held2, counts.learners),
      mbPer10kCredentials: per10k(held2 - held1, counts.credentials),
      rssMb: round(process.memoryUsage().rss / 1e6),
    };
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    // Keep the model reachable until the figures are taken.
    if (model.counts().skills < 0) process.stdout.write('unreachable\n');
  } finally {
    await driver.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
