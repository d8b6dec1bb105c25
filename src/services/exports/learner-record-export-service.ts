/**
 * Exports a learner's record as an Open Badges 3.0 / CLR 2.0 document (see
 * domain/exports/learner-record.ts), signed by the server key when VC_SIGNING_KEY is set.
 *
 * Cost: four reads (learner, credentials, providers, skill labels) and, when signing, one
 * eddsa-rdfc-2022 signature per holding plus one for the CLR (a few ms to tens of ms each);
 * bounded by {@link MAX_RECORD_ACHIEVEMENTS}.
 */
import type { CatalogRepository } from '../../db/repositories/catalog-repository';
import type { EscoRepository } from '../../db/repositories/esco-repository';
import type { LearnerRepository } from '../../db/repositories/learner-repository';
import { BadInputError, NotFoundError } from '../../domain/errors';
import {
  achievementCredential,
  clrCredential,
  type LearnerRecordInput,
  type RecordAchievement,
} from '../../domain/exports/learner-record';
import type { RecordSigner } from './record-signer';

/** Most holdings one export lists: each costs a signature. */
export const MAX_RECORD_ACHIEVEMENTS = 200;

/** The exported document and whether it carries the server's proof. */
export interface LearnerRecordExport {
  readonly document: Record<string, unknown>;
  readonly signed: boolean;
  /** The issuer id the document names (the server's did:key, or `urn:credgraph:unsigned`). */
  readonly issuer: string;
}

/** Builds learner records. */
export class LearnerRecordExportService {
  constructor(
    private readonly learners: LearnerRepository,
    private readonly catalog: CatalogRepository,
    private readonly esco: EscoRepository,
    private readonly signer: Promise<RecordSigner | null>,
    private readonly issuerName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The learner's CLR: every holding (expired ones included, with their validUntil).
   *
   * @throws NotFoundError unknown learner.
   * @throws BadInputError more than {@link MAX_RECORD_ACHIEVEMENTS} holdings.
   */
  async exportRecord(learnerId: string): Promise<LearnerRecordExport> {
    const [learner] = await this.learners.getLearnersByIds([learnerId]);
    if (!learner) throw new NotFoundError(`unknown learner: ${learnerId}`, { items: [learnerId] });
    if (learner.holdings.length > MAX_RECORD_ACHIEVEMENTS) {
      throw new BadInputError(
        `the learner holds ${learner.holdings.length} credentials; a record lists at most ${MAX_RECORD_ACHIEVEMENTS}`,
      );
    }
    const credentials = new Map(
      (await this.catalog.getCredentialsByIds(learner.holdings.map((h) => h.credentialId))).map((c) => [c.id, c]),
    );
    const skillUris = [...new Set([...credentials.values()].flatMap((c) => c.skills.map((s) => s.uri)))];
    const [providers, skills] = await Promise.all([
      this.catalog.getProvidersByIds([...new Set([...credentials.values()].map((c) => c.providerId))]),
      this.esco.getSkillsByUris(skillUris),
    ]);
    const providerNames = new Map(providers.map((p) => [p.id, p.name]));
    const labels = new Map(skills.map((s) => [s.uri, s.preferredLabel]));
    const achievements: RecordAchievement[] = learner.holdings.flatMap((h) => {
      const c = credentials.get(h.credentialId);
      if (!c) return [];
      return [
        {
          credentialId: c.id,
          title: c.title,
          description: c.description,
          sourceId: c.sourceId,
          providerName: providerNames.get(c.providerId) ?? null,
          skills: c.skills.map((s) => ({ uri: s.uri, label: labels.get(s.uri) ?? null })),
          ects: c.ects,
          issuedOn: h.issuedOn,
          expiresOn: h.expiresOn,
          verificationStatus: h.verificationStatus ?? null,
        },
      ];
    });
    const signer = await this.signer;
    const issuer = signer?.did ?? 'urn:credgraph:unsigned';
    const input: LearnerRecordInput = {
      learnerId,
      displayName: learner.displayName,
      issuer: { id: issuer, name: this.issuerName },
      issuedAt: this.now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      achievements,
    };
    const inner = achievements.map((a) => achievementCredential(input, a));
    if (!signer) return { document: clrCredential(input, inner), signed: false, issuer };
    // One after another: signatures are CPU-bound, running them together gains nothing.
    const signed: Record<string, unknown>[] = [];
    for (const credential of inner) signed.push(await signer.sign(credential));
    return { document: await signer.sign(clrCredential(input, signed)), signed: true, issuer };
  }
}
