/**
 * A DynamoDBDocumentClient whose calls skip lib-dynamodb's per-call middleware
 * resolution. lib-dynamodb resolves the full middleware stack on every call
 * (its own command's and the inner one's) and refuses the SDK's
 * `cacheMiddleware`; under load that alone measured about half of a call's CPU
 * (scripts/bench.ts, ingest). Here a Document command's input is marshalled
 * with the same key nodes and options lib-dynamodb uses, its inner low-level
 * command is sent through a second low-level client built with
 * `cacheMiddleware: true` (one resolved handler per command class), and the
 * output unmarshalled as lib-dynamodb does. The wire request is the same
 * signed JSON; only the in-process bookkeeping is done once instead of per
 * call.
 *
 * Anything that is not a lib-dynamodb command, or a call with per-call options
 * (an abort signal), goes the ordinary way.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, type TranslateConfig } from '@aws-sdk/lib-dynamodb';
import { marshall, type marshallOptions, unmarshall, type unmarshallOptions } from '@aws-sdk/util-dynamodb';

/** lib-dynamodb's description of where a command's input or output holds items. */
type KeyNodes = { [key: string]: KeyNodes } | KeyNodes[] | null;

interface DocumentCommand {
  input: Record<string, unknown>;
  inputKeyNodes: KeyNodes;
  outputKeyNodes: KeyNodes;
  clientCommand: { input: unknown };
}

type Convert = (value: never) => unknown;
type Plain = Record<string, unknown>;

function isDocumentCommand(command: unknown): command is DocumentCommand {
  const c = command as Partial<DocumentCommand> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.clientCommand === 'object' &&
    c.inputKeyNodes !== undefined &&
    c.outputKeyNodes !== undefined
  );
}

/** lib-dynamodb's processObj: convert the values its key nodes name, copy the rest. */
function walk(value: unknown, convert: Convert, nodes: KeyNodes): unknown {
  if (value === undefined) return undefined;
  if (nodes === null) return convert(value as never);
  const keys = Object.keys(nodes);
  if (keys.length === 0) return convertAll(value, convert);
  if (keys.length === 1 && keys[0] === '*') {
    const next = (nodes as Record<string, KeyNodes>)['*']!;
    const out: Plain | unknown[] = Array.isArray(value) ? [] : {};
    for (const [key, child] of Object.entries(value as Plain)) {
      if (typeof child !== 'function') (out as Plain)[key] = walk(child, convert, next);
    }
    return out;
  }
  return convertSome(value as Plain, convert, nodes as Record<string, KeyNodes>);
}

function convertSome(value: Plain | unknown[], convert: Convert, nodes: Record<string, KeyNodes>): unknown {
  let out: Plain | unknown[];
  if (Array.isArray(value)) out = value.filter((item) => typeof item !== 'function');
  else {
    out = {};
    for (const [key, child] of Object.entries(value)) if (typeof child !== 'function') out[key] = child;
  }
  for (const [key, next] of Object.entries(nodes)) {
    const child = (value as Plain)[key];
    if (typeof child === 'function') continue;
    const converted = walk(child, convert, next);
    if (converted !== undefined && typeof converted !== 'function') (out as Plain)[key] = converted;
  }
  return out;
}

function convertAll(value: unknown, convert: Convert): unknown {
  if (Array.isArray(value)) {
    return value.filter((item) => typeof item !== 'function').map((item) => walk(item, convert, null));
  }
  const out: Plain = {};
  for (const [key, child] of Object.entries(value as Plain)) {
    if (typeof child === 'function') continue;
    const converted = walk(child, convert, null);
    if (converted !== undefined && typeof converted !== 'function') out[key] = converted;
  }
  return out;
}

/**
 * `client`'s Document client, its calls sent through `cached`: a separate
 * low-level client built with `cacheMiddleware: true` (lib-dynamodb refuses
 * that option on the client it wraps).
 */
export function cachedDocumentClient(
  client: DynamoDBClient,
  cached: DynamoDBClient,
  translate: TranslateConfig = {},
): DynamoDBDocumentClient {
  const doc = DynamoDBDocumentClient.from(client, translate);
  // lib-dynamodb's own defaults (DynamoDBDocumentClientCommand.addMarshallingMiddleware)
  const toItem: marshallOptions = { convertTopLevelContainer: true, ...translate.marshallOptions };
  const fromItem: unmarshallOptions = { convertWithoutMapWrapper: true, ...translate.unmarshallOptions };
  const ordinary = doc.send.bind(doc) as (...args: unknown[]) => unknown;
  const send = cached.send.bind(cached) as (command: unknown) => Promise<Plain>;
  const fast = (...args: unknown[]): unknown => {
    const [command, optionsOrCb, cb] = args;
    if (optionsOrCb !== undefined || cb !== undefined || !isDocumentCommand(command))
      return ordinary(...args);
    const inner = command.clientCommand;
    inner.input = convertSome(command.input, (v) => marshall(v, toItem), nodesOf(command.inputKeyNodes));
    return send(inner).then((output) =>
      convertSome(output, (v) => unmarshall(v, fromItem), nodesOf(command.outputKeyNodes)),
    );
  };
  // An own property in front of the prototype's send: every adapter's `ddb.send(...)` takes it.
  doc.send = fast as DynamoDBDocumentClient['send'];
  return doc;
}

const nodesOf = (nodes: KeyNodes) => (nodes ?? {}) as Record<string, KeyNodes>;
