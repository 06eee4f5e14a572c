import { builder } from '../../builder.js';
import { invalid } from '../../domain/errors.js';
import { keyName } from '../../http/auth.js';
import { EventNode } from '../event/event.ref.js';
import { MatchStatusEnum } from '../shared/enums.js';
import { keyOf } from '../shared/lookup.js';
import { NotFoundErrorObject, ValidationErrorObject, validationError } from '../shared/write-results.js';
import { CANDIDATE_AT, CONFIRM_AT } from './match-rules.js';
import { loadMatches, type MatchRecord } from './resolution.cypher.js';
import { decideMatch, type Decision } from './resolve.js';

const EventMatchObject = builder.objectRef<MatchRecord>('EventMatch');

EventMatchObject.implement({
  description:
    'Another event record that may be, or is, the same incident as this one (from another source, or another row of the same source), with why.',
  fields: (t) => ({
    event: t.field({ type: EventNode, description: 'The other event record.', resolve: (m) => m.event }),
    score: t.float({
      nullable: true,
      description: `How strongly the resolver's rules say the two are one incident, 0 to 1 (confirmed from ${CONFIRM_AT}, proposed from ${CANDIDATE_AT}); null for a pair an editor matched that the rules never proposed.`,
      resolve: (m) => m.score,
    }),
    status: t.field({ type: MatchStatusEnum, description: 'Where the match stands.', resolve: (m) => m.status }),
    reasons: t.stringList({ description: 'Why the resolver scored the pair so: each piece of evidence, readable.', resolve: (m) => m.reasons }),
    decidedBy: t.string({
      nullable: true,
      description: 'Who decided: an API key’s name for an editor, "claimgraph resolver" for a confirmation by the rules; null while a candidate.',
      resolve: (m) => m.decidedBy,
    }),
    decidedAt: t.string({ nullable: true, description: 'When it was decided (ISO date-time).', resolve: (m) => m.decidedAt }),
    proposedAt: t.string({ nullable: true, description: 'When the pair was first proposed (ISO date-time).', resolve: (m) => m.proposedAt }),
    note: t.string({ nullable: true, description: 'The editor’s note on the decision.', resolve: (m) => m.note }),
  }),
});

builder.objectField(EventNode, 'matches', (t) =>
  t.loadableList({
    type: EventMatchObject,
    byPath: true,
    description:
      'Other event records that may be or are this incident (the seed’s airstrike, GDELT’s rows about it, ACLED’s record), best score first. Confirmed ones are what `sameIncident` reads include.',
    args: { statuses: t.arg({ type: [MatchStatusEnum], description: 'Only matches in these states (all when left out).' }) },
    load: (ids: string[], ctx, args) => loadMatches(ctx, ids, args.statuses ?? null),
    resolve: (event) => event.id,
  }),
);

const MatchDecisionInput = builder.inputType('MatchDecisionInput', {
  description: 'A pair of event records to decide on.',
  fields: (t) => ({
    event: t.globalID({ required: true, description: 'One event (an Event ID).' }),
    other: t.globalID({ required: true, description: 'The other event (an Event ID).' }),
    note: t.string({ description: 'Why (kept with the decision and in the audit trail).' }),
  }),
});

const MatchDecisionResult = builder.unionType('MatchDecisionResult', {
  description: 'The match as decided, or why nothing was written.',
  types: [EventMatchObject, ValidationErrorObject, NotFoundErrorObject],
  resolveType: (value) => value.__typename,
});

function decisionField(decision: Decision, description: string) {
  return builder.mutationField(decision === 'CONFIRMED' ? 'confirmMatch' : decision === 'REJECTED' ? 'rejectMatch' : 'reopenMatch', (t) =>
    t.field({
      type: MatchDecisionResult,
      description,
      authScopes: { role: 'editor' },
      args: { input: t.arg({ type: MatchDecisionInput, required: true, description: 'The two events, and why.' }) },
      resolve: async (_root, { input }, ctx) => {
        const event = keyOf(input.event, 'Event', 'input.event');
        const other = keyOf(input.other, 'Event', 'input.other');
        if (event === other) return validationError([{ path: 'input.other', message: 'is the same event as input.event' }]);
        if ((input.note?.length ?? 0) > 5000) throw invalid('"note" is longer than 5,000 characters.', 'input.note');
        const match = await decideMatch(ctx.db, [event, other], decision, keyName(ctx.principal), input.note ?? null);
        return (
          match ?? {
            __typename: 'NotFoundError' as const,
            message: decision === 'REOPENED' ? `No match between "${event}" and "${other}" to reopen.` : `No event "${event}" or "${other}".`,
            path: 'input',
            kind: 'events',
            key: `${event} ${other}`,
          }
        );
      },
    }),
  );
}

decisionField('CONFIRMED', 'Confirms that two event records are one incident (editor): their reads with `sameIncident` show both. Audited; undone by rejectMatch or reopenMatch.');
decisionField('REJECTED', 'Rejects a match (editor): the two stay separate incidents, and no later import or `claimgraph resolve` proposes them again. Audited.');
decisionField('REOPENED', 'Gives a decided pair back to the resolver (editor): confirmed or a candidate again by its score. Audited.');
