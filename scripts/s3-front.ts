/**
 * The signature check the local S3 emulator lacks. s3rver 3.7 takes any
 * request: unsigned writes, and presigned URLs edited to name another key (it
 * parses Signature V4 but never checks it). This checks every request as S3
 * does — Signature V4 in the Authorization header or in a presigned URL's
 * query, against the local credentials, with the URL's expiry — as the first
 * middleware of s3rver's own Koa app, so nothing reaches its routes unchecked
 * and no extra hop is paid. Anything else is S3's own 403 XML error.
 *
 * What it does not check: that a body matches a signed `x-amz-content-sha256`
 * (the bytes are streamed on as they come; S3 would refuse them after the
 * fact). On loopback that would take a man in the middle of this machine.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Credentials } from './local-stack.ts';

/** S3 allows a header-signed request this far from its clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;
/** A presigned URL lives at most a week (S3's own limit). */
const MAX_EXPIRES_SECONDS = 7 * 24 * 3600;

/** RFC 3986 encoding, as SigV4's canonical query wants it. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, '%20'));
  } catch {
    return value;
  }
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

interface Signed {
  accessKeyId: string;
  /** yyyymmdd/region/service/aws4_request */
  scope: string;
  /** yyyymmddThhmmssZ */
  amzDate: string;
  signedHeaders: string[];
  signature: string;
  payloadHash: string;
  /** Presigned: seconds the URL is valid from amzDate. */
  expires?: number;
}

function amzTime(amzDate: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/** The signature a request carries, or a reason it carries none we can check. */
function signatureOf(req: IncomingMessage, query: Array<[string, string]>): Signed | string {
  const q = new Map(query);
  const header = req.headers['authorization'];
  if (header) {
    const m =
      /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(
        header,
      );
    if (!m) return 'unsupported Authorization header';
    const amzDate = String(req.headers['x-amz-date'] ?? '');
    return {
      accessKeyId: m[1]!,
      scope: m[2]!,
      amzDate,
      signedHeaders: m[3]!.split(';'),
      signature: m[4]!,
      payloadHash: String(req.headers['x-amz-content-sha256'] ?? ''),
    };
  }
  if (q.get('X-Amz-Algorithm') === 'AWS4-HMAC-SHA256') {
    const credential = q.get('X-Amz-Credential') ?? '';
    const slash = credential.indexOf('/');
    const signature = q.get('X-Amz-Signature') ?? '';
    const expires = Number(q.get('X-Amz-Expires'));
    if (slash < 0 || !/^[0-9a-f]{64}$/.test(signature) || !Number.isInteger(expires)) {
      return 'malformed presigned URL';
    }
    return {
      accessKeyId: credential.slice(0, slash),
      scope: credential.slice(slash + 1),
      amzDate: q.get('X-Amz-Date') ?? '',
      signedHeaders: (q.get('X-Amz-SignedHeaders') ?? '').split(';'),
      signature,
      payloadHash: q.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
      expires,
    };
  }
  return 'the request is not signed';
}

/** Why the request may not pass, or null when its Signature V4 is good. */
export function verify(req: IncomingMessage, credentials: Credentials, now = Date.now()): string | null {
  const url = req.url ?? '/';
  const at = url.indexOf('?');
  const path = at < 0 ? url : url.slice(0, at);
  const query: Array<[string, string]> = (at < 0 ? '' : url.slice(at + 1))
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
    });
  const signed = signatureOf(req, query);
  if (typeof signed === 'string') return signed;
  if (signed.accessKeyId !== credentials.accessKeyId) return 'unknown access key';
  const [day, region, service, terminator] = signed.scope.split('/');
  if (
    !day ||
    !region ||
    service !== 's3' ||
    terminator !== 'aws4_request' ||
    !signed.amzDate.startsWith(day)
  ) {
    return 'malformed credential scope';
  }
  const time = amzTime(signed.amzDate);
  if (Number.isNaN(time)) return 'malformed X-Amz-Date';
  if (signed.expires !== undefined) {
    if (signed.expires < 1 || signed.expires > MAX_EXPIRES_SECONDS) return 'invalid X-Amz-Expires';
    if (now > time + signed.expires * 1000) return 'the presigned URL has expired';
    if (time > now + MAX_SKEW_MS) return 'the presigned URL is not valid yet';
  } else if (Math.abs(now - time) > MAX_SKEW_MS) {
    return 'the request time is too far from the server time';
  }
  if (!signed.signedHeaders.includes('host')) return 'the host header must be signed';
  const canonicalQuery = query
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [encode(name), encode(value)] as const)
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  let canonicalHeaders = '';
  for (const name of signed.signedHeaders) {
    const value = req.headers[name];
    if (value === undefined) return `signed header ${name} is missing`;
    const text = Array.isArray(value) ? value.join(',') : value;
    canonicalHeaders += `${name}:${text.trim().replace(/\s+/g, ' ')}\n`;
  }
  const canonicalRequest = [
    (req.method ?? 'GET').toUpperCase(),
    path,
    canonicalQuery,
    canonicalHeaders,
    signed.signedHeaders.join(';'),
    signed.payloadHash,
  ].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', signed.amzDate, signed.scope, sha256(canonicalRequest)].join(
    '\n',
  );
  const key = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), service),
    'aws4_request',
  );
  const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest();
  const given = Buffer.from(signed.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return 'the signature does not match';
  }
  return null;
}

const deniedBody = (reason: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  `<Error><Code>AccessDenied</Code><Message>Access Denied: ${reason}</Message></Error>`;

interface KoaContext {
  req: IncomingMessage;
  status: number;
  type: string;
  body: unknown;
}

/**
 * The check as a Koa middleware, for s3rver (a Koa app) to run before its own:
 * a request without a good signature is answered 403 and goes no further.
 */
export function signatureCheck(credentials: Credentials) {
  return (ctx: KoaContext, next: () => Promise<unknown>) => {
    const reason = verify(ctx.req, credentials);
    if (reason === null) return next();
    ctx.req.resume();
    ctx.status = 403;
    ctx.type = 'application/xml';
    ctx.body = deniedBody(reason);
    return undefined;
  };
}
