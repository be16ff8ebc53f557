import { log, type PairFormat } from './model.ts';

function uncaught(
  dir: string,
  line: number,
  nodeVersion: string,
  loaderLine: number,
  message: string,
  fn = 'loadConfig',
): string {
  return log(
    `${dir}/src/config.js:${line}`,
    `    throw new Error('${message}');`,
    '    ^',
    '',
    `Error: ${message}`,
    `    at ${fn} (${dir}/src/config.js:${line}:11)`,
    `    at Object.<anonymous> (${dir}/src/server.js:9:16)`,
    `    at Module._compile (node:internal/modules/cjs/loader:${loaderLine}:14)`,
    `    at Module._extensions..js (node:internal/modules/cjs/loader:${loaderLine + 59}:10)`,
    '    at node:internal/main/run_main_module:28:49',
    '',
    `Node.js ${nodeVersion}`,
  );
}

/** npm 6–8's report of a script that failed (npm 9 and later say `npm error`). */
function npmFailed(version: string, home: string, stamp: string, code: string, detail: string): string {
  return log(
    `> shop@${version} start ${home}/shop`,
    '> node server.js',
    '',
    `npm ERR! code ${code}`,
    `npm ERR! ${detail}`,
    `npm ERR! shop@${version} start: \`node server.js\``,
    'npm ERR! Exit status 1',
    'npm ERR!',
    `npm ERR! Failed at the shop@${version} start script.`,
    '',
    'npm ERR! A complete log of this run can be found in:',
    `npm ERR!     ${home}/.npm/_logs/${stamp}-debug.log`,
  );
}

export const nodeRuntime: PairFormat = {
  format: 'Node/Deno/Bun',
  pairs: [
    {
      name: "npm ERR! of a failed start script, other version, home and log's time",
      kind: 'same',
      a: npmFailed('1.0.0', '/root', '2024-05-01T10_00_00_123Z', 'ELIFECYCLE', 'errno 1'),
      b: npmFailed('1.4.2', '/home/ci', '2024-06-11T08_41_07_977Z', 'ELIFECYCLE', 'errno 1'),
    },
    {
      name: 'npm ERR!: a failed script vs a package not found',
      kind: 'different',
      a: npmFailed('1.0.0', '/root', '2024-05-01T10_00_00_123Z', 'ELIFECYCLE', 'errno 1'),
      b: npmFailed(
        '1.0.0',
        '/root',
        '2024-05-01T10_00_00_123Z',
        'E404',
        '404 Not Found - GET https://registry.npmjs.org/left-padd - Not found',
      ),
    },
    {
      name: 'uncaught throw at startup, other checkout, Node version and internal lines',
      kind: 'same',
      a: uncaught('/home/alice/shop', 42, 'v20.11.1', 1376, 'config missing: DATABASE_URL'),
      b: uncaught('/srv/shop', 44, 'v22.3.0', 1469, 'config missing: DATABASE_URL'),
    },
    {
      name: 'uncaught throw: one message from two functions',
      kind: 'different',
      a: uncaught('/srv/shop', 42, 'v20.11.1', 1376, 'config missing', 'loadConfig'),
      b: uncaught('/srv/shop', 42, 'v20.11.1', 1376, 'config missing', 'readSecrets'),
    },
    {
      name: 'unhandled rejection of a non-error, other Node version',
      kind: 'same',
      a: log(
        'node:internal/process/promises:289',
        '            triggerUncaughtException(err, true /* fromPromise */);',
        '            ^',
        '',
        '[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "quota exceeded".] {',
        "  code: 'ERR_UNHANDLED_REJECTION'",
        '}',
        '',
        'Node.js v20.11.1',
      ),
      b: log(
        'node:internal/process/promises:394',
        '    triggerUncaughtException(err, true /* fromPromise */);',
        '    ^',
        '',
        '[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "quota exceeded".] {',
        "  code: 'ERR_UNHANDLED_REJECTION'",
        '}',
        '',
        'Node.js v22.3.0',
      ),
    },
    {
      name: 'unhandled rejection: two reasons',
      kind: 'different',
      a: log(
        '[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "quota exceeded".] {',
        "  code: 'ERR_UNHANDLED_REJECTION'",
        '}',
      ),
      b: log(
        '[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "token revoked".] {',
        "  code: 'ERR_UNHANDLED_REJECTION'",
        '}',
      ),
    },
    {
      name: 'system error with its properties block, other address and port',
      kind: 'same',
      a: log(
        'Error: connect ECONNREFUSED 10.0.4.17:5432',
        '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {',
        '  errno: -111,',
        "  code: 'ECONNREFUSED',",
        "  syscall: 'connect',",
        "  address: '10.0.4.17',",
        '  port: 5432',
        '}',
      ),
      b: log(
        'Error: connect ECONNREFUSED 172.16.9.2:6432',
        '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1606:16) {',
        '  errno: -111,',
        "  code: 'ECONNREFUSED',",
        "  syscall: 'connect',",
        "  address: '172.16.9.2',",
        '  port: 6432',
        '}',
      ),
    },
    {
      name: 'system error: ECONNREFUSED vs EHOSTUNREACH',
      kind: 'different',
      a: log(
        'Error: connect ECONNREFUSED 10.0.4.17:5432',
        '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {',
        "  code: 'ECONNREFUSED',",
        '}',
      ),
      b: log(
        'Error: connect EHOSTUNREACH 10.0.4.17:5432',
        '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {',
        "  code: 'EHOSTUNREACH',",
        '}',
      ),
    },
    {
      name: 'Deno uncaught error, other file URL and columns',
      kind: 'same',
      a: log(
        "error: Uncaught (in promise) TypeError: Cannot read properties of undefined (reading 'id')",
        '    at handler (file:///home/alice/api/main.ts:12:20)',
        '    at eventLoopTick (ext:core/01_core.js:168:7)',
      ),
      b: log(
        "error: Uncaught (in promise) TypeError: Cannot read properties of undefined (reading 'id')",
        '    at handler (file:///app/main.ts:12:24)',
        '    at eventLoopTick (ext:core/01_core.js:175:7)',
      ),
    },
    {
      name: 'Deno: TypeError vs RangeError in one handler',
      kind: 'different',
      a: log(
        "error: Uncaught (in promise) TypeError: Cannot read properties of undefined (reading 'id')",
        '    at handler (file:///app/main.ts:12:20)',
      ),
      b: log(
        'error: Uncaught (in promise) RangeError: Invalid array length',
        '    at handler (file:///app/main.ts:12:20)',
      ),
    },
    {
      name: 'Bun error with source excerpt, other line numbers and version',
      kind: 'same',
      a: log(
        '12 |   const user = users.get(id);',
        '13 |   return user.name;',
        '                 ^',
        "TypeError: undefined is not an object (evaluating 'user.name')",
        '      at getName (/srv/api/src/users.ts:13:15)',
        '      at /srv/api/src/index.ts:8:3',
        '',
        'Bun v1.1.3 (Linux x64)',
      ),
      b: log(
        '20 |   const user = users.get(id);',
        '21 |   return user.name;',
        '                 ^',
        "TypeError: undefined is not an object (evaluating 'user.name')",
        '      at getName (/home/bob/api/src/users.ts:21:15)',
        '      at /home/bob/api/src/index.ts:8:3',
        '',
        'Bun v1.1.8 (Linux x64)',
      ),
    },
    {
      name: 'Bun: TypeError in two functions',
      kind: 'different',
      a: log(
        "TypeError: undefined is not an object (evaluating 'user.name')",
        '      at getName (/srv/api/src/users.ts:13:15)',
      ),
      b: log(
        "TypeError: undefined is not an object (evaluating 'user.name')",
        '      at getEmail (/srv/api/src/users.ts:30:15)',
      ),
    },
  ],
};
