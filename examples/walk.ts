/**
 * Pages through every statement with `after` cursors, then runs the walk from an event to the
 * outlets that carried it, and prints a summary. Uses the typed documents `npm run codegen`
 * generates from examples/operations and nothing but fetch. With --persisted, sends each
 * operation's ID instead of its text, as a server with PERSISTED_OPERATIONS_ONLY=true requires.
 *
 *   npx tsx examples/walk.ts [--persisted] http://localhost:4000/graphql [EVENT_ID]
 */
import { parseArgs } from 'node:util';
import { StatementsDocument, WalkDocument, type TypedDocumentString } from './generated/graphql.js';
import operationIds from './generated/operation-ids.json' with { type: 'json' };

const DAQUQ_STRIKE = 'RXZlbnQ6ZGFxdXEtYWlyc3RyaWtlLTIwMTYtMTAtMjE';
const PAGE_SIZE = 10;

/** An operation: its name (its ID's key in operation-ids.json) and its typed text. */
interface Operation<Result, Variables> {
  name: keyof typeof operationIds;
  document: TypedDocumentString<Result, Variables>;
}

const statementsOperation = { name: 'Statements', document: StatementsDocument } as const;
const walkOperation = { name: 'Walk', document: WalkDocument } as const;

async function request<Result, Variables>(url: string, persisted: boolean, operation: Operation<Result, Variables>, variables: Variables): Promise<Result> {
  const sent = persisted
    ? { variables, extensions: { persistedQuery: { version: 1, sha256Hash: operationIds[operation.name] } } }
    : { query: operation.document.toString(), variables };
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(sent),
  });
  const body = (await response.json()) as { data?: Result; errors?: Array<{ message: string }> };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
  return body.data;
}

async function main(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { persisted: { type: 'boolean', default: false } }, allowPositionals: true });
  const [url, event = DAQUQ_STRIKE] = positionals;
  if (!url) throw new Error('usage: npx tsx examples/walk.ts [--persisted] URL [EVENT_ID]  (URL like http://localhost:4000/graphql)');
  const persisted = values.persisted;

  const kinds = new Map<string, number>();
  let [statements, pages, total, after] = [0, 0, 0, null as string | null];
  for (;;) {
    const { statements: page } = await request(url, persisted, statementsOperation, { first: PAGE_SIZE, after });
    if (!page) break;
    pages += 1;
    total = page.totalCount;
    for (const { node } of page.edges) {
      statements += 1;
      kinds.set(node.kind, (kinds.get(node.kind) ?? 0) + 1);
    }
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  console.log(`Statements: ${statements} of ${total}, read in ${pages} pages of ${PAGE_SIZE}`);
  for (const kind of [...kinds.keys()].sort()) console.log(`  ${kind}: ${kinds.get(kind)}`);

  const { event: walked } = await request(url, persisted, walkOperation, { event });
  if (!walked) throw new Error(`no event with ID ${event}`);
  console.log(`Walk from "${walked.title}" (${walked.startDate}): ${walked.coverage.length} outlets`);
  for (const { outlet, stances, reports } of walked.coverage) {
    const state = outlet.stateAffiliation ? ` (state-affiliated: ${outlet.stateAffiliation})` : '';
    console.log(`  ${outlet.name}${state}: ${reports.length} statements, ${stances.join(', ') || 'no stance'}`);
    for (const { statement, stances: positions } of reports) {
      const said = positions.map((s) => `${s.value} ${s.claim.key}`).join(', ') || 'no stance';
      console.log(`    ${statement.kind} by ${statement.speaker?.name ?? 'unknown'}: ${said}`);
    }
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
