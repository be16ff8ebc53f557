import { type AuthTokens, loadConfig } from '#lib/config';
import { bearerToken, describeAuth, makeAuthorizer } from '#lib/http/auth';
import { httpHandler } from '#lib/http/handler';
import { decodeEvent } from '#lib/http/request';
import { json } from '#lib/http/respond';
import { event } from './event.ts';

const tokens = (overrides: Partial<AuthTokens> = {}): AuthTokens => ({
  read: [],
  ingest: [],
  admin: [],
  ...overrides,
});

const withToken = (token?: string, extra: Record<string, string> = {}) =>
  decodeEvent(
    event({ headers: token === undefined ? extra : { authorization: `Bearer ${token}`, ...extra } }),
  );

function statusOf(check: () => void): number {
  try {
    check();
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

describe('makeAuthorizer', () => {
  it('lets everything through when no token is configured', () => {
    const auth = makeAuthorizer(tokens());
    for (const access of ['read', 'ingest', 'admin'] as const) {
      expect(statusOf(() => auth.check(withToken(), access))).toBe(200);
    }
    expect(auth.describe()).toMatch(/^auth: open/);
  });

  it('guards ingest and admin once tokens are set, keeping reads open', () => {
    const auth = makeAuthorizer(tokens({ ingest: ['ship-1', 'ship-2'], admin: ['boss'] }));
    expect(statusOf(() => auth.check(withToken(), 'read'))).toBe(200);
    expect(statusOf(() => auth.check(withToken(), 'ingest'))).toBe(401);
    expect(statusOf(() => auth.check(withToken('nope'), 'ingest'))).toBe(403);
    expect(statusOf(() => auth.check(withToken('ship-2'), 'ingest'))).toBe(200);
    expect(statusOf(() => auth.check(withToken('boss'), 'ingest'))).toBe(200);
    expect(statusOf(() => auth.check(withToken('ship-1'), 'admin'))).toBe(403);
    expect(statusOf(() => auth.check(withToken('boss'), 'admin'))).toBe(200);
    expect(auth.describe()).toMatch(/reads open/);
  });

  it('guards reads when READ_TOKENS is set, and any role may read', () => {
    const auth = makeAuthorizer(tokens({ read: ['eyes'], ingest: ['ship'], admin: ['boss'] }));
    expect(statusOf(() => auth.check(withToken(), 'read'))).toBe(401);
    expect(statusOf(() => auth.check(withToken('wrong'), 'read'))).toBe(403);
    for (const token of ['eyes', 'ship', 'boss']) {
      expect(statusOf(() => auth.check(withToken(token), 'read'))).toBe(200);
    }
    expect(statusOf(() => auth.check(withToken('eyes'), 'ingest'))).toBe(403);
  });

  it('fails closed: with only ingest tokens set, nobody administers', () => {
    const auth = makeAuthorizer(tokens({ ingest: ['ship'] }));
    expect(statusOf(() => auth.check(withToken('ship'), 'admin'))).toBe(403);
    expect(statusOf(() => auth.check(withToken(), 'admin'))).toBe(401);
  });

  it('compares tokens of any length (both sides hashed before timingSafeEqual)', () => {
    const auth = makeAuthorizer(tokens({ admin: ['a-rather-long-admin-token-0123456789'] }));
    for (const token of [
      'a',
      'a-rather-long-admin-token-012345678',
      'a-rather-long-admin-token-0123456789x',
    ]) {
      expect(statusOf(() => auth.check(withToken(token), 'admin'))).toBe(403);
    }
  });

  it('reads only the Bearer scheme, case-insensitively', () => {
    expect(bearerToken(withToken(undefined, { authorization: 'bearer abc' }))).toBe('abc');
    expect(bearerToken(withToken(undefined, { authorization: 'Basic YWJjOmRlZg==' }))).toBeNull();
    expect(bearerToken(withToken(undefined, { authorization: 'Bearer' }))).toBeNull();
    expect(bearerToken(withToken(undefined, { cookie: 'access_token=abc' }))).toBeNull();
  });
});

describe('httpHandler with an access level', () => {
  const route = jest.fn(async () => json(200, { ran: true }));
  const handler = httpHandler(route, { access: 'admin', auth: tokens({ admin: ['boss'] }) });

  beforeEach(() => route.mockClear());

  it('answers 401 with WWW-Authenticate before the route runs', async () => {
    const reply = await handler(event({ method: 'DELETE', headers: { accept: 'application/json' } }));
    expect(reply.statusCode).toBe(401);
    expect(reply.headers['WWW-Authenticate']).toMatch(/^Bearer/);
    expect(JSON.parse(String(reply.body))).toEqual({
      error: { code: 'unauthorized', message: expect.any(String) },
    });
    expect(route).not.toHaveBeenCalled();
  });

  it('answers 403 to a wrong token, and runs the route for the right one', async () => {
    const wrong = await handler(event({ method: 'DELETE', headers: { authorization: 'Bearer boss2' } }));
    expect(wrong.statusCode).toBe(403);
    expect(route).not.toHaveBeenCalled();
    const right = await handler(event({ method: 'DELETE', headers: { authorization: 'Bearer boss' } }));
    expect(right.statusCode).toBe(200);
    expect(route).toHaveBeenCalledTimes(1);
  });
});

describe('token configuration', () => {
  const base = { LOGSIFT_BUCKET: 'b', LOGS_TABLE: 'l', REPORTS_TABLE: 'r', META_TABLE: 'm' };

  it('reads comma-separated lists, dropping blanks', () => {
    const config = loadConfig({ ...base, INGEST_TOKENS: ' a, b ,,', ADMIN_TOKENS: 'c', READ_TOKENS: '' });
    expect(config.auth).toEqual({ ingest: ['a', 'b'], admin: ['c'], read: [] });
    expect(describeAuth(config.auth)).toMatch(/2 ingest, 1 admin, 0 read/);
  });

  it('is open when nothing is set', () => {
    expect(describeAuth(loadConfig(base).auth)).toMatch(/^auth: open: no tokens configured/);
  });
});
