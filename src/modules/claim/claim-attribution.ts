import type { RecordInput } from '../../domain/record.js';
import { slug } from '../../domain/slug.js';
import type { AttributionRole } from '../../domain/vocabulary.js';
import type { claimRecord } from './claim.record.js';

const phrases: Record<AttributionRole, string> = {
  PERPETRATOR: 'carried out',
  TARGET: 'was the target of',
  VICTIM: 'was harmed in',
  WITNESS: 'witnessed',
  INVESTIGATOR: 'investigates',
  OTHER: 'took part in',
};

/** "Airstrike on Daquq" reads "the airstrike on Daquq" inside a sentence; "US strike" keeps its capitals. */
const inSentence = (title: string) => (/^\p{Lu}\p{Ll}/u.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title);

/**
 * A structured claim: that an actor played a part in an event. Its key follows from the three, so
 * every row and source that says the same thing about one event record says it of one claim (an
 * accusation and a denial meet on it), and its proposition is a sentence of names and titles.
 */
export function attributionClaim(
  event: { id: string; title: string; startDate: string },
  role: AttributionRole,
  actor: { id: string; name: string },
): RecordInput<typeof claimRecord> {
  return {
    id: `${event.id}-${slug(role)}-${actor.id}`.slice(0, 200),
    proposition: `${actor.name} ${phrases[role]} the ${inSentence(event.title)} (${event.startDate}).`,
    event: event.id,
    attributesTo: [{ actor: actor.id, role }],
  };
}
