import { log, type PairFormat } from './model.ts';

export const php: PairFormat = {
  format: 'PHP',
  pairs: [
    {
      name: 'fatal uncaught exception, other paths and lines',
      kind: 'same',
      a: log(
        'PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in /var/www/releases/118/src/Db.php:21',
        'Stack trace:',
        "#0 /var/www/releases/118/src/Db.php(21): PDO->__construct('mysql:host=10.0...', 'shop', Object(SensitiveParameterValue))",
        '#1 /var/www/releases/118/public/index.php(9): Db::connect()',
        '#2 {main}',
      ),
      b: log(
        'PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in /var/www/releases/121/src/Db.php:23',
        'Stack trace:',
        "#0 /var/www/releases/121/src/Db.php(23): PDO->__construct('mysql:host=10.0...', 'shop', Object(SensitiveParameterValue))",
        '#1 /var/www/releases/121/public/index.php(9): Db::connect()',
        '#2 {main}',
      ),
    },
    {
      name: 'Monolog warning, other order id',
      kind: 'same',
      a: log(
        '[2024-05-01T10:01:00.000000+00:00] app.WARNING: Stock for order 8812 could not be reserved [] []',
      ),
      b: log(
        '[2024-05-03T12:41:00.000000+00:00] app.WARNING: Stock for order 17 could not be reserved [] []',
      ),
    },
    {
      name: 'php-fpm child exited, other pid',
      kind: 'same',
      a: log(
        '[01-May-2024 10:02:00] WARNING: [pool www] child 4411 exited on signal 9 (SIGKILL) after 312.004511 seconds from start',
      ),
      b: log(
        '[02-May-2024 22:02:00] WARNING: [pool www] child 77 exited on signal 9 (SIGKILL) after 3.1 seconds from start',
      ),
    },
    {
      name: 'SQLSTATE 2002 vs 1045 in a PDOException',
      kind: 'different',
      a: log(
        'PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in /var/www/src/Db.php:21',
      ),
      b: log(
        'PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [1045] Access denied in /var/www/src/Db.php:21',
      ),
    },
    {
      name: 'php-fpm signal 9 vs signal 11',
      kind: 'different',
      a: log(
        '[01-May-2024 10:04:00] WARNING: [pool www] child 4411 exited on signal 9 (SIGKILL) after 3.1 seconds from start',
      ),
      b: log(
        '[01-May-2024 10:04:00] WARNING: [pool www] child 4411 exited on signal 11 (SIGSEGV) after 3.1 seconds from start',
      ),
    },
    {
      name: 'Monolog app.ERROR vs security.ERROR channel',
      kind: 'different',
      a: log('[2024-05-01T10:05:00.000000+00:00] app.ERROR: Token validation failed [] []'),
      b: log('[2024-05-01T10:05:00.000000+00:00] security.ERROR: Token validation failed [] []'),
    },
  ],
};
