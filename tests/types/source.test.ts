import { afterAll, describe, expect, it } from 'vitest';
import { ProvenanceOfEveryKindDocument, SourceAndClaimSourcesDocument } from '../generated/graphql.js';
import { gid, ofType, testApi } from '../helpers/api.js';
import { MOSUL_OFFENSIVE, PHOTO, SOURCE } from '../helpers/seed.js';

/** The type Source, reached through every record's provenance, against the values in seeds/daquq-2016-10-24-wnu.yaml. */

const api = testApi();
afterAll(() => api.close());

describe('Source, via provenance', () => {
  const FULL_SOURCE = {
    ...SOURCE,
    id: gid('Source', SOURCE.key),
    uri: 'source-documents/2016-10-24-daquq-strike-wnu.txt',
    publishedAt: '2016-10-24',
    recordedAt: '2026-11-24',
    note: 'Plain-text copy of a War News Updates blog post dated Monday, October 24, 2016, including the two reader comments below it. Links in the original post are not preserved in the copy, so no URLs are recorded.',
  };

  it('every kind of record names the bundle it was read from', async () => {
    const result = await api.data(ProvenanceOfEveryKindDocument, {
      event: gid('Event', MOSUL_OFFENSIVE),
      place: gid('Place', 'europe'),
      actor: gid('Actor', 'jac'),
      outlet: gid('Outlet', 'usa-today'),
      article: gid('Article', 'usa-today-coalition-denies-bombing-mosque'),
      statement: gid('Statement', 'macarthur-too-late'),
      claim: gid('Claim', 'two-jets-struck-daquq'),
      media: gid('MediaItem', PHOTO),
    });
    expect(Object.keys(result)).toHaveLength(8);
    for (const [field, record] of Object.entries(result)) {
      // node(id:) is typed as any Node; only a MediaItem has the provenance asked for.
      const provenance = record && 'provenance' in record ? record.provenance : undefined;
      expect(provenance, field).toEqual({ recordedAt: '2026-11-24', sources: [FULL_SOURCE] });
    }
  });

  it('the source itself by node(id), with the same ID as in provenance', async () => {
    const { node, claim } = await api.data(SourceAndClaimSourcesDocument, { id: gid('Source', SOURCE.key), claim: gid('Claim', 'no-isis-fighters-in-daquq') });
    expect(node).toEqual({ __typename: 'Source', ...FULL_SOURCE });
    expect(claim!.provenance.sources).toEqual([{ id: ofType(node, 'Source').id }]);
  });
});
