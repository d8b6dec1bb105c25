/**
 * The ESCO CSV release files the importer reads: their names in each release line, whether the
 * import needs them, and the columns it reads. v1.1.x ships the four relation files without the
 * `_en` suffix (they come from the language-independent package); v1.2.x adds it. The name is
 * detected per file, so a folder mixing both conventions still imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EscoImportError } from './esco-import-error';

/** Stable identifiers of the files the importer knows. */
export type EscoFileKey =
  | 'iscoGroups'
  | 'skillGroups'
  | 'skillsHierarchy'
  | 'skills'
  | 'occupations'
  | 'skillPillarRelations'
  | 'occupationPillarRelations'
  | 'skillSkillRelations'
  | 'occupationSkillRelations'
  | 'transversalSkills'
  | 'digitalSkills'
  | 'greenSkills'
  | 'languageSkills'
  | 'digCompSkills'
  | 'researchSkills'
  | 'researchOccupations';

/** What the importer expects of one file. */
export interface EscoFileSpec {
  readonly key: EscoFileKey;
  /** Accepted names, the v1.1.x name first. */
  readonly names: readonly string[];
  /** A missing required file stops the import before anything is written. */
  readonly required: boolean;
  /** Columns the importer reads; other columns are allowed and ignored. */
  readonly columns: readonly string[];
  /** For collection files: the name stored in `Skill.collections`. */
  readonly collection?: string;
  /** Rows may end early (trailing empty cells left out), as the release writes this file. */
  readonly shortRows?: boolean;
}

const BROADER_COLUMNS = ['conceptType', 'conceptUri', 'broaderType', 'broaderUri'] as const;
const COLLECTION_COLUMNS = ['conceptUri'] as const;

function both(base: string): string[] {
  return [`${base}.csv`, `${base}_en.csv`];
}

/** Every file the importer knows, in the order it reads them. */
export const ESCO_FILES: readonly EscoFileSpec[] = [
  {
    key: 'iscoGroups',
    names: ['ISCOGroups_en.csv'],
    required: true,
    columns: ['conceptUri', 'code', 'preferredLabel', 'description'],
  },
  {
    key: 'skillGroups',
    names: ['skillGroups_en.csv'],
    required: true,
    columns: ['conceptUri', 'preferredLabel', 'altLabels', 'description', 'code'],
  },
  {
    key: 'skillsHierarchy',
    names: ['skillsHierarchy_en.csv'],
    required: false,
    // v1.1.1 omits empty trailing code cells on 189 of its 647 rows; every other file is regular.
    shortRows: true,
    columns: [0, 1, 2, 3]
      .flatMap((level) => [`Level ${level} URI`, `Level ${level} preferred term`, `Level ${level} code`])
      .concat('Description'),
  },
  {
    key: 'transversalSkills',
    names: ['transversalSkillsCollection_en.csv'],
    required: false,
    columns: COLLECTION_COLUMNS,
    collection: 'transversal',
  },
  {
    key: 'digitalSkills',
    names: ['digitalSkillsCollection_en.csv'],
    required: false,
    columns: COLLECTION_COLUMNS,
    collection: 'digital',
  },
  {
    key: 'greenSkills',
    names: ['greenSkillsCollection_en.csv'],
    required: false,
    columns: COLLECTION_COLUMNS,
    collection: 'green',
  },
  {
    key: 'languageSkills',
    names: ['languageSkillsCollection_en.csv'],
    required: false,
    columns: COLLECTION_COLUMNS,
    collection: 'language',
  },
  {
    key: 'digCompSkills',
    names: ['digCompSkillsCollection_en.csv'],
    required: false,
    columns: COLLECTION_COLUMNS,
    collection: 'digcomp',
  },
  {
    key: 'researchSkills',
    names: ['researchSkillsCollection_en.csv'],
    required: false,
    columns: COLLECTION_COLUMNS,
    collection: 'research',
  },
  {
    key: 'researchOccupations',
    names: ['researchOccupationsCollection_en.csv'],
    required: false,
    columns: COLLECTION_COLUMNS,
  },
  {
    key: 'skills',
    names: ['skills_en.csv'],
    required: true,
    columns: ['conceptUri', 'skillType', 'reuseLevel', 'preferredLabel', 'altLabels', 'hiddenLabels', 'description'],
  },
  {
    key: 'occupations',
    names: ['occupations_en.csv'],
    required: true,
    columns: ['conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels', 'hiddenLabels', 'description', 'code'],
  },
  { key: 'skillPillarRelations', names: both('broaderRelationsSkillPillar'), required: true, columns: BROADER_COLUMNS },
  {
    key: 'occupationPillarRelations',
    names: both('broaderRelationsOccPillar'),
    required: true,
    columns: BROADER_COLUMNS,
  },
  {
    key: 'skillSkillRelations',
    names: both('skillSkillRelations'),
    required: true,
    columns: ['originalSkillUri', 'relationType', 'relatedSkillUri'],
  },
  {
    key: 'occupationSkillRelations',
    names: both('occupationSkillRelations'),
    required: true,
    columns: ['occupationUri', 'relationType', 'skillUri'],
  },
];

/** The spec of one file key. */
export function escoFileSpec(key: EscoFileKey): EscoFileSpec {
  const spec = ESCO_FILES.find((candidate) => candidate.key === key);
  if (!spec) throw new Error(`unknown ESCO file key ${key}`);
  return spec;
}

/** A file found in the import folder. */
export interface ResolvedEscoFile {
  readonly spec: EscoFileSpec;
  /** The name as it appears in the folder. */
  readonly name: string;
  readonly path: string;
}

/** The files of one import folder; optional files that are absent are listed in `missingOptional`. */
export interface ResolvedEscoFiles {
  readonly dir: string;
  readonly files: ReadonlyMap<EscoFileKey, ResolvedEscoFile>;
  readonly missingOptional: readonly EscoFileSpec[];
}

/**
 * Picks, for every spec, the first accepted name present among `entries` (compared without
 * case, since archives unpacked on some systems change it). Pure: the caller lists the folder.
 *
 * @example
 * detectEscoFile(spec('occupationSkillRelations'), ['occupationSkillRelations_en.csv'])
 * // 'occupationSkillRelations_en.csv'
 */
export function detectEscoFile(spec: EscoFileSpec, entries: readonly string[]): string | undefined {
  const byLowerName = new Map(entries.map((entry) => [entry.toLowerCase(), entry] as const));
  for (const name of spec.names) {
    const found = byLowerName.get(name.toLowerCase());
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Finds the release files in `dir`. Throws {@link EscoImportError} naming every missing required
 * file with all its accepted names, so one run shows everything that must be added.
 */
export function resolveEscoFiles(dir: string): ResolvedEscoFiles {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir).filter((entry) => fs.statSync(path.join(dir, entry)).isFile());
  } catch (error) {
    throw new EscoImportError(`ESCO folder ${dir} cannot be read: ${(error as Error).message}`, {
      source: { file: dir },
    });
  }
  const files = new Map<EscoFileKey, ResolvedEscoFile>();
  const missingRequired: EscoFileSpec[] = [];
  const missingOptional: EscoFileSpec[] = [];
  for (const spec of ESCO_FILES) {
    const name = detectEscoFile(spec, entries);
    if (name !== undefined) files.set(spec.key, { spec, name, path: path.join(dir, name) });
    else (spec.required ? missingRequired : missingOptional).push(spec);
  }
  if (missingRequired.length > 0) {
    const expected = missingRequired.map((spec) => spec.names.join(' or '));
    throw new EscoImportError(`ESCO folder ${dir} lacks required file(s): ${expected.join('; ')}`, {
      source: { file: dir },
      items: missingRequired.map((spec) => spec.names.join(' or ')),
    });
  }
  return { dir, files, missingOptional };
}
