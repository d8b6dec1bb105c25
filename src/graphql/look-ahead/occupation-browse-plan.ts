/**
 * What a request asks of an occupation, read ahead from the `occupation` field: the first page of
 * essential (else optional) skills it selects and, below those skills, the first `taughtBy` page.
 * The resolver reads them in one query (`OccupationBrowseReads`) instead of one per level.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { OccupationBrowseRequest } from '../../db/repositories/browse-repository';
import { pageRequest } from '../../domain/pagination/cursor';
import { DomainError } from '../../domain/errors';
import { argumentsOf, selectedFields, type SelectedField } from './selected-fields';

const SKILL_LISTS = { essentialSkills: 'ESSENTIAL', optionalSkills: 'OPTIONAL' } as const;

function pageOf(info: GraphQLResolveInfo, typeName: string, field: SelectedField, maxPageSize: number) {
  const args = argumentsOf(info, typeName, field.nodes[0]!);
  return args ? pageRequest(args.first as number | null, args.after as string | null, maxPageSize) : null;
}

/**
 * The browse the current `occupation` field asks for; null when it selects no page of skills, or
 * when that page's arguments are invalid (the field's own resolver then reports them where they
 * stand). Other pages, aliased or nested elsewhere, still load through the DataLoaders.
 *
 * @example
 * // occupation(uri: $u) { essentialSkills(first: 20) { nodes { taughtBy(first: 3) { nodes { title } } } } }
 * occupationBrowsePlan(info, 100);
 * // { relation: 'ESSENTIAL', skillPage: { offset: 0, limit: 20 }, coursePage: { offset: 0, limit: 3 } }
 */
export function occupationBrowsePlan(info: GraphQLResolveInfo, maxPageSize: number): OccupationBrowseRequest | null {
  const list = selectedFields(info, info.fieldNodes, 'Occupation').find((field) => field.name in SKILL_LISTS);
  if (!list) return null;
  try {
    const skillPage = pageOf(info, 'Occupation', list, maxPageSize);
    if (!skillPage) return null;
    const connection = selectedFields(info, list.nodes, 'SkillConnection');
    const skillNodes = connection.flatMap((field) => {
      if (field.name === 'nodes') return field.nodes;
      if (field.name !== 'edges') return [];
      return selectedFields(info, field.nodes, 'SkillEdge').flatMap((edge) => (edge.name === 'node' ? edge.nodes : []));
    });
    const taughtBy = selectedFields(info, skillNodes, 'Skill').find((field) => field.name === 'taughtBy');
    return {
      relation: SKILL_LISTS[list.name as keyof typeof SKILL_LISTS],
      skillPage,
      coursePage: taughtBy ? pageOf(info, 'Skill', taughtBy, maxPageSize) : null,
    };
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}
