/**
 * A learning plan as a Credential Engine CTDL Pathway (JSON-LD `@graph`): the `ceterms:Pathway`,
 * one component per plan step (`ceterms:CourseComponent`, or `ceterms:CredentialComponent` for a
 * credential imported from an issued badge or EDC), and the destination `ceterms:JobComponent`
 * aligned to the target ESCO occupation. `ceterms:precedes` links each step to the next (the
 * plan's order), each step to every later step needing a skill it teaches (the prerequisites),
 * and the last step to the destination.
 *
 * Identifiers are CTIDs (`ce-` + UUID) derived from the plan's content, so exporting the same plan
 * twice gives the same ids, under the registry's resource namespace; they are only resolvable once
 * an organisation publishes the pathway (see the README for what a registry needs).
 */
import { createHash } from 'node:crypto';

export const CTDL_CONTEXT = 'https://credreg.net/ctdl/schema/context/json';
export const REGISTRY_RESOURCES = 'https://credentialengineregistry.org/resources/';

/** Source formats of credentials imported from issued documents (badges, EDCs), not course rows. */
const CREDENTIAL_FORMATS: readonly string[] = ['OB2', 'OB3', 'ELM'];

/** One plan step with what the pathway says about its course. */
export interface PathwayStep {
  readonly order: number;
  readonly credentialId: string;
  readonly title: string;
  readonly description: string | null;
  readonly providerName: string | null;
  readonly url: string | null;
  readonly ects: number | null;
  readonly workloadHours: number | null;
  /** OB2 / OB3 / ELM for imported credentials (CredentialComponent); CSV or null for courses. */
  readonly sourceFormat: string | null;
  readonly teachesSkillUris: readonly string[];
  readonly prerequisiteSkillUris: readonly string[];
}

/** The plan's destination. */
export interface PathwayDestination {
  readonly name: string;
  /** The ESCO occupation URI; null for a job posting without one. */
  readonly occupationUri: string | null;
  readonly occupationLabel: string | null;
}

/**
 * The pathway document.
 *
 * @example
 * const doc = ctdlPathway({ steps, destination: { name: 'software developer', occupationUri, occupationLabel: 'software developer' } });
 * doc['@graph'][0]['@type'] // 'ceterms:Pathway'
 */
export function ctdlPathway(input: {
  readonly steps: readonly PathwayStep[];
  readonly destination: PathwayDestination;
}): Record<string, unknown> {
  const steps = [...input.steps].sort((a, b) => a.order - b.order);
  const key = `${input.destination.occupationUri ?? input.destination.name}|${steps.map((s) => s.credentialId).join('|')}`;
  const pathwayCtid = ctid(`pathway|${key}`);
  const destinationCtid = ctid(`destination|${key}`);
  const stepCtids = steps.map((s) => ctid(`step|${key}|${s.credentialId}`));
  const uri = (id: string) => `${REGISTRY_RESOURCES}${id}`;

  const precedes = steps.map((step, i) => {
    const next = new Set<string>();
    if (i + 1 < steps.length) next.add(uri(stepCtids[i + 1]!));
    else next.add(uri(destinationCtid));
    const teaches = new Set(step.teachesSkillUris);
    steps.forEach((later, j) => {
      if (j > i && later.prerequisiteSkillUris.some((p) => teaches.has(p))) next.add(uri(stepCtids[j]!));
    });
    return [...next];
  });

  const occupationAlignment = input.destination.occupationUri
    ? [
        {
          '@type': 'ceterms:CredentialAlignmentObject',
          'ceterms:framework': 'http://data.europa.eu/esco/occupation',
          'ceterms:frameworkName': { en: 'ESCO occupations' },
          'ceterms:targetNode': input.destination.occupationUri,
          'ceterms:targetNodeName': { en: input.destination.occupationLabel ?? input.destination.name },
        },
      ]
    : [];

  const pathway = {
    '@id': uri(pathwayCtid),
    '@type': 'ceterms:Pathway',
    'ceterms:ctid': pathwayCtid,
    'ceterms:name': { en: `Pathway to ${input.destination.name}` },
    'ceterms:description': {
      en: `${steps.length} course(s) in order, planned by credgraph to close the skill gap to ${input.destination.name}.`,
    },
    'ceterms:hasDestinationComponent': [uri(destinationCtid)],
    'ceterms:hasChild': [uri(destinationCtid)],
    'ceterms:hasPart': [...stepCtids.map(uri), uri(destinationCtid)],
    ...(occupationAlignment.length ? { 'ceterms:occupationType': occupationAlignment } : {}),
  };

  const components = steps.map((step, i) => ({
    '@id': uri(stepCtids[i]!),
    '@type':
      step.sourceFormat !== null && CREDENTIAL_FORMATS.includes(step.sourceFormat)
        ? 'ceterms:CredentialComponent'
        : 'ceterms:CourseComponent',
    'ceterms:ctid': stepCtids[i],
    'ceterms:name': { en: step.title },
    ...(step.description ? { 'ceterms:description': { en: step.description } } : {}),
    'ceterms:isPartOf': [uri(pathwayCtid)],
    'ceterms:componentDesignation': [`step ${step.order}`],
    ...(step.providerName
      ? {
          'ceterms:offeredBy': [
            { '@type': 'ceterms:CredentialOrganization', 'ceterms:name': { en: step.providerName } },
          ],
        }
      : {}),
    ...(step.url ? { 'ceterms:sourceData': step.url } : {}),
    ...(step.ects !== null
      ? {
          'ceterms:creditValue': [
            {
              '@type': 'ceterms:ValueProfile',
              'ceterms:value': step.ects,
              'ceterms:description': { en: 'ECTS credits' },
            },
          ],
        }
      : {}),
    'ceterms:precedes': precedes[i],
  }));

  const destination = {
    '@id': uri(destinationCtid),
    '@type': 'ceterms:JobComponent',
    'ceterms:ctid': destinationCtid,
    'ceterms:name': { en: input.destination.name },
    'ceterms:isPartOf': [uri(pathwayCtid)],
    'ceterms:isDestinationComponentOf': [uri(pathwayCtid)],
    ...(input.destination.occupationUri
      ? { 'ceterms:sourceData': input.destination.occupationUri, 'ceterms:occupationType': occupationAlignment }
      : {}),
  };

  return { '@context': CTDL_CONTEXT, '@graph': [pathway, ...components, destination] };
}

/** A CTID: `ce-` and a UUID (version 5 layout) derived from `seed`. */
function ctid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `ce-${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
