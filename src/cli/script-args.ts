import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The options of a script run outside the claimgraph command (the benchmark, its data generator,
 * profiler and load check, the resolution evaluation), read as the claimgraph command reads its
 * own: `--help` prints `usage` and exits 0; an unknown or malformed option is one sentence on
 * stderr and exit status 2, before anything is started.
 */
export function scriptOptions<const O extends Options>(usage: string, options: O, args = process.argv.slice(2)) {
  const end = args.indexOf('--');
  if ((end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')) {
    process.stdout.write(`${usage.trim()}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    process.stderr.write(`${optionProblem(error)} (see --help)\n`);
    process.exit(2);
  }
}

/** parseArgs's complaint as one sentence, without its advice about positional arguments. */
export function optionProblem(error: unknown): string {
  return (error as Error).message.split('\n')[0]!.replace(/\.? To specify a positional argument.*$/, '');
}

/** An option's value that must be one of `choices`: anything else is refused as scriptOptions refuses. */
export function oneOf<const C extends readonly string[]>(option: string, value: string | undefined, choices: C): C[number] {
  if (choices.includes(value ?? '')) return value as C[number];
  process.stderr.write(`--${option} is one of ${choices.join(', ')}, not "${value}" (see --help)\n`);
  process.exit(2);
}
