import { log, type PairFormat } from './model.ts';

export const ruby: PairFormat = {
  format: 'Ruby',
  pairs: [
    {
      name: "Rails' production log, one exception on two requests, with and without the blank FATAL lines",
      kind: 'same',
      a: log(
        'I, [2026-12-03T18:40:51.118021 #4411]  INFO -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f] Started GET "/baskets/8812" for 203.0.113.9 at 2026-12-03 18:40:51 +0000',
        'F, [2026-12-03T18:40:51.120311 #4411] FATAL -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f]   ',
        "F, [2026-12-03T18:40:51.120400 #4411] FATAL -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f] NoMethodError (undefined method `total' for nil):",
        'F, [2026-12-03T18:40:51.120411 #4411] FATAL -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f]   ',
      ),
      b: log(
        "F, [2026-12-05T01:00:00.000400 #98] FATAL -- : [0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d] NoMethodError (undefined method `total' for nil):",
      ),
    },
    {
      name: "Rails' production log with its backtrace, a record a frame: other requests, pids and lines",
      kind: 'same',
      a: log(
        "F, [2026-12-03T18:40:51.120400 #4411] FATAL -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f] NoMethodError (undefined method `total' for nil):",
        'F, [2026-12-03T18:40:51.120411 #4411] FATAL -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f]   ',
        "F, [2026-12-03T18:40:51.120420 #4411] FATAL -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f] app/models/basket.rb:31:in `total'",
        "F, [2026-12-03T18:40:51.120431 #4411] FATAL -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f] app/controllers/baskets_controller.rb:9:in `show'",
      ),
      b: log(
        "F, [2026-12-05T01:00:00.000400 #98] FATAL -- : [0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d] NoMethodError (undefined method `total' for nil):",
        'F, [2026-12-05T01:00:00.000411 #98] FATAL -- : [0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d]   ',
        "F, [2026-12-05T01:00:00.000420 #98] FATAL -- : [0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d] app/models/basket.rb:34:in `total'",
        "F, [2026-12-05T01:00:00.000431 #98] FATAL -- : [0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d] app/controllers/baskets_controller.rb:9:in `show'",
      ),
    },
    {
      name: "Rails' production log with its backtrace, one message raised in another method",
      kind: 'different',
      a: log(
        "F, [2026-12-03T18:40:51.120400 #4411] FATAL -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f] NoMethodError (undefined method `total' for nil):",
        "F, [2026-12-03T18:40:51.120420 #4411] FATAL -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f] app/models/basket.rb:31:in `total'",
        "F, [2026-12-03T18:40:51.120431 #4411] FATAL -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f] app/controllers/baskets_controller.rb:9:in `show'",
      ),
      b: log(
        "F, [2026-12-03T18:40:51.120400 #4411] FATAL -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f] NoMethodError (undefined method `total' for nil):",
        "F, [2026-12-03T18:40:51.120420 #4411] FATAL -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f] app/models/invoice.rb:12:in `total'",
        "F, [2026-12-03T18:40:51.120431 #4411] FATAL -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f] app/controllers/invoices_controller.rb:14:in `create'",
      ),
    },
    {
      name: "Rails' production log, another exception",
      kind: 'different',
      a: log(
        "F, [2026-12-05T01:00:00.000400 #98] FATAL -- : [0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d] NoMethodError (undefined method `total' for nil):",
      ),
      b: log(
        "F, [2026-12-05T01:00:00.000400 #98] FATAL -- : [0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d] ActiveRecord::RecordNotFound (Couldn't find Basket with 'id'=8812):",
      ),
    },
    {
      name: 'a routing error for two paths a scanner probed',
      kind: 'same',
      a: log(
        'F, [2026-12-03T18:40:51.120400 #4411] FATAL -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f] ActionController::RoutingError (No route matches [GET] "/wp-login.php"):',
      ),
      b: log(
        'F, [2026-12-04T02:11:09.000400 #98] FATAL -- : [0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d] ActionController::RoutingError (No route matches [GET] "/.env"):',
      ),
    },
    {
      name: "Ruby's Logger of a worker, one failure, two processes",
      kind: 'same',
      a: log(
        'E, [2026-12-03T18:40:51.120400 #4411] ERROR -- invoicer: could not reach the ledger: Net::ReadTimeout',
      ),
      b: log(
        'E, [2026-12-06T07:30:02.901122 #77] ERROR -- invoicer: could not reach the ledger: Net::ReadTimeout',
      ),
    },
    {
      name: "Ruby's Logger of a worker, another program's name",
      kind: 'different',
      a: log(
        'E, [2026-12-03T18:40:51.120400 #4411] ERROR -- invoicer: could not reach the ledger: Net::ReadTimeout',
      ),
      b: log(
        'E, [2026-12-03T18:40:51.120400 #4411] ERROR -- refunder: could not reach the ledger: Net::ReadTimeout',
      ),
    },
    {
      name: 'a routing error, the same path asked for with another method',
      kind: 'different',
      a: log(
        'F, [2026-12-03T18:40:51.120400 #4411] FATAL -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f] ActionController::RoutingError (No route matches [GET] "/baskets/8812/share"):',
      ),
      b: log(
        'F, [2026-12-03T18:40:51.120400 #4411] FATAL -- : [9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f] ActionController::RoutingError (No route matches [POST] "/baskets/8812/share"):',
      ),
    },
    {
      name: 'Rails NoMethodError, other request id and line numbers',
      kind: 'same',
      a: log(
        "E, [2024-05-01T10:00:00.123456 #4411] ERROR -- : [5d1c0f7e-9a1b] NoMethodError (undefined method `total' for nil):",
        '  ',
        "app/models/cart.rb:57:in `price'",
        "app/controllers/checkout_controller.rb:18:in `create'",
      ),
      b: log(
        "E, [2024-05-02T18:22:10.000001 #19] ERROR -- : [0a9b77e2-4c11] NoMethodError (undefined method `total' for nil):",
        '  ',
        "app/models/cart.rb:59:in `price'",
        "app/controllers/checkout_controller.rb:18:in `create'",
      ),
    },
    {
      name: 'Sidekiq job retry, other jid',
      kind: 'same',
      a: log(
        '2024-05-01T10:01:00.000Z pid=4411 tid=2bq3 class=InvoiceJob jid=b81e07a3c1d2 elapsed=2.31 ERROR: Net::ReadTimeout with #<TCPSocket:(closed)>',
      ),
      b: log(
        '2024-05-01T13:01:00.000Z pid=77 tid=1xy9 class=InvoiceJob jid=0c3d1e55aa10 elapsed=30.2 ERROR: Net::ReadTimeout with #<TCPSocket:(closed)>',
      ),
    },
    {
      name: 'uncaught exception with from frames, other home dir',
      kind: 'same',
      a: log(
        "/home/alice/app/lib/importer.rb:12:in `parse': unexpected token at 'x' (JSON::ParserError)",
        "\tfrom /home/alice/app/lib/importer.rb:30:in `run'",
      ),
      b: log(
        "/home/bob/app/lib/importer.rb:12:in `parse': unexpected token at 'x' (JSON::ParserError)",
        "\tfrom /home/bob/app/lib/importer.rb:30:in `run'",
      ),
    },
    {
      name: 'NoMethodError vs ArgumentError in one action',
      kind: 'different',
      a: log(
        "E, [2024-05-01T10:03:00.000000 #4411] ERROR -- : NoMethodError (undefined method `total' for nil)",
      ),
      b: log(
        'E, [2024-05-01T10:03:00.000000 #4411] ERROR -- : ArgumentError (wrong number of arguments (given 2, expected 1))',
      ),
    },
    {
      name: 'Net::ReadTimeout vs Net::OpenTimeout',
      kind: 'different',
      a: log('2024-05-01T10:04:00.000Z pid=4411 tid=2bq3 class=InvoiceJob ERROR: Net::ReadTimeout'),
      b: log('2024-05-01T10:04:00.000Z pid=4411 tid=2bq3 class=InvoiceJob ERROR: Net::OpenTimeout'),
    },
    {
      name: 'one error from two job classes',
      kind: 'different',
      a: log(
        '2024-05-01T10:05:00.000Z pid=4411 tid=2bq3 class=InvoiceJob ERROR: ActiveRecord::RecordNotFound',
      ),
      b: log(
        '2024-05-01T10:05:00.000Z pid=4411 tid=2bq3 class=ReminderJob ERROR: ActiveRecord::RecordNotFound',
      ),
    },
    {
      name: 'uncaught exception (Ruby 3.4 quotes), other install directory and line',
      kind: 'same',
      a: log(
        "/srv/shop/current/lib/cart.rb:57:in 'Cart#total': undefined method '+' for nil (NoMethodError)",
        "\tfrom /srv/shop/current/lib/checkout.rb:12:in 'Checkout#run'",
      ),
      b: log(
        "/opt/shop/app/lib/cart.rb:59:in 'Cart#total': undefined method '+' for nil (NoMethodError)",
        "\tfrom /opt/shop/app/lib/checkout.rb:12:in 'Checkout#run'",
      ),
    },
    {
      name: 'uncaught exception: one error in two files',
      kind: 'different',
      a: log("/app/lib/cart.rb:57:in 'Cart#total': undefined method '+' for nil (NoMethodError)"),
      b: log("/app/lib/order.rb:57:in 'Cart#total': undefined method '+' for nil (NoMethodError)"),
    },
  ],
};
