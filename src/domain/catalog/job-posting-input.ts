/** Job postings: an occupation's requirements, editable per posting. */
import { randomUUID } from 'node:crypto';
import { BadInputError } from '../errors';
import { checkEscoUri, checkId, optionalText, requiredText } from './field-checks';

/** Input of `upsertJobPosting`. */
export interface JobPostingInput {
  id?: string | null;
  title: string;
  employer?: string | null;
  location?: string | null;
  occupationUri: string;
  portalId?: string | null;
  /** When given, exactly these requirements; when absent, the occupation's. */
  requirements?: { uri: string; relation: 'ESSENTIAL' | 'OPTIONAL' }[] | null;
}

/** Validated posting. */
export interface ValidJobPosting {
  record: {
    id: string;
    title: string;
    employer: string | null;
    location: string | null;
    occupationUri: string;
    portalId: string | null;
  };
  copyOccupation: boolean;
  requirements: { uri: string; relation: 'ESSENTIAL' | 'OPTIONAL' }[];
}

/** Validates a posting upsert. A skill listed twice keeps its ESSENTIAL relation if any. */
export function validateJobPostingInput(input: JobPostingInput, newId: () => string = randomUUID): ValidJobPosting {
  const requirements = new Map<string, 'ESSENTIAL' | 'OPTIONAL'>();
  (input.requirements ?? []).forEach((req, i) => {
    const uri = checkEscoUri(`requirements[${i}].uri`, req.uri, 'skill');
    if (requirements.get(uri) !== 'ESSENTIAL') requirements.set(uri, req.relation);
  });
  if (input.requirements && input.requirements.length > 1000)
    throw new BadInputError('a posting may list at most 1000 requirements', { field: 'requirements' });
  return {
    record: {
      id: input.id == null ? newId() : checkId('id', input.id),
      title: requiredText('title', input.title, 300),
      employer: optionalText('employer', input.employer, 300),
      location: optionalText('location', input.location, 300),
      occupationUri: checkEscoUri('occupationUri', input.occupationUri, 'occupation'),
      portalId: input.portalId == null ? null : checkId('portalId', input.portalId),
    },
    copyOccupation: input.requirements == null,
    requirements: [...requirements.entries()].map(([uri, relation]) => ({ uri, relation })),
  };
}
