import { log, ndjson, type PairFormat } from './model.ts';

/**
 * Failures that quote the value a parse or a check refused: the value is the
 * request's input (one failure whatever was sent), the field, column, type or
 * enum it was meant for is the code's (two of those are two failures).
 */
export const refusedInputs: PairFormat = {
  format: 'parse and validation failures: refused input values',
  pairs: [
    {
      name: 'Java NumberFormatException under a stack, other input',
      kind: 'same',
      a: log(
        '2026-11-30 08:14:09,551 ERROR [exec-4] c.a.imports.RowReader - row rejected',
        'java.lang.NumberFormatException: For input string: "twelve"',
        '\tat java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)',
        '\tat java.base/java.lang.Long.parseLong(Long.java:711)',
        '\tat com.acme.imports.RowReader.quantity(RowReader.java:88)',
        '\tat com.acme.imports.RowReader.read(RowReader.java:41)',
      ),
      b: log(
        '2026-12-01 17:02:44,003 ERROR [exec-11] c.a.imports.RowReader - row rejected',
        'java.lang.NumberFormatException: For input string: "N/A"',
        '\tat java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)',
        '\tat java.base/java.lang.Long.parseLong(Long.java:711)',
        '\tat com.acme.imports.RowReader.quantity(RowReader.java:90)',
        '\tat com.acme.imports.RowReader.read(RowReader.java:41)',
      ),
    },
    {
      name: 'Python int() of a form field, other text',
      kind: 'same',
      a: log(
        'Traceback (most recent call last):',
        '  File "/srv/shop/views/cart.py", line 57, in update',
        '    qty = int(request.form["qty"])',
        "ValueError: invalid literal for int() with base 10: 'lots'",
      ),
      b: log(
        'Traceback (most recent call last):',
        '  File "/srv/shop/views/cart.py", line 57, in update',
        '    qty = int(request.form["qty"])',
        "ValueError: invalid literal for int() with base 10: ''",
      ),
    },
    {
      name: 'Python enum lookup, other value',
      kind: 'same',
      a: log("2026-12-01 09:00:01,112 ERROR orders.api: ValueError: 'pendng' is not a valid OrderState"),
      b: log("2026-12-02 21:40:19,870 ERROR orders.api: ValueError: 'cancled' is not a valid OrderState"),
    },
    {
      name: 'Python enum lookup, other enum',
      kind: 'different',
      a: log("2026-12-01 09:00:01,112 ERROR orders.api: ValueError: 'pendng' is not a valid OrderState"),
      b: log("2026-12-01 09:00:01,112 ERROR orders.api: ValueError: 'pendng' is not a valid PaymentState"),
    },
    {
      name: 'Postgres invalid input syntax, other value',
      kind: 'same',
      a: log(
        '2026-12-01 10:11:12.345 UTC [2211] app@shop ERROR:  invalid input syntax for type uuid: "abc-def"',
        '2026-12-01 10:11:12.345 UTC [2211] app@shop STATEMENT:  SELECT * FROM carts WHERE id = $1',
      ),
      b: log(
        '2026-12-02 03:00:59.101 UTC [987] app@shop ERROR:  invalid input syntax for type uuid: "undefined"',
        '2026-12-02 03:00:59.101 UTC [987] app@shop STATEMENT:  SELECT * FROM carts WHERE id = $1',
      ),
    },
    {
      name: 'Postgres invalid input syntax, uuid vs integer',
      kind: 'different',
      a: log('2026-12-01 10:11:12.345 UTC [2211] app@shop ERROR:  invalid input syntax for type uuid: "abc"'),
      b: log(
        '2026-12-01 10:11:12.345 UTC [2211] app@shop ERROR:  invalid input syntax for type integer: "abc"',
      ),
    },
    {
      name: 'Postgres enum value, other value',
      kind: 'same',
      a: log('2026-12-01 10:11:12 UTC [44] ERROR:  invalid input value for enum ship_state: "shiped"'),
      b: log('2026-12-03 11:00:00 UTC [45] ERROR:  invalid input value for enum ship_state: "in transit"'),
    },
    {
      name: 'MySQL incorrect value, other value; the column stays',
      kind: 'same',
      a: log(
        "2026-12-01T10:00:00.000000Z 31 [ERROR] [MY-001366] [Server] Incorrect integer value: 'ten' for column 'qty' at row 1",
      ),
      b: log(
        "2026-12-02T16:20:00.000000Z 87 [ERROR] [MY-001366] [Server] Incorrect integer value: 'a few' for column 'qty' at row 14",
      ),
    },
    {
      name: 'MySQL incorrect value, column qty vs price',
      kind: 'different',
      a: log(
        "2026-12-01T10:00:00.000000Z 31 [ERROR] [MY-001366] [Server] Incorrect integer value: 'ten' for column 'qty' at row 1",
      ),
      b: log(
        "2026-12-01T10:00:00.000000Z 31 [ERROR] [MY-001366] [Server] Incorrect integer value: 'ten' for column 'price' at row 1",
      ),
    },
    {
      name: 'Go strconv in a zap record, other input',
      kind: 'same',
      a: ndjson({
        level: 'error',
        ts: 1764583200.5,
        caller: 'api/params.go:31',
        msg: 'bad query parameter',
        error: 'strconv.Atoi: parsing "all": invalid syntax',
      }),
      b: ndjson({
        level: 'error',
        ts: 1764669600.25,
        caller: 'api/params.go:31',
        msg: 'bad query parameter',
        error: 'strconv.Atoi: parsing "-": invalid syntax',
      }),
    },
    {
      name: 'Go time layout, other input; the layout stays',
      kind: 'same',
      a: log(
        'time="2026-12-01T10:00:00Z" level=error msg="import failed" error="parsing time \\"31/11/2026\\" as \\"2006-01-02\\": cannot parse \\"31/11/2026\\" as \\"2006\\""',
      ),
      b: log(
        'time="2026-12-02T11:30:00Z" level=error msg="import failed" error="parsing time \\"tomorrow\\" as \\"2006-01-02\\": cannot parse \\"tomorrow\\" as \\"2006\\""',
      ),
    },
    {
      name: 'Jackson from String, other input',
      kind: 'same',
      a: log(
        '2026-12-01 10:00:00.101  WARN 7 --- [nio-8080-exec-2] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.http.converter.HttpMessageNotReadableException: JSON parse error: Cannot deserialize value of type `java.time.LocalDate` from String "12/01/2026": Failed to deserialize java.time.LocalDate]',
      ),
      b: log(
        '2026-12-02 08:30:00.999  WARN 7 --- [nio-8080-exec-9] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.http.converter.HttpMessageNotReadableException: JSON parse error: Cannot deserialize value of type `java.time.LocalDate` from String "yesterday": Failed to deserialize java.time.LocalDate]',
      ),
    },
    {
      name: 'Jackson from String, LocalDate vs Instant',
      kind: 'different',
      a: log(
        '2026-12-01 10:00:00.101  WARN 7 --- [nio-8080-exec-2] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.http.converter.HttpMessageNotReadableException: JSON parse error: Cannot deserialize value of type `java.time.LocalDate` from String "x"]',
      ),
      b: log(
        '2026-12-01 10:00:00.101  WARN 7 --- [nio-8080-exec-2] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.http.converter.HttpMessageNotReadableException: JSON parse error: Cannot deserialize value of type `java.time.Instant` from String "x"]',
      ),
    },
    {
      name: 'Java enum constant, other constant',
      kind: 'same',
      a: log(
        'java.lang.IllegalArgumentException: No enum constant com.acme.orders.Channel.WEBSHOP',
        '\tat java.base/java.lang.Enum.valueOf(Enum.java:293)',
        '\tat com.acme.orders.Channel.valueOf(Channel.java:5)',
        '\tat com.acme.orders.OrderMapper.channel(OrderMapper.java:48)',
      ),
      b: log(
        'java.lang.IllegalArgumentException: No enum constant com.acme.orders.Channel.kiosk',
        '\tat java.base/java.lang.Enum.valueOf(Enum.java:293)',
        '\tat com.acme.orders.Channel.valueOf(Channel.java:5)',
        '\tat com.acme.orders.OrderMapper.channel(OrderMapper.java:48)',
      ),
    },
    {
      name: 'Node JSON.parse of a body, other body',
      kind: 'same',
      a: log(
        `SyntaxError: Unexpected token 'o', "not json" is not valid JSON`,
        '    at JSON.parse (<anonymous>)',
        '    at parseBody (/srv/api/lib/body.js:14:17)',
        '    at Server.handle (/srv/api/server.js:40:5)',
      ),
      b: log(
        `SyntaxError: Unexpected token 'U', "Upstream f"... is not valid JSON`,
        '    at JSON.parse (<anonymous>)',
        '    at parseBody (/srv/api/lib/body.js:14:17)',
        '    at Server.handle (/srv/api/server.js:40:5)',
      ),
    },
    {
      name: 'Rust serde in a tracing record, other variant',
      kind: 'same',
      a: ndjson({
        timestamp: '2026-12-01T10:00:00.000000Z',
        level: 'ERROR',
        fields: {
          message: 'rejecting request',
          error: 'unknown variant `expres`, expected `standard` or `express`',
        },
        target: 'shipping::api',
      }),
      b: ndjson({
        timestamp: '2026-12-02T12:00:00.000000Z',
        level: 'ERROR',
        fields: {
          message: 'rejecting request',
          error: 'unknown variant `overnight`, expected `standard` or `express`',
        },
        target: 'shipping::api',
      }),
    },
    {
      name: '.NET FormatException, other input',
      kind: 'same',
      a: log(
        "fail: Shop.Api.Orders[0] Unhandled exception. System.FormatException: The input string 'ten' was not in a correct format.",
      ),
      b: log(
        "fail: Shop.Api.Orders[0] Unhandled exception. System.FormatException: The input string '' was not in a correct format.",
      ),
    },
    {
      name: 'a missing key is not a refused value: user_id vs email',
      kind: 'different',
      a: log(
        'Traceback (most recent call last):',
        '  File "/srv/shop/jobs/sync.py", line 20, in run',
        '    send(row["user_id"])',
        "KeyError: 'user_id'",
      ),
      b: log(
        'Traceback (most recent call last):',
        '  File "/srv/shop/jobs/sync.py", line 20, in run',
        '    send(row["email"])',
        "KeyError: 'email'",
      ),
    },
    {
      name: 'NumberFormatException, read at quantity() vs at price()',
      kind: 'different',
      a: log(
        'java.lang.NumberFormatException: For input string: "twelve"',
        '\tat java.base/java.lang.Long.parseLong(Long.java:711)',
        '\tat com.acme.imports.RowReader.quantity(RowReader.java:88)',
      ),
      b: log(
        'java.lang.NumberFormatException: For input string: "twelve"',
        '\tat java.base/java.lang.Long.parseLong(Long.java:711)',
        '\tat com.acme.imports.RowReader.price(RowReader.java:97)',
      ),
    },
    {
      name: 'Go strconv: Atoi vs ParseFloat',
      kind: 'different',
      a: log(
        'time="2026-12-01T10:00:00Z" level=error msg="bad parameter" error="strconv.Atoi: parsing \\"x\\": invalid syntax"',
      ),
      b: log(
        'time="2026-12-01T10:00:00Z" level=error msg="bad parameter" error="strconv.ParseFloat: parsing \\"x\\": invalid syntax"',
      ),
    },
    {
      name: 'Go strconv: invalid syntax vs value out of range',
      kind: 'different',
      a: log(
        'time="2026-12-01T10:00:00Z" level=error msg="bad parameter" error="strconv.Atoi: parsing \\"x\\": invalid syntax"',
      ),
      b: log(
        'time="2026-12-01T10:00:00Z" level=error msg="bad parameter" error="strconv.Atoi: parsing \\"x\\": value out of range"',
      ),
    },
    {
      name: 'Postgres enum value: ship_state vs pay_state',
      kind: 'different',
      a: log('2026-12-01 10:11:12 UTC [44] ERROR:  invalid input value for enum ship_state: "x"'),
      b: log('2026-12-01 10:11:12 UTC [44] ERROR:  invalid input value for enum pay_state: "x"'),
    },
    {
      name: 'MySQL incorrect value: integer vs decimal',
      kind: 'different',
      a: log(
        "2026-12-01T10:00:00.000000Z 31 [ERROR] [MY-001366] [Server] Incorrect integer value: 'x' for column 'qty' at row 1",
      ),
      b: log(
        "2026-12-01T10:00:00.000000Z 31 [ERROR] [MY-001366] [Server] Incorrect decimal value: 'x' for column 'qty' at row 1",
      ),
    },
    {
      name: 'Java enum constant: Channel vs Region',
      kind: 'different',
      a: log(
        '2026-12-01 10:00:00,000 ERROR [exec-1] c.a.orders.OrderMapper - java.lang.IllegalArgumentException: No enum constant com.acme.orders.Channel.X',
      ),
      b: log(
        '2026-12-01 10:00:00,000 ERROR [exec-1] c.a.orders.OrderMapper - java.lang.IllegalArgumentException: No enum constant com.acme.orders.Region.X',
      ),
    },
    {
      name: 'JSON.parse of a request body vs of a cached entry',
      kind: 'different',
      a: log(
        `SyntaxError: Unexpected token 'o', "not json" is not valid JSON`,
        '    at JSON.parse (<anonymous>)',
        '    at parseBody (/srv/api/lib/body.js:14:17)',
      ),
      b: log(
        `SyntaxError: Unexpected token 'o', "not json" is not valid JSON`,
        '    at JSON.parse (<anonymous>)',
        '    at readCache (/srv/api/lib/cache.js:30:21)',
      ),
    },
    {
      name: 'serde unknown variant of the shipping speed vs of the region',
      kind: 'different',
      a: ndjson({
        timestamp: '2026-12-01T10:00:00.000000Z',
        level: 'ERROR',
        fields: {
          message: 'rejecting request',
          error: 'unknown variant `x`, expected `standard` or `express`',
        },
        target: 'shipping::api',
      }),
      b: ndjson({
        timestamp: '2026-12-01T10:00:00.000000Z',
        level: 'ERROR',
        fields: { message: 'rejecting request', error: 'unknown variant `x`, expected `eu` or `us`' },
        target: 'shipping::api',
      }),
    },
  ],
};

/** Java application servers and data jobs, in the layouts they log with by default. */
export const javaServers: PairFormat = {
  format: 'Tomcat, WildFly, Quarkus, Spark, Airflow and PHP with arguments',
  pairs: [
    {
      name: 'Tomcat context start failure, other day',
      kind: 'same',
      a: log(
        '30-Nov-2026 06:00:01.210 INFO [main] org.apache.catalina.startup.Catalina.load Server initialization in [640] milliseconds',
        '30-Nov-2026 06:00:02.871 SEVERE [main] org.apache.catalina.core.StandardContext.startInternal Context [/shop] startup failed due to previous errors',
      ),
      b: log(
        '02-Dec-2026 19:45:30.004 INFO [main] org.apache.catalina.startup.Catalina.load Server initialization in [702] milliseconds',
        '02-Dec-2026 19:45:31.519 SEVERE [main] org.apache.catalina.core.StandardContext.startInternal Context [/shop] startup failed due to previous errors',
      ),
    },
    {
      name: 'Tomcat context start failure, shop vs admin',
      kind: 'different',
      a: log(
        '30-Nov-2026 06:00:02.871 SEVERE [main] org.apache.catalina.core.StandardContext.startInternal Context [/shop] startup failed due to previous errors',
      ),
      b: log(
        '30-Nov-2026 06:00:02.871 SEVERE [main] org.apache.catalina.core.StandardContext.startInternal Context [/admin] startup failed due to previous errors',
      ),
    },
    {
      name: 'WildFly deployment failure, other thread and time',
      kind: 'same',
      a: log(
        '06:12:40,118 ERROR [org.jboss.as.controller.management-operation] (Controller Boot Thread) WFLYCTL0013: Operation ("deploy") failed - address: ([("deployment" => "shop.war")])',
      ),
      b: log(
        '23:01:02,940 ERROR [org.jboss.as.controller.management-operation] (ServerService Thread Pool -- 81) WFLYCTL0013: Operation ("deploy") failed - address: ([("deployment" => "shop.war")])',
      ),
    },
    {
      name: 'WildFly message ids: failed operation vs failed service',
      kind: 'different',
      a: log(
        '06:12:40,118 ERROR [org.jboss.as.controller.management-operation] (Controller Boot Thread) WFLYCTL0013: Operation ("deploy") failed',
      ),
      b: log(
        '06:12:40,118 ERROR [org.jboss.as.controller.management-operation] (Controller Boot Thread) WFLYCTL0186: Operation ("deploy") failed',
      ),
    },
    {
      name: 'Quarkus start failure, other thread',
      kind: 'same',
      a: log(
        '2026-12-01 10:00:00,101 ERROR [io.quarkus.runtime.Application] (main) Failed to start application: java.lang.RuntimeException: Unable to bind port 8080',
      ),
      b: log(
        '2026-12-03 07:30:12,777 ERROR [io.quarkus.runtime.Application] (Quarkus Main Thread) Failed to start application: java.lang.RuntimeException: Unable to bind port 8443',
      ),
    },
    {
      name: 'Spark task failure, other task and input',
      kind: 'same',
      a: log(
        '26/12/01 04:10:33 ERROR Executor: Exception in task 3.0 in stage 7.0 (TID 88)',
        'java.lang.NumberFormatException: For input string: "1,5"',
        '\tat java.base/java.lang.Integer.parseInt(Integer.java:661)',
        '\tat com.acme.jobs.Clean$.units(Clean.scala:22)',
        '\tat org.apache.spark.executor.Executor$TaskRunner.run(Executor.scala:620)',
      ),
      b: log(
        '26/12/02 04:10:58 ERROR Executor: Exception in task 181.0 in stage 7.0 (TID 902)',
        'java.lang.NumberFormatException: For input string: "unknown"',
        '\tat java.base/java.lang.Integer.parseInt(Integer.java:661)',
        '\tat com.acme.jobs.Clean$.units(Clean.scala:22)',
        '\tat org.apache.spark.executor.Executor$TaskRunner.run(Executor.scala:620)',
      ),
    },
    {
      name: 'Airflow task failure, other run and attempt',
      kind: 'same',
      a: log(
        '[2026-12-01, 02:00:04 UTC] {taskinstance.py:1359} INFO - Starting attempt 1 of 3',
        '[2026-12-01, 02:00:07 UTC] {taskinstance.py:1937} ERROR - Task failed with exception',
        'Traceback (most recent call last):',
        '  File "/opt/airflow/dags/shop/export.py", line 33, in push',
        '    client.upload(path)',
        'ConnectionError: upload endpoint refused the connection',
      ),
      b: log(
        '[2026-12-02, 02:00:05 UTC] {taskinstance.py:1359} INFO - Starting attempt 3 of 3',
        '[2026-12-02, 02:00:09 UTC] {taskinstance.py:1937} ERROR - Task failed with exception',
        'Traceback (most recent call last):',
        '  File "/opt/airflow/dags/shop/export.py", line 33, in push',
        '    client.upload(path)',
        'ConnectionError: upload endpoint refused the connection',
      ),
    },
    {
      name: 'PHP frames with their arguments (development) and without (production)',
      kind: 'same',
      a: log(
        '[01-Dec-2026 10:31:55 UTC] PHP Fatal error:  Uncaught TypeError: round(): Argument #1 ($num) must be of type int|float, string given in /var/www/shop/src/Price.php:30',
        'Stack trace:',
        "#0 /var/www/shop/src/Price.php(30): round('12,50', 2)",
        "#1 /var/www/shop/src/Cart.php(71): Shop\\Price->net('12,50')",
        '#2 {main}',
        '  thrown in /var/www/shop/src/Price.php on line 30',
      ),
      b: log(
        '[02-Dec-2026 08:02:11 UTC] PHP Fatal error:  Uncaught TypeError: round(): Argument #1 ($num) must be of type int|float, string given in /var/www/shop/src/Price.php:30',
        'Stack trace:',
        '#0 /var/www/shop/src/Price.php(30): round()',
        '#1 /var/www/shop/src/Cart.php(71): Shop\\Price->net()',
        '#2 {main}',
        '  thrown in /var/www/shop/src/Price.php on line 30',
      ),
    },
    {
      name: 'PHP frames, net() vs gross()',
      kind: 'different',
      a: log(
        'PHP Fatal error:  Uncaught TypeError: round(): Argument #1 ($num) must be of type int|float, string given in /var/www/shop/src/Price.php:30',
        'Stack trace:',
        "#0 /var/www/shop/src/Price.php(30): round('x', 2)",
        "#1 /var/www/shop/src/Cart.php(71): Shop\\Price->net('x')",
        '#2 {main}',
      ),
      b: log(
        'PHP Fatal error:  Uncaught TypeError: round(): Argument #1 ($num) must be of type int|float, string given in /var/www/shop/src/Price.php:30',
        'Stack trace:',
        "#0 /var/www/shop/src/Price.php(30): round('x', 2)",
        "#1 /var/www/shop/src/Cart.php(71): Shop\\Price->gross('x')",
        '#2 {main}',
      ),
    },
    {
      name: 'Tomcat: a listener vs a filter that failed to start',
      kind: 'different',
      a: log(
        '30-Nov-2026 06:00:02.871 SEVERE [main] org.apache.catalina.core.StandardContext.listenerStart Exception sending context initialized event to listener instance of class [com.acme.shop.Boot]',
      ),
      b: log(
        '30-Nov-2026 06:00:02.871 SEVERE [main] org.apache.catalina.core.StandardContext.filterStart Exception starting filter [authFilter]',
      ),
    },
    {
      name: 'Quarkus: port in use vs datasource unreachable',
      kind: 'different',
      a: log(
        '2026-12-01 10:00:00,101 ERROR [io.quarkus.runtime.Application] (main) Failed to start application: java.lang.RuntimeException: Unable to bind port 8080',
      ),
      b: log(
        '2026-12-01 10:00:00,101 ERROR [io.quarkus.runtime.Application] (main) Failed to start application: java.lang.RuntimeException: Unable to reach the datasource',
      ),
    },
    {
      name: 'Airflow: a refused connection vs a timed-out one',
      kind: 'different',
      a: log(
        '[2026-12-01, 02:00:07 UTC] {taskinstance.py:1937} ERROR - Task failed with exception',
        'Traceback (most recent call last):',
        '  File "/opt/airflow/dags/shop/export.py", line 33, in push',
        'ConnectionError: upload endpoint refused the connection',
      ),
      b: log(
        '[2026-12-01, 02:00:07 UTC] {taskinstance.py:1937} ERROR - Task failed with exception',
        'Traceback (most recent call last):',
        '  File "/opt/airflow/dags/shop/export.py", line 33, in push',
        'TimeoutError: upload endpoint did not answer',
      ),
    },
  ],
};

/** Identity, data and delivery tools in their own layouts. */
export const platformTools: PairFormat = {
  format: 'Keycloak events, dbt, Android ANR, Lambda Python runtime',
  pairs: [
    {
      name: 'Keycloak login error event, other user, client address and realm id',
      kind: 'same',
      a: log(
        '2026-12-01 10:00:01,412 WARN  [org.keycloak.events] (executor-thread-7) type="LOGIN_ERROR", realmId="5f1c", realmName="shop", clientId="web", userId="null", ipAddress="10.1.2.3", error="invalid_user_credentials", username="bob"',
      ),
      b: log(
        '2026-12-02 18:30:44,900 WARN  [org.keycloak.events] (executor-thread-31) type="LOGIN_ERROR", realmId="5f1c", realmName="shop", clientId="web", userId="c0ffee", ipAddress="192.168.7.40", error="invalid_user_credentials", username="carol"',
      ),
    },
    {
      name: 'Keycloak event: login error vs token exchange error',
      kind: 'different',
      a: log(
        '2026-12-01 10:00:01,412 WARN  [org.keycloak.events] (executor-thread-7) type="LOGIN_ERROR", realmName="shop", clientId="web", error="invalid_user_credentials"',
      ),
      b: log(
        '2026-12-01 10:00:01,412 WARN  [org.keycloak.events] (executor-thread-7) type="CODE_TO_TOKEN_ERROR", realmName="shop", clientId="web", error="invalid_user_credentials"',
      ),
    },
    {
      name: 'dbt model failure, other run time',
      kind: 'same',
      a: log(
        '06:00:12  1 of 9 START sql view model analytics.stg_payments ....... [RUN]',
        '06:00:13  Database Error in model stg_payments (models/staging/stg_payments.sql)',
        '06:00:13    column "amount_cents" does not exist',
      ),
      b: log(
        '18:42:01  4 of 9 START sql view model analytics.stg_payments ....... [RUN]',
        '18:42:03  Database Error in model stg_payments (models/staging/stg_payments.sql)',
        '18:42:03    column "amount_cents" does not exist',
      ),
    },
    {
      name: 'dbt model failure, payments vs refunds',
      kind: 'different',
      a: log('06:00:13  Database Error in model stg_payments (models/staging/stg_payments.sql)'),
      b: log('06:00:13  Database Error in model stg_refunds (models/staging/stg_refunds.sql)'),
    },
    {
      name: 'Android ANR, other pid and wait',
      kind: 'same',
      a: log(
        '12-01 10:00:05.120  1234  1250 E ActivityManager: ANR in com.acme.shop (com.acme.shop/.MainActivity)',
        '12-01 10:00:05.120  1234  1250 E ActivityManager: PID: 8812',
      ),
      b: log(
        '12-02 21:14:09.777   977  1001 E ActivityManager: ANR in com.acme.shop (com.acme.shop/.MainActivity)',
        '12-02 21:14:09.777   977  1001 E ActivityManager: PID: 31020',
      ),
    },
    {
      name: 'Android ANR, main activity vs checkout activity',
      kind: 'different',
      a: log(
        '12-01 10:00:05.120  1234  1250 E ActivityManager: ANR in com.acme.shop (com.acme.shop/.MainActivity)',
      ),
      b: log(
        '12-01 10:00:05.120  1234  1250 E ActivityManager: ANR in com.acme.shop (com.acme.shop/.CheckoutActivity)',
      ),
    },
    {
      name: "Lambda's Python runtime: an uncaught exception before its traceback, other request",
      kind: 'same',
      a: log(
        'START RequestId: 0c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f Version: $LATEST',
        "[ERROR] KeyError: 'customer_id'",
        'Traceback (most recent call last):',
        '  File "/var/task/handler.py", line 21, in lambda_handler',
        "    customer = event['customer_id']",
        'END RequestId: 0c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
        'REPORT RequestId: 0c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f\tDuration: 3.12 ms\tBilled Duration: 4 ms',
      ),
      b: log(
        'START RequestId: 9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f Version: $LATEST',
        "[ERROR] KeyError: 'customer_id'",
        'Traceback (most recent call last):',
        '  File "/var/task/handler.py", line 23, in lambda_handler',
        "    customer = event['customer_id']",
        'END RequestId: 9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f',
        'REPORT RequestId: 9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f\tDuration: 1.90 ms\tBilled Duration: 2 ms',
      ),
    },
    {
      name: "Lambda's Python runtime: KeyError vs TypeError at the same frame",
      kind: 'different',
      a: log(
        "[ERROR] KeyError: 'customer_id'",
        'Traceback (most recent call last):',
        '  File "/var/task/handler.py", line 21, in lambda_handler',
        "    customer = event['customer_id']",
      ),
      b: log(
        "[ERROR] TypeError: 'NoneType' object is not subscriptable",
        'Traceback (most recent call last):',
        '  File "/var/task/handler.py", line 21, in lambda_handler',
        "    customer = event['customer_id']",
      ),
    },
  ],
};

const pretty = (record: Record<string, unknown>) => `${JSON.stringify(record, null, 2)}\n`;

/** A log that is one JSON document: an exported array of records, or records pretty-printed over lines. */
export const jsonDocuments: PairFormat = {
  format: 'JSON documents: exported arrays, pretty-printed records, CloudWatch Logs envelopes',
  pairs: [
    {
      name: 'pretty-printed error record, other request and time',
      kind: 'same',
      a: pretty({
        level: 'error',
        time: '2026-12-01T10:00:00.120Z',
        reqId: 'req-81',
        msg: 'refund failed',
        err: {
          type: 'GatewayError',
          message: 'issuer unavailable',
          stack: 'GatewayError: issuer unavailable\n    at refund (/srv/pay/refund.js:40:11)',
        },
      }),
      b: pretty({
        level: 'error',
        time: '2026-12-02T16:44:09.003Z',
        reqId: 'req-4410',
        msg: 'refund failed',
        err: {
          type: 'GatewayError',
          message: 'issuer unavailable',
          stack: 'GatewayError: issuer unavailable\n    at refund (/srv/pay/refund.js:40:11)',
        },
      }),
    },
    {
      name: 'pretty-printed error records without an error object: refund vs charge',
      kind: 'different',
      a: pretty({ level: 'error', time: '2026-12-01T10:00:00Z', reqId: 'req-81', msg: 'refund failed' }),
      b: pretty({ level: 'error', time: '2026-12-01T10:00:00Z', reqId: 'req-81', msg: 'charge failed' }),
    },
    {
      name: 'a record pretty-printed and the same record on one line',
      kind: 'same',
      a: pretty({
        level: 'warn',
        time: '2026-12-01T10:00:00Z',
        msg: 'stock for order 8812 not reserved',
        logger: 'stock',
      }),
      b: `${JSON.stringify({ level: 'warn', time: '2026-12-03T08:00:00Z', msg: 'stock for order 17 not reserved', logger: 'stock' })}\n`,
    },
    {
      name: 'exported array of records, other ids and times',
      kind: 'same',
      a: `${JSON.stringify(
        [
          { timestamp: 1764583200000, message: 'GET /cart 200 12ms' },
          { timestamp: 1764583200100, message: 'ERROR cart 8812 could not be priced: tax service timed out' },
        ],
        null,
        2,
      )}\n`,
      b: `${JSON.stringify([
        { timestamp: 1764669600000, message: 'GET /cart 200 9ms' },
        { timestamp: 1764669600340, message: 'ERROR cart 17 could not be priced: tax service timed out' },
      ])}\n`,
    },
    {
      name: 'exported array: tax service timed out vs refused',
      kind: 'different',
      a: `[\n  ${JSON.stringify({ timestamp: 1764583200100, message: 'ERROR cart 8812 could not be priced: tax service timed out' })}\n]\n`,
      b: `[\n  ${JSON.stringify({ timestamp: 1764583200100, message: 'ERROR cart 8812 could not be priced: tax service refused the connection' })}\n]\n`,
    },
    {
      name: 'pretty-printed Serilog records: InvalidOperationException vs TimeoutException',
      kind: 'different',
      a: pretty({
        '@t': '2026-12-01T10:00:00.000Z',
        '@l': 'Error',
        '@mt': 'Settlement {BatchId} failed',
        BatchId: 7,
        '@x': 'System.InvalidOperationException: batch already settled\n   at Shop.Settle.Run() in /src/Settle.cs:line 31',
      }),
      b: pretty({
        '@t': '2026-12-01T10:00:00.000Z',
        '@l': 'Error',
        '@mt': 'Settlement {BatchId} failed',
        BatchId: 7,
        '@x': 'System.TimeoutException: bank did not answer\n   at Shop.Settle.Run() in /src/Settle.cs:line 31',
      }),
    },
    {
      name: "CloudWatch Logs' subscription payload and an `aws logs` answer holding one failure",
      kind: 'same',
      a: `${JSON.stringify({
        messageType: 'DATA_MESSAGE',
        owner: '123456789012',
        logGroup: '/aws/lambda/checkout',
        logStream: '2026/12/01/[$LATEST]4f1d2c',
        subscriptionFilters: ['errors'],
        logEvents: [
          { id: '3790001', timestamp: 1764583200000, message: 'START RequestId: 1b2c Version: $LATEST\n' },
          {
            id: '3790002',
            timestamp: 1764583200420,
            message: '[ERROR] order 8812 not charged: card declined\n',
          },
        ],
      })}\n`,
      b: `${JSON.stringify(
        {
          events: [
            {
              logStreamName: '2026/12/02/[$LATEST]9e8d7c',
              timestamp: 1764669600300,
              message: '[ERROR] order 17 not charged: card declined\n',
              ingestionTime: 1764669600500,
              eventId: '3791234',
            },
          ],
          searchedLogStreams: [],
        },
        null,
        4,
      )}\n`,
    },
    {
      name: 'CloudWatch Logs subscription payloads: card declined vs card expired',
      kind: 'different',
      a: `${JSON.stringify({
        messageType: 'DATA_MESSAGE',
        logGroup: '/aws/lambda/checkout',
        logEvents: [
          { id: '1', timestamp: 1764583200420, message: '[ERROR] order 8812 not charged: card declined\n' },
        ],
      })}\n`,
      b: `${JSON.stringify({
        messageType: 'DATA_MESSAGE',
        logGroup: '/aws/lambda/checkout',
        logEvents: [
          { id: '1', timestamp: 1764583200420, message: '[ERROR] order 8812 not charged: card expired\n' },
        ],
      })}\n`,
    },
  ],
};

const nodeSysError = (code: string, port: number, col: number) =>
  log(
    `Error: connect ${code} 10.0.4.${port % 250}:${port}`,
    `    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:${col}) {`,
    `  errno: ${code === 'ECONNREFUSED' ? -111 : -110},`,
    `  code: '${code}',`,
    "  syscall: 'connect',",
    `  address: '10.0.4.${port % 250}',`,
    `  port: ${port}`,
    '}',
  );

const nodeCaused = (cause: string, line: number, at: string) =>
  log(
    'Error: settlement failed',
    `    at settle (/srv/ledger/settle.js:${line}:11)`,
    '    at async run (/srv/ledger/index.js:4:3) {',
    `  [cause]: Error: ${cause}`,
    `      at ${at} (/srv/ledger/bank.js:${line + 20}:9)`,
    '}',
  );

/** Node's printed errors (console.error, an uncaught one): util.inspect's properties and `[cause]` after the frames. */
export const nodeInspected: PairFormat = {
  format: "Node's printed errors with properties and causes",
  pairs: [
    {
      name: 'system error with errno and code, other address and port',
      kind: 'same',
      a: nodeSysError('ECONNREFUSED', 5432, 16),
      b: nodeSysError('ECONNREFUSED', 6432, 16),
    },
    {
      name: 'system error: refused vs timed out',
      kind: 'different',
      a: nodeSysError('ECONNREFUSED', 5432, 16),
      b: nodeSysError('ETIMEDOUT', 5432, 16),
    },
    {
      name: 'error with a cause, other lines',
      kind: 'same',
      a: nodeCaused('bank refused the transfer', 30, 'transfer'),
      b: nodeCaused('bank refused the transfer', 34, 'transfer'),
    },
    {
      name: 'error with a cause: refused vs timed out',
      kind: 'different',
      a: nodeCaused('bank refused the transfer', 30, 'transfer'),
      b: nodeCaused('bank timed out', 30, 'transfer'),
    },
    {
      name: 'error with a cause, one message each: thrown in transfer vs in lookup',
      kind: 'different',
      a: nodeCaused('bank refused the transfer', 30, 'transfer'),
      b: nodeCaused('bank refused the transfer', 30, 'lookup'),
    },
    {
      name: 'system error, other column of node:net (another node release)',
      kind: 'same',
      a: nodeSysError('ECONNREFUSED', 5432, 16),
      b: nodeSysError('ECONNREFUSED', 5432, 21),
    },
  ],
};

/** Python logging's and Flask's default layouts, Go's caller before the message. */
export const scriptLayouts: PairFormat = {
  format: "Python logging's dashed and bracketed layouts, Flask, a Go caller, Stripe ids",
  pairs: [
    {
      name: 'dashed layout, other time and order',
      kind: 'same',
      a: log('2026-12-01 10:00:00,123 - shop.payments - ERROR - charge 8812 failed: card declined'),
      b: log('2026-12-02 18:41:09,990 - shop.payments - ERROR - charge 17 failed: card declined'),
    },
    {
      name: 'dashed layout: the payments logger vs the refunds logger',
      kind: 'different',
      a: log('2026-12-01 10:00:00,123 - shop.payments - ERROR - gateway call failed: timed out'),
      b: log('2026-12-01 10:00:00,123 - shop.refunds - ERROR - gateway call failed: timed out'),
    },
    {
      name: 'Flask, other time',
      kind: 'same',
      a: log('[2026-12-01 10:00:02,123] ERROR in checkout: Exception on /checkout [POST]'),
      b: log('[2026-12-03 07:59:40,001] ERROR in checkout: Exception on /checkout [POST]'),
    },
    {
      name: 'Flask: checkout vs cart module',
      kind: 'different',
      a: log('[2026-12-01 10:00:02,123] ERROR in checkout: Exception on /checkout [POST]'),
      b: log('[2026-12-01 10:00:02,123] ERROR in cart: Exception on /checkout [POST]'),
    },
    {
      name: 'a Go caller before the message, other line',
      kind: 'same',
      a: log('2026-12-01T10:00:07.123Z [error] shop/pay.go:88 charge 8812 failed: card declined'),
      b: log('2026-12-02T11:20:00.456Z [error] shop/pay.go:91 charge 17 failed: card declined'),
    },
    {
      name: 'a Go caller: pay.go vs refund.go',
      kind: 'different',
      a: log('2026-12-01T10:00:07.123Z [error] shop/pay.go:88 gateway call failed'),
      b: log('2026-12-01T10:00:07.123Z [error] shop/refund.go:88 gateway call failed'),
    },
    {
      name: 'logger and line in brackets, other line and time',
      kind: 'same',
      a: log('2026-12-01 10:00:00,123 ERROR [shop.payments:42] gateway call failed: timed out'),
      b: log('2026-12-02 12:30:00,456 ERROR [shop.payments:57] gateway call failed: timed out'),
    },
    {
      name: 'logger and line in brackets: payments vs refunds',
      kind: 'different',
      a: log('2026-12-01 10:00:00,123 ERROR [shop.payments:42] gateway call failed: timed out'),
      b: log('2026-12-01 10:00:00,123 ERROR [shop.refunds:42] gateway call failed: timed out'),
    },
    {
      name: 'Stripe payment intent without a digit in its id, other intent',
      kind: 'same',
      a: log(
        '2026-12-01T10:00:00Z level=error msg="payment intent pi_3NqLpXKfZbWuRsTvQmYnBcDe needs a new payment method" code=card_declined',
      ),
      b: log(
        '2026-12-02T10:00:00Z level=error msg="payment intent pi_NqLpXKfZbWuRsTvQmYnBcDeA needs a new payment method" code=card_declined',
      ),
    },
    {
      name: 'Stripe: payment intent vs setup intent',
      kind: 'different',
      a: log(
        '2026-12-01T10:00:00Z level=error msg="payment intent pi_3NqLpXKfZbWuRsTvQmYnBcDe needs a new payment method"',
      ),
      b: log(
        '2026-12-01T10:00:00Z level=error msg="setup intent seti_3NqLpXKfZbWuRsTvQmYnBcDe needs a new payment method"',
      ),
    },
  ],
};

/**
 * Random tokens, keys and session ids that happen to hold no digit: one failure
 * whatever the token was; the names a message quotes (a bean, a field, a
 * class), however long, stay what they are.
 */
export const letterTokens: PairFormat = {
  format: 'tokens without a digit, and the names beside them',
  pairs: [
    {
      name: 'an expired session, two tokens of letters only',
      kind: 'same',
      a: log('2026-12-02 10:14:03,118 ERROR [auth] session hTqPwZrKfLmXvBnCsJ expired before refresh'),
      b: log('2026-12-04 22:40:51,902 ERROR [auth] session RkVmQpLsWtXzNbHcDg expired before refresh'),
    },
    {
      name: 'an expired session against a revoked one',
      kind: 'different',
      a: log('2026-12-02 10:14:03,118 ERROR [auth] session hTqPwZrKfLmXvBnCsJ expired before refresh'),
      b: log('2026-12-02 10:14:03,118 ERROR [auth] session hTqPwZrKfLmXvBnCsJ revoked before refresh'),
    },
    {
      name: 'a refused API key, logged as JSON',
      kind: 'same',
      a: ndjson({
        level: 'error',
        time: '2026-12-02T10:14:03.118Z',
        msg: 'rejected key QzXbWnVmKpLrTsJhGf for tenant acme',
      }),
      b: ndjson({
        level: 'error',
        time: '2026-12-03T07:00:40.001Z',
        msg: 'rejected key BvNcMxZlKjHgFdSaPw for tenant acme',
      }),
    },
    {
      name: 'a Redis key holding a letter token, the wrong type each time',
      kind: 'same',
      a: log(
        '2026-12-02T10:14:03.118Z error cache: WRONGTYPE Operation against a key holding the wrong kind of value (key cart:JbKqWmPzRtLxVnYhCs)',
      ),
      b: log(
        '2026-12-05T01:20:33.640Z error cache: WRONGTYPE Operation against a key holding the wrong kind of value (key cart:TfGhRzPqWxLmNkBvDj)',
      ),
    },
    {
      name: 'two beans a context could not find',
      kind: 'different',
      a: log(
        "2026-12-02 10:14:03.118 ERROR 1 --- [main] o.s.boot.SpringApplication : No bean named 'invoiceExportScheduler' available",
      ),
      b: log(
        "2026-12-02 10:14:03.118 ERROR 1 --- [main] o.s.boot.SpringApplication : No bean named 'paymentRetryScheduler' available",
      ),
    },
    {
      name: 'two attributes missing on None',
      kind: 'different',
      a: log(
        'Traceback (most recent call last):',
        '  File "/srv/shop/orders.py", line 88, in ship',
        "AttributeError: 'NoneType' object has no attribute 'shippingAddressLine'",
      ),
      b: log(
        'Traceback (most recent call last):',
        '  File "/srv/shop/orders.py", line 88, in ship',
        "AttributeError: 'NoneType' object has no attribute 'billingAddressLineTwo'",
      ),
    },
  ],
};

/**
 * The slugs a site names its pages by (`/products/walnut-side-table`, `/blog/how-to-brew-green-tea`)
 * are ids: one route failing is one failure whichever page was asked for; another
 * route, or a route's own hyphenated name (`/reset-password`), is another.
 */
export const pageSlugs: PairFormat = {
  format: 'page slugs in request paths',
  pairs: [
    {
      name: 'nginx access, a product page answered 502 for two products',
      kind: 'same',
      a: log(
        '10.0.0.1 - - [03/Dec/2026:18:40:51 +0000] "GET /products/blue-ceramic-mug HTTP/1.1" 502 157 "-" "Mozilla/5.0"',
      ),
      b: log(
        '10.0.3.7 - - [04/Dec/2026:02:00:09 +0000] "GET /products/walnut-side-table HTTP/1.1" 502 157 "-" "Mozilla/5.0"',
      ),
    },
    {
      name: "nginx access, a product's reviews against the product",
      kind: 'different',
      a: log(
        '10.0.0.1 - - [03/Dec/2026:18:40:51 +0000] "GET /products/blue-ceramic-mug HTTP/1.1" 502 157 "-" "Mozilla/5.0"',
      ),
      b: log(
        '10.0.0.1 - - [03/Dec/2026:18:40:51 +0000] "GET /products/blue-ceramic-mug/reviews HTTP/1.1" 502 157 "-" "Mozilla/5.0"',
      ),
    },
    {
      name: "Django's Internal Server Error on two pages, one traceback",
      kind: 'same',
      a: log(
        '2026-12-03 18:40:51,118 ERROR django.request: Internal Server Error: /products/blue-ceramic-mug/',
        'Traceback (most recent call last):',
        '  File "/srv/shop/catalog/views.py", line 41, in detail',
        '    price = product.prices.latest("at")',
        'catalog.models.Price.DoesNotExist: Price matching query does not exist.',
      ),
      b: log(
        '2026-12-04 02:00:09,004 ERROR django.request: Internal Server Error: /products/walnut-side-table/',
        'Traceback (most recent call last):',
        '  File "/srv/shop/catalog/views.py", line 41, in detail',
        '    price = product.prices.latest("at")',
        'catalog.models.Price.DoesNotExist: Price matching query does not exist.',
      ),
    },
    {
      name: "Django's Internal Server Error, one page, another exception",
      kind: 'different',
      a: log(
        '2026-12-03 18:40:51,118 ERROR django.request: Internal Server Error: /products/blue-ceramic-mug/',
        'Traceback (most recent call last):',
        '  File "/srv/shop/catalog/views.py", line 41, in detail',
        'catalog.models.Price.DoesNotExist: Price matching query does not exist.',
      ),
      b: log(
        '2026-12-03 18:40:51,118 ERROR django.request: Internal Server Error: /products/blue-ceramic-mug/',
        'Traceback (most recent call last):',
        '  File "/srv/shop/catalog/views.py", line 41, in detail',
        'catalog.models.Stock.DoesNotExist: Stock matching query does not exist.',
      ),
    },
    {
      name: "nginx's error log, an upstream timing out for two posts",
      kind: 'same',
      a: log(
        '2026/12/03 18:40:51 [error] 31#31: *4411 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.0.1, server: blog.example.com, request: "GET /blog/how-to-brew-green-tea HTTP/1.1", upstream: "http://10.0.0.5:8080/blog/how-to-brew-green-tea", host: "blog.example.com"',
      ),
      b: log(
        '2026/12/04 02:00:09 [error] 29#29: *98 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.3.7, server: blog.example.com, request: "GET /blog/five-ways-to-store-coffee HTTP/1.1", upstream: "http://10.0.0.6:8080/blog/five-ways-to-store-coffee", host: "blog.example.com"',
      ),
    },
    {
      name: "a route's own hyphenated names stay: reset-password against sign-in",
      kind: 'different',
      a: ndjson({
        level: 'info',
        method: 'POST',
        path: '/users/reset-password',
        format: 'json',
        status: 500,
        duration: 41.2,
      }),
      b: ndjson({
        level: 'info',
        method: 'POST',
        path: '/users/sign-in',
        format: 'json',
        status: 500,
        duration: 12.9,
      }),
    },
    {
      name: 'nginx access, a search answered 500 for two queries',
      kind: 'same',
      a: log(
        '10.0.0.1 - - [03/Dec/2026:18:40:51 +0000] "GET /search?q=walnut+table&sort=price HTTP/1.1" 500 157 "-" "Mozilla/5.0"',
      ),
      b: log(
        '10.0.3.7 - - [04/Dec/2026:02:00:09 +0000] "GET /search?q=ceramic&sort=newest HTTP/1.1" 500 157 "-" "Mozilla/5.0"',
      ),
    },
    {
      name: 'nginx access, a search against a suggestion, same query',
      kind: 'different',
      a: log(
        '10.0.0.1 - - [03/Dec/2026:18:40:51 +0000] "GET /search?q=walnut+table HTTP/1.1" 500 157 "-" "Mozilla/5.0"',
      ),
      b: log(
        '10.0.0.1 - - [03/Dec/2026:18:40:51 +0000] "GET /suggest?q=walnut+table HTTP/1.1" 500 157 "-" "Mozilla/5.0"',
      ),
    },
    {
      name: 'a JSON access record, two articles of one route',
      kind: 'same',
      a: ndjson({
        level: 'info',
        method: 'GET',
        path: '/articles/why-we-moved-to-rust',
        format: 'json',
        status: 503,
        duration: 30001.4,
      }),
      b: ndjson({
        level: 'info',
        method: 'GET',
        path: '/articles/scaling-postgres-read-replicas',
        format: 'json',
        status: 503,
        duration: 30000.9,
      }),
    },
    {
      name: 'a JSON access record, an article against its comments',
      kind: 'different',
      a: ndjson({
        level: 'info',
        method: 'GET',
        path: '/articles/why-we-moved-to-rust',
        format: 'json',
        status: 503,
        duration: 30001.4,
      }),
      b: ndjson({
        level: 'info',
        method: 'GET',
        path: '/articles/why-we-moved-to-rust/comments',
        format: 'json',
        status: 503,
        duration: 30001.4,
      }),
    },
  ],
};

/** A Loki stream of a query's answer, its lines newest first as Loki lists them by default. */
function lokiAnswer(stream: Record<string, string>, lines: [string, string][]): string {
  return `${JSON.stringify(
    {
      status: 'success',
      data: {
        resultType: 'streams',
        result: [{ stream, values: lines }],
        stats: { summary: { totalLinesProcessed: 2 } },
      },
    },
    null,
    2,
  )}\n`;
}

/** An Elasticsearch search's answer over log documents (`_source` a record each). */
function searchAnswer(index: string, sources: Record<string, unknown>[]): string {
  return `${JSON.stringify({
    took: 7,
    timed_out: false,
    _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
    hits: {
      total: { value: sources.length, relation: 'eq' },
      max_score: null,
      hits: sources.map((s, i) => ({ _index: index, _id: `Qw${i}rTyXb`, _score: null, _source: s })),
    },
  })}\n`;
}

/**
 * Logs exported from a log store and posted: Loki's (`logcli query
 * --output=jsonl`, a line a record; its HTTP API's answer) and
 * Elasticsearch's (a search's answer; `elasticdump`'s hits a line each). The
 * application's lines or records inside are the log; the store's labels,
 * indices and ids are not.
 */
export const logStores: PairFormat = {
  format: 'exports of Loki and Elasticsearch',
  pairs: [
    {
      name: 'logcli jsonl, one failure on two pods',
      kind: 'same',
      a: ndjson(
        {
          labels: { app: 'shop', pod: 'shop-7d9c5f6b8-xk2pq' },
          line: '2026-12-03T18:40:52.001Z ERROR payment refused by gateway: card_declined',
          timestamp: '2026-12-03T18:40:52.001Z',
        },
        {
          labels: { app: 'shop', pod: 'shop-7d9c5f6b8-xk2pq' },
          line: '2026-12-03T18:40:51.118Z INFO basket loaded',
          timestamp: '2026-12-03T18:40:51.118Z',
        },
      ),
      b: ndjson({
        labels: { app: 'shop', pod: 'shop-7d9c5f6b8-ab12c' },
        line: '2026-12-04T01:00:00.000Z ERROR payment refused by gateway: card_declined',
        timestamp: '2026-12-04T01:00:00.000Z',
      }),
    },
    {
      name: 'logcli jsonl without labels, another decline code',
      kind: 'different',
      a: ndjson({
        line: '2026-12-04T01:00:00.000Z ERROR payment refused by gateway: card_declined',
        timestamp: '2026-12-04T01:00:00.000Z',
      }),
      b: ndjson({
        line: '2026-12-04T01:00:00.000Z ERROR payment refused by gateway: expired_card',
        timestamp: '2026-12-04T01:00:00.000Z',
      }),
    },
    {
      name: "Loki's query answer, a Python traceback stored a line an entry, newest first",
      kind: 'same',
      a: lokiAnswer({ app: 'billing', pod: 'billing-5f6b8c9d7-q2w3e' }, [
        ['1764787252004000000', "KeyError: 'customer_id'"],
        ['1764787252003000000', '  File "/srv/billing/invoice.py", line 41, in build'],
        ['1764787252002000000', 'Traceback (most recent call last):'],
        ['1764787252001000000', '2026-12-03 18:40:52,001 ERROR billing.invoice: invoice run failed'],
      ]),
      b: lokiAnswer({ app: 'billing', pod: 'billing-5f6b8c9d7-z9x8c' }, [
        ['1764810000004000000', "KeyError: 'customer_id'"],
        ['1764810000003000000', '  File "/srv/billing/invoice.py", line 44, in build'],
        ['1764810000002000000', 'Traceback (most recent call last):'],
        ['1764810000001000000', '2026-12-04 01:00:00,001 ERROR billing.invoice: invoice run failed'],
      ]),
    },
    {
      name: "Loki's query answer, the traceback raised in another function",
      kind: 'different',
      a: lokiAnswer({ app: 'billing' }, [
        ['1764787252003000000', "KeyError: 'customer_id'"],
        ['1764787252002000000', '  File "/srv/billing/invoice.py", line 41, in build'],
        ['1764787252001000000', 'Traceback (most recent call last):'],
      ]),
      b: lokiAnswer({ app: 'billing' }, [
        ['1764787252003000000', "KeyError: 'customer_id'"],
        ['1764787252002000000', '  File "/srv/billing/invoice.py", line 90, in send'],
        ['1764787252001000000', 'Traceback (most recent call last):'],
      ]),
    },
    {
      name: "an Elasticsearch search's answer, one failure in two indices",
      kind: 'same',
      a: searchAnswer('logs-shop-2026.12.03', [
        { '@timestamp': '2026-12-03T18:40:51.118Z', 'log.level': 'info', message: 'basket loaded' },
        {
          '@timestamp': '2026-12-03T18:40:52.001Z',
          'log.level': 'error',
          message: 'stock reservation failed for order 8812',
          'error.type': 'TimeoutError',
        },
      ]),
      b: searchAnswer('logs-shop-2026.12.05', [
        {
          '@timestamp': '2026-12-05T09:12:40.551Z',
          'log.level': 'error',
          message: 'stock reservation failed for order 17',
          'error.type': 'TimeoutError',
        },
      ]),
    },
    {
      name: 'elasticdump hits, a line each: another error type',
      kind: 'different',
      a: ndjson({
        _index: 'logs-shop-2026.12.03',
        _id: 'aB3xYzQw',
        _score: 1,
        _source: {
          '@timestamp': '2026-12-03T18:40:52.001Z',
          'log.level': 'error',
          message: 'stock reservation failed for order 8812',
          'error.type': 'TimeoutError',
        },
      }),
      b: ndjson({
        _index: 'logs-shop-2026.12.03',
        _id: 'aB3xYzQw',
        _score: 1,
        _source: {
          '@timestamp': '2026-12-03T18:40:52.001Z',
          'log.level': 'error',
          message: 'stock reservation failed for order 8812',
          'error.type': 'ConnectionRefused',
        },
      }),
    },
  ],
};

/** An Application Error crash event (Event ID 1000) as Event Viewer's text copy prints it. */
function crashEvent(e: {
  host: string;
  at: string;
  app: string;
  version: string;
  module: string;
  pid: string;
  report: string;
}): string {
  return log(
    'Log Name:      Application',
    'Source:        Application Error',
    `Date:          ${e.at}`,
    'Event ID:      1000',
    'Task Category: (100)',
    'Level:         Error',
    'Keywords:      Classic',
    'User:          N/A',
    `Computer:      ${e.host}`,
    'Description:',
    `Faulting application name: ${e.app}, version: ${e.version}, time stamp: 0x66a1b2c3`,
    `Faulting module name: ${e.module}, version: 10.0.20348.2849, time stamp: 0x1a2b3c4d`,
    'Exception code: 0xc0000005',
    'Fault offset: 0x000000000003a1f9',
    `Faulting process id: ${e.pid}`,
    `Faulting application path: C:\\Program Files\\Shop\\${e.app}`,
    `Faulting module path: C:\\Windows\\System32\\${e.module}`,
    `Report Id: ${e.report}`,
  );
}

/**
 * Windows events as Event Viewer's "Copy details as text" and PowerShell's
 * `Get-WinEvent | Format-List` print them: a crash (Event ID 1000) is which
 * program crashed in which module with which code; the machine, the process,
 * the versions and the report's id are circumstance.
 */
export const windowsEvents: PairFormat = {
  format: 'Windows events: Event Viewer and Format-List',
  pairs: [
    {
      name: 'one program crashing in one module on two machines and versions',
      kind: 'same',
      a: crashEvent({
        host: 'WEB-07.corp.example.com',
        at: '12/3/2026 6:02:51 PM',
        app: 'Shop.Worker.exe',
        version: '1.4.2.0',
        module: 'KERNELBASE.dll',
        pid: '0x1f44',
        report: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      }),
      b: crashEvent({
        host: 'WEB-02.corp.example.com',
        at: '12/4/2026 1:12:09 AM',
        app: 'Shop.Worker.exe',
        version: '1.4.3.0',
        module: 'KERNELBASE.dll',
        pid: '0x2a10',
        report: '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
      }),
    },
    {
      name: 'another program crashing the same way',
      kind: 'different',
      a: crashEvent({
        host: 'WEB-07.corp.example.com',
        at: '12/3/2026 6:02:51 PM',
        app: 'Shop.Worker.exe',
        version: '1.4.2.0',
        module: 'KERNELBASE.dll',
        pid: '0x1f44',
        report: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      }),
      b: crashEvent({
        host: 'WEB-07.corp.example.com',
        at: '12/3/2026 6:02:51 PM',
        app: 'Billing.Service.exe',
        version: '1.4.2.0',
        module: 'KERNELBASE.dll',
        pid: '0x1f44',
        report: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      }),
    },
    {
      name: 'one program crashing in another module',
      kind: 'different',
      a: crashEvent({
        host: 'WEB-07.corp.example.com',
        at: '12/3/2026 6:02:51 PM',
        app: 'Shop.Worker.exe',
        version: '1.4.2.0',
        module: 'KERNELBASE.dll',
        pid: '0x1f44',
        report: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      }),
      b: crashEvent({
        host: 'WEB-07.corp.example.com',
        at: '12/3/2026 6:02:51 PM',
        app: 'Shop.Worker.exe',
        version: '1.4.2.0',
        module: 'ntdll.dll',
        pid: '0x1f44',
        report: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      }),
    },
    {
      name: 'Format-List, one crash on two machines',
      kind: 'same',
      a: log(
        'TimeCreated  : 12/3/2026 6:02:51 PM',
        'ProviderName : Application Error',
        'Id           : 1000',
        'Message      : Faulting application name: Shop.Worker.exe, version: 1.4.2.0, time stamp: 0x66a1b2c3',
        '               Faulting module name: ntdll.dll, version: 10.0.20348.2849, time stamp: 0x1a2b3c4d',
        '               Exception code: 0xc0000374',
        '               Faulting process id: 0x1f44',
      ),
      b: log(
        'TimeCreated  : 12/5/2026 9:40:13 AM',
        'ProviderName : Application Error',
        'Id           : 1000',
        'Message      : Faulting application name: Shop.Worker.exe, version: 1.5.0.0, time stamp: 0x66b0c1d2',
        '               Faulting module name: ntdll.dll, version: 10.0.20348.2849, time stamp: 0x1a2b3c4d',
        '               Exception code: 0xc0000374',
        '               Faulting process id: 0x0c20',
      ),
    },
    {
      name: "the .NET runtime's unhandled exception on two build agents, the line moved",
      kind: 'same',
      a: log(
        'Log Name:      Application',
        'Source:        .NET Runtime',
        'Date:          12/2/2026 10:14:03 AM',
        'Event ID:      1026',
        'Level:         Error',
        'Computer:      WEB-01.corp.example.com',
        'Description:',
        'Application: Shop.Worker.exe',
        'Description: The process was terminated due to an unhandled exception.',
        'Exception Info: System.InvalidOperationException: Sequence contains no elements',
        '   at System.Linq.ThrowHelper.ThrowNoElementsException()',
        '   at Shop.Worker.Billing.Invoicer.Next(Int32 customerId) in C:\\build\\src\\Shop.Worker\\Billing\\Invoicer.cs:line 88',
      ),
      b: log(
        'Log Name:      Application',
        'Source:        .NET Runtime',
        'Date:          12/3/2026 6:02:51 PM',
        'Event ID:      1026',
        'Level:         Error',
        'Computer:      WEB-07.corp.example.com',
        'Description:',
        'Application: Shop.Worker.exe',
        'Description: The process was terminated due to an unhandled exception.',
        'Exception Info: System.InvalidOperationException: Sequence contains no elements',
        '   at System.Linq.ThrowHelper.ThrowNoElementsException()',
        '   at Shop.Worker.Billing.Invoicer.Next(Int32 customerId) in D:\\agent\\_work\\3\\s\\Shop.Worker\\Billing\\Invoicer.cs:line 91',
      ),
    },
    {
      name: "the .NET runtime's unhandled exception, another type",
      kind: 'different',
      a: log(
        'Log Name:      Application',
        'Source:        .NET Runtime',
        'Event ID:      1026',
        'Level:         Error',
        'Exception Info: System.InvalidOperationException: Sequence contains no elements',
        '   at Shop.Worker.Billing.Invoicer.Next(Int32 customerId) in C:\\build\\src\\Shop.Worker\\Billing\\Invoicer.cs:line 88',
      ),
      b: log(
        'Log Name:      Application',
        'Source:        .NET Runtime',
        'Event ID:      1026',
        'Level:         Error',
        'Exception Info: System.NullReferenceException: Object reference not set to an instance of an object.',
        '   at Shop.Worker.Billing.Invoicer.Next(Int32 customerId) in C:\\build\\src\\Shop.Worker\\Billing\\Invoicer.cs:line 88',
      ),
    },
  ],
};
