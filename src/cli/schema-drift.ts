import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, printSchema } from 'graphql';
import { schema } from '../schema.js';

const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema/schema.graphql');

/** The committed SDL and the SDL the code prints, both normalised by graphql-js's printer. */
export async function schemaDrift(): Promise<{ committed: string; current: string }> {
  const committed = printSchema(buildSchema(await readFile(schemaFile, 'utf8')));
  return { committed, current: printSchema(schema) };
}

