import { relationKey } from '../../db/batch.js';
import { cypher } from '../../db/database.js';
import { setStorageProperty } from '../../db/values.js';
import { Label, Rel, StorageProperty } from '../../domain/graph.js';
import { STATEMENT_SORT } from '../shared/sort.js';

/**
 * A statement's place among its speaker's statements, stored on the statement (storage, not
 * vocabulary: the schema does not show it): the speaker's key, the statement's sort key and its
 * own key as one string (see relationKey), range-indexed, so that an actor's statements are read
 * by an ordered index seek that stops after a page instead of expanding every MADE relationship of
 * the actor (a supernode's are hundreds of thousands). Null for a statement without a speaker.
 *
 * Every write that can change it (a statement's `madeAt` or speaker, an actor merged or deleted)
 * ends with `refreshSpeakerKeys` over the statements it touched; migrate() backfills the rest.
 */
export const SPEAKER_KEY = StorageProperty.speakerKey;

/** What the key of the statement bound as `n` should be, from its MADE relationship and its properties. */
const speakerKeyOfN = `head([(a:${Label.Actor})-[:${Rel.MADE}]->(n) | ${relationKey('a.id', STATEMENT_SORT.text, 'n.id')}])`;

/** Sets the key of the statements bound as `n` where it is not what it should be (so a rewrite of the same counts no change). */
export const setSpeakerKey = setStorageProperty(SPEAKER_KEY, speakerKeyOfN);

export const refreshSpeakerKeys = cypher(
  'refresh speaker keys',
  `UNWIND $ids AS id
   MATCH (n:${Label.Statement} {id: id})
   ${setSpeakerKey}`,
);

/** The statements `actor` made, whose keys follow it when it is merged or deleted. */
export const statementsMadeBy = cypher(
  'statements made by',
  `MATCH (:${Label.Actor} {id: $id})-[:${Rel.MADE}]->(n:${Label.Statement}) RETURN collect(n.id) AS ids`,
);
