/** Reads what the demo generator needs from an ESCO CSV folder (the seed's or a release's). */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { DemoSource } from './build-demo-data';

function readCsv(dir: string, file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(dir, file)), { columns: true, relax_column_count: true }) as Record<
    string,
    string
  >[];
}

/** Reads the occupations, their skills and the skill labels from an ESCO CSV folder. */
export function readDemoSource(dir: string): DemoSource {
  const skills = readCsv(dir, 'skills_en.csv');
  const skillLabels = new Map(skills.map((row) => [row.conceptUri!, row.preferredLabel!]));
  const knowledge = new Set(skills.filter((row) => row.skillType === 'knowledge').map((row) => row.conceptUri!));
  const links = new Map<string, { essential: string[]; optional: string[] }>();
  for (const row of readCsv(dir, 'occupationSkillRelations.csv')) {
    const entry = links.get(row.occupationUri!) ?? { essential: [], optional: [] };
    (row.relationType === 'essential' ? entry.essential : entry.optional).push(row.skillUri!);
    links.set(row.occupationUri!, entry);
  }
  const occupations = readCsv(dir, 'occupations_en.csv').map((row) => ({
    uri: row.conceptUri!,
    label: row.preferredLabel!,
    essential: links.get(row.conceptUri!)?.essential ?? [],
    optional: links.get(row.conceptUri!)?.optional ?? [],
  }));
  return { occupations, skillLabels, knowledge };
}
