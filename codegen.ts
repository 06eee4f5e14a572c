import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { manifestCodegenPlugin, operationIdsCodegenPlugin } from './src/http/persisted-operations.js';
import { schema } from './src/schema.js';

const typedDocuments = { avoidOptionals: false, enumsAsTypes: true, useTypeImports: true };

/** The public operations: what a production client runs, and so all a persisted-only server accepts. */
const publicOperations = ['examples/operations/**/*.graphql'];

/** The plugins written here, by the name the outputs below use. */
const localPlugins: Record<string, Awaited<ReturnType<NonNullable<CodegenConfig['pluginLoader']>>>> = {
  'persisted-operations-manifest': manifestCodegenPlugin,
  'persisted-operation-ids': operationIdsCodegenPlugin,
};

/**
 * `npm run codegen`: prints the Pothos schema to schema/schema.graphql (committed; CI fails on
 * drift), writes the persisted-operation manifest from the public operations in
 * examples/operations (never from the tests' own documents) and each one's ID by name for the
 * example scripts, and generates typed documents for the operations in tests/operations, and for
 * the public operations as strings, so a script needs nothing but fetch to send them; and the
 * explorer's operations the same way.
 */
const config: CodegenConfig = {
  schema: printSchema(schema),
  pluginLoader: (name: string) => localPlugins[name] ?? import(name),
  generates: {
    'schema/schema.graphql': { plugins: ['schema-ast'] },
    // The operations a PERSISTED_OPERATIONS_ONLY server runs, by ID.
    'schema/persisted-operations.json': {
      documents: publicOperations,
      plugins: ['persisted-operations-manifest'],
    },
    'tests/generated/graphql.ts': {
      documents: ['tests/operations/**/*.graphql'],
      plugins: ['typescript-operations', 'typed-document-node'],
      config: typedDocuments,
    },
    // Each public operation's ID by its name, for the example scripts to send to such a server.
    'examples/generated/operation-ids.json': {
      documents: publicOperations,
      plugins: ['persisted-operation-ids'],
    },
    'examples/generated/graphql.ts': {
      documents: publicOperations,
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { ...typedDocuments, documentMode: 'string' },
    },
    // The explorer's operations (explorer/operations), typed for its browser code, as strings: the
    // page sends them with fetch and needs no GraphQL library of its own.
    'explorer/src/generated/graphql.ts': {
      documents: ['explorer/operations/**/*.graphql'],
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { ...typedDocuments, documentMode: 'string' },
    },
  },
};

export default config;
