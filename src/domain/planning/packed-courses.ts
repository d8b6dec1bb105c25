/**
 * Candidate courses packed in columns of typed arrays, for the trip to a compute worker. A plan's
 * job carries thousands of candidate courses (2,500 on average at the benchmark's 50,000
 * learners, 2.7 MB once serialized): as objects, copying them to the worker cost the request
 * thread more than gathering them. Packed, the long strings (skill URIs, provider ids, languages)
 * are sent once each in a table, every number sits in a typed array that is transferred rather
 * than copied, the ids and the table travel as one string each ({@link PackedStrings}), and the
 * worker rebuilds the objects ({@link unpackCourses}) on its own thread. ESCO skill URIs, most of
 * the table, travel without their common prefix ({@link ESCO_SKILL_URI_PREFIX}).
 */
import { ESCO_SKILL_URI_PREFIX } from '../credentials/esco-uri';
import { Interner } from '../read-model/interner';
import type { CandidateCourse, TaughtLink } from './course-eligibility';
import { GrowingColumn } from './growing-column';
import { type PackedStrings, packedStringAt, packedStringCount, packStrings, unpackStrings } from '../packed-strings';

/** {@link CandidateCourse}s by column; see {@link packCourses}. Nulls are NaN or -1. */
export interface PackedCourses {
  readonly ids: PackedStrings;
  /**
   * Every other string the courses use (currencies, forms, languages, providers, skill URIs), once;
   * string `i` is {@link ESCO_SKILL_URI_PREFIX} followed by the packed one where `escoSkill[i]` is 1.
   */
  readonly strings: PackedStrings;
  readonly escoSkill: Uint8Array;
  /** Per course: hours, price, ects, eqfLevel (NaN for null). */
  readonly numbers: Float64Array;
  /** Per course: currency, then participation form (string index, -1 for null). */
  readonly labels: Int32Array;
  /** Course `i`'s languages are `languages[languageStart[i]..languageStart[i + 1]]` (string indexes); alike below. */
  readonly languageStart: Int32Array;
  readonly languages: Int32Array;
  readonly providerStart: Int32Array;
  readonly providers: Int32Array;
  readonly teachStart: Int32Array;
  readonly teachSkills: Int32Array;
  /** 0 null, 1 DECLARED, 2 MAPPED. */
  readonly teachSources: Uint8Array;
  /** NaN for null. */
  readonly teachConfidences: Float64Array;
  readonly prerequisiteStart: Int32Array;
  readonly prerequisites: Int32Array;
}

const SOURCES: readonly TaughtLink['source'][] = [null, 'DECLARED', 'MAPPED'];

const NUMBERS_PER_COURSE = 4;

/**
 * Packs courses; {@link unpackCourses} gives them back equal (same order, same values).
 *
 * @example
 * const packed = packCourses(gathered.candidates);
 * worker.postMessage(packed, packedCourseBuffers(packed));
 * // in the worker: unpackCourses(packed) deep-equals gathered.candidates
 */
export function packCourses(courses: readonly CandidateCourse[]): PackedCourses {
  const packer = new CoursePacker(courses.length);
  for (const course of courses) packer.add(course);
  return packer.finish();
}

/**
 * {@link packCourses} one course at a time, for a caller that packs ten thousand courses on a
 * request thread and wants to yield in between: `add` every course, in order, then `finish`.
 *
 * Each course's strings are looked up once per course object, not once per job: the read model
 * hands out the same immutable course objects request after request, and a reskilling request
 * packs thousands of them (at 16 concurrent reskilling requests packing took nearly half of the
 * request thread's time, looking up strings a sixth). A job's own string table is then built from
 * integers.
 */
export class CoursePacker {
  private readonly rows = currentRowCache();
  /** Global string id + 1 → this job's string id + 1 (0: not in this job yet). */
  private remap = new Int32Array(1024);
  private readonly strings: string[] = [];
  private readonly escoSkill = new GrowingColumn(Uint8Array, 1024);
  private readonly ids: string[] = [];
  private readonly numbers: Float64Array;
  private readonly labels: Int32Array;
  private readonly languages: ListColumn;
  private readonly providers: ListColumn;
  private readonly prerequisites: ListColumn;
  private readonly teachStart: Int32Array;
  private readonly teachSkills: GrowingColumn<Int32Array>;
  private readonly teachSources: GrowingColumn<Uint8Array>;
  private readonly teachConfidences: GrowingColumn<Float64Array>;

  /** @param count how many courses will be added */
  constructor(private readonly count: number) {
    this.numbers = new Float64Array(count * NUMBERS_PER_COURSE);
    this.labels = new Int32Array(count * 2);
    this.languages = new ListColumn(count);
    this.providers = new ListColumn(count);
    this.prerequisites = new ListColumn(count);
    this.teachStart = new Int32Array(count + 1);
    // A course teaches a handful of skills: room for eight each before the columns grow.
    this.teachSkills = new GrowingColumn(Int32Array, count * 8);
    this.teachSources = new GrowingColumn(Uint8Array, count * 8);
    this.teachConfidences = new GrowingColumn(Float64Array, count * 8);
  }

  /** Adds the next course. @throws RangeError beyond the announced count */
  add(course: CandidateCourse): void {
    const i = this.ids.length;
    if (i >= this.count) throw new RangeError(`more than the ${this.count} courses announced`);
    const row = this.rows.row(course);
    const ints = row.ints;
    this.ids.push(course.id);
    this.numbers[i * NUMBERS_PER_COURSE] = course.hours ?? Number.NaN;
    this.numbers[i * NUMBERS_PER_COURSE + 1] = course.price ?? Number.NaN;
    this.numbers[i * NUMBERS_PER_COURSE + 2] = course.ects ?? Number.NaN;
    this.numbers[i * NUMBERS_PER_COURSE + 3] = course.eqfLevel ?? Number.NaN;
    this.labels[i * 2] = this.local(ints[0]!);
    this.labels[i * 2 + 1] = this.local(ints[1]!);
    let k = ROW_HEADER;
    k = this.copyList(this.languages, i, ints, k, ints[2]!);
    k = this.copyList(this.providers, i, ints, k, ints[3]!);
    k = this.copyList(this.prerequisites, i, ints, k, ints[4]!);
    const teaches = ints[5]!;
    for (let t = 0; t < teaches; t += 1) {
      this.teachSkills.push(this.local(ints[k + t]!));
      this.teachSources.push(ints[k + teaches + t]!);
      this.teachConfidences.push(row.confidences[t]!);
    }
    this.teachStart[i + 1] = this.teachSkills.length;
  }

  /** The packed courses. @throws RangeError when fewer courses were added than announced */
  finish(): PackedCourses {
    if (this.ids.length !== this.count)
      throw new RangeError(`${this.ids.length} courses added of the ${this.count} announced`);
    return {
      ids: packStrings(this.ids),
      strings: packStrings(this.strings),
      escoSkill: this.escoSkill.finish(),
      numbers: this.numbers,
      labels: this.labels,
      languageStart: this.languages.start,
      languages: this.languages.values(),
      providerStart: this.providers.start,
      providers: this.providers.values(),
      teachStart: this.teachStart,
      teachSkills: this.teachSkills.finish(),
      teachSources: this.teachSources.finish(),
      teachConfidences: this.teachConfidences.finish(),
      prerequisiteStart: this.prerequisites.start,
      prerequisites: this.prerequisites.values(),
    };
  }

  private copyList(column: ListColumn, i: number, ints: Int32Array, from: number, length: number): number {
    for (let k = from; k < from + length; k += 1) column.push(this.local(ints[k]!));
    column.close(i);
    return from + length;
  }

  /** This job's id of a global string id (-1 stays -1, for null). */
  private local(global: number): number {
    if (global < 0) return -1;
    if (global >= this.remap.length) {
      const grown = new Int32Array(Math.max(this.remap.length * 2, global + 1));
      grown.set(this.remap);
      this.remap = grown;
    }
    const known = this.remap[global]!;
    if (known > 0) return known - 1;
    const shipped = this.rows.shipped(global);
    this.strings.push(shipped);
    this.escoSkill.push(shipped.length < this.rows.strings.value(global).length ? 1 : 0);
    this.remap[global] = this.strings.length;
    return this.strings.length - 1;
  }
}

/**
 * A course's strings as global ids: `[currency, form, languages, providers, prerequisites,
 * teaches, ...languages, ...providers, ...prerequisites, ...taught skills, ...their sources]`
 * (-1 for null), and the taught skills' confidences (NaN for null).
 */
interface PackedRow {
  readonly ints: Int32Array;
  readonly confidences: Float64Array;
}

const ROW_HEADER = 6;

/** Global string ids and each course object's {@link PackedRow}, process-wide. */
class PackedRowCache {
  readonly strings = new Interner();
  /**
   * By global string id: the string as a job's table holds it, ESCO skill URIs without their
   * prefix. A job's table holds thousands of skill URIs: without it the table is half as long, and
   * so is the string the request thread joins for it (a large object, allocated straight into the
   * old generation, for every reskilling plan).
   */
  private readonly shippedForms: string[] = [];
  private readonly rows = new WeakMap<CandidateCourse, PackedRow>();

  /** The string of global id `global` as a job's table holds it. */
  shipped(global: number): string {
    return this.shippedForms[global]!;
  }

  row(course: CandidateCourse): PackedRow {
    let row = this.rows.get(course);
    if (row === undefined) {
      row = this.build(course);
      this.rows.set(course, row);
    }
    return row;
  }

  private build(course: CandidateCourse): PackedRow {
    const { languages, providerIds, prerequisites, teaches } = course;
    const ints = new Int32Array(
      ROW_HEADER + languages.length + providerIds.length + prerequisites.length + 2 * teaches.length,
    );
    const id = (value: string | null) => (value === null ? -1 : this.intern(value));
    ints[0] = id(course.currency);
    ints[1] = id(course.participationForm);
    ints[2] = languages.length;
    ints[3] = providerIds.length;
    ints[4] = prerequisites.length;
    ints[5] = teaches.length;
    let k = ROW_HEADER;
    for (const value of languages) ints[k++] = id(value);
    for (const value of providerIds) ints[k++] = id(value);
    for (const value of prerequisites) ints[k++] = id(value);
    const confidences = new Float64Array(teaches.length);
    teaches.forEach((link, t) => {
      ints[k + t] = id(link.uri);
      ints[k + teaches.length + t] = SOURCES.indexOf(link.source);
      confidences[t] = link.confidence ?? Number.NaN;
    });
    return { ints, confidences };
  }

  private intern(value: string): number {
    const id = this.strings.intern(value);
    if (id === this.shippedForms.length)
      this.shippedForms.push(
        value.startsWith(ESCO_SKILL_URI_PREFIX) ? value.slice(ESCO_SKILL_URI_PREFIX.length) : value,
      );
    return id;
  }
}

/**
 * Distinct strings after which the cache starts afresh: strings of courses long gone would
 * otherwise stay for the life of the process. A packer keeps the cache it started with.
 */
const MAX_CACHED_STRINGS = 500_000;

let rowCache = new PackedRowCache();

function currentRowCache(): PackedRowCache {
  if (rowCache.strings.size > MAX_CACHED_STRINGS) rowCache = new PackedRowCache();
  return rowCache;
}

/** The courses {@link packCourses} packed, rebuilt. */
export function unpackCourses(packed: PackedCourses): CandidateCourse[] {
  // Plain loops and module-level helpers, not per-call closures: a compute worker unpacks a job's
  // courses once per job, and V8 drops a closure's optimised code once the closure is collected,
  // so per-call helpers were recompiled after every job's collection (two workers made 200
  // optimised compilations of these four in one benchmark minute).
  const { labels } = packed;
  const strings = courseStrings(packed);
  const count = packedStringCount(packed.ids);
  // The job's courses share their empty and one-string lists (one language, one provider, no
  // prerequisite is most courses): lists are read, never changed, and per-course copies were a
  // large share of a compute worker's garbage.
  const singles: (readonly string[] | undefined)[] = new Array(strings.length);
  const declared: (TaughtLink | undefined)[] = new Array(strings.length);
  const courses: CandidateCourse[] = [];
  for (let i = 0; i < count; i += 1) {
    courses.push({
      id: packedStringAt(packed.ids, i),
      hours: packedNumber(packed, i, 0),
      price: packedNumber(packed, i, 1),
      currency: packedLabel(strings, labels[i * 2]!),
      ects: packedNumber(packed, i, 2),
      languages: packedList(strings, singles, packed.languageStart, packed.languages, i),
      participationForm: packedLabel(strings, labels[i * 2 + 1]!),
      eqfLevel: packedNumber(packed, i, 3),
      providerIds: packedList(strings, singles, packed.providerStart, packed.providers, i),
      teaches: packedTeaches(packed, strings, declared, i),
      prerequisites: packedList(strings, singles, packed.prerequisiteStart, packed.prerequisites, i),
    });
  }
  return courses;
}

/** The table of strings of `packed`, whole (each ESCO skill URI with its prefix). */
export function courseStrings(packed: PackedCourses): string[] {
  const strings = unpackStrings(packed.strings);
  for (let i = 0; i < strings.length; i += 1)
    if (packed.escoSkill[i] === 1) strings[i] = ESCO_SKILL_URI_PREFIX + strings[i];
  return strings;
}

/** The list every course without values of a column shares. */
const NO_STRINGS: readonly string[] = [];

/** The `k`th number of course `i`, null where it was packed as NaN. */
function packedNumber(packed: PackedCourses, i: number, k: number): number | null {
  const value = packed.numbers[i * NUMBERS_PER_COURSE + k]!;
  return Number.isNaN(value) ? null : value;
}

/** The string at `at`, null where it was packed as -1. */
function packedLabel(strings: readonly string[], at: number): string | null {
  return at < 0 ? null : strings[at]!;
}

/**
 * Course `i`'s strings of one list column (`start` holds each course's first index into
 * `values`); empty and one-string lists are shared (`singles`, by string index).
 */
function packedList(
  strings: readonly string[],
  singles: (readonly string[] | undefined)[],
  start: Int32Array,
  values: Int32Array,
  i: number,
): readonly string[] {
  const from = start[i]!;
  const to = start[i + 1]!;
  if (from === to) return NO_STRINGS;
  if (to - from === 1) {
    const at = values[from]!;
    let single = singles[at];
    if (single === undefined) {
      single = [strings[at]!];
      singles[at] = single;
    }
    return single;
  }
  const out: string[] = [];
  for (let k = from; k < to; k += 1) out.push(strings[values[k]!]!);
  return out;
}

const DECLARED = SOURCES.indexOf('DECLARED');

/**
 * Course `i`'s taught links. A declared link with confidence 1 (most links) is one object per
 * skill, shared by the job's courses (`declared`, by string index): links are read, never changed.
 */
function packedTeaches(
  packed: PackedCourses,
  strings: readonly string[],
  declared: (TaughtLink | undefined)[],
  i: number,
): TaughtLink[] {
  const teaches: TaughtLink[] = [];
  for (let k = packed.teachStart[i]!; k < packed.teachStart[i + 1]!; k += 1) {
    const confidence = packed.teachConfidences[k]!;
    const skill = packed.teachSkills[k]!;
    const source = packed.teachSources[k]!;
    if (source === DECLARED && confidence === 1) {
      let link = declared[skill];
      if (link === undefined) {
        link = { uri: strings[skill]!, source: 'DECLARED', confidence: 1 };
        declared[skill] = link;
      }
      teaches.push(link);
      continue;
    }
    teaches.push({
      uri: strings[skill]!,
      source: SOURCES[source] ?? null,
      confidence: Number.isNaN(confidence) ? null : confidence,
    });
  }
  return teaches;
}

/** The buffers of a {@link PackedCourses}, to transfer it to a worker (unusable here afterwards). */
export function packedCourseBuffers(packed: PackedCourses): ArrayBuffer[] {
  return [
    packed.ids.ends,
    packed.strings.ends,
    packed.escoSkill,
    packed.numbers,
    packed.labels,
    packed.languageStart,
    packed.languages,
    packed.providerStart,
    packed.providers,
    packed.teachStart,
    packed.teachSkills,
    packed.teachSources,
    packed.teachConfidences,
    packed.prerequisiteStart,
    packed.prerequisites,
  ].map((array) => array.buffer as ArrayBuffer);
}

/** One list-valued column in compressed rows. */
class ListColumn {
  readonly start: Int32Array;
  private readonly items: GrowingColumn<Int32Array>;

  constructor(rows: number) {
    this.start = new Int32Array(rows + 1);
    this.items = new GrowingColumn(Int32Array, rows * 2);
  }

  push(value: number): void {
    this.items.push(value);
  }

  /** Ends row `row` with the values pushed since the previous row. */
  close(row: number): void {
    this.start[row + 1] = this.items.length;
  }

  values(): Int32Array {
    return this.items.finish();
  }
}
