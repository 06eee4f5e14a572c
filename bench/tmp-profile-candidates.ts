import { cypher } from '../src/db/database.js';
import { loadConfig } from '../src/config.js';
import { periodOf } from '../src/domain/partial-date.js';
import { cellsAround } from '../src/modules/resolution/match-cell.js';
import { coarsePlaceKinds, compatibleKinds, placeRadiusKm, SEARCH_RADIUS_KM, STATEMENT_WINDOW_DAYS } from '../src/modules/resolution/match-rules.js';
import { eventsNearProbe } from '../src/modules/resolution/resolution.cypher.js';
import { featuresOf } from '../src/modules/resolution/resolve.js';
import { ProfilingDatabase, totalDbHits } from '../tests/helpers/plans.js';
import { eventId } from './dataset.js';

const uri = 'bolt://127.0.0.1:7695';
const config = loadConfig({ ...process.env, NEO4J_URI: uri });
const db = new ProfilingDatabase(uri, config.neo4j);
const oldQuery = cypher('old candidates', `UNWIND $probes AS probe
   WITH probe, point({latitude: probe.latitude, longitude: probe.longitude}) AS at
   CALL (probe, at) {
     MATCH (q:Place) WHERE point.distance(q.location, at) <= probe.nearMeters RETURN q
     UNION
     MATCH (q:Place) WHERE point.distance(q.location, at) <= $farMeters AND q.kind IN $coarseKinds RETURN q
   }
   MATCH (q)<-[:OCCURRED_IN]-(o:Event)
   WHERE o.startDate <= date(probe.to) AND o.periodEnd >= date(probe.from)
   RETURN probe.key AS key, collect(DISTINCT o.id) AS events`);
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const ids = Array.from({ length: 100 }, (_, i) => eventId(i * 9973));
const features = await featuresOf(db, ids);
const probes = [...features.values()].filter((e) => e.place).map((e) => {
  const slack = e.dateUncertaintyDays + STATEMENT_WINDOW_DAYS;
  const nearMeters = (placeRadiusKm[e.place!.kind] + 40) * 1000;
  return {
    key: e.id, latitude: e.place!.latitude, longitude: e.place!.longitude, nearMeters,
    cells: cellsAround(e.place!.latitude, e.place!.longitude, nearMeters, SEARCH_RADIUS_KM * 1000),
    kinds: compatibleKinds(e.kind),
    from: shift(periodOf(e.startDate)!.first, -slack), to: shift(periodOf(e.endDate ?? e.startDate)!.last, slack),
  };
});
const params = { probes, farMeters: SEARCH_RADIUS_KM * 1000, coarseKinds: coarsePlaceKinds };
const anyKind = { ...params, probes: probes.map((p) => ({ ...p, kinds: null })) };
for (const [query, p, label] of [[oldQuery, params, 'place first'], [eventsNearProbe, anyKind, 'cells, any kind'], [eventsNearProbe, params, 'cells and kinds']] as const) {
  for (let run = 0; run < 2; run++) {
    const started = performance.now();
    const result = await db.read(query, p);
    const ms = performance.now() - started;
    const found = result.records.reduce((sum, r) => sum + (r.get('events') as string[]).length, 0);
    console.log(`${label}: ${probes.length} probes, ${found} candidates, ${totalDbHits(db.plans.get(query.name)!)} db hits, ${Math.round(ms)} ms`);
  }
}
await db.close();
