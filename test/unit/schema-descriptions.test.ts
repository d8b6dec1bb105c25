import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCredgraphSchema } from '../../src/graphql/build-schema';

/**
 * Every schema element a client sees (type, field, argument, input field, enum value), with its
 * description; built-in scalars and introspection types are graphql's own and left out.
 */
function describedElements(schema: GraphQLSchema): { element: string; description: string | null | undefined }[] {
  const elements: { element: string; description: string | null | undefined }[] = [];
  const types = Object.values(schema.getTypeMap()).filter(
    (type: GraphQLNamedType) => !type.name.startsWith('__') && !isSpecifiedScalarType(type),
  );
  for (const type of types) {
    elements.push({ element: `type ${type.name}`, description: type.description });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        elements.push({ element: `field ${type.name}.${field.name}`, description: field.description });
        for (const arg of field.args)
          elements.push({ element: `argument ${type.name}.${field.name}(${arg.name})`, description: arg.description });
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        elements.push({ element: `input field ${type.name}.${field.name}`, description: field.description });
    } else if (isEnumType(type)) {
      for (const value of type.getValues())
        elements.push({ element: `enum value ${type.name}.${value.name}`, description: value.description });
    }
  }
  return elements;
}

describe('the schema documents itself', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildCredgraphSchema();
  });

  it('walks every kind of element (so an empty list of findings means something)', () => {
    const kinds = new Set(describedElements(schema).map((e) => e.element.split(' ').slice(0, -1).join(' ')));
    expect([...kinds].sort()).toEqual(['argument', 'enum value', 'field', 'input field', 'type']);
    expect(describedElements(schema).length).toBeGreaterThan(500);
  });

  it('has a description on every type, field, argument, input field and enum value', () => {
    const missing = describedElements(schema)
      .filter((e) => !e.description?.trim())
      .map((e) => e.element);
    expect(missing).toEqual([]);
  });

  it('starts every description with a capital letter or a symbol, never a lowercase word', () => {
    const lowercase = describedElements(schema)
      .filter((e) => /^\s*[a-z]/.test(e.description ?? ''))
      .map((e) => `${e.element}: ${e.description!.slice(0, 40)}`);
    expect(lowercase).toEqual([]);
  });

  it('passes graphql-schema-linter with its default rules on the committed SDL (npm run lint:schema)', () => {
    const root = path.resolve(__dirname, '../..');
    const cli = path.join(path.dirname(require.resolve('graphql-schema-linter/package.json')), 'lib/cli.js');
    let output = '';
    let status = 0;
    try {
      output = execFileSync(process.execPath, [cli, '--format', 'compact', 'schema/schema.graphql'], {
        cwd: root,
        encoding: 'utf8',
      });
    } catch (error) {
      const failure = error as { status: number; stdout: string; stderr: string };
      status = failure.status;
      output = failure.stdout + failure.stderr;
    }
    expect(output.trim()).toBe('');
    expect(status).toBe(0);
  });
});
