/**
 * Query-shape limits applied before any resolver runs: graphql-armor's depth, alias and directive
 * rules, field-suggestion masking, a token limit on the parser, and a rule refusing operation types
 * the schema has none of (`known-operation-types`). Every rejection is a
 * validation or parse error, which Apollo answers with HTTP 400 and the formatter turns into
 * BAD_USER_INPUT. The cost limit needs the variables, so it runs later, in
 * `request-limits-plugin`.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';
import { knownOperationTypesRule } from './known-operation-types';

/** The limits, as configured (see `GRAPHQL_MAX_*` in `src/config/config.ts`). */
export interface QueryShapeLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly blockFieldSuggestions: boolean;
}

/** What to pass to the ApolloServer constructor. */
export interface QueryShapeProtection {
  readonly plugins: ApolloServerPlugin[];
  readonly validationRules: ValidationRule[];
  readonly parseOptions: ParseOptions;
}

/**
 * Builds the protection.
 *
 * @example
 * const armor = createArmorProtection({ maxDepth: 12, maxAliases: 30, maxDirectives: 50, maxTokens: 2_000, blockFieldSuggestions: true });
 * new ApolloServer({ schema, ...armor });
 */
export function createArmorProtection(limits: QueryShapeLimits): QueryShapeProtection {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // Replaced by the cost check of request-limits-plugin, which knows the variables.
    costLimit: { enabled: false },
    // Armor's token plugin throws from a plugin hook, which Apollo answers with HTTP 500; graphql-js
    // counts tokens itself when given `maxTokens` and reports a plain syntax error (HTTP 400).
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: limits.blockFieldSuggestions },
  }).protect();
  return {
    plugins: armor.plugins,
    validationRules: [knownOperationTypesRule, ...armor.validationRules],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
