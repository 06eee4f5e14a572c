import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * Curated data files a user can extend (the outlet registry, the actor crosswalk): YAML checked by
 * a zod schema built from the record declarations, so a file gets the same rules as the API.
 */

/** A data file that cannot be read or does not validate: named, with the path of each problem. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file} ${problem}`);
  }
}

/** A missing value is said to be missing, not to be of the wrong type. */
export const requiredValue = <T>(schema: z.ZodType<T>) =>
  z.any().refine((value) => value !== undefined && value !== null, { error: 'is required', abort: true }).pipe(schema);

/** Reads and checks a data file; `what` names the kind of file in errors ("outlet registry"). */
export function readDataFile<T>(file: string | URL, schema: z.ZodType<T>, what: string): T {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DataFileError(String(file), `cannot be read as an ${what}: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const at = (path: PropertyKey[]) => path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').slice(1) || 'the file';
    const problems = result.error.issues.map((issue) => `${at(issue.path)}: ${issue.message}`);
    throw new DataFileError(String(file), `is not a valid ${what}: ${problems.join('; ')}`);
  }
  return result.data;
}
