import { z } from 'zod';
import type { RecordInput } from '../../domain/record.js';
import { slug } from '../../domain/slug.js';
import type { ActorKind } from '../../domain/vocabulary.js';
import { DataFileError, readDataFile, requiredValue } from '../shared/data-file.js';
import { actorRecord } from './actor.record.js';

type ActorInput = RecordInput<typeof actorRecord>;

const { fields } = actorRecord;
const crosswalkEntry = z.strictObject({
  id: requiredValue(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes')),
  name: requiredValue(fields.name.schema),
  kind: requiredValue(fields.kind.schema),
  countryCode: fields.countryCode.schema.optional(),
  partOf: z.string().optional(),
  memberOf: z.array(z.string()).optional(),
  cameo: z.array(z.string().regex(/^[A-Z0-9]{3,15}$/, 'must be a CAMEO actor code (USA, USAMIL)')).optional(),
  acled: z.array(z.string().min(1)).optional(),
});
const crosswalkFile = z.strictObject({ actors: z.array(crosswalkEntry, { error: 'must be a list of actors' }) }, { error: 'must be a mapping with a list `actors`' });

export type CrosswalkActor = z.infer<typeof crosswalkEntry>;

const BUILT_IN = new URL('./actor-crosswalk.yaml', import.meta.url);

export const cameoId = (code: string) => `cameo:${code}`;
/** An ACLED actor name as an external id: ids hold no spaces, so they become underscores ("acled:Civilians_(Iraq)"). */
export const acledId = (name: string) => `acled:${name.trim().replace(/\s+/g, '_')}`;

/**
 * CAMEO role codes after the country code, read when a code is not in the crosswalk: what kind of
 * actor it makes, and whether the actor is part of its state (its government, its army) or only
 * of its country (its civilians, its rebels).
 */
const cameoRoles: Record<string, { kind: ActorKind; name: string; ofState: boolean }> = {
  GOV: { kind: 'GOVERNMENT_BODY', name: 'government', ofState: true },
  MIL: { kind: 'MILITARY', name: 'military', ofState: true },
  COP: { kind: 'GOVERNMENT_BODY', name: 'police', ofState: true },
  SPY: { kind: 'GOVERNMENT_BODY', name: 'intelligence services', ofState: true },
  JUD: { kind: 'GOVERNMENT_BODY', name: 'judiciary', ofState: true },
  LEG: { kind: 'GOVERNMENT_BODY', name: 'legislature', ofState: true },
  REB: { kind: 'ARMED_GROUP', name: 'rebels', ofState: false },
  INS: { kind: 'ARMED_GROUP', name: 'insurgents', ofState: false },
  SEP: { kind: 'ARMED_GROUP', name: 'separatists', ofState: false },
  UAF: { kind: 'ARMED_GROUP', name: 'armed group', ofState: false },
  CVL: { kind: 'GROUP_OF_PEOPLE', name: 'civilians', ofState: false },
  REF: { kind: 'GROUP_OF_PEOPLE', name: 'refugees', ofState: false },
  OPP: { kind: 'ORGANIZATION', name: 'opposition', ofState: false },
  MED: { kind: 'ORGANIZATION', name: 'media', ofState: false },
  NGO: { kind: 'NGO', name: 'NGO', ofState: false },
  IGO: { kind: 'INTERGOVERNMENTAL', name: 'intergovernmental organization', ofState: false },
};

/** ACLED's interaction codes (inter1/inter2), numeric in older exports and named in newer ones. */
const acledKinds: Record<string, ActorKind> = {
  '1': 'MILITARY', 'state forces': 'MILITARY',
  '2': 'ARMED_GROUP', 'rebel group': 'ARMED_GROUP',
  '3': 'ARMED_GROUP', 'political militia': 'ARMED_GROUP',
  '4': 'ARMED_GROUP', 'identity militia': 'ARMED_GROUP',
  '5': 'GROUP_OF_PEOPLE', rioters: 'GROUP_OF_PEOPLE',
  '6': 'GROUP_OF_PEOPLE', protesters: 'GROUP_OF_PEOPLE',
  '7': 'GROUP_OF_PEOPLE', civilians: 'GROUP_OF_PEOPLE',
  '8': 'ORGANIZATION', 'external/other forces': 'ORGANIZATION',
};

const titleCase = (text: string) => text.toLowerCase().replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());

/**
 * Source actors to canonical ones. Every actor it returns carries the source ids it stands for as
 * external ids, so a lookup by "cameo:USAMIL" finds it and a later crosswalk can re-point it.
 */
export class ActorCrosswalk {
  private readonly byId = new Map<string, CrosswalkActor>();
  private readonly byExternalId = new Map<string, CrosswalkActor>();

  constructor(entries: CrosswalkActor[]) {
    for (const entry of entries) this.byId.set(entry.id, entry);
    for (const entry of this.byId.values()) {
      for (const code of entry.cameo ?? []) this.byExternalId.set(cameoId(code), entry);
      for (const name of entry.acled ?? []) this.byExternalId.set(acledId(name), entry);
    }
  }

  /** Problems of the whole crosswalk: links to actors it does not hold. */
  problems(): string[] {
    return [...this.byId.values()].flatMap((entry) =>
      [entry.partOf, ...(entry.memberOf ?? [])]
        .filter((id): id is string => id !== undefined && !this.byId.has(id))
        .map((id) => `actor ${entry.id} links to "${id}", which the crosswalk does not hold`),
    );
  }

  /** The canonical key a source id (cameo:USA, acled:Civilians (Iraq)) leads to, if the crosswalk lists it. */
  keyOf(externalId: string): string | undefined {
    return this.byExternalId.get(externalId)?.id;
  }

  /**
   * The actor for a CAMEO code, with the actors it links to (parents first, so a bundle is valid in
   * any order). `name` is GDELT's Actor1Name, used only for codes the crosswalk does not list.
   */
  cameo(code: string, name: string): ActorInput[] {
    const listed = this.byExternalId.get(cameoId(code));
    if (listed) return this.lineage(listed);
    const country = code.slice(0, 3);
    const role = cameoRoles[code.slice(3, 6)];
    const state = this.byExternalId.get(cameoId(country));
    const stateRecords = state && role?.ofState ? this.lineage(state) : [];
    const actor: ActorInput = {
      id: `cameo-${slug(code)}`,
      name: role && state ? `${state.name} ${role.name}` : titleCase(name || code),
      kind: role?.kind ?? (code.length === 3 ? 'STATE' : 'ORGANIZATION'),
      aliases: [code],
      ...(state?.countryCode ? { countryCode: state.countryCode } : {}),
      ...(stateRecords.length ? { partOf: state!.id } : {}),
      externalIds: [cameoId(code)],
      note: `From GDELT's CAMEO actor code ${code}, read by its parts: not in claimgraph's actor crosswalk.`,
    };
    return [...stateRecords, actor];
  }

  /** The actor for an ACLED actor name (with the actors it links to); `inter` is ACLED's interaction code, for names the crosswalk does not list. */
  acled(name: string, inter: string | undefined): ActorInput[] {
    const listed = this.byExternalId.get(acledId(name));
    if (listed) return this.lineage(listed);
    return [{
      id: `acled-actor-${slug(name)}`,
      name,
      kind: acledKinds[(inter ?? '').trim().toLowerCase()] ?? 'ORGANIZATION',
      externalIds: [acledId(name)],
      note: 'From ACLED; not in claimgraph’s actor crosswalk.',
    }];
  }

  /** An entry and everything it links to, as records, the linked ones first. */
  private lineage(entry: CrosswalkActor, seen = new Set<string>()): ActorInput[] {
    if (seen.has(entry.id)) return [];
    seen.add(entry.id);
    const linked = [entry.partOf, ...(entry.memberOf ?? [])]
      .map((id) => (id ? this.byId.get(id) : undefined))
      .filter((linkedEntry) => linkedEntry !== undefined)
      .flatMap((linkedEntry) => this.lineage(linkedEntry, seen));
    return [...linked, this.record(entry)];
  }

  /** Only what the crosswalk knows: a curated actor's aliases and note are left as they are. */
  private record(entry: CrosswalkActor): ActorInput {
    return {
      id: entry.id,
      name: entry.name,
      kind: entry.kind,
      ...(entry.countryCode ? { countryCode: entry.countryCode } : {}),
      ...(entry.partOf ? { partOf: entry.partOf } : {}),
      ...(entry.memberOf?.length ? { memberOf: entry.memberOf } : {}),
      externalIds: [...(entry.cameo ?? []).map(cameoId), ...(entry.acled ?? []).map(acledId)],
    };
  }

  /** Every listed actor, as records (for re-applying the crosswalk to the graph). */
  records(): ActorInput[] {
    return [...this.byId.values()].map((entry) => this.record(entry));
  }
}

export function readActorCrosswalk(file: string | URL): CrosswalkActor[] {
  return readDataFile(file, crosswalkFile, 'actor crosswalk').actors;
}

let crosswalk: ActorCrosswalk | undefined;

/** The built-in crosswalk, then the user's file named by ACTOR_CROSSWALK (its entries replace built-in ones by id). Read once per process. */
export function actorCrosswalk(): ActorCrosswalk {
  if (crosswalk) return crosswalk;
  const extra = process.env.ACTOR_CROSSWALK;
  const loaded = new ActorCrosswalk([...readActorCrosswalk(BUILT_IN), ...(extra ? readActorCrosswalk(extra) : [])]);
  const problems = loaded.problems();
  if (problems.length) throw new DataFileError(extra ?? String(BUILT_IN), `is not a valid actor crosswalk: ${problems.join('; ')}`);
  crosswalk = loaded;
  return crosswalk;
}
