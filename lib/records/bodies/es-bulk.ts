/**
 * Elasticsearch `_bulk` (`POST /_bulk`, `/{index}/_bulk`): NDJSON pairs of an
 * action line and a document line -> one LogEvent per `index`/`create`
 * document, plus one BulkItem per action so the route can answer
 * `{"took","errors","items":[{"<action>":{"_index","_id","status",…}}]}` as bulk
 * clients (rsyslog omelasticsearch, Filebeat, Logstash, Fluent Bit, Vector)
 * parse it.
 *
 * Documents are read with the structured-record mapping (json.ts), which knows
 * the shippers' fields: `message`/`msg`/`log`, `@timestamp`, `log.level`,
 * `level`, `severity`, rsyslog's `priority`/`fromhost`/`timereported`/
 * `syslogtag`/`programname`, `host.name`/`hostname`. A document's message that is
 * itself a structured line (an unparsed JSON or syslog line) is read as one.
 *
 * A malformed action line makes the whole request unreadable (Elasticsearch
 * answers 400 for it too); a malformed document fails only its own item.
 * `update` and `delete` are answered per item as not supported: logs are
 * append-only here.
 */
import { eventFromObject } from '../json.ts';
import { parseLine } from '../line.ts';
import { DecodeError, type DecodeResult, emptyResult, pushError } from '../model.ts';

export type BulkAction = 'index' | 'create' | 'update' | 'delete';

export interface BulkItem {
  action: BulkAction;
  /** `_index` of the action line, else the one named in the URL. */
  index?: string;
  /** `_id` of the action line, when the client chose one. */
  id?: string;
  /** The item's own status, as Elasticsearch reports it per item. */
  status: number;
  error?: { type: string; reason: string };
  /** Position in `events` of this item's record. */
  event?: number;
}

export interface BulkResult extends DecodeResult {
  items: BulkItem[];
}

const ACTIONS = new Set<string>(['index', 'create', 'update', 'delete']);

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Lines of the body without their terminators, blank lines skipped, with their 1-based numbers. */
function* lines(text: string): Generator<[string, number]> {
  let start = 0;
  let n = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    n++;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() !== '') yield [line, n];
    start = end + 1;
  }
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** Decodes a bulk body. Throws DecodeError when an action line cannot be read. */
export function decodeEsBulk(body: Buffer, _contentType: string, opts: { index?: string } = {}): BulkResult {
  const result: BulkResult = { ...emptyResult(), items: [] };
  const it = lines(body.toString('utf8'));
  for (let next = it.next(); !next.done; next = it.next()) {
    const [line, n] = next.value;
    const action = parseJson(line);
    const keys = isObj(action) ? Object.keys(action) : [];
    const name = keys[0];
    if (!isObj(action) || keys.length !== 1 || name === undefined || !ACTIONS.has(name)) {
      throw new DecodeError(
        `Malformed action/metadata line [${n}], expected one of index, create, update, delete`,
        'es-bulk',
      );
    }
    const meta = action[name];
    if (!isObj(meta))
      throw new DecodeError(`Malformed action/metadata line [${n}]: metadata must be an object`, 'es-bulk');
    const item: BulkItem = { action: name as BulkAction, status: 201 };
    const index = typeof meta._index === 'string' ? meta._index : opts.index;
    if (index !== undefined) item.index = index;
    if (typeof meta._id === 'string' || typeof meta._id === 'number') item.id = String(meta._id);
    result.items.push(item);

    if (name === 'delete') {
      item.status = 400;
      item.error = {
        type: 'illegal_argument_exception',
        reason: 'delete is not supported: logs are append-only',
      };
      continue;
    }
    const docLine = it.next();
    if (docLine.done) {
      throw new DecodeError(
        `The bulk request must be terminated by a document after action line [${n}]`,
        'es-bulk',
      );
    }
    if (name === 'update') {
      item.status = 400;
      item.error = {
        type: 'illegal_argument_exception',
        reason: 'update is not supported: logs are append-only',
      };
      continue;
    }
    if (index === undefined) {
      item.status = 400;
      item.error = {
        type: 'action_request_validation_exception',
        reason: 'Validation Failed: 1: index is missing;',
      };
      pushError(result, `item ${result.items.length}: index is missing`);
      continue;
    }
    const doc = parseJson(docLine.value[0]);
    if (!isObj(doc)) {
      item.status = 400;
      item.error = {
        type: 'document_parsing_exception',
        reason: `failed to parse: line [${docLine.value[1]}] is not a JSON object`,
      };
      pushError(result, `line ${docLine.value[1]}: the document is not a JSON object`);
      continue;
    }
    const event = eventFromObject(doc, { format: 'es-bulk', parseInner: parseLine });
    item.event = result.events.length;
    result.events.push(event);
  }
  return result;
}

/** One item of the bulk answer, keyed by its action as Elasticsearch writes it. */
export type BulkAnswerItem = Record<string, Record<string, unknown>>;

/**
 * The `_bulk` answer bulk clients parse: `errors` is true when any item failed,
 * each item carries its `status`; accepted ones also `result: "created"` and the
 * `_id` the caller gives them (the client's own, or one derived from the archived log).
 */
export function bulkAnswer(
  result: BulkResult,
  tookMs: number,
  idOf: (item: BulkItem, position: number) => string,
): { took: number; errors: boolean; items: BulkAnswerItem[] } {
  let errors = false;
  const items = result.items.map((item, i): BulkAnswerItem => {
    const body: Record<string, unknown> = {
      _index: item.index ?? null,
      _id: item.id ?? idOf(item, i),
      status: item.status,
    };
    if (item.error) {
      errors = true;
      body.error = item.error;
    } else {
      body._version = 1;
      body.result = 'created';
      body._shards = { total: 1, successful: 1, failed: 0 };
      body._seq_no = i;
      body._primary_term = 1;
    }
    return { [item.action]: body };
  });
  return { took: Math.max(0, Math.round(tookMs)), errors, items };
}
