/**
 * Chooses the demo seed's subset of ESCO: about 110 occupations across seven sectors, then
 * everything they need to form a closed graph (their skills, those skills' broader skills up to
 * the roots, the skill groups and ISCO groups above them). Pure and deterministic: the same
 * release always gives the same seed, so regenerating it produces no diff.
 */
import { compareStrings } from '../../domain/coverage/compare-strings';

/** How one sector picks its occupations. */
export interface SeedSector {
  readonly name: string;
  /** ISCO unit group codes, in priority order. */
  readonly iscoCodes: readonly string[];
  /** Also take occupations whose preferred label matches (any ISCO group). */
  readonly label?: RegExp;
  /** Never take occupations whose preferred label matches. */
  readonly exclude?: RegExp;
  /** Occupations always taken first (by URI). */
  readonly include?: readonly string[];
  readonly quota: number;
}

/** "software developer": the example every demo and test refers to. */
export const SOFTWARE_DEVELOPER_URI = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';

/**
 * Occupations people ask a demo about first (issue #13): always in the seed, whatever the
 * round-robin would pick. Keyed by their preferred label in ESCO v1.1.1.
 */
export const ASKED_FOR_OCCUPATIONS = {
  'data analyst': 'http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2',
  'data scientist': 'http://data.europa.eu/esco/occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30',
  'nurse responsible for general care': 'http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50',
  electrician: 'http://data.europa.eu/esco/occupation/4910419f-b4af-4f59-b544-9dbebc8a74f0',
  welder: 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b',
  accountant: 'http://data.europa.eu/esco/occupation/eda0d957-3c3c-4139-b89a-a18bc9e18897',
  'logistics analyst': 'http://data.europa.eu/esco/occupation/51cd3a7a-eae6-4dc6-9f24-179d7ec6d230',
  'solar energy technician': 'http://data.europa.eu/esco/occupation/75b63949-1b93-4bf2-a777-ccf978dc3e8a',
} as const;

/** The demo sectors (ISCO-08 unit groups; green energy by label, as ISCO has no such group). */
export const SEED_SECTORS: readonly SeedSector[] = [
  {
    name: 'ICT',
    iscoCodes: [
      '2512',
      '2513',
      '2514',
      '2511',
      '2519',
      '2521',
      '2522',
      '2523',
      '2529',
      '3511',
      '3512',
      '3513',
      '3514',
      '1330',
    ],
    include: [SOFTWARE_DEVELOPER_URI, ASKED_FOR_OCCUPATIONS['data analyst'], ASKED_FOR_OCCUPATIONS['data scientist']],
    quota: 19,
  },
  {
    name: 'health care',
    iscoCodes: ['2211', '2212', '2221', '2222', '2262', '2264', '3256', '5321', '3258', '2261', '2265', '3213'],
    include: [ASKED_FOR_OCCUPATIONS['nurse responsible for general care']],
    quota: 18,
  },
  {
    name: 'green energy',
    iscoCodes: [],
    label:
      /\b(solar|wind (energy|farm|turbine)|renewable|photovoltaic|geothermal|hydropower|biogas|heat pump|energy)\b/i,
    exclude: /\b(teacher|trader)\b/i,
    include: [ASKED_FOR_OCCUPATIONS['solar energy technician']],
    quota: 18,
  },
  {
    name: 'hospitality',
    iscoCodes: ['5120', '3434', '5131', '5132', '4224', '1411', '1412', '9412', '5151'],
    quota: 17,
  },
  {
    name: 'logistics',
    iscoCodes: ['4321', '4323', '8332', '8344', '1324', '9333', '3331', '8322'],
    include: [ASKED_FOR_OCCUPATIONS['logistics analyst']],
    quota: 18,
  },
  {
    name: 'manufacturing',
    iscoCodes: ['7212', '7223', '7233', '8211', '3122', '1321', '2144', '3115'],
    include: [ASKED_FOR_OCCUPATIONS['welder'], ASKED_FOR_OCCUPATIONS['electrician']],
    quota: 19,
  },
  { name: 'finance', iscoCodes: ['2411'], include: [ASKED_FOR_OCCUPATIONS['accountant']], quota: 3 },
];

/** The occupation facts selection needs. */
export interface SeedOccupation {
  readonly uri: string;
  readonly preferredLabel: string;
  readonly iscoGroup: string;
}

/** A directed link by URI. */
export interface SeedLink {
  readonly from: string;
  readonly to: string;
}

/** What the selection reads from the full release. */
export interface SeedSource {
  readonly occupations: readonly SeedOccupation[];
  /** ISCO group code → URI. */
  readonly iscoGroupByCode: ReadonlyMap<string, string>;
  readonly occupationSkills: readonly SeedLink[];
  /** skill → broader skill */
  readonly skillBroader: readonly SeedLink[];
  /** skill → skill group */
  readonly skillInGroup: readonly SeedLink[];
  /** skill group → broader skill group */
  readonly groupBroader: readonly SeedLink[];
  /** ISCO group → broader ISCO group */
  readonly iscoBroader: readonly SeedLink[];
}

/** The chosen concepts, by URI. */
export interface SeedSelection {
  /** Occupation URI → sector name. */
  readonly occupations: ReadonlyMap<string, string>;
  readonly skills: ReadonlySet<string>;
  readonly skillGroups: ReadonlySet<string>;
  readonly iscoGroups: ReadonlySet<string>;
}

/**
 * Picks each sector's occupations: its `include` list, then round-robin over its ISCO groups (in
 * the listed order, label-matched groups after them by code) taking labels alphabetically, so
 * a sector spreads over its groups instead of filling up from the largest one.
 */
export function selectSeedOccupations(
  occupations: readonly SeedOccupation[],
  sectors: readonly SeedSector[] = SEED_SECTORS,
): Map<string, string> {
  const chosen = new Map<string, string>();
  const byUri = new Map(occupations.map((occupation) => [occupation.uri, occupation]));
  for (const sector of sectors) {
    let taken = 0;
    for (const uri of sector.include ?? []) {
      if (byUri.has(uri) && !chosen.has(uri)) {
        chosen.set(uri, sector.name);
        taken += 1;
      }
    }
    const groups = new Map<string, SeedOccupation[]>();
    for (const occupation of occupations) {
      const listed = sector.iscoCodes.includes(occupation.iscoGroup);
      const labelled = sector.label?.test(occupation.preferredLabel) ?? false;
      if (!(listed || labelled) || sector.exclude?.test(occupation.preferredLabel) || chosen.has(occupation.uri))
        continue;
      const group = groups.get(occupation.iscoGroup) ?? [];
      group.push(occupation);
      groups.set(occupation.iscoGroup, group);
    }
    const rank = (code: string) => {
      const index = sector.iscoCodes.indexOf(code);
      return index < 0 ? sector.iscoCodes.length : index;
    };
    const queues = [...groups.entries()]
      .sort(([a], [b]) => rank(a) - rank(b) || compareStrings(a, b))
      .map(([, group]) =>
        group.sort((a, b) => compareStrings(a.preferredLabel, b.preferredLabel) || compareStrings(a.uri, b.uri)),
      );
    while (taken < sector.quota && queues.some((queue) => queue.length > 0)) {
      for (const queue of queues) {
        if (taken >= sector.quota) break;
        const next = queue.shift();
        if (next === undefined) continue;
        chosen.set(next.uri, sector.name);
        taken += 1;
      }
    }
  }
  return chosen;
}

/** Adds to `start` everything reachable along `links` (transitive closure upwards). */
export function ancestorsClosure(start: Iterable<string>, links: readonly SeedLink[]): Set<string> {
  const up = new Map<string, string[]>();
  for (const link of links) {
    const targets = up.get(link.from) ?? [];
    targets.push(link.to);
    up.set(link.from, targets);
  }
  const seen = new Set(start);
  const stack = [...seen];
  while (stack.length > 0) {
    for (const next of up.get(stack.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** Selects the seed: occupations, then the closure of what they need. */
export function selectSeed(source: SeedSource, sectors: readonly SeedSector[] = SEED_SECTORS): SeedSelection {
  const occupations = selectSeedOccupations(source.occupations, sectors);
  const required = source.occupationSkills.filter((link) => occupations.has(link.from)).map((link) => link.to);
  const skills = ancestorsClosure(required, source.skillBroader);
  const directGroups = source.skillInGroup.filter((link) => skills.has(link.from)).map((link) => link.to);
  const skillGroups = ancestorsClosure(directGroups, source.groupBroader);
  const directIsco: string[] = [];
  for (const occupation of source.occupations) {
    const isco = source.iscoGroupByCode.get(occupation.iscoGroup);
    if (occupations.has(occupation.uri) && isco !== undefined) directIsco.push(isco);
  }
  const iscoGroups = ancestorsClosure(directIsco, source.iscoBroader);
  return { occupations, skills, skillGroups, iscoGroups };
}
