import type { AppConfig } from '../config.js';
import { Database } from './database.js';
import { startLocalNeo4j, type Log } from './local-neo4j.js';

export interface Connection {
  db: Database;
  /** Closes the driver, and stops the local Neo4j if this process started it. */
  close(): Promise<void>;
}

/** Connects to NEO4J_URI, or to the local Neo4j (started on demand) when it is unset. */
export async function connect(config: AppConfig, log: Log): Promise<Connection> {
  const local = config.neo4j.uri ? undefined : await startLocalNeo4j(config.neo4j, log);
  const uri = config.neo4j.uri ?? local!.uri;
  const db = new Database(uri, config.neo4j);
  try {
    await db.verify();
  } catch (error) {
    await db.close();
    await local?.stop();
    throw error;
  }
  return {
    db,
    close: async () => {
      await db.close();
      await local?.stop();
    },
  };
}
