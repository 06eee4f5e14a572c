import type { Database } from '../db/database.js';
import { Label } from '../domain/graph.js';
import { acledId, actorCrosswalk, cameoId } from '../modules/actor/actor-crosswalk.js';
import { existingActors, importedActors } from '../modules/actor/actor.cypher.js';
import { mergeRecord } from '../modules/write/merge.cypher.js';
import type { ActorInput } from './bundle-types.js';
import { validateBundle } from './validate.js';
import { writeBundle } from './write.js';

/**
 * Re-applies the actor crosswalk to the graph. Actors that earlier imports made for a code or a
 * name the crosswalk now leads elsewhere (`gdelt-actor-usa` before the crosswalk knew USA) are
 * merged into the canonical actor, audited; canonical actors in the graph get their codes and
 * their part-of and member-of links, through the one write path.
 */
export async function applyActorCrosswalk(db: Database, by: string): Promise<{ merged: Array<{ kept: string; merged: string }>; linked: number }> {
  const crosswalk = actorCrosswalk();
  const imported = (await db.read(importedActors)).records.map((record) => record.toObject() as { id: string; name: string; aliases: string[] });
  const wanted: ActorInput[] = [];
  const merges: Array<{ kept: string; merged: string }> = [];
  for (const actor of imported) {
    // GDELT's actors carried their CAMEO code as an alias; ACLED's are named as ACLED names them.
    const lineage = actor.id.startsWith('acled-actor-')
      ? crosswalk.keyOf(acledId(actor.name)) ? crosswalk.acled(actor.name, undefined) : []
      : actor.aliases[0] && crosswalk.keyOf(cameoId(actor.aliases[0])) ? crosswalk.cameo(actor.aliases[0], actor.name) : [];
    const canonical = lineage.at(-1);
    if (!canonical || canonical.id === actor.id) continue;
    wanted.push(...lineage);
    merges.push({ kept: canonical.id, merged: actor.id });
  }
  const listed = crosswalk.records();
  const present = new Set((await db.read(existingActors, { ids: listed.map((actor) => actor.id) })).records.map((record) => record.get('id') as string));
  const linked = listed.filter((actor) => present.has(actor.id));
  // A link needs its target: the crosswalk actors a present one links to come too.
  const actors = new Map([...wanted, ...linked.flatMap((actor) => [actor.partOf, ...(actor.memberOf ?? [])].flatMap((id) => listed.find((a) => a.id === id) ?? [])), ...linked].map((actor) => [actor.id, actor]));
  if (actors.size > 0) {
    const { problems, ...valid } = validateBundle({
      source: { id: 'actor-crosswalk', title: 'claimgraph’s actor crosswalk', recordedAt: new Date().toISOString().slice(0, 10) },
      actors: [...actors.values()],
    });
    if (problems.length) throw new Error(`the actor crosswalk gives invalid actors: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    await writeBundle(db, valid, 'actor crosswalk');
  }
  for (const { kept, merged } of merges) await db.writeTransaction((tx) => mergeRecord(tx, Label.Actor, kept, merged, by, null));
  return { merged: merges, linked: linked.length };
}
