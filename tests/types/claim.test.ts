import { afterAll, describe, expect, it } from 'vitest';
import { ClaimDocument, ClaimStatementsByStanceDocument } from '../generated/graphql.js';
import { gid, testApi } from '../helpers/api.js';
import { DAQUQ_STRIKE, edgeKeys, SOURCE, sortedKeys } from '../helpers/seed.js';

/** The type Claim: its fields and relationships, read both ways, against the values in seeds/daquq-2016-10-24-wnu.yaml. */

const api = testApi();
afterAll(() => api.close());

describe('Claim', () => {
  const claim = async (key: string) => (await api.data(ClaimDocument, { id: gid('Claim', key) })).claim!;

  it('who carried out the strike: attributed to the coalition, asserted by the ministry, denied by the US and the coalition', async () => {
    const c = await claim('coalition-carried-out-daquq-strike');
    expect(c).toMatchObject({
      id: gid('Claim', 'coalition-carried-out-daquq-strike'),
      key: 'coalition-carried-out-daquq-strike',
      proposition: 'The US-led coalition carried out the airstrike on Daquq.',
      casualtiesMin: null,
      casualtiesMax: null,
      casualtiesText: null,
      event: { key: DAQUQ_STRIKE },
      attributions: [
        { role: 'PERPETRATOR', actor: { key: 'us-led-coalition', name: 'US-led coalition' }, claim: { key: 'coalition-carried-out-daquq-strike' } },
      ],
      provenance: { recordedAt: '2026-11-24', note: null, sources: [SOURCE] },
    });
    // Speakers and the bodies they spoke for.
    expect(sortedKeys(c.assertedBy)).toEqual(['igor-konashenkov', 'russian-ministry-of-defence']);
    expect(sortedKeys(c.deniedBy)).toEqual(['united-states', 'us-led-coalition']);
    expect(c.statements.totalCount).toBe(9);
    expect(edgeKeys(c.statements)).toEqual([
      'coalition-denies-bombing-mosque-usa-today',
      'coalition-denies-daquq-airstrikes-sputnik',
      'hrw-calls-for-investigation',
      'konashenkov-eyewitness-quote',
      'konashenkov-mistaken-identity-paraphrase',
      'mod-accuses-coalition-daquq',
      'us-denies-attacking-mosque-nbc',
      'us-denies-coalition-involvement-ibtimes',
      'wnu-editor-on-russian-claims',
    ]);
  });

  it('statements(stances:) keeps only the statements taking those positions', async () => {
    const { claim: c } = await api.data(ClaimStatementsByStanceDocument, { id: gid('Claim', 'coalition-carried-out-daquq-strike') });
    expect(c!.denies.totalCount).toBe(4);
    expect(edgeKeys(c!.denies)).toEqual([
      'coalition-denies-bombing-mosque-usa-today',
      'coalition-denies-daquq-airstrikes-sputnik',
      'us-denies-attacking-mosque-nbc',
      'us-denies-coalition-involvement-ibtimes',
    ]);
    expect(c!.disputes).toEqual({ totalCount: 1, edges: [{ node: { key: 'wnu-editor-on-russian-claims' } }] });
    expect(c!.supports.totalCount).toBe(4);
    expect(edgeKeys(c!.supports)).toEqual([
      'hrw-calls-for-investigation',
      'konashenkov-eyewitness-quote',
      'konashenkov-mistaken-identity-paraphrase',
      'mod-accuses-coalition-daquq',
    ]);
  });

  it('the death tolls: "dozens" (at least 24) and exactly 17', async () => {
    const dozens = await claim('daquq-strike-killed-dozens');
    expect(dozens).toMatchObject({
      proposition: 'Dozens of civilians, including women and children, were killed.',
      casualtiesMin: 24,
      casualtiesMax: null,
      casualtiesText: 'dozens',
      event: { key: DAQUQ_STRIKE },
      attributions: [],
      deniedBy: [],
      statements: { totalCount: 2, edges: [{ node: { key: 'konashenkov-eyewitness-quote' } }, { node: { key: 'mod-accuses-coalition-daquq' } }] },
    });
    expect(sortedKeys(dozens.assertedBy)).toEqual(['igor-konashenkov', 'russian-ministry-of-defence']);
    const seventeen = await claim('daquq-strike-killed-17');
    expect(seventeen).toMatchObject({
      proposition: 'Seventeen people were killed in the airstrike.',
      casualtiesMin: 17,
      casualtiesMax: 17,
      casualtiesText: '17',
      // Asserted only by IBTimes' own reporting, which has no speaker.
      assertedBy: [],
      deniedBy: [],
      statements: { totalCount: 1, edges: [{ node: { key: 'ibtimes-reports-17-killed' } }] },
    });
  });

  it('the other claims: their attributions and who asserts them', async () => {
    const mistaken = await claim('mourners-mistaken-for-isis');
    expect(mistaken.attributions).toEqual([
      { role: 'PERPETRATOR', actor: { key: 'us-led-coalition', name: 'US-led coalition' }, claim: { key: 'mourners-mistaken-for-isis' } },
    ]);
    expect(sortedKeys(mistaken.assertedBy)).toEqual(['igor-konashenkov', 'russian-ministry-of-defence']);
    const same = await claim('mosque-strike-same-as-mourners-strike');
    expect(same).toMatchObject({
      proposition: 'The mosque strike the US denied is the strike on mourners the Russian MoD described.',
      assertedBy: [{ key: 'wnu-editor' }],
      deniedBy: [],
      attributions: [],
    });
    const mosque = await claim('daquq-strike-hit-mosque');
    expect(mosque.assertedBy).toEqual([{ key: 'human-rights-watch' }]);
    const aleppo = await claim('russian-accusation-diverts-from-aleppo');
    expect(aleppo.proposition).toBe(
      "The Russian MoD's accusation aims to divert media attention from Russia's bombing campaign in Aleppo.",
    );
    expect(aleppo.event).toEqual({ key: DAQUQ_STRIKE });
  });
});
