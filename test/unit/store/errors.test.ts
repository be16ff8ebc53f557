/**
 * The store's and the service's domain errors, as the edge answers them
 * (lib/http/respond.ts toErrorResponse): each class its one status, the code
 * and message as thrown, a storage failure as a generic 503 with no detail.
 */
import { Busy, Conflict, Invalid, NotFound, TooLarge, Unprocessable } from '#lib/errors';
import { toErrorResponse } from '#lib/http/respond';
import { StorageError } from '#lib/store/errors';

const answer = (error: unknown) => {
  const reply = toErrorResponse(error, { html: false, exposeErrors: false });
  return { status: reply.statusCode, headers: reply.headers, body: JSON.parse(String(reply.body)) };
};

describe('domain errors at the edge', () => {
  it.each([
    [new Invalid('invalid_cursor', 'invalid or expired cursor'), 400, 'invalid_cursor'],
    [new NotFound('no issue 000007'), 404, 'not_found'],
    [new Conflict('this issue already holds 50 further summaries'), 409, 'conflict'],
    [new Conflict('nothing was uploaded', 'not_uploaded'), 409, 'not_uploaded'],
    [new TooLarge('log is larger than 10 bytes'), 413, 'payload_too_large'],
    [new Unprocessable('no_failure', 'the log has no failure lines'), 422, 'no_failure'],
  ])('answers %p with its status and its own code and message', (error, status, code) => {
    const { status: got, body } = answer(error);
    expect(got).toBe(status);
    expect(body).toEqual({ error: { code, message: error.message } });
  });

  it('answers Busy with 409 and Retry-After', () => {
    const { status, headers, body } = answer(new Busy('idempotency_in_progress', 'still running'));
    expect(status).toBe(409);
    expect(headers['Retry-After']).toBe('1');
    expect(body.error.code).toBe('idempotency_in_progress');
  });

  it('answers a storage failure with a generic 503 that names nothing inside', () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    const { status, headers, body } = answer(
      new StorageError('reports.create', { cause: new Error('secret table') }),
    );
    expect(status).toBe(503);
    expect(headers['Retry-After']).toBe('1');
    expect(body).toEqual({
      error: { code: 'unavailable', message: 'storage is unavailable; nothing was stored, retry later' },
    });
    expect(JSON.stringify(body)).not.toMatch(/reports\.create|secret/);
    error.mockRestore();
  });

  it('answers anything else with a bare 500', () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    expect(answer(new Error('boom at /work/lib/x.ts'))).toMatchObject({
      status: 500,
      body: { error: { code: 'internal', message: 'internal error' } },
    });
    error.mockRestore();
  });
});
