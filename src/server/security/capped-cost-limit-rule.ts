/**
 * graphql-armor's cost limit with one correction: a `first`/`last` literal above the page-size
 * maximum counts as the maximum. The resolvers refuse such a page with a precise BAD_USER_INPUT
 * ("first must be at most 100"), which is more useful to a client than a cost error, and the work
 * the query could cause is bounded by the real page size, not by the number it asked for.
 *
 * Known limit of the estimate: `first: $n` (a variable) counts as 1, because validation runs once
 * per document, before variables are known. The page-size maximum and the request timeout still
 * bound such queries.
 */
import { Kind, visit, type ASTNode, type OperationDefinitionNode, type ValidationContext, type ValidationRule } from 'graphql';

const PAGE_ARGUMENTS = new Set(['first', 'last']);

/** A copy of `node` whose `first`/`last` integer literals are at most `maxPageSize`. */
export function capPageArguments<T extends ASTNode>(node: T, maxPageSize: number): T {
  return visit(node, {
    Argument(argument) {
      if (!PAGE_ARGUMENTS.has(argument.name.value) || argument.value.kind !== Kind.INT) return undefined;
      if (Number(argument.value.value) <= maxPageSize) return undefined;
      return { ...argument, value: { ...argument.value, value: String(maxPageSize) } };
    },
  });
}

/** The shape of armor's visitors: all their work happens on entering the operation. */
interface OperationVisitor {
  readonly OperationDefinition: { enter(operation: OperationDefinitionNode): void };
}

/** Wraps armor's cost-limit rule so it sees page-capped operations and fragments. */
export function cappedCostLimitRule(costLimitRule: ValidationRule, maxPageSize: number): ValidationRule {
  return (context: ValidationContext) => {
    // The armor visitor reads fragments through the context; hand it capped copies too.
    const capped = new Proxy(context, {
      get(target, property) {
        if (property === 'getFragment') {
          return (name: string) => {
            const fragment = target.getFragment(name);
            return fragment && capPageArguments(fragment, maxPageSize);
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const visitor = costLimitRule(capped) as unknown as OperationVisitor;
    return {
      OperationDefinition: {
        enter(operation) {
          visitor.OperationDefinition.enter(capPageArguments(operation, maxPageSize));
        },
      },
    };
  };
}
