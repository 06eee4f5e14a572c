/**
 * Pages through every statement with `after` cursors, then runs the walk from an event to the
 * outlets that carried it, and prints a summary. Uses the typed documents `npm run codegen`
 * generates from examples/operations and nothing but fetch.
 *
 *   npx tsx examples/walk.ts http://localhost:4000/graphql [EVENT_ID]
 */
import { StatementsDocument, WalkDocument, type TypedDocumentString } from './generated/graphql.js';

const DAQUQ_STRIKE = 'RXZlbnQ6ZGFxdXEtYWlyc3RyaWtlLTIwMTYtMTAtMjE';
const PAGE_SIZE = 10;

async function request<Result, Variables>(url: string, document: TypedDocumentString<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: Array<{ message: string }> };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
  return body.data;
}

async function main([url, event = DAQUQ_STRIKE]: string[]): Promise<void> {
  if (!url) throw new Error('usage: npx tsx examples/walk.ts URL [EVENT_ID]  (URL like http://localhost:4000/graphql)');

  const kinds = new Map<string, number>();
  let [statements, pages, total, after] = [0, 0, 0, null as string | null];
  for (;;) {
    const { statements: page } = await request(url, StatementsDocument, { first: PAGE_SIZE, after });
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

  const { event: walked } = await request(url, WalkDocument, { event });
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
