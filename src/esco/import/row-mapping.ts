/**
 * Maps ESCO CSV rows (column name → cell text) onto normalized records. Pure: no I/O, so every
 * rule about cells lives here and is unit-tested with literal rows. A row that cannot become a
 * record yields a message instead; the caller reports it with the file and row number.
 */
import type {
  IscoGroupRecord,
  LinkKind,
  LinkRecord,
  OccupationRecord,
  RelationKind,
  SkillGroupRecord,
  SkillRecord,
  SkillType,
} from './esco-records';
import { splitLabels } from './label-keys';

/** A CSV row by column name. */
export type CsvValues = Readonly<Record<string, string | undefined>>;

/** The outcome of mapping one row: a record (perhaps with a warning) or the reason it was rejected. */
export type Mapped<T> =
  | { readonly ok: true; readonly record: T; readonly warning?: string }
  | { readonly ok: false; readonly message: string };

function cell(values: CsvValues, column: string): string {
  return (values[column] ?? '').trim();
}

function optional(values: CsvValues, column: string): string | null {
  const value = cell(values, column);
  return value === '' ? null : value;
}

/**
 * Largest values a release row may carry into the graph, in characters. The v1.1.1 release stays
 * far below them (URIs ≤ 74, labels ≤ 166, descriptions ≤ 3,853, codes ≤ 13); a longer value is a
 * broken or hostile file. Labels are indexed, and Neo4j refuses index entries above about 8 KB, so
 * an unchecked 10,000-character label aborted the whole import with a raw database error. A row
 * over a limit is reported and skipped before anything of it is written.
 */
export const ESCO_FIELD_LIMITS = Object.freeze({
  uri: 500,
  /** One preferred, alternative or hidden label. */
  label: 500,
  /** Alternative (or hidden) labels of one concept. */
  labels: 500,
  description: 20_000,
  code: 100,
});

/** The first value over its limit, as a rejection message; undefined when all fit. */
function oversized(checks: ReadonlyArray<readonly [string, string | null, number]>): string | undefined {
  for (const [column, value, max] of checks) {
    if (value !== null && value.length > max)
      return `${column} has ${value.length} characters, more than the ${max} allowed`;
  }
  return undefined;
}

/** Checks a label list cell: how many labels, and each one's length. */
function oversizedLabels(column: string, labels: readonly string[]): string | undefined {
  if (labels.length > ESCO_FIELD_LIMITS.labels)
    return `${column} holds ${labels.length} labels, more than the ${ESCO_FIELD_LIMITS.labels} allowed`;
  const long = labels.find((label) => label.length > ESCO_FIELD_LIMITS.label);
  return long === undefined
    ? undefined
    : `${column} has a label of ${long.length} characters, more than the ${ESCO_FIELD_LIMITS.label} allowed`;
}

/** True for an absolute http(s) URI without whitespace: what every ESCO concept id looks like. */
export function isConceptUri(value: string): boolean {
  return /^https?:\/\/\S+$/.test(value);
}

function reject<T>(message: string): Mapped<T> {
  return { ok: false, message };
}

function requireUri(values: CsvValues, column: string): string | { error: string } {
  const value = cell(values, column);
  if (value === '') return { error: `empty ${column}` };
  if (value.length > ESCO_FIELD_LIMITS.uri)
    return { error: `${column} has ${value.length} characters, more than the ${ESCO_FIELD_LIMITS.uri} allowed` };
  if (!isConceptUri(value)) return { error: `${column} "${value}" is not a URI` };
  return value;
}

const SKILL_TYPES: ReadonlySet<string> = new Set<SkillType>(['skill/competence', 'knowledge']);

/**
 * Parses a `relationType` cell.
 *
 * @example
 * parseRelationKind('essential') // 'ESSENTIAL'
 * parseRelationKind('sometimes') // undefined
 */
export function parseRelationKind(value: string | undefined): RelationKind | undefined {
  const normalized = (value ?? '').trim().toLowerCase();
  if (normalized === 'essential') return 'ESSENTIAL';
  if (normalized === 'optional') return 'OPTIONAL';
  return undefined;
}

/** A row of `ISCOGroups_en.csv`. */
export function mapIscoGroupRow(values: CsvValues): Mapped<IscoGroupRecord> {
  const uri = requireUri(values, 'conceptUri');
  if (typeof uri !== 'string') return reject(uri.error);
  const code = cell(values, 'code');
  if (code === '') return reject('empty code');
  const record = {
    uri,
    code,
    preferredLabel: cell(values, 'preferredLabel'),
    description: optional(values, 'description'),
  };
  const tooLong = oversized([
    ['code', record.code, ESCO_FIELD_LIMITS.code],
    ['preferredLabel', record.preferredLabel, ESCO_FIELD_LIMITS.label],
    ['description', record.description, ESCO_FIELD_LIMITS.description],
  ]);
  return tooLong === undefined ? { ok: true, record } : reject(tooLong);
}

/** The URI and preferred label every labelled concept row must have. */
function conceptHead(values: CsvValues): { uri: string; preferredLabel: string } | { error: string } {
  const uri = requireUri(values, 'conceptUri');
  if (typeof uri !== 'string') return uri;
  const preferredLabel = cell(values, 'preferredLabel');
  if (preferredLabel === '') return { error: 'empty preferredLabel' };
  if (preferredLabel.length > ESCO_FIELD_LIMITS.label)
    return {
      error: `preferredLabel has ${preferredLabel.length} characters, more than the ${ESCO_FIELD_LIMITS.label} allowed`,
    };
  return { uri, preferredLabel };
}

/** The size check of a concept record's labels, description and code. */
function oversizedConcept(record: {
  altLabels: readonly string[];
  hiddenLabels?: readonly string[];
  description: string | null;
  code?: string | null;
}): string | undefined {
  return (
    oversizedLabels('altLabels', record.altLabels) ??
    oversizedLabels('hiddenLabels', record.hiddenLabels ?? []) ??
    oversized([
      ['description', record.description, ESCO_FIELD_LIMITS.description],
      ['code', record.code ?? null, ESCO_FIELD_LIMITS.code],
    ])
  );
}

/** A record, or its rejection when a value is over {@link ESCO_FIELD_LIMITS}. */
function sized<
  T extends {
    altLabels: readonly string[];
    hiddenLabels?: readonly string[];
    description: string | null;
    code?: string | null;
  },
>(record: T, warning?: string): Mapped<T> {
  const tooLong = oversizedConcept(record);
  if (tooLong !== undefined) return reject(tooLong);
  return warning === undefined ? { ok: true, record } : { ok: true, record, warning };
}

/** A row of `skillGroups_en.csv`. */
export function mapSkillGroupRow(values: CsvValues): Mapped<SkillGroupRecord> {
  const head = conceptHead(values);
  if ('error' in head) return reject(head.error);
  const { uri, preferredLabel } = head;
  return sized({
    uri,
    preferredLabel,
    altLabels: splitLabels(values['altLabels']),
    description: optional(values, 'description'),
    code: optional(values, 'code'),
  });
}

/**
 * A row of `skillsHierarchy_en.csv`: the deepest filled level is the group the row describes
 * (its description belongs to that level). Used only for groups absent from `skillGroups_en.csv`.
 */
export function mapHierarchyRow(values: CsvValues): Mapped<SkillGroupRecord> {
  for (let level = 3; level >= 0; level -= 1) {
    const uri = cell(values, `Level ${level} URI`);
    if (uri === '') continue;
    if (uri.length > ESCO_FIELD_LIMITS.uri)
      return reject(`Level ${level} URI has ${uri.length} characters, more than the ${ESCO_FIELD_LIMITS.uri} allowed`);
    if (!isConceptUri(uri)) return reject(`Level ${level} URI "${uri}" is not a URI`);
    const preferredLabel = cell(values, `Level ${level} preferred term`);
    if (preferredLabel.length > ESCO_FIELD_LIMITS.label)
      return reject(
        `Level ${level} preferred term has ${preferredLabel.length} characters, more than the ${ESCO_FIELD_LIMITS.label} allowed`,
      );
    return sized({
      uri,
      preferredLabel,
      altLabels: [],
      description: optional(values, 'Description'),
      code: optional(values, `Level ${level} code`),
    });
  }
  return reject('no level URI');
}

/** A row of `skills_en.csv`; `collections` comes from the collection files read before. */
export function mapSkillRow(values: CsvValues, collections: readonly string[] = []): Mapped<SkillRecord> {
  const head = conceptHead(values);
  if ('error' in head) return reject(head.error);
  const { uri, preferredLabel } = head;
  const rawType = cell(values, 'skillType');
  let warning: string | undefined;
  let skillType: SkillType | null = null;
  if (SKILL_TYPES.has(rawType)) skillType = rawType as SkillType;
  else if (rawType !== '') warning = `unknown skillType "${rawType}", stored as none`;
  const record: SkillRecord = {
    uri,
    preferredLabel,
    altLabels: splitLabels(values['altLabels']),
    hiddenLabels: splitLabels(values['hiddenLabels']),
    description: optional(values, 'description'),
    skillType,
    reuseLevel: optional(values, 'reuseLevel'),
    collections,
  };
  const tooLong = oversized([['reuseLevel', record.reuseLevel, ESCO_FIELD_LIMITS.code]]);
  return tooLong === undefined ? sized(record, warning) : reject(tooLong);
}

/** A row of `occupations_en.csv`; `research` comes from the research occupations collection. */
export function mapOccupationRow(values: CsvValues, research = false): Mapped<OccupationRecord> {
  const head = conceptHead(values);
  if ('error' in head) return reject(head.error);
  const { uri, preferredLabel } = head;
  const iscoGroupCode = optional(values, 'iscoGroup');
  if (iscoGroupCode !== null && iscoGroupCode.length > ESCO_FIELD_LIMITS.code)
    return reject(`iscoGroup has ${iscoGroupCode.length} characters, more than the ${ESCO_FIELD_LIMITS.code} allowed`);
  return sized({
    uri,
    preferredLabel,
    altLabels: splitLabels(values['altLabels']),
    hiddenLabels: splitLabels(values['hiddenLabels']),
    description: optional(values, 'description'),
    code: optional(values, 'code'),
    iscoGroupCode,
    research,
  });
}

type ConceptClass = 'skill' | 'group' | 'occupation' | 'isco';

function conceptClass(value: string | undefined): ConceptClass | undefined {
  switch ((value ?? '').trim().toLowerCase()) {
    case 'knowledgeskillcompetence':
    case 'skill':
      return 'skill';
    case 'skillgroup':
      return 'group';
    case 'occupation':
      return 'occupation';
    case 'iscogroup':
      return 'isco';
    default:
      return undefined;
  }
}

const BROADER_KINDS: Readonly<Record<string, LinkKind>> = {
  'skill>skill': 'skill-broader',
  'skill>group': 'skill-in-group',
  'group>group': 'group-broader',
  'occupation>occupation': 'occupation-broader',
  'occupation>isco': 'occupation-isco-group',
  'isco>isco': 'isco-broader',
};

/**
 * A row of `broaderRelationsSkillPillar` or `broaderRelationsOccPillar`: the concept and broader
 * types choose the relationship (skill→skill is BROADER, skill→group IN_GROUP, …).
 */
export function mapBroaderRow(values: CsvValues): Mapped<LinkRecord> {
  const from = requireUri(values, 'conceptUri');
  if (typeof from !== 'string') return reject(from.error);
  const to = requireUri(values, 'broaderUri');
  if (typeof to !== 'string') return reject(to.error);
  const fromClass = conceptClass(values['conceptType']);
  const toClass = conceptClass(values['broaderType']);
  const kind = fromClass && toClass ? BROADER_KINDS[`${fromClass}>${toClass}`] : undefined;
  if (!kind)
    return reject(`unsupported broader relation ${cell(values, 'conceptType')} → ${cell(values, 'broaderType')}`);
  return { ok: true, record: { kind, from, to } };
}

/** A row of a relation file with an essential/optional `relationType` between two URIs. */
function mapRelationRow(
  values: CsvValues,
  fromColumn: string,
  toColumn: string,
  kind: 'skill-related' | 'occupation-skill',
): Mapped<LinkRecord> {
  const from = requireUri(values, fromColumn);
  if (typeof from !== 'string') return reject(from.error);
  const to = requireUri(values, toColumn);
  if (typeof to !== 'string') return reject(to.error);
  const relation = parseRelationKind(values['relationType']);
  if (!relation) return reject(`unknown relationType "${cell(values, 'relationType')}"`);
  return { ok: true, record: { kind, from, to, relation } };
}

/** A row of `skillSkillRelations`. */
export function mapSkillSkillRow(values: CsvValues): Mapped<LinkRecord> {
  return mapRelationRow(values, 'originalSkillUri', 'relatedSkillUri', 'skill-related');
}

/** A row of `occupationSkillRelations`. */
export function mapOccupationSkillRow(values: CsvValues): Mapped<LinkRecord> {
  return mapRelationRow(values, 'occupationUri', 'skillUri', 'occupation-skill');
}

/** A row of a collection file: the member concept's URI. */
export function mapCollectionRow(values: CsvValues): Mapped<string> {
  const uri = requireUri(values, 'conceptUri');
  if (typeof uri !== 'string') return reject(uri.error);
  return { ok: true, record: uri };
}
