/**
 * The read model's credentials as it keeps them for the process's life: planning's row
 * (`CandidateCourse`) with its TEACHES links as one flat array of numbers, rebuilt into a row
 * when planning asks for the course.
 *
 * Why: kept as rows, each link was an object with a URI, a source and a boxed confidence, and
 * each credential had its own lists and a typed array of taught skill ids: 24.6 MB of the request
 * thread's live heap for the benchmark's 20,000 credentials (133,000 links). Kept this way they
 * take about a fifth of that; a plan rebuilds the rows it gathers (short-lived objects, a few
 * thousand per plan).
 */
import type { CandidateCourse, TaughtLink } from '../planning';
import type { Interner } from './interner';
import type { CredentialRow } from './read-model-rows';

/** Numbers per TEACHES link in {@link KeptCredential.links}: skill id, source code, confidence. */
export const LINK_STRIDE = 3;

/** A credential's row without its links, and the links as numbers (see {@link KeptCredentials}). */
export interface KeptCredential {
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
}

const NO_STRINGS: readonly string[] = Object.freeze([]);

/**
 * Turns credential rows into {@link KeptCredential}s and back, sharing what repeats across
 * credentials: skill URIs and short texts through the model's interners, and whole lists
 * (languages, providers, prerequisites) through one map of distinct lists.
 *
 * @example
 * const keeper = new KeptCredentials(skills, texts);
 * const kept = keeper.keep(row); // row.teaches[i].uri is skills.value(kept.links[3 * i])
 * keeper.course(kept); // a row equal to `row` (its strings shared)
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
  keep(row: CredentialRow, id: string = row.id): KeptCredential {
    const links: number[] = [];
    for (const link of row.teaches) {
      let source = this.sources.indexOf(link.source);
      if (source < 0) source = this.sources.push(link.source) - 1;
      links.push(this.skills.intern(link.uri), source, link.confidence ?? Number.NaN);
    }
    const text = <T extends string | null>(value: T): T => (value === null ? value : (this.texts.shared(value) as T));
    return {
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
    };
  }

  /** The planning row of a kept credential: a new object each call, its lists shared. */
  course(credential: KeptCredential): CandidateCourse {
    const { links } = credential;
    const teaches: TaughtLink[] = new Array(links.length / LINK_STRIDE);
    for (let i = 0, at = 0; at < links.length; i += 1, at += LINK_STRIDE) {
      const confidence = links[at + 2]!;
      teaches[i] = {
        uri: this.skills.value(links[at]!),
        source: this.sources[links[at + 1]!] as TaughtLink['source'],
        confidence: Number.isNaN(confidence) ? null : confidence,
      };
    }
    return {
      id: credential.id,
      hours: credential.hours,
      price: credential.price,
      currency: credential.currency,
      ects: credential.ects,
      languages: credential.languages,
      participationForm: credential.participationForm,
      eqfLevel: credential.eqfLevel,
      providerIds: credential.providerIds,
      teaches,
      prerequisites: credential.prerequisites,
    };
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
