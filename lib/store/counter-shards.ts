/**
 * Write-sharded occurrence counters for reports too hot for their own item.
 * A DynamoDB item takes ~1,000 write units a second, and every count of a
 * report rewrote it (and moved its list-index entries). So a report's item
 * moves at most once a second (its `lastSeen` is the condition), and the
 * occurrences that arrive in between are added to one of N small counter
 * items, `count#<reportKey>#<k>` for a random k, in no index.
 *
 * A counter item holds the cumulative count `n` it has taken; the report
 * holds, per counter, how much of it is already in `occurrences`
 * (`folded.<k>`). So what is still pending is `n - folded.<k>`, and folding
 * is one conditional write on the report that adds exactly that and moves
 * `folded.<k>` to `n`: a repeated or raced fold adds nothing twice, and a
 * count is never lost, whatever dies when. A report carries `counters` once
 * its occurrences have ever gone to the counter items, so cold reports are
 * never read twice.
 *
 * A count's tag counts (lib/service/tags.ts) go with it, in the same write:
 * the counter item's live maps `tagsLive`/`otherLive`, keyed like the report's
 * `tags`/`tagsOther`. Tag counts cannot be cumulative-and-watermarked like
 * `n` without a watermark per value on the report, so they are folded by
 * generation instead: a folder first rotates a counter (`tagsGen`/`otherGen` := the
 * live maps, the live maps emptied, `gen` + 1, conditioned on `n` as read — `n`
 * moves with every write of the live maps), then adds `tagsGen`/`otherGen` to
 * the report and sets the report's `tagged.<k>` to `gen` in the fold's own compare-and-set.
 * A generation not yet in `tagged` is folded by the next fold before its
 * counter rotates again, so each tag count reaches the report exactly once.
 * A generation keeps at most COUNTER_TAG_VALUES values per key; a count with a
 * value past that counts it as other (the bound a report's own write has).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { byCount, TAG_KEYS, type TagDelta, type TagKey } from '#lib/model';
import { TAG_FOLD_AT, TAG_WRITE_VALUES } from './budgets.ts';
import { storageCall } from './errors.ts';

/** Counter items per hot report: each takes ~1,000 counts a second. */
export const COUNTER_SHARDS = 16;

export const counterKey = (reportKey: string, shard: number) => `count#${reportKey}#${shard}`;

/** Distinct values per tag key one counter item names per generation (~1 s); the rest count as other. */
export const COUNTER_TAG_VALUES = TAG_FOLD_AT;

/** What one counter item holds, as a folder needs it. */
export interface CounterState {
  shard: string;
  /** Cumulative occurrences, which every write moves: the item's version. */
  n: number;
  /** The generation `prev` holds (0: none yet). */
  g: number;
  live?: TagDelta;
  prev?: TagDelta;
}

export interface Pending {
  /** Occurrences in the counter items not yet in the report's `occurrences`. */
  total: number;
  /** Per counter, its cumulative `n` where it is ahead of the report. */
  ahead: Record<string, number>;
  /** The pending occurrences by the day each counter was last counted on. */
  byDay: Record<string, number>;
  /** The latest time a counter holding pending occurrences was counted at. */
  lastSeen?: string;
  /** Tag counts in the counter items not yet in the report's tags. */
  tags?: TagDelta;
  /** The counter items as read, for a fold. */
  states?: CounterState[];
}

export const NOTHING_PENDING: Pending = { total: 0, ahead: {}, byDay: {} };

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

const isEmpty = (delta: TagDelta | undefined) =>
  !delta ||
  TAG_KEYS.every((key) => Object.keys(delta.values[key] ?? {}).length === 0 && !(delta.other[key] ?? 0));

/** The live or folded maps of a counter item as a delta (absent: nothing). */
function deltaOf(tags: unknown, other: unknown): TagDelta | undefined {
  if (!tags && !other) return undefined;
  const delta: TagDelta = { values: {}, other: {} };
  for (const key of TAG_KEYS) {
    const values = (tags as Record<string, Record<string, unknown>> | undefined)?.[key];
    if (values && Object.keys(values).length > 0) {
      delta.values[key] = Object.fromEntries(Object.entries(values).map(([v, c]) => [v, Number(c)]));
    }
    const count = Number((other as Record<string, unknown> | undefined)?.[key] ?? 0);
    if (count > 0) delta.other[key] = count;
  }
  return isEmpty(delta) ? undefined : delta;
}

/** Deltas summed value by value; undefined when they hold nothing. */
export function sumTagDeltas(deltas: Array<TagDelta | undefined>): TagDelta | undefined {
  const sum: TagDelta = { values: {}, other: {} };
  for (const delta of deltas) {
    if (!delta) continue;
    for (const key of TAG_KEYS) {
      for (const [value, n] of Object.entries(delta.values[key] ?? {})) {
        const values = sum.values[key] ?? {};
        values[value] = (values[value] ?? 0) + n;
        sum.values[key] = values;
      }
      if (delta.other[key]) sum.other[key] = (sum.other[key] ?? 0) + (delta.other[key] as number);
    }
  }
  return isEmpty(sum) ? undefined : sum;
}

/** Deltas summed and held to one write's bound: TAG_WRITE_VALUES values a key, the rest as other. */
export function foldableTags(deltas: Array<TagDelta | undefined>): TagDelta | undefined {
  const sum = sumTagDeltas(deltas);
  if (!sum) return undefined;
  for (const key of TAG_KEYS) {
    const values = sum.values[key];
    if (!values) continue;
    const kept: Record<string, number> = {};
    byCount(values).forEach(([value, n], i) => {
      if (i < TAG_WRITE_VALUES) kept[value] = n;
      else sum.other[key] = (sum.other[key] ?? 0) + n;
    });
    sum.values[key] = kept;
  }
  return sum;
}

/** Every tag key as an (empty unless given) map, so later writes can set values under it. */
function liveMaps(delta?: TagDelta): {
  tt: Record<TagKey, Record<string, number>>;
  to: Record<TagKey, number>;
} {
  const tt = {} as Record<TagKey, Record<string, number>>;
  const to = {} as Record<TagKey, number>;
  for (const key of TAG_KEYS) {
    tt[key] = { ...(delta?.values[key] ?? {}) };
    to[key] = delta?.other[key] ?? 0;
  }
  return { tt, to };
}

export class CounterShards {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    private readonly table: string,
    readonly shards: number = COUNTER_SHARDS,
  ) {}

  /**
   * Adds `n` to a random counter item of the report (1 write unit), and the
   * count's tags to its live maps in the same write. A counter item without
   * live maps gets them from this count's tags (a second write, once); one
   * whose generation is full of values counts this count's tags as other.
   */
  async add(reportKey: string, n: number, at: string, tags?: TagDelta): Promise<void> {
    const shard = Math.floor(Math.random() * this.shards);
    const Key = { pk: counterKey(reportKey, shard) };
    const send = (input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>) =>
      this.ddb.send(new UpdateCommand({ TableName: this.table, Key, ...input }));
    if (isEmpty(tags)) {
      await storageCall('reports.count-shard', () =>
        send({
          UpdateExpression: 'ADD n :n SET lastSeen = :at',
          ExpressionAttributeValues: { ':n': n, ':at': at },
        }),
      );
      return;
    }
    const delta = tags as TagDelta;
    const sets: string[] = [];
    const bounds: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':n': n, ':at': at, ':zero': 0, ':cap': COUNTER_TAG_VALUES };
    let v = 0;
    TAG_KEYS.forEach((key, k) => {
      names[`#k${k}`] = key;
      for (const [value, count] of Object.entries(delta.values[key] ?? {})) {
        names[`#v${v}`] = value;
        values[`:c${v}`] = count;
        sets.push(`tagsLive.#k${k}.#v${v} = if_not_exists(tagsLive.#k${k}.#v${v}, :zero) + :c${v}`);
        bounds.push(`(attribute_exists(tagsLive.#k${k}.#v${v}) OR size(tagsLive.#k${k}) < :cap)`);
        v++;
      }
      if (delta.other[key]) {
        values[`:o${k}`] = delta.other[key];
        sets.push(`otherLive.#k${k} = if_not_exists(otherLive.#k${k}, :zero) + :o${k}`);
      }
    });
    const attempt = async (input: Parameters<typeof send>[0]): Promise<boolean> => {
      try {
        await send(input);
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        return storageCall('reports.count-shard', () => Promise.reject(error));
      }
    };
    const used = (expression: string, pool: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(pool).filter(([name]) => new RegExp(`${name}(?![0-9])`).test(expression)),
      );
    const expression = `ADD n :n SET lastSeen = :at, ${sets.join(', ')}`;
    const condition = ['attribute_exists(tagsLive)', ...bounds].join(' AND ');
    const namedWrite = {
      UpdateExpression: expression,
      ConditionExpression: condition,
      ExpressionAttributeNames: used(`${expression} ${condition}`, names) as Record<string, string>,
      ExpressionAttributeValues: used(`${expression} ${condition}`, values),
    };
    if (await attempt(namedWrite)) return;
    const fresh = liveMaps(delta);
    if (
      await attempt({
        UpdateExpression: 'ADD n :n SET lastSeen = :at, tagsLive = :tt, otherLive = :to',
        ConditionExpression: 'attribute_not_exists(tagsLive)',
        ExpressionAttributeValues: { ':n': n, ':at': at, ':tt': fresh.tt, ':to': fresh.to },
      })
    )
      return;
    // Another count made the live maps in between (a new counter item's first second).
    if (await attempt(namedWrite)) return;
    // A key of this generation names as many values as it may: what the item
    // holds decides, key by key, which of this count's values count as other.
    const answer = await storageCall('reports.count-shard', () =>
      this.ddb.send(new GetCommand({ TableName: this.table, Key, ConsistentRead: true })),
    );
    const live = (answer.Item?.['tagsLive'] ?? {}) as Record<string, Record<string, unknown> | undefined>;
    const split: TagDelta = { values: {}, other: { ...delta.other } };
    for (const key of TAG_KEYS) {
      const held = live[key] ?? {};
      let room = COUNTER_TAG_VALUES - Object.keys(held).length;
      for (const [value, count] of Object.entries(delta.values[key] ?? {})) {
        if (held[value] !== undefined || room > 0) {
          if (held[value] === undefined) room--;
          split.values[key] = { ...split.values[key], [value]: count };
        } else split.other[key] = (split.other[key] ?? 0) + count;
      }
    }
    const sets2: string[] = [];
    const names2: Record<string, string> = {};
    const values2: Record<string, unknown> = { ':n': n, ':at': at, ':zero': 0 };
    let w = 0;
    TAG_KEYS.forEach((key, k) => {
      const named = Object.entries(split.values[key] ?? {});
      if (named.length > 0 || split.other[key]) names2[`#k${k}`] = key;
      for (const [value, count] of named) {
        names2[`#v${w}`] = value;
        values2[`:c${w}`] = count;
        sets2.push(`tagsLive.#k${k}.#v${w} = if_not_exists(tagsLive.#k${k}.#v${w}, :zero) + :c${w}`);
        w++;
      }
      if (split.other[key]) {
        values2[`:o${k}`] = split.other[key];
        sets2.push(`otherLive.#k${k} = if_not_exists(otherLive.#k${k}, :zero) + :o${k}`);
      }
    });
    // Unconditional but for the maps: concurrent counts may pass the bound by a few values.
    await storageCall('reports.count-shard', () =>
      send({
        UpdateExpression: `ADD n :n SET lastSeen = :at, ${sets2.join(', ')}`,
        ConditionExpression: 'attribute_exists(tagsLive)',
        ExpressionAttributeNames: names2,
        ExpressionAttributeValues: values2,
      }),
    );
  }

  /**
   * Moves a counter item's live tag maps to its folded generation, if nothing
   * was counted on it since `state` was read and its last generation is in
   * the report (the caller's check). False when it moved or another rotated it.
   */
  async rotate(reportKey: string, state: CounterState): Promise<boolean> {
    const empty = liveMaps();
    const live = liveMaps(state.live);
    try {
      await this.ddb.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: `count#${reportKey}#${state.shard}` },
          ConditionExpression: state.g === 0 ? 'n = :n AND attribute_not_exists(gen)' : 'n = :n AND gen = :g',
          UpdateExpression: 'SET tagsGen = :pt, otherGen = :po, tagsLive = :tt, otherLive = :to, gen = :next',
          ExpressionAttributeValues: {
            ':n': state.n,
            ':pt': live.tt,
            ':po': live.to,
            ':tt': empty.tt,
            ':to': empty.to,
            ':next': state.g + 1,
            ...(state.g === 0 ? {} : { ':g': state.g }),
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      return storageCall('reports.count-rotate', () => Promise.reject(error));
    }
  }

  /**
   * The tag counts a fold of `pending` adds, and the generations it then
   * records in the report's `tagged`: each counter's folded generation if the
   * report does not have it yet, otherwise its live maps, rotated now.
   */
  async tagsToFold(
    reportKey: string,
    pending: Pending,
    tagged: Record<string, number>,
  ): Promise<{ tags?: TagDelta; tagged: Record<string, number>; left: boolean }> {
    const deltas: Array<TagDelta | undefined> = [];
    const moved: Record<string, number> = {};
    let left = false;
    await Promise.all(
      (pending.states ?? []).map(async (state) => {
        if ((tagged[state.shard] ?? 0) < state.g) {
          deltas.push(state.prev);
          moved[state.shard] = state.g;
          if (!isEmpty(state.live)) left = true;
        } else if (!isEmpty(state.live)) {
          if (await this.rotate(reportKey, state)) {
            deltas.push(state.live);
            moved[state.shard] = state.g + 1;
          } else left = true;
        }
      }),
    );
    const tags = sumTagDeltas(deltas);
    return { ...(tags ? { tags } : {}), tagged: moved, left };
  }

  /** What the counter items hold beyond `folded` (the report's `folded` map). */
  async pending(
    reportKey: string,
    folded: Record<string, number>,
    consistent = true,
    /** The report's `tagged`: the generation of each counter's tags it holds. */
    tagged: Record<string, number> = {},
  ): Promise<Pending> {
    return pendingOf(await this.read(this.keys(reportKey), consistent), folded, tagged);
  }

  /**
   * The report's item and its counter items in one strongly consistent read:
   * what a count needs to answer the report's total without reading it back.
   */
  async withReport(reportKey: string): Promise<{ item: Item | null; counters: Item[] }> {
    const items = await this.read([{ pk: reportKey }, ...this.keys(reportKey)], true);
    const item = items.find((found) => found['pk'] === reportKey) ?? null;
    return { item, counters: items.filter((found) => found !== item) };
  }

  private keys(reportKey: string): { pk: string }[] {
    return Array.from({ length: this.shards }, (_, k) => ({ pk: counterKey(reportKey, k) }));
  }

  private async read(keys: { pk: string }[], consistent: boolean): Promise<Item[]> {
    const answer = await storageCall('reports.count-read', () =>
      this.ddb.send(
        new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keys, ConsistentRead: consistent } } }),
      ),
    );
    let items = answer.Responses?.[this.table] ?? [];
    let unprocessed = answer.UnprocessedKeys?.[this.table]?.Keys;
    for (let attempt = 1; unprocessed && unprocessed.length > 0; attempt++) {
      if (attempt > 8) throw new Error('reports.count-read: counter items left unprocessed');
      await new Promise((done) => setTimeout(done, Math.min(1000, 25 * 2 ** attempt)));
      const again = unprocessed;
      const retry = await storageCall('reports.count-read', () =>
        this.ddb.send(
          new BatchGetCommand({
            RequestItems: { [this.table]: { Keys: again, ConsistentRead: consistent } },
          }),
        ),
      );
      items = [...items, ...(retry.Responses?.[this.table] ?? [])];
      unprocessed = retry.UnprocessedKeys?.[this.table]?.Keys;
    }
    return items;
  }
}

type Item = Record<string, unknown>;

/**
 * What counter items hold beyond `folded` (a report's `folded` map), and the
 * tag counts beyond `tagged` (its `tagged` map): each item's live maps, and
 * its folded generation where the report does not hold it yet.
 */
export function pendingOf(
  items: Item[],
  folded: Record<string, number>,
  tagged: Record<string, number> = {},
): Pending {
  const pending: Pending = { total: 0, ahead: {}, byDay: {}, states: [] };
  const tagDeltas: Array<TagDelta | undefined> = [];
  for (const item of items) {
    const shard = String(item['pk']).slice(String(item['pk']).lastIndexOf('#') + 1);
    const n = Number(item['n'] ?? 0);
    const state: CounterState = {
      shard,
      n,
      g: Number(item['gen'] ?? 0),
      live: deltaOf(item['tagsLive'], item['otherLive']),
      prev: deltaOf(item['tagsGen'], item['otherGen']),
    };
    pending.states?.push(state);
    tagDeltas.push(state.live);
    if ((tagged[shard] ?? 0) < state.g) tagDeltas.push(state.prev);
    const delta = n - (folded[shard] ?? 0);
    if (delta <= 0) continue;
    pending.total += delta;
    pending.ahead[shard] = n;
    const seen = String(item['lastSeen'] ?? '');
    const day = seen.slice(0, 10);
    if (day) pending.byDay[day] = (pending.byDay[day] ?? 0) + delta;
    if (seen && (pending.lastSeen === undefined || seen > pending.lastSeen)) pending.lastSeen = seen;
  }
  const tags = sumTagDeltas(tagDeltas);
  if (tags) pending.tags = tags;
  return pending;
}
