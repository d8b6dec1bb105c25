import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const seedDir = path.resolve(__dirname, '../../../seed/esco');

function seedOccupationLabels(): Map<string, string> {
  const rows = parse(fs.readFileSync(path.join(seedDir, 'occupations_en.csv')), { columns: true }) as Record<
    string,
    string
  >[];
  return new Map(rows.map((row) => [row.preferredLabel!, row.conceptUri!]));
}

describe('committed ESCO demo seed (issue #13)', () => {
  // Literal labels and URIs from ESCO v1.1.1, not read from the selection code under test.
  it.each([
    ['software developer', 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1'],
    ['data analyst', 'http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2'],
    ['data scientist', 'http://data.europa.eu/esco/occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30'],
    [
      'nurse responsible for general care',
      'http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50',
    ],
    ['electrician', 'http://data.europa.eu/esco/occupation/4910419f-b4af-4f59-b544-9dbebc8a74f0'],
    ['welder', 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b'],
    ['accountant', 'http://data.europa.eu/esco/occupation/eda0d957-3c3c-4139-b89a-a18bc9e18897'],
    ['logistics analyst', 'http://data.europa.eu/esco/occupation/51cd3a7a-eae6-4dc6-9f24-179d7ec6d230'],
    ['solar energy technician', 'http://data.europa.eu/esco/occupation/75b63949-1b93-4bf2-a777-ccf978dc3e8a'],
  ])('contains %s', (label, uri) => {
    expect(seedOccupationLabels().get(label)).toBe(uri);
  });
});
