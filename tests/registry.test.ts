import { describe, expect, it } from 'vitest';
import { isInputObjectType, isObjectType, isUnionType } from 'graphql';
import { Label } from '../src/domain/graph.js';
import { migrations } from '../src/db/migrations.js';
import { recordDeclarations, recordsByLabel, searchable, searchableProperties } from '../src/modules/records.js';
import { schema } from '../src/schema.js';

/** Everything that lists kinds of record derives from the registry; this proves nothing is left out. */
describe('the record registry', () => {
  it('has a declaration for every label of the graph’s content', () => {
    const bookkeeping = [Label.Source, Label.AuditEntry, Label.ExternalRecord];
    expect(Object.keys(recordsByLabel).sort()).toEqual(Object.values(Label).filter((label) => !bookkeeping.includes(label)).sort());
  });

  it('gives every kind a GraphQL node, a NodeKind value, an upsert input with every declared field and an upsert mutation', () => {
    const nodeKinds = schema.getType('NodeKind') as unknown as { getValues(): Array<{ name: string; value: string }> };
    const mutations = schema.getMutationType()!.getFields();
    for (const declaration of recordDeclarations) {
      const node = schema.getType(declaration.typename);
      expect(isObjectType(node) && node.getInterfaces().map((i) => i.name)).toContain('Node');
      expect(nodeKinds.getValues()).toContainEqual(expect.objectContaining({ name: declaration.nodeKind.value, value: declaration.label }));
      const input = schema.getType(declaration.input.name);
      expect(isInputObjectType(input)).toBe(true);
      if (!isInputObjectType(input)) continue;
      expect(Object.keys(input.getFields()).sort()).toEqual(['key', ...Object.keys(declaration.fields)].sort());
      expect(mutations[`upsert${declaration.typename}`]?.args[0]?.type.toString()).toBe(`${declaration.input.name}!`);
    }
  });

  it('searches every searchable kind, with an index over each searchable field', () => {
    const union = schema.getType('SearchResult');
    expect(isUnionType(union) && union.getTypes().map((type) => type.name).sort()).toEqual(
      recordDeclarations.filter((d) => searchableProperties(d).length > 0).map((d) => d.typename).sort(),
    );
    const fulltext = migrations.find((migration) => migration.cypher.includes('FULLTEXT INDEX'))!.cypher;
    for (const label of searchable.labels) expect(fulltext).toContain(label);
    for (const declaration of recordDeclarations) for (const field of searchableProperties(declaration)) expect(fulltext).toContain(`n.${field}`);
  });

  it('indexes every human-readable field for search, and no formatted one', () => {
    const indexed = Object.fromEntries(recordDeclarations.map((d) => [d.typename, searchableProperties(d).sort()]));
    expect(indexed).toMatchObject({
      Actor: ['aliases', 'kind', 'name', 'note'],
      Article: ['note', 'title'],
      Claim: ['casualtiesText', 'note', 'proposition'],
      MediaItem: ['caption', 'credit', 'kind', 'note'],
      Place: ['kind', 'name', 'note'],
    });
    for (const formatted of ['url', 'language', 'publishedAt', 'domains', 'countryCode', 'externalIds']) expect(searchable.properties).not.toContain(formatted);
  });
});
