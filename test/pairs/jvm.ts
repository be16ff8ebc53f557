import { log, type PairFormat } from './model.ts';

/** Spring Boot's failure analysis at start-up, as its console logger prints it. */
function springFailed(at: string, pid: number, description: string, action: string): string {
  return log(
    `${at}  INFO ${pid} --- [           main] com.shop.ShopApplication                 : Starting ShopApplication using Java 21.0.3 with PID ${pid}`,
    `${at} ERROR ${pid} --- [           main] o.s.b.d.LoggingFailureAnalysisReporter   : `,
    '',
    '***************************',
    'APPLICATION FAILED TO START',
    '***************************',
    '',
    'Description:',
    '',
    description,
    '',
    'Action:',
    '',
    action,
  );
}

/** Spring Boot's analysis of a web server whose port was taken. */
const portInUse = (at: string, pid: number, port: number) =>
  springFailed(
    at,
    pid,
    `Web server failed to start. Port ${port} was already in use.`,
    `Identify and stop the process that is listening on port ${port} or configure this application to listen on another port.`,
  );

export const jvm: PairFormat = {
  format: 'JVM',
  pairs: [
    {
      name: 'Spring Boot NPE with stack, other thread and line numbers',
      kind: 'same',
      a: log(
        '2024-05-01 10:00:00.123 ERROR 4411 --- [nio-8080-exec-3] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() threw exception',
        'java.lang.NullPointerException: Cannot invoke "com.example.shop.Cart.total()" because "cart" is null',
        '\tat com.example.shop.CheckoutController.checkout(CheckoutController.java:57)',
        '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
      ),
      b: log(
        '2024-05-02 18:22:10.999 ERROR 19 --- [io-8080-exec-11] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() threw exception',
        'java.lang.NullPointerException: Cannot invoke "com.example.shop.Cart.total()" because "cart" is null',
        '\tat com.example.shop.CheckoutController.checkout(CheckoutController.java:59)',
        '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:104)',
      ),
    },
    {
      name: 'log4j pool exhausted, other thread and wait',
      kind: 'same',
      a: log(
        '2024-05-01 10:01:00,001 WARN  [http-nio-8080-exec-7] com.zaxxer.hikari.pool.HikariPool: HikariPool-1 - Connection is not available, request timed out after 30004ms.',
      ),
      b: log(
        '2024-05-01 14:01:00,001 WARN  [scheduling-1] com.zaxxer.hikari.pool.HikariPool: HikariPool-1 - Connection is not available, request timed out after 30001ms.',
      ),
    },
    {
      name: 'caused-by chain, other ids in the message',
      kind: 'same',
      a: log(
        '2024-05-01 10:02:00.000 ERROR [main] com.example.batch.Job - job 8812 failed',
        'org.springframework.dao.DataIntegrityViolationException: could not execute statement',
        '\tat com.example.batch.Writer.write(Writer.java:40)',
        "Caused by: java.sql.SQLIntegrityConstraintViolationException: Duplicate entry '8812' for key 'PRIMARY'",
        '\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeUpdate(ClientPreparedStatement.java:1061)',
      ),
      b: log(
        '2024-05-03 10:02:00.000 ERROR [main] com.example.batch.Job - job 90 failed',
        'org.springframework.dao.DataIntegrityViolationException: could not execute statement',
        '\tat com.example.batch.Writer.write(Writer.java:40)',
        "Caused by: java.sql.SQLIntegrityConstraintViolationException: Duplicate entry '90' for key 'PRIMARY'",
        '\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeUpdate(ClientPreparedStatement.java:1061)',
      ),
    },
    {
      name: 'two exception types at one frame',
      kind: 'different',
      a: log(
        '2024-05-01 10:03:00.000 ERROR [main] com.example.batch.Job - job failed',
        'java.lang.IllegalArgumentException: bad input',
        '\tat com.example.batch.Parser.parse(Parser.java:12)',
      ),
      b: log(
        '2024-05-01 10:03:00.000 ERROR [main] com.example.batch.Job - job failed',
        'java.lang.IllegalStateException: bad input',
        '\tat com.example.batch.Parser.parse(Parser.java:12)',
      ),
    },
    {
      name: 'one message from two loggers',
      kind: 'different',
      a: log('2024-05-01 10:04:00,000 ERROR [main] com.example.billing.InvoiceSender: delivery failed'),
      b: log('2024-05-01 10:04:00,000 ERROR [main] com.example.mail.DigestSender: delivery failed'),
    },
    {
      name: 'ERROR [BillingWorker] vs ERROR [ShippingWorker]',
      kind: 'different',
      a: log('2024-05-01 10:05:00,000 ERROR [BillingWorker] job aborted: upstream closed the stream'),
      b: log('2024-05-01 10:05:00,000 ERROR [ShippingWorker] job aborted: upstream closed the stream'),
    },
    {
      name: 'through a Spring proxy class of two runs',
      kind: 'same',
      a: log(
        '2024-05-01 10:06:00.000 ERROR [main] com.example.shop.Api - save failed',
        'org.springframework.dao.OptimisticLockingFailureException: row was updated by another transaction',
        '\tat com.example.shop.CartService$$EnhancerBySpringCGLIB$$8f3c2a1b.save(<generated>)',
        '\tat com.example.shop.CartController.update(CartController.java:71)',
      ),
      b: log(
        '2024-05-04 02:06:00.000 ERROR [main] com.example.shop.Api - save failed',
        'org.springframework.dao.OptimisticLockingFailureException: row was updated by another transaction',
        '\tat com.example.shop.CartService$$EnhancerBySpringCGLIB$$1d2e3f4a.save(<generated>)',
        '\tat com.example.shop.CartController.update(CartController.java:73)',
      ),
    },
    {
      name: 'one exception from two proxied methods',
      kind: 'different',
      a: log(
        '2024-05-01 10:07:00.000 ERROR [main] com.example.shop.Api - save failed',
        'org.springframework.dao.OptimisticLockingFailureException: row was updated by another transaction',
        '\tat com.example.shop.CartService$$EnhancerBySpringCGLIB$$8f3c2a1b.save(<generated>)',
      ),
      b: log(
        '2024-05-01 10:07:00.000 ERROR [main] com.example.shop.Api - save failed',
        'org.springframework.dao.OptimisticLockingFailureException: row was updated by another transaction',
        '\tat com.example.shop.CartService$$EnhancerBySpringCGLIB$$8f3c2a1b.merge(<generated>)',
      ),
    },
    {
      name: 'Spring Boot failed to start: port in use, other pid, time and port',
      kind: 'same',
      a: portInUse('2024-05-01T10:00:00.123Z', 4411, 8080),
      b: portInUse('2024-06-12T17:05:09.977Z', 77, 9090),
    },
    {
      name: 'Spring Boot failed to start: port in use vs a missing bean',
      kind: 'different',
      a: portInUse('2024-05-01T10:00:00.123Z', 4411, 8080),
      b: springFailed(
        '2024-05-01T10:00:00.123Z',
        4411,
        "Parameter 0 of constructor in com.shop.CartService required a bean of type 'com.shop.PriceRepository' that could not be found.",
        "Consider defining a bean of type 'com.shop.PriceRepository' in your configuration.",
      ),
    },
  ],
};
