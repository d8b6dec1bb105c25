/**
 * Maps a course's skill tags (and, when the tags say too little, its description and learning
 * outcomes) to ESCO skills through the suggestion function, keeping only suggestions at or above a
 * confidence threshold. Tags repeat across a catalogue, so each distinct tag is looked up once;
 * tags that map to nothing are counted for the import summary.
 */

/** A suggestion as the mapper needs it. */
export interface MappedSuggestion {
  readonly uri: string;
  readonly score: number;
  readonly matchedLabel: string | null;
}

/** The suggestion function (the service's `suggestSkills`, reduced). */
export type SuggestFn = (text: string, first: number) => Promise<readonly MappedSuggestion[]>;

/** A skill linked to a course, with where the link comes from. */
export interface MappedSkill {
  readonly uri: string;
  readonly confidence: number;
  readonly from: 'tag' | 'text';
  /** The tag, or the matched label for text-derived skills. */
  readonly evidence: string;
}

/** Options of the mapper. */
export interface SkillTagMapperOptions {
  /** Suggestions below this score are not linked. */
  readonly minConfidence: number;
  /** Below this many tag-mapped skills, the description and outcomes are mapped too. */
  readonly minTagSkills: number;
  /** Most skills taken from the description and outcomes. */
  readonly maxTextSkills: number;
  /** Tag look-ups in flight at once. */
  readonly concurrency: number;
}

/** Defaults of the mapper (the CLI's --min-confidence overrides the threshold). */
export const DEFAULT_TAG_MAPPER_OPTIONS: SkillTagMapperOptions = {
  minConfidence: 0.6,
  minTagSkills: 3,
  maxTextSkills: 5,
  concurrency: 2,
};

/** Tag statistics of a run. */
export interface TagStatistics {
  readonly distinctTags: number;
  readonly mappedTags: number;
  readonly mentions: number;
  readonly mappedMentions: number;
  /** Unmapped tags by number of courses naming them, most frequent first. */
  readonly unmapped: { tag: string; count: number }[];
}

/** Maps course tags and texts to ESCO skills. */
export class SkillTagMapper {
  private readonly cache = new Map<string, Promise<MappedSuggestion | null>>();
  private readonly mentions = new Map<string, { tag: string; count: number; mapped: boolean }>();
  private readonly options: SkillTagMapperOptions;

  constructor(
    private readonly suggest: SuggestFn,
    options: Partial<SkillTagMapperOptions> = {},
  ) {
    this.options = { ...DEFAULT_TAG_MAPPER_OPTIONS, ...options };
  }

  /** Looks up every distinct tag not seen yet, a few at a time (call before {@link mapCourse}). */
  async prefetch(tags: readonly string[]): Promise<void> {
    const pending = [...new Set(tags.map(tagKey))].filter((key) => !this.cache.has(key));
    let next = 0;
    const worker = async () => {
      while (next < pending.length) await this.lookUp(pending[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, pending.length) }, worker));
  }

  /** The skills of one course; counts its tags. */
  async mapCourse(tags: readonly string[], text: string | null): Promise<MappedSkill[]> {
    const skills = new Map<string, MappedSkill>();
    for (const tag of tags) {
      const key = tagKey(tag);
      const best = await this.lookUp(key);
      const stat = this.mentions.get(key) ?? { tag, count: 0, mapped: best !== null };
      stat.count += 1;
      this.mentions.set(key, stat);
      if (best && (skills.get(best.uri)?.confidence ?? -1) < best.score)
        skills.set(best.uri, { uri: best.uri, confidence: round(best.score), from: 'tag', evidence: tag });
    }
    if (skills.size < this.options.minTagSkills && text !== null && text.trim() !== '') {
      const suggestions = await this.suggestSafely(text, this.options.maxTextSkills * 2);
      let taken = 0;
      for (const s of suggestions) {
        if (s.score < this.options.minConfidence || taken >= this.options.maxTextSkills) break;
        if (!skills.has(s.uri)) {
          skills.set(s.uri, { uri: s.uri, confidence: round(s.score), from: 'text', evidence: s.matchedLabel ?? '' });
          taken += 1;
        }
      }
    }
    return [...skills.values()];
  }

  /** Tag statistics so far; `top` limits the unmapped list. */
  statistics(top: number): TagStatistics {
    const stats = [...this.mentions.values()];
    return {
      distinctTags: stats.length,
      mappedTags: stats.filter((s) => s.mapped).length,
      mentions: stats.reduce((sum, s) => sum + s.count, 0),
      mappedMentions: stats.filter((s) => s.mapped).reduce((sum, s) => sum + s.count, 0),
      unmapped: stats
        .filter((s) => !s.mapped)
        .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
        .slice(0, top)
        .map(({ tag, count }) => ({ tag, count })),
    };
  }

  private lookUp(key: string): Promise<MappedSuggestion | null> {
    let found = this.cache.get(key);
    if (!found) {
      found = this.suggestSafely(key, 1).then(([best]) =>
        best && best.score >= this.options.minConfidence ? best : null,
      );
      this.cache.set(key, found);
    }
    return found;
  }

  /** A tag or text without a single usable word maps to nothing rather than failing the row. */
  private async suggestSafely(text: string, first: number): Promise<readonly MappedSuggestion[]> {
    try {
      return await this.suggest(text, first);
    } catch (error) {
      if ((error as { code?: string }).code === 'BAD_USER_INPUT') return [];
      throw error;
    }
  }
}

function tagKey(tag: string): string {
  return tag.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
