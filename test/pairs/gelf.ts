import { ndjson, type PairFormat } from './model.ts';

function gelf(fields: Record<string, unknown>): Record<string, unknown> {
  return { version: '1.1', host: 'web-1', timestamp: 1714557600.123, level: 3, ...fields };
}

const STACK_A =
  'java.lang.IllegalStateException: session store unavailable\n\tat com.acme.web.Sessions.load(Sessions.java:33)\n\tat com.acme.web.Filter.doFilter(Filter.java:20)';

export const gelfFormat: PairFormat = {
  format: 'GELF',
  pairs: [
    {
      name: 'one error, other host, time and extra fields',
      kind: 'same',
      a: ndjson(
        gelf({
          short_message: 'checkout failed for cart 8812',
          _user_id: 42,
          _request_id: 'r-1a2b',
          _logger: 'shop.checkout',
        }),
      ),
      b: ndjson(
        gelf({
          host: 'web-7',
          timestamp: 1714990000.999,
          short_message: 'checkout failed for cart 90',
          _user_id: 7,
          _request_id: 'r-9z8y',
          _logger: 'shop.checkout',
        }),
      ),
    },
    {
      name: 'error vs warning level',
      kind: 'different',
      a: ndjson(gelf({ short_message: 'checkout failed', _logger: 'shop.checkout' })),
      b: ndjson(gelf({ level: 4, short_message: 'checkout failed', _logger: 'shop.checkout' })),
    },
    {
      name: 'full_message stack, other line numbers',
      kind: 'same',
      a: ndjson(
        gelf({ short_message: 'session store unavailable', full_message: STACK_A, _thread: 'exec-1' }),
      ),
      b: ndjson(
        gelf({
          host: 'web-2',
          short_message: 'session store unavailable',
          full_message: STACK_A.replace('Sessions.java:33', 'Sessions.java:35'),
          _thread: 'exec-9',
        }),
      ),
    },
    {
      name: 'full_message stacks at two frames',
      kind: 'different',
      a: ndjson(gelf({ short_message: 'session store unavailable', full_message: STACK_A })),
      b: ndjson(
        gelf({
          short_message: 'session store unavailable',
          full_message: STACK_A.replace('Sessions.load(Sessions.java:33)', 'Sessions.save(Sessions.java:61)'),
        }),
      ),
    },
    {
      name: 'one message from two facilities',
      kind: 'different',
      a: ndjson(gelf({ short_message: 'queue consumer stopped', facility: 'billing' })),
      b: ndjson(gelf({ short_message: 'queue consumer stopped', facility: 'mailer' })),
    },
    {
      name: 'one message, two logger names',
      kind: 'different',
      a: ndjson(gelf({ short_message: 'checkout failed', _logger: 'shop.checkout' })),
      b: ndjson(gelf({ short_message: 'checkout failed', _logger: 'shop.refunds' })),
    },
  ],
};
