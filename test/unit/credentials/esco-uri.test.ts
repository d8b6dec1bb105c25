import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkEscoUri, isEscoSkillUri, normalizeEscoUri } from '../../../src/domain/credentials';

const SKILL = 'http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a';
const OCCUPATION = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';

describe('normalizeEscoUri', () => {
  it.each([
    ['canonical', SKILL],
    ['https', 'https://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a'],
    ['trailing slash', `${SKILL}/`],
    ['https and trailing slashes', 'https://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a//'],
    ['surrounding whitespace', `  ${SKILL}\n`],
    ['upper-case host and scheme', 'HTTP://DATA.EUROPA.EU/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a'],
    ['upper-case UUID', 'http://data.europa.eu/esco/skill/5FD5C985-EAAA-47AA-8314-62359C54505A'],
    ['no scheme', 'data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a'],
    ['ESCO portal link', `https://esco.ec.europa.eu/en/classification/skill?uri=${encodeURIComponent(SKILL)}`],
  ])('folds the %s form to the canonical skill URI', (_case, raw) => {
    expect(normalizeEscoUri(raw)).toBe(SKILL);
    expect(isEscoSkillUri(raw)).toBe(true);
  });

  it('normalises occupations too, but they are not skills', () => {
    const raw = 'https://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1/';
    expect(normalizeEscoUri(raw)).toBe(OCCUPATION);
    expect(isEscoSkillUri(raw)).toBe(false);
  });

  it.each([
    'https://learning.mozilla.org/en-US/web-literacy/skills#problem-solving',
    'http://data.europa.eu/snb/dcf/u69o196gu6',
    'http://data.europa.eu/esco/isco/C2512',
    'urn:uuid:5300c688-6bfc-498a-a976-230af55b5ca6',
    'not a url at all',
    '',
  ])('returns null for the non-ESCO-skill/occupation URI %j', (raw) => {
    expect(normalizeEscoUri(raw)).toBeNull();
    expect(checkEscoUri(raw)).toEqual({ status: 'other' });
  });

  it('keeps coded skill-group ids (skill/S1.2.3)', () => {
    expect(normalizeEscoUri('https://data.europa.eu/esco/skill/S1.2.3/')).toBe(
      'http://data.europa.eu/esco/skill/S1.2.3',
    );
  });

  it.each([
    ['http://data.europa.eu/esco/skill/', /missing/],
    ['http://data.europa.eu/esco/skill/not-a-uuid', /not an ESCO concept id/],
    ['http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314', /not an ESCO concept id/],
    ['http://data.europa.eu/esco/occupation/S1.2', /not an ESCO concept id/],
    [`${SKILL}/extra`, /extra path segments/],
    [`${SKILL}?language=en`, /query or fragment/],
  ])('reports %s as malformed', (raw, reason) => {
    const result = checkEscoUri(raw);
    expect(result.status).toBe('malformed');
    expect(result.status === 'malformed' ? result.reason : '').toMatch(reason);
    expect(normalizeEscoUri(raw)).toBeNull();
  });

  it('is idempotent and insensitive to scheme, host case, trailing slash and whitespace', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.constantFrom('skill', 'occupation'),
        fc.constantFrom('http', 'https', 'HTTPS'),
        fc.constantFrom('data.europa.eu', 'DATA.europa.EU', 'www.data.europa.eu'),
        fc.constantFrom('', '/', '//'),
        fc.constantFrom('', ' ', '\t'),
        (uuid, kind, scheme, host, slash, pad) => {
          const canonical = `http://data.europa.eu/esco/${kind}/${uuid.toLowerCase()}`;
          const messy = `${pad}${scheme}://${host}/esco/${kind}/${uuid.toUpperCase()}${slash}${pad}`;
          expect(normalizeEscoUri(messy)).toBe(canonical);
          expect(normalizeEscoUri(canonical)).toBe(canonical);
        },
      ),
    );
  });
});
