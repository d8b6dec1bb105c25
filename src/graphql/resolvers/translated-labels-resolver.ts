/**
 * Labels of ESCO concepts in any of ESCO's languages. English labels sit on the loaded concept
 * itself, so `language: "en"` costs nothing; another language is fetched by one batched query
 * per GraphQL level, and falls back to English where the concept has no translation.
 */
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context';
import type { DirectResolver } from '../direct-resolvers';
import { Skill } from '../types/skill-type';
import { Occupation } from '../types/occupation-type';
import { SkillGroup } from '../types/skill-group-type';
import { IscoGroup } from '../types/isco-group-type';
import { BASE_LANGUAGE, checkEscoLanguage } from '../../domain/esco/esco-languages';

const LANGUAGE_DOC =
  'Language of the text: an ISO 639-1 code of one of ESCO\'s 28 languages (a BCP-47 tag like "de-AT" reads as "de"); falls back to English where ESCO\'s text in that language was not imported.';

interface Labelled {
  uri: string;
  preferredLabel: string;
  altLabels?: string[];
  description: string | null;
}

type LabelField = 'preferredLabel' | 'altLabels' | 'description';

type LabelValue = string | string[] | null;

/**
 * A concept's label in a language. English is answered synchronously, with no promise: a coverage
 * answer reads one label per requirement, and an awaited value makes graphql-js wait for the
 * whole object.
 */
function translated(
  concept: Labelled,
  field: LabelField,
  language: string,
  ctx: GraphQLContext,
): LabelValue | Promise<LabelValue> {
  const english = concept[field] ?? (field === 'altLabels' ? [] : null);
  // The default argument skips the parse.
  if (language === BASE_LANGUAGE) return english;
  const code = checkEscoLanguage(language);
  if (code === BASE_LANGUAGE) return english;
  return ctx.loaders.translation.load({ owner: concept.uri, args: { language: code } }).then((row) =>
    // The fallback is per concept: an untranslated concept keeps all its English text.
    row?.preferredLabel == null ? english : (row[field] ?? (field === 'altLabels' ? [] : null)),
  );
}

/** Label fields of a skill. */
@Resolver(() => Skill)
export class SkillLabelsResolver {
  @FieldResolver(() => String, { description: "The skill's preferred name." })
  preferredLabel(
    @Root() skill: Skill,
    @Arg('language', { defaultValue: 'en', description: LANGUAGE_DOC }) language: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return translated(skill, 'preferredLabel', language, ctx);
  }

  @FieldResolver(() => [String], { description: 'Alternative names.' })
  altLabels(
    @Root() skill: Skill,
    @Arg('language', { defaultValue: 'en', description: LANGUAGE_DOC }) language: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return translated(skill, 'altLabels', language, ctx);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "ESCO's description of the skill; null when it has none.",
  })
  description(
    @Root() skill: Skill,
    @Arg('language', { defaultValue: 'en', description: LANGUAGE_DOC }) language: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return translated(skill, 'description', language, ctx);
  }
}

/** Label fields of an occupation. */
@Resolver(() => Occupation)
export class OccupationLabelsResolver {
  @FieldResolver(() => String, { description: "The occupation's preferred name." })
  preferredLabel(
    @Root() occupation: Occupation,
    @Arg('language', { defaultValue: 'en', description: LANGUAGE_DOC }) language: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return translated(occupation, 'preferredLabel', language, ctx);
  }

  @FieldResolver(() => [String], { description: 'Alternative names.' })
  altLabels(
    @Root() occupation: Occupation,
    @Arg('language', { defaultValue: 'en', description: LANGUAGE_DOC }) language: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return translated(occupation, 'altLabels', language, ctx);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "ESCO's description of the occupation; null when it has none.",
  })
  description(
    @Root() occupation: Occupation,
    @Arg('language', { defaultValue: 'en', description: LANGUAGE_DOC }) language: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return translated(occupation, 'description', language, ctx);
  }
}

/** Label fields of a skill group. */
@Resolver(() => SkillGroup)
export class SkillGroupLabelsResolver {
  @FieldResolver(() => String, { description: "The group's name." })
  preferredLabel(
    @Root() group: SkillGroup,
    @Arg('language', { defaultValue: 'en', description: LANGUAGE_DOC }) language: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return translated(group, 'preferredLabel', language, ctx);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "ESCO's description of the group; null when it has none.",
  })
  description(
    @Root() group: SkillGroup,
    @Arg('language', { defaultValue: 'en', description: LANGUAGE_DOC }) language: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return translated(group, 'description', language, ctx);
  }
}

/** Label fields of an ISCO group. */
@Resolver(() => IscoGroup)
export class IscoGroupLabelsResolver {
  @FieldResolver(() => String, { description: "The group's name." })
  preferredLabel(
    @Root() group: IscoGroup,
    @Arg('language', { defaultValue: 'en', description: LANGUAGE_DOC }) language: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return translated(group, 'preferredLabel', language, ctx);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Description of the group; null when ESCO gives none.' })
  description(
    @Root() group: IscoGroup,
    @Arg('language', { defaultValue: 'en', description: LANGUAGE_DOC }) language: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return translated(group, 'description', language, ctx);
  }
}

/** The types whose label fields the classes above declare, with those fields. */
const LABELLED_FIELDS: Readonly<Record<string, readonly LabelField[]>> = {
  Skill: ['preferredLabel', 'altLabels', 'description'],
  Occupation: ['preferredLabel', 'altLabels', 'description'],
  SkillGroup: ['preferredLabel', 'description'],
  IscoGroup: ['preferredLabel', 'description'],
};

/**
 * The label fields above as plain graphql-js resolvers, put on the built schema by
 * `build-schema.ts` in place of type-graphql's: type-graphql checks every `@Arg` in an async
 * function, so each label cost a promise and made its object wait, and a coverage or ranking
 * answer reads one label per row. The classes above still declare the fields (type, argument,
 * description); these answer them the same way, synchronously in English.
 */
export const LABEL_RESOLVERS: readonly DirectResolver[] = Object.entries(LABELLED_FIELDS).flatMap(([type, fields]) =>
  fields.map((field) => ({
    type,
    field,
    resolve: (concept: Labelled, args: { language?: string }, ctx: GraphQLContext) =>
      translated(concept, field, args.language ?? BASE_LANGUAGE, ctx),
  })),
);
