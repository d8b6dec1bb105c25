/**
 * Relay connection types. `ConnectionType(Skill, 'Skill')` yields an abstract base with edges,
 * nodes, pageInfo and totalCount; the concrete `SkillConnection` class subclasses it so the schema
 * gets one named type per item type.
 */
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { encodeCursor, type Page } from '../../domain/pagination/cursor';

@ObjectType('PageInfo', {
  description: 'Where a page lies in its list (Relay cursor connections).',
  simpleResolvers: true,
})
export class PageInfo {
  @Field({ description: 'True when items follow this page.' }) hasNextPage!: boolean;
  @Field({ description: 'True when items precede this page.' }) hasPreviousPage!: boolean;
  @Field(() => String, { description: 'Cursor of the first item of the page; null for an empty page.', nullable: true })
  startCursor!: string | null;
  @Field(() => String, {
    description: 'Cursor of the last item of the page (pass it as `after` for the next page); null for an empty page.',
    nullable: true,
  })
  endCursor!: string | null;
}

/** Plain shape of any connection value. */
export interface ConnectionValue<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the abstract connection base for `Item`. */
export function ConnectionType<T extends object>(Item: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, {
    simpleResolvers: true,
    description: `One item of a ${name}Connection page, with its cursor.`,
  })
  class Edge {
    @Field({ description: 'Opaque cursor of this item; pass it as `after` to get the items following it.' })
    cursor!: string;
    @Field(() => Item, { description: 'The item.' }) node!: T;
  }

  @ObjectType(`${name}ConnectionBase`, {
    simpleResolvers: true,
    description: `A page of a list of ${name} items (Relay cursor connection).`,
  })
  abstract class Connection implements ConnectionValue<T> {
    @Field(() => [Edge], { description: 'The items of the page, each with its cursor.' }) edges!: Edge[];
    @Field(() => [Item], { description: 'The nodes of `edges`, for clients that need no cursors.' }) nodes!: T[];
    @Field(() => PageInfo, { description: 'Where the page lies in the whole list.' }) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'Size of the whole list, across all pages.' }) totalCount!: number;
  }
  return Connection;
}

/** Turns a page from a repository into a connection value. */
export function toConnection<T>(page: Page<T>): ConnectionValue<T> {
  const edges = page.items.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  return {
    edges,
    nodes: [...page.items],
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.offset + page.items.length < page.totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** An empty page at an offset. */
export function emptyPage<T>(offset: number): Page<T> {
  return { items: [], totalCount: 0, offset };
}
