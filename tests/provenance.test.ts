import { afterAll, describe, expect, it } from 'vitest';
import { StatementProvenanceChainsDocument, type StatementProvenanceChainsQuery } from './generated/graphql.js';
import { gid, testApi } from './helpers/api.js';

const api = testApi();
afterAll(() => api.close());

const chainsQuery = StatementProvenanceChainsDocument;

type Chain = NonNullable<StatementProvenanceChainsQuery['statement']>['provenanceChains'][number];

/** A chain as one line: carrier -(via)-> ... => origin. */
function line(chain: Chain): string {
  const steps = chain.steps.map((s) => ` -(${s.via})-> ${s.to.key}`).join('');
  return `${chain.carriedBy.key}${steps} => ${chain.firstAppearedIn?.key ?? 'origin not reached'}`;
}

describe('statement provenance chains', () => {
  it('Konashenkov’s quote: the WNU post, then RT, then the Russian Ministry of Defence he spoke for', async () => {
    const result = await api.run(chainsQuery, { id: gid('Statement', 'konashenkov-eyewitness-quote') });
    expect(result.errors).toBeUndefined();
    const chains = result.data!.statement!.provenanceChains;
    expect(chains.map(line)).toEqual([
      'wnu-russia-accuses-us-coalition-2016-10-24 -(Read more ....)-> rt-coalition-strike-killed-mourners-kirkuk' +
        ' -(statement by spokesperson Igor Konashenkov)-> russian-ministry-of-defence => rt-coalition-strike-killed-mourners-kirkuk',
      'rt-coalition-strike-killed-mourners-kirkuk -(statement by spokesperson Igor Konashenkov)-> russian-ministry-of-defence' +
        ' => rt-coalition-strike-killed-mourners-kirkuk',
    ]);
    expect(chains[0]!.steps[0]!.from.key).toBe('wnu-russia-accuses-us-coalition-2016-10-24');
    expect(chains[0]!.steps[1]!.from.key).toBe('rt-coalition-strike-killed-mourners-kirkuk');
    expect(chains[0]).toMatchObject({ speaker: { key: 'igor-konashenkov' }, onBehalfOf: { key: 'russian-ministry-of-defence' } });
  });

  it('HRW’s call: the WNU editor’s citation leads to HRW’s own article, which cites no one', async () => {
    const result = await api.run(chainsQuery, { id: gid('Statement', 'hrw-calls-for-investigation') });
    expect(result.data!.statement!.provenanceChains.map(line)).toEqual([
      "wnu-russia-accuses-us-coalition-2016-10-24 -(editor's comment)-> hrw-investigate-mosque-strike => hrw-investigate-mosque-strike",
      'hrw-investigate-mosque-strike => hrw-investigate-mosque-strike',
    ]);
  });

  it('a quote with no known origin: the carrier alone, origin not reached', async () => {
    const result = await api.run(chainsQuery, { id: gid('Statement', 'macarthur-too-late') });
    expect(result.data!.statement!.provenanceChains).toEqual([
      { carriedBy: { key: 'wnu-russia-accuses-us-coalition-2016-10-24' }, steps: [], firstAppearedIn: null, speaker: { key: 'douglas-macarthur' }, onBehalfOf: null },
    ]);
  });
});
