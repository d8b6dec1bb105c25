/**
 * Query-shape limits applied before any resolver runs: graphql-armor's depth, alias, directive
 * and cost rules, field-suggestion masking, and a token limit on the parser. Every rejection is a
 * validation or parse error, which Apollo answers with HTTP 400 and the formatter turns into
 * BAD_USER_INPUT.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';
import { cappedCostLimitRule } from './capped-cost-limit-rule';

/** The limits, as configured (see `GRAPHQL_MAX_*` in `src/config/config.ts`). */
export interface QueryShapeLimits {
  readonly maxDepth: number;
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxPageSize: number;
  readonly blockFieldSuggestions: boolean;
}

/** What to pass to the ApolloServer constructor. */
export interface QueryShapeProtection {
  readonly plugins: ApolloServerPlugin[];
  readonly validationRules: ValidationRule[];
  readonly parseOptions: ParseOptions;
}

const ONLY_COST = {
  maxDepth: { enabled: false },
  maxAliases: { enabled: false },
  maxDirectives: { enabled: false },
  maxTokens: { enabled: false },
  blockFieldSuggestion: { enabled: false },
} as const;

/**
 * Builds the protection.
 *
 * @example
 * const armor = createArmorProtection({ maxDepth: 12, maxCost: 50_000, maxAliases: 30, maxDirectives: 50, maxTokens: 2_000, maxPageSize: 100, blockFieldSuggestions: true });
 * new ApolloServer({ schema, ...armor });
 */
export function createArmorProtection(limits: QueryShapeLimits): QueryShapeProtection {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // Added below with the page-size correction instead.
    costLimit: { enabled: false },
    // Armor's token plugin throws from a plugin hook, which Apollo answers with HTTP 500; graphql-js
    // counts tokens itself when given `maxTokens` and reports a plain syntax error (HTTP 400).
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: limits.blockFieldSuggestions },
  }).protect();
  // Armor's cost rule alone, so it can be wrapped with the page-size correction.
  const [costRule] = new ApolloArmor({ ...ONLY_COST, costLimit: { maxCost: limits.maxCost } }).protect().validationRules;
  return {
    plugins: armor.plugins,
    validationRules: [...armor.validationRules, cappedCostLimitRule(costRule!, limits.maxPageSize)],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
