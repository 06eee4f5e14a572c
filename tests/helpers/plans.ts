import type { ProfiledPlan } from 'neo4j-driver';
import { Database, type NamedQuery, type Params, type QueryObserver } from '../../src/db/database.js';

/** One operator of a profiled plan, with the database hits it made. */
export interface Operator {
  type: string;
  dbHits: number;
  /** What Neo4j prints beside it: the index and the predicate of a seek, say. */
  details: string;
}

function flatten(plan: ProfiledPlan): Operator[] {
  const details = String(plan.arguments?.['Details'] ?? '');
  return [{ type: plan.operatorType.replace(/@.*$/, ''), dbHits: plan.dbHits, details }, ...plan.children.flatMap(flatten)];
}

/**
 * A Database that PROFILEs every read and keeps each query's plan by name: what the tests of plans
 * (and bench/profile.ts) read database hits and operators from, deterministic where timings are not.
 */
export class ProfilingDatabase extends Database {
  plans = new Map<string, Operator[]>();
  override async read(query: NamedQuery, params: Params = {}, observe?: QueryObserver) {
    const result = await super.read({ name: query.name, cypher: `PROFILE ${query.cypher}` }, params, observe);
    if (result.summary.profile) this.plans.set(query.name, flatten(result.summary.profile));
    return result;
  }
}

export const totalDbHits = (operators: Operator[]) => operators.reduce((sum, operator) => sum + operator.dbHits, 0);
