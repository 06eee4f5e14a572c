import { cypher, DatabaseSetupError, type Database, type NamedQuery } from './database.js';
import { Label, Rel, StorageProperty } from '../domain/graph.js';
// The record declarations are data (no GraphQL, no database): the schema objects follow them.
import { contentLabels, searchable } from '../modules/records.js';
import { MATCH_CELL, MATCH_FROM, MATCH_TO, MATCH_WINDOW_CLASS, setEventCell, setPlaceCell, windowClassOf } from '../modules/resolution/match-cell.js';
import { SPEAKER_KEY, setSpeakerKey } from '../modules/statement/speaker-key.js';
import { PLACE_COUNT, setPlaceCount } from '../modules/event/place-count.js';

const keyedLabels = [...contentLabels, Label.AuditEntry, Label.ExternalRecord];

/** The name of the full-text index that search (and the playground's examples) use. */
export const FULLTEXT_INDEX = 'claimgraph_text';

/**
 * Lowercases and strips accents when indexing, so "Qamishli" finds "Qāmishlī" (the query side is
 * folded by search itself). Its English stop words ("the", "of") cannot be searched for alone.
 */
const FULLTEXT_ANALYZER = 'standard-folding';

/** An index made before the analyzer or the indexed labels and properties changed is dropped, so the migration below recreates it. */
const fulltextAnalyzer = cypher(
  'fulltext index analyzer',
  `SHOW FULLTEXT INDEXES YIELD name, options, labelsOrTypes, properties WHERE name = $name
   RETURN options.indexConfig['fulltext.analyzer'] AS analyzer, labelsOrTypes AS labels, properties`,
);
const indexesNotOnline = cypher(
  'indexes not online',
  `SHOW INDEXES YIELD name, state, populationPercent WHERE state <> 'ONLINE' RETURN name, state, populationPercent`,
);
const dropFulltextIndex = cypher('drop outdated fulltext index', `DROP INDEX ${FULLTEXT_INDEX} IF EXISTS`);

/** What the full-text index holds: the searchable fields, and each record's kind token (see `searchable`). */
const fulltextProperties = [...searchable.properties, StorageProperty.searchKind];

/** Before the full-text index is built: each searchable record's kind token, on a store written without it. */
const backfillSearchKinds = searchable.labels.map((label) => ({
  token: searchable.kindTokens[label],
  query: cypher(
    `backfill ${label}.${StorageProperty.searchKind}`,
    `MATCH (n:${label}) WHERE n.${StorageProperty.searchKind} IS NULL
     CALL (n) { SET n.${StorageProperty.searchKind} = $token } IN TRANSACTIONS OF 10000 ROWS`,
  ),
}));

const rangeIndexName = (label: Label, properties: readonly string[]) => [label, ...properties].join('_').toLowerCase();
const rangeIndex = (label: Label, properties: readonly string[]) =>
  cypher(
    `range index ${label}(${properties.join(', ')})`,
    `CREATE RANGE INDEX ${rangeIndexName(label, properties)} IF NOT EXISTS FOR (n:${label}) ON (${properties.map((property) => `n.${property}`).join(', ')})`,
  );
const rangeIndexExists = cypher('range index exists', 'SHOW RANGE INDEXES YIELD name WHERE name = $name RETURN name');

/**
 * Properties derived from what records already say, kept by the write plan, and backfilled once on
 * a store written without them (by an earlier version, or by a bulk load). Each has range indexes
 * (created by the migrations below, possibly composite): the absence of the first marks such a
 * store, so a server start reads one index name instead of every node.
 */
const derivedProperties: Array<{ label: Label; property: string; indexes: string[][]; backfill: NamedQuery[]; done: string }> = [
  {
    // See event.record.ts: the events whose period is longer than their first day.
    label: Label.Event,
    property: 'spanEnd',
    indexes: [['spanEnd']],
    backfill: [cypher(
      'backfill Event.spanEnd',
      `MATCH (n:${Label.Event}) WHERE n.periodEnd > n.startDate AND n.spanEnd IS NULL
       CALL (n) { SET n.spanEnd = n.periodEnd } IN TRANSACTIONS OF 10000 ROWS`,
    )],
    done: 'events longer than a day marked with their span (Event.spanEnd)',
  },
  {
    // See speaker-key.ts: every statement's, made what it should be.
    label: Label.Statement,
    property: SPEAKER_KEY,
    indexes: [[SPEAKER_KEY]],
    backfill: [cypher(
      'backfill speaker keys',
      `MATCH (n:${Label.Statement})
       CALL (n) { ${setSpeakerKey} } IN TRANSACTIONS OF 10000 ROWS`,
    )],
    done: `statements keyed by their speaker (Statement.${SPEAKER_KEY})`,
  },
  {
    // See place-count.ts: the events that occurred in more than one place.
    label: Label.Event,
    property: PLACE_COUNT,
    indexes: [[PLACE_COUNT]],
    backfill: [cypher(
      'backfill place counts',
      `MATCH (n:${Label.Event}) WHERE COUNT { (n)-[:${Rel.OCCURRED_IN}]->() } > 1
       CALL (n) { ${setPlaceCount} } IN TRANSACTIONS OF 10000 ROWS`,
    )],
    done: `events in more than one place marked with their count (Event.${PLACE_COUNT})`,
  },
  {
    // See match-cell.ts: places first, then the events that copy their cells.
    label: Label.Event,
    property: MATCH_CELL,
    indexes: [
      [MATCH_CELL, MATCH_WINDOW_CLASS, MATCH_FROM],
      [MATCH_CELL, 'spanEnd'],
    ],
    backfill: [
      // The same window event.record.ts derives on every write.
      cypher(
        'backfill event match windows',
        `MATCH (n:${Label.Event})
         CALL (n) {
           WITH n, duration({days: coalesce(n.dateUncertaintyDays, 0)}) AS margin
           WITH n, n.startDate - margin AS from, n.periodEnd + margin AS to
           SET n.${MATCH_FROM} = from, n.${MATCH_TO} = to, n.${MATCH_WINDOW_CLASS} = ${windowClassOf('from', 'to')}
         } IN TRANSACTIONS OF 10000 ROWS`,
      ),
      cypher(
        'backfill place cells',
        `MATCH (n:${Label.Place}) WHERE n.location IS NOT NULL
         CALL (n) { ${setPlaceCell} } IN TRANSACTIONS OF 10000 ROWS`,
      ),
      cypher(
        'backfill event cells',
        `MATCH (n:${Label.Event})
         CALL (n) { ${setEventCell} } IN TRANSACTIONS OF 10000 ROWS`,
      ),
    ],
    done: `events filed in the cells matching seeks (Event.${MATCH_CELL})`,
  },
];

/**
 * Records are not migrated here, only storage derived from what they already say (statements'
 * speaker keys, events' spans), which a store written before the derivation gets once. migrate()
 * runs before every import, seed and server start, so it holds schema objects, which are free to
 * apply again, and backfills that check first whether there is work. Rewriting records (merging outlets
 * that share a domain: `claimgraph resolve outlets`, src/modules/outlet/outlet-merge.ts) changes
 * what the graph says, so it is a command someone runs and is named by in the audit trail.
 *
 * Every schema object the application relies on, each created with IF NOT EXISTS so applying the
 * list again is a no-op. Natural keys carry uniqueness constraints (which also index them).
 */
export const migrations: NamedQuery[] = [
  ...keyedLabels.map((label) =>
    cypher(
      `constraint ${label}.id unique`,
      `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    ),
  ),
  cypher(
    'constraint Article.url unique',
    `CREATE CONSTRAINT article_url IF NOT EXISTS FOR (n:${Label.Article}) REQUIRE n.url IS UNIQUE`,
  ),
  cypher(
    'fulltext index over names, titles and text',
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS
     FOR (n:${searchable.labels.join('|')})
     ON EACH [${fulltextProperties.map((property) => `n.${property}`).join(', ')}]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: '${FULLTEXT_ANALYZER}' } }`,
  ),
  cypher(
    'point index on place locations',
    `CREATE POINT INDEX place_location IF NOT EXISTS FOR (n:${Label.Place}) ON (n.location)`,
  ),
  ...(
    [
      [Label.Event, 'startDate'],
      [Label.Event, 'endDate'],
      [Label.Event, 'kind'],
      [Label.Statement, 'madeAt'],
      [Label.Statement, 'kind'],
      [Label.Article, 'publishedAt'],
      [Label.Actor, 'kind'],
      [Label.Outlet, 'kind'],
      [Label.Place, 'kind'],
      // Statements waiting for their event are found through the places they mention, by cell (match-cell.ts).
      [Label.Place, MATCH_CELL],
      // A retired key is looked up in the audit trail to find the record it was merged into.
      [Label.AuditEntry, 'key'],
    ] as const
  ).map(([label, property]) => rangeIndex(label, [property])),
  // Pages of events in their order, (start date, key): the index gives that order, so a page stops
  // after its rows instead of reading every event of its first day to break the ties by key.
  rangeIndex(Label.Event, ['startDate', 'id']),
  // Events by their span, an actor's statements in order from it, events by match cell and date.
  ...derivedProperties.flatMap(({ label, indexes }) => indexes.map((properties) => rangeIndex(label, properties))),
];

/**
 * Waits for every index to come online, saying how far each one is every half minute. Polled in
 * short reads rather than one `db.awaitIndexes` call: that call is a transaction, which the
 * configured transaction timeout stops long before a full-text index over millions of nodes is
 * built (it stopped the benchmark's 1M-event store after 600 s), and it is silent meanwhile.
 */
async function awaitIndexesOnline(db: Database, log: (line: string) => void, awaitSeconds: number): Promise<void> {
  const deadline = Date.now() + awaitSeconds * 1000;
  let reported = Date.now();
  for (;;) {
    const pending = (await db.read(indexesNotOnline)).records.map((record) => ({
      name: record.get('name') as string,
      state: record.get('state') as string,
      percent: Number(record.get('populationPercent')),
    }));
    if (pending.length === 0) return;
    const failed = pending.find((index) => index.state === 'FAILED');
    if (failed) throw new DatabaseSetupError(`the index ${failed.name} failed to build: see SHOW INDEXES and Neo4j's debug.log`);
    if (Date.now() > deadline) {
      throw new DatabaseSetupError(`indexes still being built after ${awaitSeconds} s (${pending.map((index) => index.name).join(', ')}): start again to keep waiting`);
    }
    if (Date.now() - reported >= 30_000) {
      log(`building indexes: ${pending.map((index) => `${index.name} ${index.percent.toFixed(0)} %`).join(', ')}`);
      reported = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * Indexes earlier versions created that nothing reads any more: each costs every write that touches
 * its properties, so a store upgraded in place drops them. (Events were sought by match cell, kind
 * and start date before their window was stored, then by their window before its class was, then
 * by kind as well.)
 */
const retiredIndexes = [
  rangeIndexName(Label.Event, [MATCH_CELL, 'kind', 'startDate']),
  rangeIndexName(Label.Event, [MATCH_CELL, 'kind', MATCH_FROM, MATCH_TO]),
  rangeIndexName(Label.Event, [MATCH_CELL, 'kind', MATCH_WINDOW_CLASS, MATCH_FROM]),
];

const dropRetiredIndex = (name: string) => cypher(`drop retired index ${name}`, `DROP INDEX ${name} IF EXISTS`);

/** `awaitSeconds` bounds the wait for indexes to come online (long after a bulk import fills the store). */
export async function migrate(db: Database, log: (line: string) => void = () => {}, awaitSeconds = 120): Promise<void> {
  const existing = (await db.read(fulltextAnalyzer, { name: FULLTEXT_INDEX })).records[0];
  let buildFulltext = !existing;
  if (existing) {
    const analyzer = existing.get('analyzer') as string;
    const same = (stored: string[], wanted: readonly string[]) => [...stored].sort().join() === [...wanted].sort().join();
    if (analyzer !== FULLTEXT_ANALYZER) {
      await db.write(dropFulltextIndex);
      buildFulltext = true;
      log(`rebuilding the full-text index ${FULLTEXT_INDEX} with the ${FULLTEXT_ANALYZER} analyzer (was ${analyzer})`);
    } else if (!same(existing.get('labels') as string[], searchable.labels) || !same(existing.get('properties') as string[], fulltextProperties)) {
      await db.write(dropFulltextIndex);
      buildFulltext = true;
      log(`rebuilding the full-text index ${FULLTEXT_INDEX} over the searchable fields of the record declarations`);
    }
  }
  // The kind tokens of a store written without them, which the index then holds from the start.
  if (buildFulltext) {
    log('marking every searchable record with its kind for the full-text index...');
    for (const { query, token } of backfillSearchKinds) await db.writeInBatches(query, { token });
  }
  for (const name of retiredIndexes) {
    if ((await db.read(rangeIndexExists, { name })).records.length === 0) continue;
    await db.write(dropRetiredIndex(name));
    log(`dropped the index ${name}, which nothing reads any more`);
  }
  // Before the indexes are created below, whose absence says a backfill is due.
  for (const { label, property, indexes, backfill, done } of derivedProperties) {
    if ((await db.read(rangeIndexExists, { name: rangeIndexName(label, indexes[0]!) })).records.length > 0) continue;
    log(`backfilling ${label}.${property} on a store written without it...`);
    for (const query of backfill) await db.writeInBatches(query);
    log(done);
  }
  for (const migration of migrations) await db.write(migration);
  await awaitIndexesOnline(db, log, awaitSeconds);
  log(`schema up to date (${migrations.length} constraints and indexes)`);
}
