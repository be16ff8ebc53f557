/**
 * The size DynamoDB gives an item, from its documented rules ("Item sizes and
 * formats", Developer Guide), for the plain JavaScript values lib-dynamodb
 * marshals:
 *
 *   attribute or map key name   its UTF-8 bytes
 *   string                      its UTF-8 bytes (dynalite counts UTF-16 units: not this)
 *   number                      1 byte per two significant digits, + 1
 *   binary                      its raw bytes
 *   boolean, null               1 byte
 *   list, map                   3 bytes + 1 byte per element + the elements
 *   string or number set        the sum of its members
 *
 * An item may not exceed 400 KB (409,600 bytes). Everything logsift stores is
 * measured with this before the write that would carry it (see budgets.ts).
 */

export const MAX_ITEM_BYTES = 400 * 1024;

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** Significant digits of a number as DynamoDB keeps it: leading and trailing zeros trimmed. */
function significantDigits(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`DynamoDB cannot store the number ${value}`);
  // Exponential notation gives the significant digits alone, whatever the magnitude.
  const mantissa = Math.abs(value).toExponential().split('e')[0]!.replace('.', '');
  const trimmed = mantissa.replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, trimmed.length);
}

export function numberSize(value: number): number {
  return Math.ceil(significantDigits(value) / 2) + 1;
}

/** The size of one attribute value, without its name. */
export function valueSize(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number') return numberSize(value);
  if (typeof value === 'bigint') return Math.ceil(value.toString().replace(/^-/, '').length / 2) + 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) {
    let total = 0;
    for (const member of value) total += valueSize(member);
    return total;
  }
  if (Array.isArray(value)) {
    let total = 3;
    for (const element of value) total += 1 + valueSize(element);
    return total;
  }
  if (typeof value === 'object') {
    let total = 3;
    for (const [key, element] of Object.entries(value)) {
      if (element === undefined) continue; // removeUndefinedValues: never sent
      total += 1 + utf8(key) + valueSize(element);
    }
    return total;
  }
  throw new TypeError(`DynamoDB cannot store a ${typeof value}`);
}

/** The size of one attribute: its name and its value. */
export function attributeSize(name: string, value: unknown): number {
  return utf8(name) + valueSize(value);
}

/** The size of a whole item: the sum of its attributes (undefined ones are not sent). */
export function itemSize(item: Record<string, unknown>): number {
  let total = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value !== undefined) total += attributeSize(name, value);
  }
  return total;
}
