import { log, type PairFormat } from './model.ts';
export const me: PairFormat = {
  format: 'me',
  pairs: [
    {
      name: 'logback jar suffix',
      kind: 'different',
      a: log(
        '2026-12-01 10:00:00.123 ERROR 4411 --- [nio-8080-exec-1] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() threw exception',
        'java.lang.IllegalStateException: cart closed',
        '\tat com.shop.Cart.add(Cart.java:42) ~[classes/:na]',
        '\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:897) ~[spring-webmvc-5.3.20.jar:5.3.20]',
      ),
      b: log(
        '2026-12-01 10:00:00.123 ERROR 4411 --- [nio-8080-exec-1] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() threw exception',
        'java.lang.IllegalStateException: cart closed',
        '\tat com.shop.Cart.remove(Cart.java:42) ~[classes/:na]',
        '\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:897) ~[spring-webmvc-5.3.20.jar:5.3.20]',
      ),
    },
  ],
};
