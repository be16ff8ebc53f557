/**
 * dynalite reads a table's description from LevelDB on every request
 * (`getTable`: one LevelDB get through the thread pool and a JSON decode of the
 * whole description, GSIs included), so an UpdateItem is two LevelDB reads
 * where DynamoDB's own work is one. Under the ingest benchmark those table
 * reads were some 15 % of the emulators' process. This keeps each description,
 * as the JSON text LevelDB holds, in memory: a read of a cached table decodes
 * that text (a fresh object each time, as LevelDB's JSON encoding gives, so a
 * caller that edits its copy — UpdateTable does — changes no one else's), and
 * every write or delete of a description goes to LevelDB exactly as before.
 *
 * Stale reads are ruled out by a generation per table: a write drops the entry
 * and bumps the generation, and a read fills the entry only if no write to
 * that table started since the read did and none is still in flight.
 */
import { createRequire } from 'node:module';

type Callback<T = unknown> = (error: Error | null | undefined, value?: T) => void;

interface TableDb {
  get(key: string, callback: Callback): void;
  put(key: string, value: unknown, callback: Callback): void;
  del(key: string, callback: Callback): void;
  batch(operations: { type: string; key: string; value?: unknown }[], callback: Callback): void;
}

interface DynaliteStore {
  tableDb: TableDb;
}

interface DynaliteDbModule {
  create(options: Record<string, unknown>): DynaliteStore;
  __logsiftTableCache?: true;
}

/** Wraps a store's table sub-database in place. Exported for its unit test. */
export function cacheTableDescriptions(tableDb: TableDb): void {
  const cached = new Map<string, string>();
  const generation = new Map<string, number>();
  const writing = new Map<string, number>();
  const get = tableDb.get.bind(tableDb);
  const put = tableDb.put.bind(tableDb);
  const del = tableDb.del.bind(tableDb);
  const batch = tableDb.batch.bind(tableDb);

  const startWrite = (key: string) => {
    cached.delete(key);
    generation.set(key, (generation.get(key) ?? 0) + 1);
    writing.set(key, (writing.get(key) ?? 0) + 1);
  };
  const endWrite = (key: string) => {
    const left = (writing.get(key) ?? 1) - 1;
    if (left > 0) writing.set(key, left);
    else writing.delete(key);
    cached.delete(key);
  };
  const written =
    (keys: string[], callback: Callback): Callback =>
    (error, value) => {
      for (const key of keys) endWrite(key);
      callback?.(error, value);
    };

  tableDb.get = (key, callback) => {
    const text = cached.get(key);
    if (text !== undefined) {
      // LevelDB answers a callback on a later tick too (dynalite wraps it in setImmediate).
      setImmediate(callback, null, JSON.parse(text));
      return;
    }
    const startedAt = generation.get(key) ?? 0;
    get(key, (error, value) => {
      if (
        !error &&
        value &&
        typeof value === 'object' &&
        !writing.has(key) &&
        (generation.get(key) ?? 0) === startedAt
      )
        cached.set(key, JSON.stringify(value));
      callback(error, value);
    });
  };
  tableDb.put = (key, value, callback) => {
    startWrite(key);
    put(key, value, written([key], callback));
  };
  tableDb.del = (key, callback) => {
    startWrite(key);
    del(key, written([key], callback));
  };
  tableDb.batch = (operations, callback) => {
    const keys = operations.map((op) => op.key);
    for (const key of keys) startWrite(key);
    batch(operations, written(keys, callback));
  };
}

/**
 * Makes every dynalite server created after this call cache its table
 * descriptions. dynalite builds its store inside `dynalite()` from its own
 * `db` module and does not hand it out, so the module's `create` is wrapped
 * (the module object is shared: `dynalite/index.js` calls `db.create` on it).
 */
export function installDynaliteTableCache(): void {
  const requireFromDynalite = createRequire(require.resolve('dynalite'));
  const db = requireFromDynalite('./db') as DynaliteDbModule;
  if (db.__logsiftTableCache) return;
  const create = db.create;
  db.create = (options) => {
    const store = create(options);
    cacheTableDescriptions(store.tableDb);
    return store;
  };
  db.__logsiftTableCache = true;
}
