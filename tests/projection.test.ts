import { afterAll, describe, expect, it } from 'vitest';
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { selectedProjection } from '../src/modules/shared/lookahead.js';
import { statementRecord } from '../src/modules/statement/statement.record.js';
import { gid, testApi } from './helpers/api.js';

const api = testApi();
afterAll(() => api.close());

const daquq = gid('Event', 'daquq-airstrike-2016-10-21');

/** The event's statements with more of each statement and its speaker than the walk below selects. */
const statementsPage = `statements(first: 100) { edges { node { key text madeAt madeAtPrecision speaker { key name } onBehalfOf { key name } } } }`;

describe('the walk reads only the properties its selection needs', () => {
  it('serves a field that reaches the same statements and speakers with more fields in full', async () => {
    const alone = await api.run(`query($event: ID!) { event(id: $event) { ${statementsPage} } }`, { event: daquq });
    expect(alone.errors).toBeUndefined();
    const both = await api.run(
      `query($event: ID!) {
        event(id: $event) {
          coverage { reports { statement { key speaker { key } onBehalfOf { key } } } }
          ${statementsPage}
        }
      }`,
      { event: daquq },
    );
    expect(both.errors).toBeUndefined();
    expect(both.queries[0]).toBe('event with coverage');
    const data = both.data as { event: { coverage: Array<{ reports: Array<{ statement: { key: string; speaker: { key: string } | null } }> }>; statements: unknown } };
    expect(data.event.statements).toEqual((alone.data as { event: { statements: unknown } }).event.statements);
    const named = JSON.stringify(data.event.statements);
    // The seed's statements have speakers with names and dated texts: a partial node would show as null.
    expect(named).toContain('"name":"');
    expect(named).toContain('"text":"');
    const speakers = data.event.coverage.flatMap((c) => c.reports.map((r) => r.statement.speaker?.key)).filter(Boolean);
    expect(speakers.length).toBeGreaterThan(0);
  });

  it('answers every alias of the walk, the selections of each report read together', async () => {
    const narrow = await api.run(
      `query($event: ID!) {
        event(id: $event) {
          coverage {
            outlet { key }
            keys: reports { statement { key } }
            texts: reports { statement { text madeAt madeDuring { start end } speaker { key } } article { key title } stances { value claim { key proposition } } }
          }
        }
      }`,
      { event: daquq },
    );
    expect(narrow.errors).toBeUndefined();
    expect(narrow.queries).toEqual(['event with coverage']);
    const wide = await api.run(
      `query($event: ID!) {
        event(id: $event) {
          coverage { reports { statement { key text madeAt madeDuring { start end } speaker { key } } article { key title } stances { value claim { key proposition } } } }
        }
      }`,
      { event: daquq },
    );
    expect(wide.errors).toBeUndefined();
    type Report = { statement: Record<string, unknown>; article: unknown; stances: unknown };
    const narrowData = narrow.data as { event: { coverage: Array<{ keys: Array<{ statement: { key: string } }>; texts: Report[] }> } };
    const wideData = wide.data as { event: { coverage: Array<{ reports: Report[] }> } };
    const fromNarrow = narrowData.event.coverage.flatMap((c) => c.texts.map((r, index) => ({ ...r, statement: { key: c.keys[index]!.statement.key, ...r.statement } })));
    const fromWide = wideData.event.coverage.flatMap((c) => c.reports);
    expect(fromNarrow).toEqual(fromWide);
    expect(fromWide.every((r) => typeof r.statement.text === 'string' && r.statement.madeDuring !== undefined)).toBe(true);
  });

  it('derives the properties from the selection and the record declaration, all of them for a computed field', () => {
    const selection = (text: string) => {
      const document = parse(`{ statement { ${text} } } fragment Said on Statement { text @include(if: $said) }`);
      const operation = document.definitions[0] as OperationDefinitionNode;
      const fragments = Object.fromEntries(
        document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
      );
      const info = { fragments, variableValues: { said: false } } as unknown as GraphQLResolveInfo;
      return selectedProjection(info, statementRecord, [operation.selectionSet.selections[0] as FieldNode]);
    };
    expect(selection('key kind madeAt speaker { key } ...Said __typename')).toEqual({ plain: ['id', 'kind', 'madeAtPrecision'], dates: ['madeAt'] });
    expect(selection('kind')).toEqual({ plain: ['id', 'kind'], dates: [] });
    const whole = selection('key madeDuring { first }');
    expect(whole.plain).toEqual(expect.arrayContaining(['id', 'kind', 'text', 'quote', 'venue', 'note', 'sources', 'madeAtPrecision']));
    expect(whole.dates).toEqual(['madeAt', 'recordedAt']);
  });
});
