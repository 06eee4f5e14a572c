import { builder } from '../../builder.js';
import { registrableDomains } from '../../domain/domains.js';
import { outletOwners } from './outlet-domains.js';
import { recordInput } from '../shared/record-input.js';
import { keyFrom, upsert } from '../shared/upsert.js';
import { validationError, writeResult } from '../shared/write-results.js';
import { outletRecord } from './outlet.record.js';
import { OutletNode } from './outlet.ref.js';

builder.mutationField('upsertOutlet', (t) =>
  t.field({
    type: writeResult('UpsertOutletResult', 'The outlet as written', OutletNode),
    description: 'Creates or updates an outlet by key, or, without one, by domain.',
    authScopes: { role: 'editor' },
    args: { input: t.arg({ type: recordInput(outletRecord), required: true, description: 'The outlet.' }) },
    resolve: async (_root, { input }, ctx) => {
      // www.rt.com finds the outlet that owns rt.com; a new outlet's key is made from rt.com too.
      const domains = registrableDomains((input.domains as string[] | null | undefined) ?? []);
      const owners = domains.length && !input.key ? await outletOwners(ctx, domains) : new Map<string, string>();
      const key = input.key ?? domains.map((domain) => owners.get(domain)).find(Boolean) ?? (domains[0] ? keyFrom(domains[0]) : null);
      if (!key) return validationError([{ path: 'input.key', message: 'Give a key or at least one domain.' }]);
      return (await upsert(ctx, outletRecord.kind, OutletNode, key, input)).result;
    },
  }),
);
