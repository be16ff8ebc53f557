/**
 * dynalite keeps each secondary index in its own LevelDB key range and, when
 * a write moves an item's index key (a report's `lastSeen` in
 * reportsByLastSeen), first deletes the old index entry and then, as a second
 * LevelDB operation, puts the new one. A Query of that index running between
 * the two does not see the item at all: a report that a scheduled fold moved
 * was missing from the report list while the list's total counted it. On
 * DynamoDB an index entry moves, it does not vanish.
 *
 * This makes each index's delete and put one LevelDB batch, which LevelDB
 * applies atomically and an index Query's iterator sees whole or not at all:
 * the same index entries as dynalite's own (`getIndexActions`), written as one.
 */
import { createRequire } from 'node:module';

type Callback = (error?: Error | null) => void;

interface IndexDb {
  batch(operations: { type: 'put' | 'del'; key: string; value?: unknown }[], callback: Callback): void;
}

interface IndexAction {
  index: string;
  key: string;
  item?: unknown;
}

interface TableDescription {
  TableName: string;
  LocalSecondaryIndexes?: unknown[];
  GlobalSecondaryIndexes?: unknown[];
}

interface DynaliteStore {
  getIndexDb(indexType: string, tableName: string, indexName: string): IndexDb;
}

interface DynaliteDbModule {
  updateIndexes(
    store: DynaliteStore,
    table: TableDescription,
    existing: unknown,
    item: unknown,
    cb: Callback,
  ): void;
  getIndexActions(
    indexes: unknown[],
    existing: unknown,
    item: unknown,
    table: TableDescription,
  ): { puts: IndexAction[]; deletes: IndexAction[] };
  __logsiftAtomicIndexes?: true;
}

/** One batch per index: its entry's delete and put (either may be absent). */
export function indexBatches(actions: {
  puts: IndexAction[];
  deletes: IndexAction[];
}): Map<string, { type: 'put' | 'del'; key: string; value?: unknown }[]> {
  const batches = new Map<string, { type: 'put' | 'del'; key: string; value?: unknown }[]>();
  const of = (index: string) => {
    const batch = batches.get(index) ?? [];
    batches.set(index, batch);
    return batch;
  };
  for (const action of actions.deletes) of(action.index).push({ type: 'del', key: action.key });
  for (const action of actions.puts)
    of(action.index).push({ type: 'put', key: action.key, value: action.item });
  return batches;
}

/** Replaces dynalite's index writes, process-wide, before its servers start; idempotent. */
export function installAtomicIndexWrites(): void {
  const requireFromDynalite = createRequire(require.resolve('dynalite'));
  const db = requireFromDynalite('./db') as DynaliteDbModule;
  if (db.__logsiftAtomicIndexes) return;
  db.updateIndexes = (store, table, existing, item, cb) => {
    if (!existing && !item) return cb();
    const writes: Array<Promise<void>> = [];
    for (const indexType of ['Local', 'Global'] as const) {
      const indexes = table[`${indexType}SecondaryIndexes`] ?? [];
      for (const [index, batch] of indexBatches(db.getIndexActions(indexes, existing, item, table))) {
        const indexDb = store.getIndexDb(indexType, table.TableName, index);
        writes.push(
          new Promise((done, fail) => indexDb.batch(batch, (error) => (error ? fail(error) : done()))),
        );
      }
    }
    Promise.all(writes).then(
      () => cb(),
      (error: Error) => cb(error),
    );
  };
  db.__logsiftAtomicIndexes = true;
}
