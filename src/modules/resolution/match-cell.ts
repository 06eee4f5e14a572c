import { cypher } from '../../db/database.js';
import { setStorageProperty } from '../../db/values.js';
import { Label, Rel, StorageProperty } from '../../domain/graph.js';
import { MATCH_WINDOW_CLASSES } from '../../domain/partial-date.js';
import { coarsePlaceKinds } from './match-rules.js';

/**
 * Where matching looks for an event: the cell of a grid over the globe that holds the point of
 * the place matching reads for it (its first located place, see `firstLocatedPlace`), stored on
 * the event (storage, not vocabulary) and range-indexed with its dates. Blocking then seeks the
 * events of the few cells around a record, within its dates, instead of expanding every event
 * ever recorded at the places nearby: a town of a long war holds thousands, and a probe needs
 * the handful of its fortnight.
 *
 * Precise places (a town, a site) fall in cells of FINE_DEGREES; coarse ones (a district, a
 * province's centroid), which are looked for much further away, in cells of COARSE_DEGREES, so
 * a wide search reads a few coarse cells rather than every fine cell of a province.
 *
 * A place stores its own cell; an event copies its place's. Every write that can change either
 * (a place's point or kind, an event's places, a place deleted or merged) ends with
 * `refreshPlaceCells` / `refreshPlaceDerived` (event/place-count.ts) over what it touched; migrate()
 * backfills the rest.
 *
 * Within a cell, events are sought by their window (`matchFrom` to `matchTo`: the period widened
 * by the date's uncertainty, derived on every write of the event, see event.record.ts), which the
 * index holds beside the cell, by the class of its length (MATCH_WINDOW_CLASSES): a
 * window of a class at most `c` days long that meets a probe's starts at most `c` days before it,
 * so each class is sought from there and an exact day is not read a fortnight early. Periods
 * longer than every class are found by their span's end.
 */
export const MATCH_CELL = StorageProperty.matchCell;
export const MATCH_FROM = StorageProperty.matchFrom;
export const MATCH_TO = StorageProperty.matchTo;
export const MATCH_WINDOW_CLASS = StorageProperty.matchWindowClass;

/** The class of a window running from `from` to `to` (Cypher dates), as matchWindowClass derives it. */
export const windowClassOf = (from: string, to: string) =>
  `CASE ${MATCH_WINDOW_CLASSES.map((longest) => `WHEN duration.inDays(${from}, ${to}).days <= ${longest} THEN ${longest}`).join(' ')} END`;

const FINE_DEGREES = 0.5;
const COARSE_DEGREES = 4;
const METERS_PER_DEGREE = 111_320;

const gridOf = (coarse: boolean) => (coarse ? { prefix: 'c', degrees: COARSE_DEGREES } : { prefix: 'f', degrees: FINE_DEGREES });
const columnsOf = (degrees: number) => Math.round(360 / degrees);

/** The cell of the place bound as `p` (the same cells `cellsAround` lists). */
const cellOfPlace = (p: string) => {
  const cell = (coarse: boolean) => {
    const { prefix, degrees } = gridOf(coarse);
    const index = (axis: string) => `toString(toInteger(floor(${p}.location.${axis} / ${degrees.toFixed(1)})))`;
    return `'${prefix}:' + ${index('latitude')} + ':' + ${index('longitude')}`;
  };
  return `CASE WHEN ${p}.location IS NULL THEN null WHEN ${p}.kind IN ${JSON.stringify(coarsePlaceKinds)} THEN ${cell(true)} ELSE ${cell(false)} END`;
};

/**
 * The first located place of the event bound as `e` (by key), projected as `projection` of `p`:
 * the one place matching reads for an event, both to score it and to file it in a cell.
 */
export const firstLocatedPlace = (e: string, projection: string) =>
  `head(COLLECT { MATCH (${e})-[:${Rel.OCCURRED_IN}]->(p:${Label.Place}) WHERE p.location IS NOT NULL RETURN ${projection} ORDER BY p.id })`;

/** Sets the cell of the event bound as `n` from its places'. */
export const setEventCell = setStorageProperty(MATCH_CELL, firstLocatedPlace('n', `p.${MATCH_CELL}`));

/** Sets the cell of the place bound as `n` from its point and kind. */
export const setPlaceCell = setStorageProperty(MATCH_CELL, cellOfPlace('n'));

/** The places among `ids` whose cell changes, and then the events that occurred there. */
export const refreshPlaceCells = cypher(
  'refresh place cells',
  `UNWIND $ids AS id
   MATCH (n:${Label.Place} {id: id})
   ${setPlaceCell}
   WITH n AS place
   MATCH (place)<-[:${Rel.OCCURRED_IN}]-(n:${Label.Event})
   ${setEventCell}`,
);

/** A point and a reach, in metres. */
interface Reach {
  latitude: number;
  longitude: number;
  meters: number;
}

/** The cells of one grid that a circle touches (by its bounding box, which is a little wider). */
function cellsOfGrid({ latitude, longitude, meters }: Reach, coarse: boolean): string[] {
  const { prefix, degrees } = gridOf(coarse);
  const columns = columnsOf(degrees);
  const dLat = meters / METERS_PER_DEGREE;
  const south = Math.max(-90, latitude - dLat);
  const north = Math.min(90, latitude + dLat);
  const cos = Math.cos((Math.max(Math.abs(south), Math.abs(north)) * Math.PI) / 180);
  const dLon = cos < 1e-9 ? 180 : meters / (METERS_PER_DEGREE * cos);
  const rows: number[] = [];
  for (let row = Math.floor(south / degrees); row <= Math.floor(north / degrees); row++) rows.push(row);
  const half = columns / 2;
  const wrap = (column: number) => ((((column + half) % columns) + columns) % columns) - half;
  const columnSet = new Set<number>();
  if (dLon >= 180) for (let column = -half; column <= half; column++) columnSet.add(column);
  else {
    for (let column = Math.floor((longitude - dLon) / degrees); column <= Math.floor((longitude + dLon) / degrees); column++) {
      columnSet.add(wrap(column));
      // A point on the antimeridian itself (longitude 180) is filed east of the last column.
      if (wrap(column) === -half) columnSet.add(half);
    }
  }
  return rows.flatMap((row) => [...columnSet].map((column) => `${prefix}:${row}:${column}`));
}

/** The cells to seek for records within `near` metres of a point, and coarse places within `far`. */
export function cellsAround(latitude: number, longitude: number, near: number, far: number): string[] {
  return [...cellsOfGrid({ latitude, longitude, meters: near }, false), ...cellsOfGrid({ latitude, longitude, meters: Math.max(near, far) }, true)];
}
