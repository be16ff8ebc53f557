/**
 * Application frameworks, job queues and database clients: SQL Server,
 * Oracle, SQLite, ClickHouse, Cassandra, Kafka and RabbitMQ clients, Sidekiq,
 * Resque, Celery, Django, Flask, FastAPI, Express, NestJS, Laravel, Symfony,
 * Spring, ASP.NET Core, gin, echo, Ecto, PHP, uWSGI and gunicorn.
 */
import { log, ndjson, type PairFormat } from './model.ts';

const ESC = '\x1b';

// ---------------------------------------------------------------- databases
const sqlServerOracleSqlite: PairFormat = {
  format: 'SQL Server / Oracle / SQLite',
  pairs: [
    {
      name: 'SQL Server sqlcmd Msg 2627, other server, line and key',
      kind: 'same',
      a: log(
        "Changed database context to 'shop'.",
        '(1 rows affected)',
        'Msg 2627, Level 14, State 1, Server SQLPROD01, Line 12',
        "Violation of PRIMARY KEY constraint 'PK_Orders'. Cannot insert duplicate key in object 'dbo.Orders'. The duplicate key value is (88123).",
        'The statement has been terminated.',
      ),
      b: log(
        "Changed database context to 'shop'.",
        'Msg 2627, Level 14, State 1, Server SQLDR-02\\INST2, Line 40',
        "Violation of PRIMARY KEY constraint 'PK_Orders'. Cannot insert duplicate key in object 'dbo.Orders'. The duplicate key value is (17).",
        'The statement has been terminated.',
        '(0 rows affected)',
      ),
    },
    {
      name: 'SQL Server sqlcmd Msg 2627 (primary key) vs Msg 2601 (unique index)',
      kind: 'different',
      a: log(
        'Msg 2627, Level 14, State 1, Server SQLPROD01, Line 12',
        "Violation of PRIMARY KEY constraint 'PK_Orders'. Cannot insert duplicate key in object 'dbo.Orders'. The duplicate key value is (88123).",
        'The statement has been terminated.',
      ),
      b: log(
        'Msg 2601, Level 14, State 1, Server SQLPROD01, Line 12',
        "Cannot insert duplicate key row in object 'dbo.Orders' with unique index 'IX_Orders_Ref'. The duplicate key value is (88123).",
        'The statement has been terminated.',
      ),
    },
    {
      name: 'SQL Server ERRORLOG login failed 18456, other client and time',
      kind: 'same',
      a: log(
        "2026-12-01 10:00:00.12 spid52      Starting up database 'shop'.",
        '2026-12-01 10:00:01.48 Logon       Error: 18456, Severity: 14, State: 8.',
        "2026-12-01 10:00:01.48 Logon       Login failed for user 'app_rw'. Reason: Password did not match that for the login provided. [CLIENT: 10.0.0.17]",
      ),
      b: log(
        '2026-12-03 22:41:09.90 Logon       Error: 18456, Severity: 14, State: 8.',
        "2026-12-03 22:41:09.90 Logon       Login failed for user 'app_rw'. Reason: Password did not match that for the login provided. [CLIENT: 192.168.14.201]",
        "2026-12-03 22:41:12.03 spid61      Using 'dbghelp.dll' version '4.0.5'",
      ),
    },
    {
      name: "SQL Server JDBC: invalid object name 'dbo.Orders' vs 'dbo.Invoices'",
      kind: 'different',
      a: log(
        "2026-12-01 10:00:00.123 ERROR 4411 --- [nio-8080-exec-3] o.h.engine.jdbc.spi.SqlExceptionHelper   : Invalid object name 'dbo.Orders'.",
        "com.microsoft.sqlserver.jdbc.SQLServerException: Invalid object name 'dbo.Orders'.",
        '\tat com.microsoft.sqlserver.jdbc.SQLServerException.makeFromDatabaseError(SQLServerException.java:265)',
        '\tat com.microsoft.sqlserver.jdbc.SQLServerStatement.getNextResult(SQLServerStatement.java:1695)',
        '\tat com.acme.shop.OrderRepository.findAll(OrderRepository.java:41)',
      ),
      b: log(
        "2026-12-01 10:00:00.123 ERROR 4411 --- [nio-8080-exec-3] o.h.engine.jdbc.spi.SqlExceptionHelper   : Invalid object name 'dbo.Invoices'.",
        "com.microsoft.sqlserver.jdbc.SQLServerException: Invalid object name 'dbo.Invoices'.",
        '\tat com.microsoft.sqlserver.jdbc.SQLServerException.makeFromDatabaseError(SQLServerException.java:265)',
        '\tat com.microsoft.sqlserver.jdbc.SQLServerStatement.getNextResult(SQLServerStatement.java:1695)',
        '\tat com.acme.shop.OrderRepository.findAll(OrderRepository.java:41)',
      ),
    },
    {
      name: 'SQL Server JDBC deadlock victim, other process id, thread and lines',
      kind: 'same',
      a: log(
        '2026-12-01 10:00:00.100  INFO 4411 --- [   scheduling-1] c.a.shop.StockJob                        : reserving stock for 48 orders',
        '2026-12-01 10:00:02.771 ERROR 4411 --- [   scheduling-1] c.a.shop.StockJob                        : stock reservation failed',
        'com.microsoft.sqlserver.jdbc.SQLServerException: Transaction (Process ID 62) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.',
        '\tat com.microsoft.sqlserver.jdbc.SQLServerException.makeFromDatabaseError(SQLServerException.java:265)',
        '\tat com.microsoft.sqlserver.jdbc.SQLServerPreparedStatement.doExecutePreparedStatement(SQLServerPreparedStatement.java:628)',
        '\tat com.acme.shop.StockJob.reserve(StockJob.java:77)',
      ),
      b: log(
        '2026-12-04 03:12:44.018 ERROR 71 --- [   scheduling-3] c.a.shop.StockJob                        : stock reservation failed',
        'com.microsoft.sqlserver.jdbc.SQLServerException: Transaction (Process ID 118) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.',
        '\tat com.microsoft.sqlserver.jdbc.SQLServerException.makeFromDatabaseError(SQLServerException.java:262)',
        '\tat com.microsoft.sqlserver.jdbc.SQLServerPreparedStatement.doExecutePreparedStatement(SQLServerPreparedStatement.java:633)',
        '\tat com.acme.shop.StockJob.reserve(StockJob.java:80)',
        '2026-12-04 03:12:45.000  INFO 71 --- [   scheduling-3] c.a.shop.StockJob                        : next run in 60s',
      ),
    },
    {
      name: 'Oracle JDBC ORA-00942 vs ORA-00904 at one frame',
      kind: 'different',
      a: log(
        'java.sql.SQLSyntaxErrorException: ORA-00942: table or view does not exist',
        '',
        '\tat oracle.jdbc.driver.T4CTTIoer11.processError(T4CTTIoer11.java:629)',
        '\tat oracle.jdbc.driver.T4C8Oall.processError(T4C8Oall.java:1230)',
        '\tat com.acme.shop.ReportDao.monthly(ReportDao.java:31)',
      ),
      b: log(
        'java.sql.SQLSyntaxErrorException: ORA-00904: "STATUS_CD": invalid identifier',
        '',
        '\tat oracle.jdbc.driver.T4CTTIoer11.processError(T4CTTIoer11.java:629)',
        '\tat oracle.jdbc.driver.T4C8Oall.processError(T4C8Oall.java:1230)',
        '\tat com.acme.shop.ReportDao.monthly(ReportDao.java:31)',
      ),
    },
    {
      name: 'Oracle ORA-12514 (21c message), other host and CONNECTION_ID',
      kind: 'same',
      a: log(
        '2026-12-01 10:00:00.000  WARN 4411 --- [           main] com.zaxxer.hikari.pool.PoolBase          : HikariPool-1 - Pool is empty, failed to create/setup connection',
        'java.sql.SQLException: Listener refused the connection with the following error:',
        'ORA-12514: Cannot connect to database. Service ORCLPDB1 is not registered with the listener at host 10.0.0.5 port 1521. (CONNECTION_ID=k3J8Yx2lRzW9n1QgA7bDw==)',
        '\tat oracle.jdbc.driver.T4CConnection.handleLogonNetException(T4CConnection.java:1628)',
        '\tat oracle.jdbc.driver.T4CConnection.logon(T4CConnection.java:1154)',
      ),
      b: log(
        '2026-12-05 08:14:22.331  WARN 19 --- [           main] com.zaxxer.hikari.pool.PoolBase          : HikariPool-1 - Pool is empty, failed to create/setup connection',
        'java.sql.SQLException: Listener refused the connection with the following error:',
        'ORA-12514: Cannot connect to database. Service ORCLPDB1 is not registered with the listener at host db-ora-2.internal port 1521. (CONNECTION_ID=Zq81mB0pXc4tT7uR2yE5vw==)',
        '\tat oracle.jdbc.driver.T4CConnection.handleLogonNetException(T4CConnection.java:1628)',
        '\tat oracle.jdbc.driver.T4CConnection.logon(T4CConnection.java:1154)',
      ),
    },
    {
      name: 'SQLite database is locked, other checkout and lines',
      kind: 'same',
      a: log(
        '2026-12-01 10:00:00,101 INFO importer: importing batch 4411 (500 rows)',
        'Traceback (most recent call last):',
        '  File "/srv/app/importer/run.py", line 61, in main',
        '    store.save(batch)',
        '  File "/srv/app/importer/store.py", line 28, in save',
        '    self.conn.executemany(INSERT_SQL, rows)',
        'sqlite3.OperationalError: database is locked',
      ),
      b: log(
        '2026-12-02 23:59:58,900 INFO importer: importing batch 17 (12 rows)',
        'Traceback (most recent call last):',
        '  File "/home/ci/work/importer/run.py", line 64, in main',
        '    store.save(batch)',
        '  File "/home/ci/work/importer/store.py", line 30, in save',
        '    self.conn.executemany(INSERT_SQL, rows)',
        'sqlite3.OperationalError: database is locked',
      ),
    },
    {
      name: 'SQLite no such table: orders vs invoices',
      kind: 'different',
      a: log(
        'Traceback (most recent call last):',
        '  File "/srv/app/report.py", line 14, in <module>',
        '    cur.execute(QUERY)',
        'sqlite3.OperationalError: no such table: orders',
      ),
      b: log(
        'Traceback (most recent call last):',
        '  File "/srv/app/report.py", line 14, in <module>',
        '    cur.execute(QUERY)',
        'sqlite3.OperationalError: no such table: invoices',
      ),
    },
  ],
};

// ---------------------------------------------------------------- ClickHouse / Cassandra
const clickhouseCassandra: PairFormat = {
  format: 'ClickHouse / Cassandra drivers',
  pairs: [
    {
      name: 'ClickHouse executeQuery Code 60, other thread, query id and client',
      kind: 'same',
      a: log(
        '2026.12.01 10:00:00.123456 [ 4411 ] {8f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f} <Debug> executeQuery: (from 10.0.0.17:55012) SELECT count() FROM shop.orderz (stage: Complete)',
        '2026.12.01 10:00:00.124001 [ 4411 ] {8f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f} <Error> executeQuery: Code: 60. DB::Exception: Table shop.orderz does not exist. (UNKNOWN_TABLE) (version 23.8.2.7 (official build)) (from 10.0.0.17:55012) (in query: SELECT count() FROM shop.orderz), Stack trace (when copying this message, always include the lines below):',
        '',
        '0. DB::Exception::Exception(DB::Exception::MessageMasked&&, int, bool) @ 0x000000000c4fd597 in /usr/bin/clickhouse',
        '1. DB::IDatabase::getTable(String const&, std::shared_ptr<DB::Context const>) const @ 0x0000000011a6e2b1 in /usr/bin/clickhouse',
        '',
      ),
      b: log(
        '2026.12.03 17:45:12.000917 [ 812 ] {c0ffee00-1111-2222-3333-444455556666} <Error> executeQuery: Code: 60. DB::Exception: Table shop.orderz does not exist. (UNKNOWN_TABLE) (version 23.8.2.7 (official build)) (from [::ffff:192.168.1.40]:41000) (in query: SELECT count() FROM shop.orderz), Stack trace (when copying this message, always include the lines below):',
        '',
        '0. DB::Exception::Exception(DB::Exception::MessageMasked&&, int, bool) @ 0x000000000c4fd597 in /usr/bin/clickhouse',
        '1. DB::IDatabase::getTable(String const&, std::shared_ptr<DB::Context const>) const @ 0x0000000011a6e2b1 in /usr/bin/clickhouse',
        '',
        '2026.12.03 17:45:12.001200 [ 812 ] {c0ffee00-1111-2222-3333-444455556666} <Debug> TCPHandler: Processed in 0.001 sec.',
      ),
    },
    {
      name: 'ClickHouse Code 60 UNKNOWN_TABLE vs Code 241 MEMORY_LIMIT_EXCEEDED',
      kind: 'different',
      a: log(
        '2026.12.01 10:00:00.124001 [ 4411 ] {8f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f} <Error> executeQuery: Code: 60. DB::Exception: Table shop.orderz does not exist. (UNKNOWN_TABLE) (version 23.8.2.7 (official build)) (from 10.0.0.17:55012) (in query: SELECT count() FROM shop.orderz), Stack trace (when copying this message, always include the lines below):',
      ),
      b: log(
        '2026.12.01 10:00:00.124001 [ 4411 ] {8f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f} <Error> executeQuery: Code: 241. DB::Exception: Memory limit (for query) exceeded: would use 9.32 GiB (attempt to allocate chunk of 4194304 bytes), maximum: 9.31 GiB.: While executing AggregatingTransform. (MEMORY_LIMIT_EXCEEDED) (version 23.8.2.7 (official build)) (from 10.0.0.17:55012) (in query: SELECT user_id, count() FROM shop.events GROUP BY user_id), Stack trace (when copying this message, always include the lines below):',
      ),
    },
    {
      name: 'ClickHouse Code 60: table shop.orderz vs shop.invoicez',
      kind: 'different',
      a: log(
        '2026.12.01 10:00:00.124001 [ 4411 ] {8f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f} <Error> executeQuery: Code: 60. DB::Exception: Table shop.orderz does not exist. (UNKNOWN_TABLE) (version 23.8.2.7 (official build)) (from 10.0.0.17:55012) (in query: SELECT count() FROM shop.orderz), Stack trace (when copying this message, always include the lines below):',
      ),
      b: log(
        '2026.12.01 10:00:00.124001 [ 4411 ] {8f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f} <Error> executeQuery: Code: 60. DB::Exception: Table shop.invoicez does not exist. (UNKNOWN_TABLE) (version 23.8.2.7 (official build)) (from 10.0.0.17:55012) (in query: SELECT count() FROM shop.invoicez), Stack trace (when copying this message, always include the lines below):',
      ),
    },
    {
      name: 'DataStax Java driver WriteTimeoutException vs ReadTimeoutException',
      kind: 'different',
      a: log(
        '10:00:03.332 [pool-2-thread-7] ERROR com.acme.events.EventStore - query failed',
        'com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException: Cassandra timeout during SIMPLE write query at consistency LOCAL_QUORUM (2 replica were required but only 1 acknowledged the write)',
        '\tat com.acme.events.EventStore.run(EventStore.java:58)',
      ),
      b: log(
        '10:00:03.332 [pool-2-thread-7] ERROR com.acme.events.EventStore - query failed',
        'com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException: Cassandra timeout during read query at consistency LOCAL_QUORUM (2 responses were required but only 1 replica responded)',
        '\tat com.acme.events.EventStore.run(EventStore.java:58)',
      ),
    },
    {
      name: 'Python cassandra-driver NoHostAvailable, other hosts',
      kind: 'same',
      a: log(
        'Traceback (most recent call last):',
        '  File "/srv/app/events/db.py", line 22, in connect',
        '    return cluster.connect("events")',
        '  File "cassandra/cluster.py", line 1740, in cassandra.cluster.Cluster.connect',
        '  File "cassandra/cluster.py", line 3543, in cassandra.cluster.ControlConnection._reconnect_internal',
        "cassandra.cluster.NoHostAvailable: ('Unable to connect to any servers', {'10.0.0.17:9042': ConnectionRefusedError(111, \"Tried connecting to [('10.0.0.17', 9042)]. Last error: Connection refused\")})",
      ),
      b: log(
        'Traceback (most recent call last):',
        '  File "/srv/app/events/db.py", line 22, in connect',
        '    return cluster.connect("events")',
        '  File "cassandra/cluster.py", line 1740, in cassandra.cluster.Cluster.connect',
        '  File "cassandra/cluster.py", line 3543, in cassandra.cluster.ControlConnection._reconnect_internal',
        "cassandra.cluster.NoHostAvailable: ('Unable to connect to any servers', {'192.168.7.3:9042': ConnectionRefusedError(111, \"Tried connecting to [('192.168.7.3', 9042)]. Last error: Connection refused\")})",
      ),
    },
  ],
};

// ---------------------------------------------------------------- Kafka / RabbitMQ clients
const queues: PairFormat = {
  format: 'librdkafka / Kafka / RabbitMQ clients',
  pairs: [
    {
      name: 'librdkafka FAIL connect refused, other broker, time and ms',
      kind: 'same',
      a: log(
        '%7|1764583199.900|BROKER|rdkafka#producer-1| [thrd:app]: kafka-2.internal:9092/2: Added new broker with NodeId 2',
        '%3|1764583200.123|FAIL|rdkafka#producer-1| [thrd:kafka-2.internal:9092/2]: kafka-2.internal:9092/2: Connect to ipv4#10.0.0.17:9092 failed: Connection refused (after 0ms in state CONNECT)',
      ),
      b: log(
        '%3|1764769288.004|FAIL|rdkafka#producer-1| [thrd:kafka-0.internal:9092/0]: kafka-0.internal:9092/0: Connect to ipv4#10.0.0.5:9092 failed: Connection refused (after 2ms in state CONNECT, 4 identical error(s) suppressed)',
      ),
    },
    {
      name: 'librdkafka FAIL connect refused vs resolve failed',
      kind: 'different',
      a: log(
        '%3|1764583200.123|FAIL|rdkafka#producer-1| [thrd:kafka-2.internal:9092/bootstrap]: kafka-2.internal:9092/bootstrap: Connect to ipv4#10.0.0.17:9092 failed: Connection refused (after 0ms in state CONNECT)',
      ),
      b: log(
        "%3|1764583200.123|FAIL|rdkafka#producer-1| [thrd:kafka-2.internal:9092/bootstrap]: kafka-2.internal:9092/bootstrap: Failed to resolve 'kafka-2.internal:9092': Name or service not known (after 4ms in state CONNECT)",
      ),
    },
    {
      name: 'confluent-kafka delivery failed: message timed out vs message too large',
      kind: 'different',
      a: log(
        '2026-12-01 10:00:00,101 ERROR producer: Message delivery failed for orders [3]: KafkaError{code=_MSG_TIMED_OUT,val=-192,str="Local: Message timed out"}',
      ),
      b: log(
        '2026-12-01 10:00:00,101 ERROR producer: Message delivery failed for orders [3]: KafkaError{code=MSG_SIZE_TOO_LARGE,val=10,str="Broker: Message size too large"}',
      ),
    },
    {
      name: 'Kafka Java client: topic orders vs topic invoices not present in metadata',
      kind: 'different',
      a: log(
        '2026-12-01 10:00:00.000 ERROR [kafka-producer-network-thread | producer-1] c.a.shop.EventPublisher - publish failed',
        'org.apache.kafka.common.errors.TimeoutException: Topic orders not present in metadata after 60000 ms.',
      ),
      b: log(
        '2026-12-01 10:00:00.000 ERROR [kafka-producer-network-thread | producer-1] c.a.shop.EventPublisher - publish failed',
        'org.apache.kafka.common.errors.TimeoutException: Topic invoices not present in metadata after 60000 ms.',
      ),
    },
    {
      name: 'pika ChannelClosedByBroker 404, other checkout and lines',
      kind: 'same',
      a: log(
        'INFO:pika.adapters.blocking_connection:Created channel=1',
        'Traceback (most recent call last):',
        '  File "/srv/app/consumer.py", line 31, in <module>',
        "    channel.basic_consume(queue='orders.created', on_message_callback=handle)",
        '  File "/srv/venv/lib/python3.12/site-packages/pika/adapters/blocking_connection.py", line 1618, in basic_consume',
        '    return self._basic_consume_impl(',
        '  File "/srv/venv/lib/python3.12/site-packages/pika/adapters/blocking_connection.py", line 1384, in _flush_output',
        '    raise self._closing_reason  # pylint: disable=E0702',
        "pika.exceptions.ChannelClosedByBroker: (404, \"NOT_FOUND - no queue 'orders.created' in vhost '/'\")",
      ),
      b: log(
        'Traceback (most recent call last):',
        '  File "/app/consumer.py", line 33, in <module>',
        "    channel.basic_consume(queue='orders.created', on_message_callback=handle)",
        '  File "/usr/local/lib/python3.11/site-packages/pika/adapters/blocking_connection.py", line 1618, in basic_consume',
        '    return self._basic_consume_impl(',
        '  File "/usr/local/lib/python3.11/site-packages/pika/adapters/blocking_connection.py", line 1384, in _flush_output',
        '    raise self._closing_reason  # pylint: disable=E0702',
        "pika.exceptions.ChannelClosedByBroker: (404, \"NOT_FOUND - no queue 'orders.created' in vhost '/'\")",
      ),
    },
    {
      name: "pika ChannelClosedByBroker 404: queue 'orders.created' vs 'invoices.created'",
      kind: 'different',
      a: log(
        'Traceback (most recent call last):',
        '  File "/srv/app/consumer.py", line 31, in <module>',
        '    channel.basic_consume(queue=QUEUE, on_message_callback=handle)',
        "pika.exceptions.ChannelClosedByBroker: (404, \"NOT_FOUND - no queue 'orders.created' in vhost '/'\")",
      ),
      b: log(
        'Traceback (most recent call last):',
        '  File "/srv/app/consumer.py", line 31, in <module>',
        '    channel.basic_consume(queue=QUEUE, on_message_callback=handle)',
        "pika.exceptions.ChannelClosedByBroker: (404, \"NOT_FOUND - no queue 'invoices.created' in vhost '/'\")",
      ),
    },
    {
      name: 'amqplib ACCESS_REFUSED handshake, other checkout and columns',
      kind: 'same',
      a: log(
        'worker starting, connecting to amqp://rabbit.internal',
        'Error: Handshake terminated by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile."',
        '    at afterStartOk (/srv/app/node_modules/amqplib/lib/connection.js:240:12)',
        '    at /srv/app/node_modules/amqplib/lib/connection.js:161:12',
        '    at Socket.recv (/srv/app/node_modules/amqplib/lib/connection.js:515:12)',
        '    at Object.onceWrapper (node:events:632:28)',
      ),
      b: log(
        'Error: Handshake terminated by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile."',
        '    at afterStartOk (/home/node/app/node_modules/amqplib/lib/connection.js:240:12)',
        '    at /home/node/app/node_modules/amqplib/lib/connection.js:161:12',
        '    at Socket.recv (/home/node/app/node_modules/amqplib/lib/connection.js:515:12)',
        '    at Object.onceWrapper (node:events:634:26)',
      ),
    },
    {
      name: 'amqplib channel closed 404 NOT-FOUND vs 406 PRECONDITION-FAILED',
      kind: 'different',
      a: log(
        "Error: Channel closed by server: 404 (NOT-FOUND) with message \"NOT_FOUND - no exchange 'orders' in vhost '/'\"",
        '    at ChannelModel.C.accept (/srv/app/node_modules/amqplib/lib/channel.js:434:17)',
        '    at Connection.mainAccept [as accept] (/srv/app/node_modules/amqplib/lib/connection.js:70:33)',
      ),
      b: log(
        "Error: Channel closed by server: 406 (PRECONDITION-FAILED) with message \"PRECONDITION_FAILED - inequivalent arg 'type' for exchange 'orders' in vhost '/': received 'topic' but current is 'direct'\"",
        '    at ChannelModel.C.accept (/srv/app/node_modules/amqplib/lib/channel.js:434:17)',
        '    at Connection.mainAccept [as accept] (/srv/app/node_modules/amqplib/lib/connection.js:70:33)',
      ),
    },
  ],
};

// ---------------------------------------------------------------- Ruby / Python job runners
const jobs: PairFormat = {
  format: 'Sidekiq / Resque / Celery',
  pairs: [
    {
      name: 'Sidekiq job raised RecordNotFound vs Redis::TimeoutError',
      kind: 'different',
      a: log(
        '2026-12-01T10:00:00.412Z pid=4411 tid=2l3k class=SyncCustomerJob jid=b4a577edbccf1d805744efa9 elapsed=0.311 INFO: fail',
        "2026-12-01T10:00:00.413Z pid=4411 tid=2l3k WARN: ActiveRecord::RecordNotFound: Couldn't find Customer with 'id'=8812",
        "/srv/app/app/jobs/sync_customer_job.rb:7:in `perform'",
      ),
      b: log(
        '2026-12-01T10:00:00.412Z pid=4411 tid=2l3k class=SyncCustomerJob jid=b4a577edbccf1d805744efa9 elapsed=0.311 INFO: fail',
        '2026-12-01T10:00:00.413Z pid=4411 tid=2l3k WARN: Redis::TimeoutError: Connection timed out',
        "/srv/app/app/jobs/sync_customer_job.rb:7:in `perform'",
      ),
    },
    {
      name: 'Celery hard time limit: task export vs task reindex',
      kind: 'different',
      a: log(
        '[2026-12-01 10:05:00,002: ERROR/MainProcess] Hard time limit (300s) exceeded for shop.tasks.export[6f1c2b3a-9d8e-4f70-a1b2-c3d4e5f60718]',
      ),
      b: log(
        '[2026-12-01 10:05:00,002: ERROR/MainProcess] Hard time limit (300s) exceeded for shop.tasks.reindex[6f1c2b3a-9d8e-4f70-a1b2-c3d4e5f60718]',
      ),
    },
  ],
};

// ---------------------------------------------------------------- Python web
export const pythonWeb: PairFormat = {
  format: 'Django / Flask / FastAPI / gunicorn / uWSGI',
  pairs: [
    {
      name: 'Django django.request default format, IntegrityError, other path id',
      kind: 'same',
      a: log(
        '[01/Dec/2026 10:00:00] "GET /api/orders/ HTTP/1.1" 200 5123',
        'Internal Server Error: /api/orders/8812/confirm',
        'Traceback (most recent call last):',
        '  File "/srv/venv/lib/python3.12/site-packages/django/db/backends/utils.py", line 105, in _execute',
        '    return self.cursor.execute(sql, params)',
        'psycopg.errors.UniqueViolation: duplicate key value violates unique constraint "orders_payment_ref_key"',
        'DETAIL:  Key (payment_ref)=(pay_8812) already exists.',
        '',
        'The above exception was the direct cause of the following exception:',
        '',
        'Traceback (most recent call last):',
        '  File "/srv/app/orders/views.py", line 71, in confirm',
        '    order.save()',
        'django.db.utils.IntegrityError: duplicate key value violates unique constraint "orders_payment_ref_key"',
        'DETAIL:  Key (payment_ref)=(pay_8812) already exists.',
        '[01/Dec/2026 10:00:00] "POST /api/orders/8812/confirm HTTP/1.1" 500 145',
      ),
      b: log(
        'Internal Server Error: /api/orders/17/confirm',
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.11/site-packages/django/db/backends/utils.py", line 105, in _execute',
        '    return self.cursor.execute(sql, params)',
        'psycopg.errors.UniqueViolation: duplicate key value violates unique constraint "orders_payment_ref_key"',
        'DETAIL:  Key (payment_ref)=(pay_17) already exists.',
        '',
        'The above exception was the direct cause of the following exception:',
        '',
        'Traceback (most recent call last):',
        '  File "/srv/app/orders/views.py", line 73, in confirm',
        '    order.save()',
        'django.db.utils.IntegrityError: duplicate key value violates unique constraint "orders_payment_ref_key"',
        'DETAIL:  Key (payment_ref)=(pay_17) already exists.',
        '[03/Dec/2026 21:14:55] "POST /api/orders/17/confirm HTTP/1.1" 500 145',
      ),
    },
    {
      name: 'Django: IntegrityError vs OperationalError at one view',
      kind: 'different',
      a: log(
        'Internal Server Error: /api/orders/8812/confirm',
        'Traceback (most recent call last):',
        '  File "/srv/app/orders/views.py", line 71, in confirm',
        '    order.save()',
        'django.db.utils.IntegrityError: duplicate key value violates unique constraint "orders_payment_ref_key"',
      ),
      b: log(
        'Internal Server Error: /api/orders/8812/confirm',
        'Traceback (most recent call last):',
        '  File "/srv/app/orders/views.py", line 71, in confirm',
        '    order.save()',
        'django.db.utils.OperationalError: server closed the connection unexpectedly',
      ),
    },
    {
      name: 'Flask "Exception on /path [POST]", other id and lines',
      kind: 'same',
      a: log(
        '10.0.0.17 - - [01/Dec/2026 10:00:00] "GET /health HTTP/1.1" 200 -',
        '[2026-12-01 10:00:01,233] ERROR in app: Exception on /api/carts/8812/checkout [POST]',
        'Traceback (most recent call last):',
        '  File "/srv/venv/lib/python3.12/site-packages/flask/app.py", line 1455, in wsgi_app',
        '    response = self.full_dispatch_request()',
        '  File "/srv/app/shop/cart.py", line 48, in checkout',
        '    total = cart["items"][0]["price"] * qty',
        "KeyError: 'items'",
        '10.0.0.17 - - [01/Dec/2026 10:00:01] "POST /api/carts/8812/checkout HTTP/1.1" 500 -',
      ),
      b: log(
        '[2026-12-02 19:41:07,000] ERROR in app: Exception on /api/carts/17/checkout [POST]',
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.11/site-packages/flask/app.py", line 1463, in wsgi_app',
        '    response = self.full_dispatch_request()',
        '  File "/srv/app/shop/cart.py", line 52, in checkout',
        '    total = cart["items"][0]["price"] * qty',
        "KeyError: 'items'",
        '192.168.3.4 - - [02/Dec/2026 19:41:07] "POST /api/carts/17/checkout HTTP/1.1" 500 -',
      ),
    },
    {
      name: 'Flask: KeyError vs TypeError at one line',
      kind: 'different',
      a: log(
        '[2026-12-01 10:00:01,233] ERROR in app: Exception on /api/carts/8812/checkout [POST]',
        'Traceback (most recent call last):',
        '  File "/srv/app/shop/cart.py", line 48, in checkout',
        '    total = cart["items"][0]["price"] * qty',
        "KeyError: 'items'",
      ),
      b: log(
        '[2026-12-01 10:00:01,233] ERROR in app: Exception on /api/carts/8812/checkout [POST]',
        'Traceback (most recent call last):',
        '  File "/srv/app/shop/cart.py", line 48, in checkout',
        '    total = cart["items"][0]["price"] * qty',
        "TypeError: can't multiply sequence by non-int of type 'str'",
      ),
    },
    {
      name: 'uvicorn "Exception in ASGI application" with exception group, other pids and lines',
      kind: 'same',
      a: log(
        'INFO:     Started server process [4411]',
        'INFO:     Application startup complete.',
        'INFO:     10.0.0.17:55012 - "POST /orders HTTP/1.1" 500 Internal Server Error',
        'ERROR:    Exception in ASGI application',
        '  + Exception Group Traceback (most recent call last):',
        '  |   File "/srv/venv/lib/python3.12/site-packages/starlette/_utils.py", line 76, in collapse_excgroups',
        '  |     yield',
        '  |   File "/srv/venv/lib/python3.12/site-packages/starlette/middleware/base.py", line 178, in __call__',
        '  |     async with anyio.create_task_group() as task_group:',
        '  | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)',
        '  +-+---------------- 1 ----------------',
        '    | Traceback (most recent call last):',
        '    |   File "/srv/app/api/orders.py", line 40, in create_order',
        '    |     return await service.create(payload)',
        '    |   File "/srv/app/api/service.py", line 22, in create',
        '    |     raise LookupError(f"unknown sku {payload.sku}")',
        '    | LookupError: unknown sku SKU-8812',
        '    +------------------------------------',
      ),
      b: log(
        'INFO:     Started server process [7]',
        'INFO:     192.168.3.4:41000 - "POST /orders HTTP/1.1" 500 Internal Server Error',
        'ERROR:    Exception in ASGI application',
        '  + Exception Group Traceback (most recent call last):',
        '  |   File "/usr/local/lib/python3.12/site-packages/starlette/_utils.py", line 77, in collapse_excgroups',
        '  |     yield',
        '  |   File "/usr/local/lib/python3.12/site-packages/starlette/middleware/base.py", line 181, in __call__',
        '  |     async with anyio.create_task_group() as task_group:',
        '  | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)',
        '  +-+---------------- 1 ----------------',
        '    | Traceback (most recent call last):',
        '    |   File "/srv/app/api/orders.py", line 42, in create_order',
        '    |     return await service.create(payload)',
        '    |   File "/srv/app/api/service.py", line 22, in create',
        '    |     raise LookupError(f"unknown sku {payload.sku}")',
        '    | LookupError: unknown sku SKU-17',
        '    +------------------------------------',
      ),
    },
    {
      name: 'uvicorn "Exception in ASGI application": ZeroDivisionError vs AttributeError',
      kind: 'different',
      a: log(
        'ERROR:    Exception in ASGI application',
        'Traceback (most recent call last):',
        '  File "/srv/venv/lib/python3.12/site-packages/uvicorn/protocols/http/httptools_impl.py", line 411, in run_asgi',
        '    result = await app(  # type: ignore[func-returns-value]',
        '  File "/srv/app/api/stats.py", line 18, in average',
        '    return {"avg": total / count}',
        'ZeroDivisionError: division by zero',
      ),
      b: log(
        'ERROR:    Exception in ASGI application',
        'Traceback (most recent call last):',
        '  File "/srv/venv/lib/python3.12/site-packages/uvicorn/protocols/http/httptools_impl.py", line 411, in run_asgi',
        '    result = await app(  # type: ignore[func-returns-value]',
        '  File "/srv/app/api/stats.py", line 18, in average',
        '    return {"avg": total / count}',
        "AttributeError: 'NoneType' object has no attribute 'total'",
      ),
    },
    {
      name: 'gunicorn worker timeout sequence, other pids',
      kind: 'same',
      a: log(
        '[2026-12-01 10:00:00 +0000] [4411] [INFO] Booting worker with pid: 4420',
        '[2026-12-01 10:02:01 +0000] [4411] [CRITICAL] WORKER TIMEOUT (pid:4420)',
        '[2026-12-01 10:02:02 +0000] [4411] [ERROR] Worker (pid:4420) was sent SIGKILL! Perhaps out of memory?',
        '[2026-12-01 10:02:02 +0000] [4498] [INFO] Booting worker with pid: 4498',
      ),
      b: log(
        '[2026-12-03 07:13:44 +0100] [1] [CRITICAL] WORKER TIMEOUT (pid:27)',
        '[2026-12-03 07:13:45 +0100] [1] [ERROR] Worker (pid:27) was sent SIGKILL! Perhaps out of memory?',
        '[2026-12-03 07:13:45 +0100] [31] [INFO] Booting worker with pid: 31',
      ),
    },
    {
      name: 'gunicorn: worker timeout vs worker killed (OOM) without timeout',
      kind: 'different',
      a: log(
        '[2026-12-01 10:02:01 +0000] [4411] [CRITICAL] WORKER TIMEOUT (pid:4420)',
        '[2026-12-01 10:02:02 +0000] [4411] [ERROR] Worker (pid:4420) was sent SIGKILL! Perhaps out of memory?',
      ),
      b: log(
        '[2026-12-01 10:02:02 +0000] [4411] [ERROR] Worker (pid:4420) was sent SIGKILL! Perhaps out of memory?',
      ),
    },
    {
      name: 'uWSGI HARAKIRI, other worker, pid and path id',
      kind: 'same',
      a: log(
        'Mon Dec  1 10:00:00 2026 - *** HARAKIRI ON WORKER 3 (pid: 4411, try: 1, graceful: no) ***',
        'Mon Dec  1 10:00:00 2026 - HARAKIRI !!! worker 3 status !!!',
        'Mon Dec  1 10:00:00 2026 - HARAKIRI [core 0] 10.0.0.17 - POST /api/export/8812 since 1764583170',
        'Mon Dec  1 10:00:00 2026 - HARAKIRI !!! end of worker 3 status !!!',
        'DAMN ! worker 3 (pid: 4411) died, killed by signal 9 :( trying respawn ...',
        'Respawned uWSGI worker 3 (new pid: 4490)',
      ),
      b: log(
        'Thu Dec  4 22:41:09 2026 - *** HARAKIRI ON WORKER 1 (pid: 88, try: 1, graceful: no) ***',
        'Thu Dec  4 22:41:09 2026 - HARAKIRI !!! worker 1 status !!!',
        'Thu Dec  4 22:41:09 2026 - HARAKIRI [core 0] 192.168.3.4 - POST /api/export/17 since 1764888039',
        'Thu Dec  4 22:41:09 2026 - HARAKIRI !!! end of worker 1 status !!!',
        'DAMN ! worker 1 (pid: 88) died, killed by signal 9 :( trying respawn ...',
        'Respawned uWSGI worker 1 (new pid: 95)',
      ),
    },
    {
      name: 'uWSGI HARAKIRI vs worker segmentation fault',
      kind: 'different',
      a: log(
        'Mon Dec  1 10:00:00 2026 - *** HARAKIRI ON WORKER 3 (pid: 4411, try: 1, graceful: no) ***',
        'DAMN ! worker 3 (pid: 4411) died, killed by signal 9 :( trying respawn ...',
        'Respawned uWSGI worker 3 (new pid: 4490)',
      ),
      b: log(
        '!!! uWSGI process 4411 got Segmentation Fault !!!',
        'DAMN ! worker 3 (pid: 4411) died, killed by signal 11 :( trying respawn ...',
        'Respawned uWSGI worker 3 (new pid: 4490)',
      ),
    },
  ],
};

// ---------------------------------------------------------------- Node web
export const nodeWeb: PairFormat = {
  format: 'Express / NestJS',
  pairs: [
    {
      name: 'Express default error handler stack, other checkout and columns',
      kind: 'same',
      a: log(
        'listening on :3000',
        "TypeError: Cannot read properties of undefined (reading 'id')",
        '    at /srv/app/routes/orders.js:42:31',
        '    at Layer.handle [as handle_request] (/srv/app/node_modules/express/lib/router/layer.js:95:5)',
        '    at next (/srv/app/node_modules/express/lib/router/route.js:149:13)',
        '    at Route.dispatch (/srv/app/node_modules/express/lib/router/route.js:119:3)',
      ),
      b: log(
        "TypeError: Cannot read properties of undefined (reading 'id')",
        '    at /home/node/app/routes/orders.js:44:29',
        '    at Layer.handle [as handle_request] (/home/node/app/node_modules/express/lib/router/layer.js:95:5)',
        '    at next (/home/node/app/node_modules/express/lib/router/route.js:149:13)',
        '    at Route.dispatch (/home/node/app/node_modules/express/lib/router/route.js:119:3)',
        'GET /api/orders/17 500 3.112 ms - 148',
      ),
    },
    {
      name: "Express: reading 'id' vs reading 'email' at one frame",
      kind: 'different',
      a: log(
        "TypeError: Cannot read properties of undefined (reading 'id')",
        '    at /srv/app/routes/orders.js:42:31',
        '    at Layer.handle [as handle_request] (/srv/app/node_modules/express/lib/router/layer.js:95:5)',
      ),
      b: log(
        "TypeError: Cannot read properties of undefined (reading 'email')",
        '    at /srv/app/routes/orders.js:42:31',
        '    at Layer.handle [as handle_request] (/srv/app/node_modules/express/lib/router/layer.js:95:5)',
      ),
    },
    {
      name: 'NestJS ExceptionsHandler, coloured (tty) vs plain, other pid and time',
      kind: 'same',
      a: log(
        `${ESC}[32m[Nest] 4411  - ${ESC}[39m12/01/2026, 10:00:00 AM ${ESC}[32m    LOG${ESC}[39m ${ESC}[33m[RoutesResolver] ${ESC}[39m${ESC}[32mOrdersController {/orders}:${ESC}[39m`,
        `${ESC}[31m[Nest] 4411  - ${ESC}[39m12/01/2026, 10:00:05 AM ${ESC}[31m  ERROR${ESC}[39m ${ESC}[33m[ExceptionsHandler] ${ESC}[39m${ESC}[31mCannot read properties of undefined (reading 'total')${ESC}[39m`,
        "TypeError: Cannot read properties of undefined (reading 'total')",
        '    at OrdersService.create (/srv/app/dist/orders/orders.service.js:31:42)',
        '    at OrdersController.create (/srv/app/dist/orders/orders.controller.js:24:35)',
        '    at /srv/app/node_modules/@nestjs/core/router/router-execution-context.js:38:29',
      ),
      b: log(
        "[Nest] 77  - 12/03/2026, 9:41:12 PM   ERROR [ExceptionsHandler] Cannot read properties of undefined (reading 'total')",
        "TypeError: Cannot read properties of undefined (reading 'total')",
        '    at OrdersService.create (/app/dist/orders/orders.service.js:31:42)',
        '    at OrdersController.create (/app/dist/orders/orders.controller.js:24:35)',
        '    at /app/node_modules/@nestjs/core/router/router-execution-context.js:38:29',
      ),
    },
    {
      name: 'NestJS TypeOrmModule unable to connect, other retry count, pid and address',
      kind: 'same',
      a: log(
        '[Nest] 4411  - 12/01/2026, 10:00:00 AM     LOG [InstanceLoader] TypeOrmModule dependencies initialized +12ms',
        '[Nest] 4411  - 12/01/2026, 10:00:03 AM   ERROR [TypeOrmModule] Unable to connect to the database. Retrying (1)...',
        'Error: connect ECONNREFUSED 10.0.0.5:5432',
        '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)',
      ),
      b: log(
        '[Nest] 19  - 12/04/2026, 4:12:44 PM   ERROR [TypeOrmModule] Unable to connect to the database. Retrying (4)...',
        'Error: connect ECONNREFUSED 172.18.0.3:5432',
        '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1605:16)',
      ),
    },
    {
      name: 'NestJS ExceptionsHandler: TypeError vs ECONNREFUSED',
      kind: 'different',
      a: log(
        "[Nest] 4411  - 12/01/2026, 10:00:05 AM   ERROR [ExceptionsHandler] Cannot read properties of undefined (reading 'total')",
        "TypeError: Cannot read properties of undefined (reading 'total')",
        '    at OrdersService.create (/srv/app/dist/orders/orders.service.js:31:42)',
      ),
      b: log(
        '[Nest] 4411  - 12/01/2026, 10:00:05 AM   ERROR [ExceptionsHandler] connect ECONNREFUSED 10.0.0.5:6379',
        'Error: connect ECONNREFUSED 10.0.0.5:6379',
        '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)',
      ),
    },
  ],
};

// ---------------------------------------------------------------- PHP
const laravelTrace = (root: string) => [
  '[stacktrace]',
  `#0 ${root}/vendor/laravel/framework/src/Illuminate/Database/Connection.php(783): Illuminate\\\\Database\\\\Connection->runQueryCallback('insert into \`us...', Array, Object(Closure))`,
  `#1 ${root}/app/Http/Controllers/SignupController.php(31): Illuminate\\\\Database\\\\Eloquent\\\\Model->save()`,
  '#2 {main}',
];

export const phpServers: PairFormat = {
  format: 'Laravel / Symfony / PHP-FPM / Nginx Unit',
  pairs: [
    {
      name: 'Symfony, an uncaught exception from two releases deployed in dated directories',
      kind: 'same',
      a: log(
        '[2026-12-03T18:40:51.118021+00:00] request.CRITICAL: Uncaught PHP Exception Doctrine\\DBAL\\Exception\\ConnectionException: "An exception occurred in the driver: SQLSTATE[HY000] [2002] Connection refused" at /var/www/releases/20261202101500/vendor/doctrine/dbal/src/Driver/API/MySQL/ExceptionConverter.php line 101 {"exception":"[object] (Doctrine\\\\DBAL\\\\Exception\\\\ConnectionException(code: 2002): An exception occurred in the driver: SQLSTATE[HY000] [2002] Connection refused at /var/www/releases/20261202101500/vendor/doctrine/dbal/src/Driver/API/MySQL/ExceptionConverter.php:101)"} []',
      ),
      b: log(
        '[2026-12-05T07:02:11.000001+00:00] request.CRITICAL: Uncaught PHP Exception Doctrine\\DBAL\\Exception\\ConnectionException: "An exception occurred in the driver: SQLSTATE[HY000] [2002] Connection refused" at /srv/shop/vendor/doctrine/dbal/src/Driver/API/MySQL/ExceptionConverter.php line 103 {"exception":"[object] (Doctrine\\\\DBAL\\\\Exception\\\\ConnectionException(code: 2002): An exception occurred in the driver: SQLSTATE[HY000] [2002] Connection refused at /srv/shop/vendor/doctrine/dbal/src/Driver/API/MySQL/ExceptionConverter.php:103)"} []',
      ),
    },
    {
      name: 'Symfony, the same driver error as another exception class',
      kind: 'different',
      a: log(
        '[2026-12-03T18:40:51.118021+00:00] request.CRITICAL: Uncaught PHP Exception Doctrine\\DBAL\\Exception\\ConnectionException: "An exception occurred in the driver: SQLSTATE[HY000] [2002] Connection refused" at /srv/shop/vendor/doctrine/dbal/src/Driver/API/MySQL/ExceptionConverter.php line 101 {"exception":"[object] (Doctrine\\\\DBAL\\\\Exception\\\\ConnectionException(code: 2002): An exception occurred in the driver: SQLSTATE[HY000] [2002] Connection refused at /srv/shop/vendor/doctrine/dbal/src/Driver/API/MySQL/ExceptionConverter.php:101)"} []',
      ),
      b: log(
        '[2026-12-03T18:40:51.118021+00:00] messenger.CRITICAL: Uncaught PHP Exception Doctrine\\DBAL\\Exception\\DriverException: "An exception occurred in the driver: SQLSTATE[HY000] [2002] Connection refused" at /srv/shop/vendor/doctrine/dbal/src/Driver/API/MySQL/ExceptionConverter.php line 101 {"exception":"[object] (Doctrine\\\\DBAL\\\\Exception\\\\DriverException(code: 2002): An exception occurred in the driver: SQLSTATE[HY000] [2002] Connection refused at /srv/shop/vendor/doctrine/dbal/src/Driver/API/MySQL/ExceptionConverter.php:101)"} []',
      ),
    },
    {
      name: 'Laravel QueryException 1062, other email and user id',
      kind: 'same',
      a: log(
        '[2026-12-01 10:00:00] production.INFO: signup started {"email":"alice@example.com"}',
        `[2026-12-01 10:00:00] production.ERROR: SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry 'alice@example.com' for key 'users_email_unique' (Connection: mysql, SQL: insert into \`users\` (\`email\`, \`updated_at\`, \`created_at\`) values (alice@example.com, 2026-12-01 10:00:00, 2026-12-01 10:00:00)) {"userId":8812,"exception":"[object] (Illuminate\\\\Database\\\\QueryException(code: 23000): SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry 'alice@example.com' for key 'users_email_unique' (Connection: mysql, SQL: insert into \`users\` (\`email\`, \`updated_at\`, \`created_at\`) values (alice@example.com, 2026-12-01 10:00:00, 2026-12-01 10:00:00)) at /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php:829)`,
        ...laravelTrace('/var/www/html'),
        '"} ',
      ),
      b: log(
        `[2026-12-04 16:12:44] production.ERROR: SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry 'bob@example.org' for key 'users_email_unique' (Connection: mysql, SQL: insert into \`users\` (\`email\`, \`updated_at\`, \`created_at\`) values (bob@example.org, 2026-12-04 16:12:44, 2026-12-04 16:12:44)) {"userId":17,"exception":"[object] (Illuminate\\\\Database\\\\QueryException(code: 23000): SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry 'bob@example.org' for key 'users_email_unique' (Connection: mysql, SQL: insert into \`users\` (\`email\`, \`updated_at\`, \`created_at\`) values (bob@example.org, 2026-12-04 16:12:44, 2026-12-04 16:12:44)) at /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php:829)`,
        ...laravelTrace('/var/www/html'),
        '"} ',
      ),
    },
    {
      name: 'Laravel QueryException 1062 duplicate vs 1452 foreign key',
      kind: 'different',
      a: log(
        `[2026-12-01 10:00:00] production.ERROR: SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry 'alice@example.com' for key 'users_email_unique' (Connection: mysql, SQL: insert into \`users\` (\`email\`) values (alice@example.com)) {"exception":"[object] (Illuminate\\\\Database\\\\QueryException(code: 23000): SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry 'alice@example.com' for key 'users_email_unique' at /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php:829)`,
        ...laravelTrace('/var/www/html'),
        '"} ',
      ),
      b: log(
        `[2026-12-01 10:00:00] production.ERROR: SQLSTATE[23000]: Integrity constraint violation: 1452 Cannot add or update a child row: a foreign key constraint fails (\`shop\`.\`users\`, CONSTRAINT \`users_team_id_foreign\` FOREIGN KEY (\`team_id\`) REFERENCES \`teams\` (\`id\`)) (Connection: mysql, SQL: insert into \`users\` (\`email\`) values (alice@example.com)) {"exception":"[object] (Illuminate\\\\Database\\\\QueryException(code: 23000): SQLSTATE[23000]: Integrity constraint violation: 1452 Cannot add or update a child row: a foreign key constraint fails at /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php:829)`,
        ...laravelTrace('/var/www/html'),
        '"} ',
      ),
    },
    {
      name: 'Symfony Messenger retry warning, other retry number and delay',
      kind: 'same',
      a: log(
        '[2026-12-01T10:00:00.101234+00:00] messenger.INFO: Received message App\\Message\\SendInvoice {"class":"App\\\\Message\\\\SendInvoice"} []',
        '[2026-12-01T10:00:00.412345+00:00] messenger.WARNING: Error thrown while handling message App\\Message\\SendInvoice. Sending for retry #1 using 1000 ms delay. Error: "Handling "App\\Message\\SendInvoice" failed: Connection refused" {"class":"App\\\\Message\\\\SendInvoice","message_id":8812,"retryCount":1,"delay":1000,"error":"Handling \\"App\\\\Message\\\\SendInvoice\\" failed: Connection refused","exception":"[object] (Symfony\\\\Component\\\\Messenger\\\\Exception\\\\HandlerFailedException(code: 0): Handling \\"App\\\\Message\\\\SendInvoice\\" failed: Connection refused at /var/www/app/vendor/symfony/messenger/Middleware/HandleMessageMiddleware.php:124)"} []',
      ),
      b: log(
        '[2026-12-02T03:11:09.000001+00:00] messenger.WARNING: Error thrown while handling message App\\Message\\SendInvoice. Sending for retry #2 using 2000 ms delay. Error: "Handling "App\\Message\\SendInvoice" failed: Connection refused" {"class":"App\\\\Message\\\\SendInvoice","message_id":17,"retryCount":2,"delay":2000,"error":"Handling \\"App\\\\Message\\\\SendInvoice\\" failed: Connection refused","exception":"[object] (Symfony\\\\Component\\\\Messenger\\\\Exception\\\\HandlerFailedException(code: 0): Handling \\"App\\\\Message\\\\SendInvoice\\" failed: Connection refused at /var/www/app/vendor/symfony/messenger/Middleware/HandleMessageMiddleware.php:124)"} []',
      ),
    },
    {
      name: 'Symfony Messenger: SendInvoice vs SyncStock message removed after retries',
      kind: 'different',
      a: log(
        '[2026-12-01T10:00:09.000000+00:00] messenger.CRITICAL: Error thrown while handling message App\\Message\\SendInvoice. Removing from transport after 3 retries. Error: "Handling "App\\Message\\SendInvoice" failed: Connection refused" {"class":"App\\\\Message\\\\SendInvoice","retryCount":3} []',
      ),
      b: log(
        '[2026-12-01T10:00:09.000000+00:00] messenger.CRITICAL: Error thrown while handling message App\\Message\\SyncStock. Removing from transport after 3 retries. Error: "Handling "App\\Message\\SyncStock" failed: Connection refused" {"class":"App\\\\Message\\\\SyncStock","retryCount":3} []',
      ),
    },
    {
      name: 'php-fpm slow log, other pid and seconds',
      kind: 'same',
      a: log(
        '[01-Dec-2026 10:00:05] WARNING: [pool www] child 4411, script \'/var/www/html/index.php\' (request: "POST /index.php") executing too slow (5.123456 sec), logging',
        '[01-Dec-2026 10:00:05] NOTICE: child 4411 stopped for tracing',
        '[01-Dec-2026 10:00:05] NOTICE: about to trace 4411',
        '[01-Dec-2026 10:00:05] NOTICE: finished trace of 4411',
      ),
      b: log(
        '[03-Dec-2026 23:40:00] WARNING: [pool www] child 77, script \'/var/www/html/index.php\' (request: "POST /index.php") executing too slow (7.901002 sec), logging',
        '[03-Dec-2026 23:40:00] NOTICE: child 77 stopped for tracing',
        '[03-Dec-2026 23:40:00] NOTICE: about to trace 77',
        '[03-Dec-2026 23:40:00] NOTICE: finished trace of 77',
      ),
    },
    {
      name: 'php-fpm executing too slow vs execution timed out',
      kind: 'different',
      a: log(
        '[01-Dec-2026 10:00:05] WARNING: [pool www] child 4411, script \'/var/www/html/index.php\' (request: "POST /index.php") executing too slow (5.123456 sec), logging',
      ),
      b: log(
        '[01-Dec-2026 10:00:05] WARNING: [pool www] child 4411, script \'/var/www/html/index.php\' (request: "POST /index.php") execution timed out (30.012345 sec), terminating',
      ),
    },
    {
      name: 'PHP Fatal Uncaught TypeError (argument, called in), other release and lines',
      kind: 'same',
      a: log(
        '[01-Dec-2026 10:00:00 UTC] PHP Fatal error:  Uncaught TypeError: App\\Cart::add(): Argument #1 ($qty) must be of type int, string given, called in /var/www/releases/118/src/Api.php on line 31 and defined in /var/www/releases/118/src/Cart.php:12',
        'Stack trace:',
        "#0 /var/www/releases/118/src/Api.php(31): App\\Cart->add('3')",
        '#1 /var/www/releases/118/public/index.php(9): App\\Api->handle()',
        '#2 {main}',
        '  thrown in /var/www/releases/118/src/Cart.php on line 12',
      ),
      b: log(
        '[04-Dec-2026 17:22:01 UTC] PHP Fatal error:  Uncaught TypeError: App\\Cart::add(): Argument #1 ($qty) must be of type int, string given, called in /var/www/releases/121/src/Api.php on line 33 and defined in /var/www/releases/121/src/Cart.php:14',
        'Stack trace:',
        "#0 /var/www/releases/121/src/Api.php(33): App\\Cart->add('12')",
        '#1 /var/www/releases/121/public/index.php(9): App\\Api->handle()',
        '#2 {main}',
        '  thrown in /var/www/releases/121/src/Cart.php on line 14',
      ),
    },
    {
      name: 'PHP Fatal Uncaught TypeError vs ArgumentCountError at one function',
      kind: 'different',
      a: log(
        'PHP Fatal error:  Uncaught TypeError: App\\Cart::add(): Argument #1 ($qty) must be of type int, string given, called in /var/www/html/src/Api.php on line 31 and defined in /var/www/html/src/Cart.php:12',
        'Stack trace:',
        '#0 {main}',
        '  thrown in /var/www/html/src/Cart.php on line 12',
      ),
      b: log(
        'PHP Fatal error:  Uncaught ArgumentCountError: Too few arguments to function App\\Cart::add(), 0 passed in /var/www/html/src/Api.php on line 31 and exactly 1 expected in /var/www/html/src/Cart.php:12',
        'Stack trace:',
        '#0 {main}',
        '  thrown in /var/www/html/src/Cart.php on line 12',
      ),
    },
    {
      name: 'Nginx Unit app process exited on signal 9 vs signal 11',
      kind: 'different',
      a: log(
        '2026/12/01 10:00:00 [info] 4411#4411 "shop" application started',
        '2026/12/01 10:00:07 [alert] 4400#4400 app process 4433 exited on signal 9',
      ),
      b: log(
        '2026/12/01 10:00:00 [info] 4411#4411 "shop" application started',
        '2026/12/01 10:00:07 [alert] 4400#4400 app process 4433 exited on signal 11 (core dumped)',
      ),
    },
  ],
};

// ---------------------------------------------------------------- JVM / .NET / Go / Elixir web
export const webStacks: PairFormat = {
  format: 'Spring+Hibernate / ASP.NET Core / gin / echo / Phoenix+Ecto',
  pairs: [
    {
      name: 'Spring Boot + Hibernate SqlExceptionHelper 23505, other key, pid and thread',
      kind: 'same',
      a: log(
        '2026-12-01T10:00:00.101Z  INFO 4411 --- [orders] [nio-8080-exec-3] c.a.orders.OrderController               : POST /orders ref=ORD-8812',
        '2026-12-01T10:00:00.123Z  WARN 4411 --- [orders] [nio-8080-exec-3] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: 23505',
        '2026-12-01T10:00:00.123Z ERROR 4411 --- [orders] [nio-8080-exec-3] o.h.engine.jdbc.spi.SqlExceptionHelper   : ERROR: duplicate key value violates unique constraint "orders_ref_key"',
        '  Detail: Key (ref)=(ORD-8812) already exists.',
        '2026-12-01T10:00:00.130Z ERROR 4411 --- [orders] [nio-8080-exec-3] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.dao.DataIntegrityViolationException: could not execute statement [ERROR: duplicate key value violates unique constraint "orders_ref_key"',
        '  Detail: Key (ref)=(ORD-8812) already exists.] [insert into orders (created_at,ref,id) values (?,?,?)]; SQL [insert into orders (created_at,ref,id) values (?,?,?)]; constraint [orders_ref_key]] with root cause',
        '',
        'org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint "orders_ref_key"',
        '  Detail: Key (ref)=(ORD-8812) already exists.',
        '\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725)',
        '\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2412)',
        '\tat com.acme.orders.OrderService.create(OrderService.java:44)',
      ),
      b: log(
        '2026-12-03T21:14:55.870Z  WARN 19 --- [orders] [nio-8080-exec-9] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: 23505',
        '2026-12-03T21:14:55.870Z ERROR 19 --- [orders] [nio-8080-exec-9] o.h.engine.jdbc.spi.SqlExceptionHelper   : ERROR: duplicate key value violates unique constraint "orders_ref_key"',
        '  Detail: Key (ref)=(ORD-17) already exists.',
        '2026-12-03T21:14:55.880Z ERROR 19 --- [orders] [nio-8080-exec-9] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.dao.DataIntegrityViolationException: could not execute statement [ERROR: duplicate key value violates unique constraint "orders_ref_key"',
        '  Detail: Key (ref)=(ORD-17) already exists.] [insert into orders (created_at,ref,id) values (?,?,?)]; SQL [insert into orders (created_at,ref,id) values (?,?,?)]; constraint [orders_ref_key]] with root cause',
        '',
        'org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint "orders_ref_key"',
        '  Detail: Key (ref)=(ORD-17) already exists.',
        '\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)',
        '\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2420)',
        '\tat com.acme.orders.OrderService.create(OrderService.java:47)',
      ),
    },
    {
      name: 'Spring Boot + Hibernate: 23505 unique vs 23503 foreign key',
      kind: 'different',
      a: log(
        '2026-12-01T10:00:00.123Z  WARN 4411 --- [orders] [nio-8080-exec-3] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: 23505',
        '2026-12-01T10:00:00.123Z ERROR 4411 --- [orders] [nio-8080-exec-3] o.h.engine.jdbc.spi.SqlExceptionHelper   : ERROR: duplicate key value violates unique constraint "orders_ref_key"',
        '  Detail: Key (ref)=(ORD-8812) already exists.',
      ),
      b: log(
        '2026-12-01T10:00:00.123Z  WARN 4411 --- [orders] [nio-8080-exec-3] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: 23503',
        '2026-12-01T10:00:00.123Z ERROR 4411 --- [orders] [nio-8080-exec-3] o.h.engine.jdbc.spi.SqlExceptionHelper   : ERROR: insert or update on table "orders" violates foreign key constraint "orders_customer_id_fkey"',
        '  Detail: Key (customer_id)=(8812) is not present in table "customers".',
      ),
    },
    {
      name: 'ASP.NET Core ExceptionHandlerMiddleware, EF Core DbUpdateException over SqlException, other key and lines',
      kind: 'same',
      a: log(
        'info: Microsoft.Hosting.Lifetime[14]',
        '      Now listening on: http://[::]:8080',
        'fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]',
        '      An unhandled exception has occurred while executing the request.',
        '      Microsoft.EntityFrameworkCore.DbUpdateException: An error occurred while saving the entity changes. See the inner exception for details.',
        "       ---> Microsoft.Data.SqlClient.SqlException (0x80131904): Cannot insert duplicate key row in object 'dbo.Orders' with unique index 'IX_Orders_Ref'. The duplicate key value is (ORD-8812).",
        '         at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)',
        '         at Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch.ExecuteAsync(IRelationalConnection connection, CancellationToken cancellationToken)',
        '      ClientConnectionId:5b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
        '      Error Number:2601,State:1,Class:14',
        '         --- End of inner exception stack trace ---',
        '         at Shop.Api.Orders.OrderService.CreateAsync(OrderDto dto) in /src/Shop.Api/Orders/OrderService.cs:line 57',
        '         at Shop.Api.Orders.OrdersController.Post(OrderDto dto) in /src/Shop.Api/Orders/OrdersController.cs:line 31',
      ),
      b: log(
        'fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]',
        '      An unhandled exception has occurred while executing the request.',
        '      Microsoft.EntityFrameworkCore.DbUpdateException: An error occurred while saving the entity changes. See the inner exception for details.',
        "       ---> Microsoft.Data.SqlClient.SqlException (0x80131904): Cannot insert duplicate key row in object 'dbo.Orders' with unique index 'IX_Orders_Ref'. The duplicate key value is (ORD-17).",
        '         at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)',
        '         at Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch.ExecuteAsync(IRelationalConnection connection, CancellationToken cancellationToken)',
        '      ClientConnectionId:0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d',
        '      Error Number:2601,State:1,Class:14',
        '         --- End of inner exception stack trace ---',
        '         at Shop.Api.Orders.OrderService.CreateAsync(OrderDto dto) in /src/Shop.Api/Orders/OrderService.cs:line 61',
        '         at Shop.Api.Orders.OrdersController.Post(OrderDto dto) in /src/Shop.Api/Orders/OrdersController.cs:line 31',
        'info: Microsoft.AspNetCore.Hosting.Diagnostics[2]',
        '      Request finished HTTP/1.1 POST http://shop.example.com/api/orders - 500 - - 41.2001ms',
      ),
    },
    {
      name: 'gin Recovery panic, other time, host and lines',
      kind: 'same',
      a: log(
        '[GIN-debug] Listening and serving HTTP on :8080',
        '',
        '',
        `${ESC}[31m2026/12/01 10:00:00 [Recovery] 2026/12/01 - 10:00:00 panic recovered:`,
        'POST /api/orders HTTP/1.1',
        'Host: localhost:8080',
        'Accept: */*',
        'Content-Length: 41',
        'Content-Type: application/json',
        'User-Agent: curl/8.5.0',
        '',
        '',
        'runtime error: invalid memory address or nil pointer dereference',
        '/usr/local/go/src/runtime/panic.go:261 (0x44f5b8)',
        '\tpanicmem: panic(memoryError)',
        '/usr/local/go/src/runtime/signal_unix.go:861 (0x44f588)',
        '\tsigpanic: panicmem()',
        '/app/handlers/orders.go:42 (0x9a1f2c)',
        '\tCreateOrder: total := req.Cart.Total()',
        '/root/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/context.go:174 (0x8f6e1a)',
        '\t(*Context).Next: c.handlers[c.index](c)',
        `${ESC}[0m`,
        '[GIN] 2026/12/01 - 10:00:00 | 500 |    1.234567ms |       10.0.0.17 | POST     "/api/orders"',
      ),
      b: log(
        '',
        '',
        `${ESC}[31m2026/12/04 22:41:09 [Recovery] 2026/12/04 - 22:41:09 panic recovered:`,
        'POST /api/orders HTTP/1.1',
        'Host: shop.example.com',
        'Accept: application/json',
        'Content-Length: 77',
        'Content-Type: application/json',
        'User-Agent: okhttp/4.12.0',
        '',
        '',
        'runtime error: invalid memory address or nil pointer dereference',
        '/usr/local/go/src/runtime/panic.go:261 (0x44f5b8)',
        '\tpanicmem: panic(memoryError)',
        '/usr/local/go/src/runtime/signal_unix.go:861 (0x44f588)',
        '\tsigpanic: panicmem()',
        '/app/handlers/orders.go:44 (0x9a20c4)',
        '\tCreateOrder: total := req.Cart.Total()',
        '/root/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/context.go:174 (0x8f6e1a)',
        '\t(*Context).Next: c.handlers[c.index](c)',
        `${ESC}[0m`,
        '[GIN] 2026/12/04 - 22:41:09 | 500 |     812.04µs |     192.168.3.4 | POST     "/api/orders"',
      ),
    },
    {
      name: 'gin Recovery: nil pointer vs index out of range in one handler',
      kind: 'different',
      a: log(
        '2026/12/01 10:00:00 [Recovery] 2026/12/01 - 10:00:00 panic recovered:',
        'runtime error: invalid memory address or nil pointer dereference',
        '/app/handlers/orders.go:42 (0x9a1f2c)',
        '\tCreateOrder: total := req.Cart.Total()',
      ),
      b: log(
        '2026/12/01 10:00:00 [Recovery] 2026/12/01 - 10:00:00 panic recovered:',
        'runtime error: index out of range [3] with length 3',
        '/app/handlers/orders.go:42 (0x9a1f2c)',
        '\tCreateOrder: total := req.Cart.Total()',
      ),
    },
    {
      name: 'echo Recover middleware JSON line, other goroutine, time and addresses',
      kind: 'same',
      a: ndjson({
        time: '2026-12-01T10:00:00.123456789Z',
        level: '-',
        prefix: 'echo',
        file: 'recover.go',
        line: '119',
        message:
          '[PANIC RECOVER] runtime error: invalid memory address or nil pointer dereference goroutine 41 [running]:\ngithub.com/labstack/echo/v4/middleware.RecoverWithConfig.func1.1.1()\n\t/root/go/pkg/mod/github.com/labstack/echo/v4@v4.11.4/middleware/recover.go:99 +0x14d\npanic({0xa1b2c0?, 0x1234560?})\n\t/usr/local/go/src/runtime/panic.go:770 +0x132\nmain.createOrder({0xc8e0a0, 0xc0001a2000})\n\t/app/main.go:42 +0x2a\n',
      }),
      b: ndjson({
        time: '2026-12-04T22:41:09.000000001+01:00',
        level: '-',
        prefix: 'echo',
        file: 'recover.go',
        line: '119',
        message:
          '[PANIC RECOVER] runtime error: invalid memory address or nil pointer dereference goroutine 1077 [running]:\ngithub.com/labstack/echo/v4/middleware.RecoverWithConfig.func1.1.1()\n\t/root/go/pkg/mod/github.com/labstack/echo/v4@v4.11.4/middleware/recover.go:99 +0x14d\npanic({0xa1b2c0?, 0x1234560?})\n\t/usr/local/go/src/runtime/panic.go:770 +0x132\nmain.createOrder({0xc8e0a0, 0xc00ab31400})\n\t/app/main.go:42 +0x2a\n',
      }),
    },
    {
      name: 'Postgrex failed to connect, other pid and time',
      kind: 'same',
      a: log(
        '10:00:00.101 [info] Running ShopWeb.Endpoint with Bandit 1.1.2 at :::4000 (http)',
        '10:00:00.412 [error] Postgrex.Protocol (#PID<0.2210.0>) failed to connect: ** (DBConnection.ConnectionError) tcp connect (db.internal:5432): connection refused - :econnrefused',
      ),
      b: log(
        '22:41:09.870 [error] Postgrex.Protocol (#PID<0.4411.0>) failed to connect: ** (DBConnection.ConnectionError) tcp connect (db.internal:5432): connection refused - :econnrefused',
        '22:41:10.002 [info] Access ShopWeb.Endpoint at https://shop.example.com',
      ),
    },
    {
      name: 'Postgrex failed to connect: econnrefused vs nxdomain',
      kind: 'different',
      a: log(
        '10:00:00.412 [error] Postgrex.Protocol (#PID<0.2210.0>) failed to connect: ** (DBConnection.ConnectionError) tcp connect (db.internal:5432): connection refused - :econnrefused',
      ),
      b: log(
        '10:00:00.412 [error] Postgrex.Protocol (#PID<0.2210.0>) failed to connect: ** (DBConnection.ConnectionError) tcp connect (db.internal:5432): non-existing domain - :nxdomain',
      ),
    },
    {
      name: 'Phoenix request crash with Ecto.ConstraintError, other request and pids',
      kind: 'same',
      a: log(
        '10:00:00.101 request_id=F8fK2bX1a9Qd3wAAAAEB [info] POST /api/orders',
        '10:00:00.130 request_id=F8fK2bX1a9Qd3wAAAAEB [error] ** (Ecto.ConstraintError) constraint error when attempting to insert struct:',
        '',
        '    * "orders_ref_index" (unique_constraint)',
        '',
        'If you would like to stop this constraint violation from raising an',
        'exception and instead add it as an error to your changeset, please',
        'call `unique_constraint/3` on your changeset with the constraint',
        '`:name` as an option.',
        '',
        'The changeset has not defined any constraint.',
        '',
        '    (ecto 3.11.1) lib/ecto/repo/schema.ex:804: anonymous fn/4 in Ecto.Repo.Schema.constraints_to_errors/3',
        '    (shop 0.1.0) lib/shop/orders.ex:42: Shop.Orders.create/1',
        '    (shop 0.1.0) lib/shop_web/controllers/order_controller.ex:12: ShopWeb.OrderController.create/2',
      ),
      b: log(
        '22:41:09.870 request_id=F8gZ0qPm1Lk7yBBBBBCD [error] ** (Ecto.ConstraintError) constraint error when attempting to insert struct:',
        '',
        '    * "orders_ref_index" (unique_constraint)',
        '',
        'If you would like to stop this constraint violation from raising an',
        'exception and instead add it as an error to your changeset, please',
        'call `unique_constraint/3` on your changeset with the constraint',
        '`:name` as an option.',
        '',
        'The changeset has not defined any constraint.',
        '',
        '    (ecto 3.11.1) lib/ecto/repo/schema.ex:804: anonymous fn/4 in Ecto.Repo.Schema.constraints_to_errors/3',
        '    (shop 0.1.0) lib/shop/orders.ex:45: Shop.Orders.create/1',
        '    (shop 0.1.0) lib/shop_web/controllers/order_controller.ex:12: ShopWeb.OrderController.create/2',
        '22:41:09.871 request_id=F8gZ0qPm1Lk7yBBBBBCD [info] Sent 500 in 31ms',
      ),
    },
  ],
};

export const databases: PairFormat = {
  format: 'SQL Server, Oracle, SQLite, ClickHouse, Cassandra',
  pairs: [...sqlServerOracleSqlite.pairs, ...clickhouseCassandra.pairs],
};
export const queuesAndJobs: PairFormat = {
  format: 'Kafka and RabbitMQ clients, Sidekiq, Resque, Celery',
  pairs: [...queues.pairs, ...jobs.pairs],
};
