/**
 * The records of seeds/daquq-2016-10-24-wnu.yaml (what the global setup loads) that the tests read
 * against, and small helpers to compare lists of them.
 */

/** The source document every record of the seed was read from, as `provenance.sources` shows it. */
export const SOURCE = {
  key: 'wnu-2016-10-24-daquq',
  title: 'Russia Accuses U.S. Coalition Jets Of Killing Civilians Near Kirkuk, Iraq',
};

export const DAQUQ_STRIKE = 'daquq-airstrike-2016-10-21';
export const MOSUL_OFFENSIVE = 'mosul-offensive-2016';
export const CIVILIAN_RETURN = 'village-south-of-mosul-civilian-return-2016-10-21';
export const ALEPPO_CAMPAIGN = 'russian-air-campaign-aleppo-2016';
export const WNU_ARTICLE = 'wnu-russia-accuses-us-coalition-2016-10-24';
export const RT_ARTICLE = 'rt-coalition-strike-killed-mourners-kirkuk';
export const PHOTO = 'reuters-photo-civilians-return-2016-10-21';

/** Every statement the seed ties to the Daquq strike (by `about` or a stance on one of its claims), oldest first, undated last. */
export const DAQUQ_STATEMENTS = [
  // madeAt "2016-10", by key
  'coalition-denies-bombing-mosque-usa-today',
  'coalition-denies-daquq-airstrikes-sputnik',
  'hrw-calls-for-investigation',
  'ibtimes-reports-17-killed',
  'konashenkov-eyewitness-quote',
  'konashenkov-mistaken-identity-paraphrase',
  'konashenkov-reconnaissance-quote',
  'mod-accuses-coalition-daquq',
  'us-denies-attacking-mosque-nbc',
  'us-denies-coalition-involvement-ibtimes',
  // madeAt "2016-10-24"
  'wnu-editor-iraqis-want-answers',
  'wnu-editor-links-denials',
  'wnu-editor-on-russian-claims',
  // undated
  'reader-anonymous-comment',
  'reader-jac-comment',
];

/** The keys of a list of records, in its order. */
export const keys = (list: Array<{ key: string }>) => list.map((item) => item.key);

/** The keys of a list of records, sorted (for lists the API does not order). */
export const sortedKeys = (list: Array<{ key: string }>) => keys(list).sort();

/** The keys of a connection's nodes, in its order. */
export const edgeKeys = (connection: { edges: Array<{ node: { key: string } }> }) => connection.edges.map((edge) => edge.node.key);

/** A union member as `Typename:key`, so a wrong type fails as surely as a wrong key. */
export const typed = (item: { __typename: string; key: string }) => `${item.__typename}:${item.key}`;

/** Union members as sorted `Typename:key` lines. */
export const sortedTyped = (list: Array<{ __typename: string; key: string }>) => list.map(typed).sort();

/** Citations or depictions sorted by their target, as `Typename:key`. */
export const byTarget = <T extends { target: { __typename: string; key: string } }>(list: T[]) =>
  [...list].sort((a, b) => (typed(a.target) < typed(b.target) ? -1 : 1));
