/** Prints the SDL exactly as committed in `schema/schema.graphql`. */
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildCredgraphSchema } from './build-schema';

/** The schema SDL, sorted so diffs show real changes only. */
export async function printCredgraphSchema(): Promise<string> {
  const schema = await buildCredgraphSchema();
  return (
    '# Generated from the code-first schema by `npm run schema:emit`. Do not edit.\n\n' +
    printSchema(lexicographicSortSchema(schema)) +
    '\n'
  );
}
