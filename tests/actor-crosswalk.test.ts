import { describe, expect, it } from 'vitest';
import { actorCrosswalk } from '../src/modules/actor/actor-crosswalk.js';

/** The built-in crosswalk: the actors of the wars the seed and its sources cover, by CAMEO code and ACLED name. */
describe('the actor crosswalk', () => {
  const crosswalk = actorCrosswalk();

  it('holds no link to an actor it does not list', () => {
    expect(crosswalk.problems()).toEqual([]);
  });

  it.each([
    ['cameo', 'USAMIL', 'us-armed-forces'],
    ['cameo', 'IGOUNO', 'united-nations'],
    ['cameo', 'UNO', 'united-nations'],
    ['acled', 'UN: United Nations', 'united-nations'],
    ['acled', 'SDF: Syrian Democratic Forces', 'syrian-democratic-forces'],
    ['acled', 'Military Forces of the United States (2009-2017)', 'us-armed-forces'],
  ] as const)('leads %s %s to %s, with what it belongs to', (source, code, key) => {
    const lineage = source === 'cameo' ? crosswalk.cameo(code, '') : crosswalk.acled(code, undefined);
    expect(lineage.at(-1)!.id).toBe(key);
  });

  it('reads a code it does not list by its parts, part of the state it names', () => {
    const lineage = crosswalk.cameo('SYRREB', 'SYRIA');
    expect(lineage.at(-1)).toMatchObject({ id: 'cameo-syrreb', name: 'Syria rebels', kind: 'ARMED_GROUP' });
  });
});
