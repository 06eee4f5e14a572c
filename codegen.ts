import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { manifestCodegenPlugin } from './src/persisted-operations.js';
import { schema } from './src/schema.js';

/**
 * `npm run codegen`: prints the Pothos schema to schema/schema.graphql (committed; CI fails on
 * drift) and generates typed documents for the operations in tests/operations.
 */
const config: CodegenConfig = {
  schema: printSchema(schema),
  documents: ['tests/operations/**/*.graphql'],
  pluginLoader: (name: string) =>
    name === 'persisted-operations-manifest' ? manifestCodegenPlugin : import(name),
  generates: {
    'schema/schema.graphql': { plugins: ['schema-ast'] },
    // The operations a PERSISTED_OPERATIONS_ONLY server runs, by ID.
    'schema/persisted-operations.json': { plugins: ['persisted-operations-manifest'] },
    'tests/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { avoidOptionals: false, enumsAsTypes: true, useTypeImports: true },
    },
  },
};

export default config;
