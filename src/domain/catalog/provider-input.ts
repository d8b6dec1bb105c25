/** The awarding body of micro-credentials, and validation of its upsert. */
import { randomUUID } from 'node:crypto';
import { BadInputError } from '../errors';
import { isCountryCode } from '../credentials/country-codes';
import { checkId, optionalText, optionalUrl, requiredText } from './field-checks';

/** Input of `upsertProvider`. */
export interface ProviderInput {
  id?: string | null;
  name: string;
  country?: string | null;
  type?: string | null;
  url?: string | null;
}

/** Normalised provider. */
export interface ProviderRecord {
  id: string;
  name: string;
  country: string | null;
  type: string | null;
  url: string | null;
}

/** Validates and normalises a provider upsert. */
export function validateProviderInput(input: ProviderInput, newId: () => string = randomUUID): ProviderRecord {
  const country = optionalText('country', input.country, 2)?.toUpperCase() ?? null;
  if (country !== null && !isCountryCode(country))
    throw new BadInputError(`country must be an ISO 3166-1 alpha-2 code such as "DE", got "${input.country}"`, {
      field: 'country',
      value: input.country,
    });
  return {
    id: input.id == null ? newId() : checkId('id', input.id),
    name: requiredText('name', input.name, 300),
    country,
    type: optionalText('type', input.type, 100),
    url: optionalUrl('url', input.url),
  };
}
