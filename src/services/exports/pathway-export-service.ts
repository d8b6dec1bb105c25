/**
 * Exports a learning plan as a CTDL Pathway (domain/exports/ctdl-pathway.ts), gathering the
 * plan's courses, their providers and the destination. Cost: three reads (courses; providers and
 * destination together), whatever the plan's length.
 */
import type { CatalogRepository } from '../../db/repositories/catalog-repository';
import type { EscoRepository } from '../../db/repositories/esco-repository';
import type { JobPostingRepository } from '../../db/repositories/job-posting-repository';
import type { Target } from '../../domain/coverage/subject-input';
import { ctdlPathway, type PathwayDestination } from '../../domain/exports/ctdl-pathway';

/** The plan steps the pathway needs (a LearningPlanValue's steps fit). */
export interface PathwayPlanStep {
  readonly order: number;
  readonly credentialId: string;
}

/** Builds pathways. */
export class PathwayExportService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly esco: EscoRepository,
    private readonly postings: JobPostingRepository,
  ) {}

  /** The pathway of a plan towards `target`. */
  async exportPathway(steps: readonly PathwayPlanStep[], target: Target): Promise<Record<string, unknown>> {
    const credentials = await this.catalog.getCredentialsByIds(steps.map((s) => s.credentialId));
    const byId = new Map(credentials.map((c) => [c.id, c]));
    const [providers, destination] = await Promise.all([
      this.catalog.getProvidersByIds([...new Set(credentials.map((c) => c.providerId))]),
      this.destination(target),
    ]);
    const providerNames = new Map(providers.map((p) => [p.id, p.name]));
    return ctdlPathway({
      destination,
      steps: steps.flatMap((step) => {
        const c = byId.get(step.credentialId);
        if (!c) return [];
        return [
          {
            order: step.order,
            credentialId: c.id,
            title: c.title,
            description: c.description,
            providerName: providerNames.get(c.providerId) ?? null,
            url: c.url,
            ects: c.ects,
            workloadHours: c.workloadHours,
            sourceFormat: c.sourceFormat,
            teachesSkillUris: c.skills.map((s) => s.uri),
            prerequisiteSkillUris: c.prerequisiteUris,
          },
        ];
      }),
    });
  }

  private async destination(target: Target): Promise<PathwayDestination> {
    if (target.kind === 'OCCUPATION') {
      const [occupation] = await this.esco.getOccupationsByUris([target.occupationUri]);
      const label = occupation?.preferredLabel ?? null;
      return { name: label ?? target.occupationUri, occupationUri: target.occupationUri, occupationLabel: label };
    }
    const [posting] = await this.postings.getJobPostingsByIds([target.jobPostingId]);
    const occupationUri = posting?.occupationUri ?? null;
    const [occupation] = occupationUri ? await this.esco.getOccupationsByUris([occupationUri]) : [];
    return {
      name: posting?.title ?? target.jobPostingId,
      occupationUri,
      occupationLabel: occupation?.preferredLabel ?? null,
    };
  }
}
