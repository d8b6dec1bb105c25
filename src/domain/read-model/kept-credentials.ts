/**
 * The read model's credentials as it keeps them for the process's life: planning's row
 * (`CandidateCourse`) with its TEACHES links as one flat array of numbers, read back as objects
 * when planning reads them.
 *
 * Why: kept as rows, each link was an object with a URI, a source and a boxed confidence, and
 * each credential had its own lists and a typed array of taught skill ids: 24.6 MB of the request
 * thread's live heap for the benchmark's 20,000 credentials (133,000 links). Kept this way they
 * take about a third of that; a plan reads the links of the courses it gathers as short-lived
 * objects.
 */
import type { CandidateCourse, TaughtLink } from '../planning';
import type { Interner } from './interner';
import type { CredentialRow } from './read-model-rows';

/** Numbers per TEACHES link in {@link KeptCourse.links}: skill id, source code, confidence. */
export const LINK_STRIDE = 3;

/**
 * A credential as the model keeps it: planning's row (`CandidateCourse`) whose TEACHES links are
 * kept as numbers and read as objects through {@link teaches}. Planning is handed this object
 * itself, the same one every time: the course packer caches its packed form per course object,
 * and a new row per request would miss that cache on every plan (recommendCourses at c16 lost a
 * third of its throughput that way).
 */
export class KeptCourse implements CandidateCourse {
  readonly id: string;
  readonly hours: number | null;
  readonly price: number | null;
  readonly currency: string | null;
  readonly ects: number | null;
  readonly languages: readonly string[];
  readonly participationForm: string | null;
  readonly eqfLevel: number | null;
  readonly providerIds: readonly string[];
  readonly prerequisites: readonly string[];
  /**
   * Per TEACHES link, in the row's order: interned skill id, source code, confidence (NaN where
   * the link has none). A skill taught twice is listed twice, as the query returns it.
   */
  readonly links: readonly number[];

  /** A private field: neither a spread, JSON nor a log of the course reaches the model's interners. */
  readonly #keeper: KeptCredentials;

  constructor(
    keeper: KeptCredentials,
    fields: Omit<CandidateCourse, 'teaches'> & { readonly links: readonly number[] },
  ) {
    this.#keeper = keeper;
    this.id = fields.id;
    this.hours = fields.hours;
    this.price = fields.price;
    this.currency = fields.currency;
    this.ects = fields.ects;
    this.languages = fields.languages;
    this.participationForm = fields.participationForm;
    this.eqfLevel = fields.eqfLevel;
    this.providerIds = fields.providerIds;
    this.prerequisites = fields.prerequisites;
    this.links = fields.links;
  }

  /**
   * The TEACHES links as planning reads them: new objects on every read (the model keeps
   * none), so read it once per use. Not an own property: a spread or a structured clone of a
   * kept course leaves it out (planning ships courses packed, see `packed-courses`).
   */
  get teaches(): TaughtLink[] {
    return this.#keeper.teachesOf(this.links);
  }

  /** As JSON, the plain row (a log or an answer shows what a database row would). */
  toJSON(): CandidateCourse {
    return this.#keeper.row(this);
  }
}

const NO_STRINGS: readonly string[] = Object.freeze([]);

/**
 * Turns credential rows into {@link KeptCourse}s and back, sharing what repeats across
 * credentials: skill URIs and short texts through the model's interners, and whole lists
 * (languages, providers, prerequisites) through one map of distinct lists.
 *
 * @example
 * const keeper = new KeptCredentials(skills, texts);
 * const kept = keeper.keep(row); // row.teaches[i].uri is skills.value(kept.links[3 * i])
 * kept.teaches; // equal to row.teaches (new objects each read)
 * keeper.row(kept); // a plain row equal to `row` (its strings shared)
 */
export class KeptCredentials {
  /** Link sources by code; a stored source other than these is kept as it is. */
  private readonly sources: (string | null)[] = [null, 'DECLARED', 'MAPPED'];
  /** Distinct string lists by their joined values: rows share one array per distinct list. */
  private readonly lists = new Map<string, readonly string[]>();

  constructor(
    private readonly skills: Interner,
    private readonly texts: Interner,
  ) {}

  /**
   * The credential of `row`, its skill URIs interned in the skills interner given; `id` is the
   * row's id (the caller's own copy of it, so that one string is kept).
   */
  keep(row: CredentialRow, id: string = row.id): KeptCourse {
    const links: number[] = [];
    for (const link of row.teaches) {
      let source = this.sources.indexOf(link.source);
      if (source < 0) source = this.sources.push(link.source) - 1;
      links.push(this.skills.intern(link.uri), source, link.confidence ?? Number.NaN);
    }
    const text = <T extends string | null>(value: T): T => (value === null ? value : (this.texts.shared(value) as T));
    return new KeptCourse(this, {
      id,
      hours: row.hours,
      price: row.price,
      currency: text(row.currency),
      ects: row.ects,
      languages: this.list(row.languages, text),
      participationForm: text(row.participationForm),
      eqfLevel: row.eqfLevel,
      providerIds: this.list(row.providerIds, text),
      prerequisites: this.list(row.prerequisites, (uri) => this.skills.shared(uri)),
      // A copy without the spare room pushing leaves (a fifth of the array, kept for the process's life).
      links: links.slice(),
    });
  }

  /** The TEACHES links of {@link KeptCourse.links}, as objects. */
  teachesOf(links: readonly number[]): TaughtLink[] {
    const teaches: TaughtLink[] = new Array(links.length / LINK_STRIDE);
    for (let i = 0, at = 0; at < links.length; i += 1, at += LINK_STRIDE) {
      const confidence = links[at + 2]!;
      teaches[i] = {
        uri: this.skills.value(links[at]!),
        source: this.sources[links[at + 1]!] as TaughtLink['source'],
        confidence: Number.isNaN(confidence) ? null : confidence,
      };
    }
    return teaches;
  }

  /** A kept course as a plain row (its own properties only, `teaches` among them). */
  row(course: KeptCourse): CandidateCourse {
    // The private reference to this keeper is not an own enumerable property: the spread leaves it.
    const { links: _links, ...fields } = course;
    return { ...fields, teaches: course.teaches };
  }

  /** One array per distinct list of values (each value shared through `share`). */
  private list(values: readonly string[], share: (value: string) => string): readonly string[] {
    if (values.length === 0) return NO_STRINGS;
    const key = JSON.stringify(values);
    let list = this.lists.get(key);
    if (list === undefined) {
      list = values.map(share);
      this.lists.set(key, list);
    }
    return list;
  }
}
