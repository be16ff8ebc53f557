import { log, type PairFormat } from './model.ts';

function genserver(
  server: string,
  error: string,
  pid: string,
  stdlib: string,
  fn: string,
  message: string,
): string {
  return log(
    `10:00:00.123 [error] GenServer ${server} terminating`,
    `** (${error}) ${message}`,
    `    (shop 0.4.1) lib/shop/cache.ex:42: ${fn}`,
    `    (stdlib ${stdlib}) gen_server.erl:1131: :gen_server.try_handle_call/4`,
    `    (stdlib ${stdlib}) gen_server.erl:1160: :gen_server.handle_msg/6`,
    `    (stdlib ${stdlib}) proc_lib.erl:241: :proc_lib.init_p_do_apply/3`,
    `Last message (from #PID<0.${pid}.0>): {:get, "user:${pid}"}`,
    `State: %{conn: nil, hits: ${pid}}`,
    `Client #PID<0.${pid}.0> is alive`,
  );
}

export const beam: PairFormat = {
  format: 'Elixir / Erlang',
  pairs: [
    {
      name: 'GenServer terminating, other pids, state and OTP version',
      kind: 'same',
      a: genserver(
        'Shop.Cache',
        'RuntimeError',
        '482',
        '5.2',
        'Shop.Cache.handle_call/3',
        'cache backend unavailable',
      ),
      b: genserver(
        'Shop.Cache',
        'RuntimeError',
        '9031',
        '4.3.1',
        'Shop.Cache.handle_call/3',
        'cache backend unavailable',
      ),
    },
    {
      name: 'GenServer terminating: RuntimeError vs ArgumentError',
      kind: 'different',
      a: genserver(
        'Shop.Cache',
        'RuntimeError',
        '482',
        '5.2',
        'Shop.Cache.handle_call/3',
        'cache backend unavailable',
      ),
      b: genserver(
        'Shop.Cache',
        'ArgumentError',
        '482',
        '5.2',
        'Shop.Cache.handle_call/3',
        'cache backend unavailable',
      ),
    },
    {
      name: 'one exception from two callbacks',
      kind: 'different',
      a: genserver(
        'Shop.Cache',
        'RuntimeError',
        '482',
        '5.2',
        'Shop.Cache.handle_call/3',
        'cache backend unavailable',
      ),
      b: genserver(
        'Shop.Cache',
        'RuntimeError',
        '482',
        '5.2',
        'Shop.Cache.handle_info/2',
        'cache backend unavailable',
      ),
    },
    {
      name: 'Phoenix request crash, other request id',
      kind: 'same',
      a: log(
        '10:01:00.412 request_id=F8a2kQ3x1Yb0AAAB [error] ** (Ecto.NoResultsError) expected at least one result but got none in query:',
        '',
        'from o0 in Shop.Order,',
        '  where: o0.id == ^8812',
        '',
        '    (ecto 3.11.2) lib/ecto/repo/queryable.ex:164: Ecto.Repo.Queryable.one!/3',
        '    (shop 0.4.1) lib/shop_web/controllers/order_controller.ex:18: ShopWeb.OrderController.show/2',
      ),
      b: log(
        '18:22:05.001 request_id=F8b9zzT0qQAbCDEF [error] ** (Ecto.NoResultsError) expected at least one result but got none in query:',
        '',
        'from o0 in Shop.Order,',
        '  where: o0.id == ^90',
        '',
        '    (ecto 3.11.2) lib/ecto/repo/queryable.ex:164: Ecto.Repo.Queryable.one!/3',
        '    (shop 0.4.1) lib/shop_web/controllers/order_controller.ex:18: ShopWeb.OrderController.show/2',
      ),
    },
    {
      name: 'Elixir Logger error line, other pid and time',
      kind: 'same',
      a: log('10:02:00.000 [error] Task #PID<0.1234.0> started from Shop.Importer terminating'),
      b: log('23:59:01.999 [error] Task #PID<0.77.0> started from Shop.Importer terminating'),
    },
    {
      name: 'Erlang error report, other date and last message',
      kind: 'same',
      a: log(
        '=ERROR REPORT==== 1-May-2024::10:03:00.123456 ===',
        '** Generic server shop_sessions terminating ',
        '** Last message in was {lookup,<<"s-8812">>}',
        '** When Server state == {state,#{},12}',
        '** Reason for termination ==',
        '** {badarg,[{ets,lookup,[sessions,<<"s-8812">>],[]},',
        '            {shop_sessions,handle_call,3,[{file,"src/shop_sessions.erl"},{line,40}]}]}',
      ),
      b: log(
        '=ERROR REPORT==== 12-Jun-2024::23:13:09.000001 ===',
        '** Generic server shop_sessions terminating ',
        '** Last message in was {lookup,<<"s-90">>}',
        '** When Server state == {state,#{},3}',
        '** Reason for termination ==',
        '** {badarg,[{ets,lookup,[sessions,<<"s-90">>],[]},',
        '            {shop_sessions,handle_call,3,[{file,"src/shop_sessions.erl"},{line,40}]}]}',
      ),
    },
    {
      name: 'Erlang error report: badarg vs badarith',
      kind: 'different',
      a: log(
        '=ERROR REPORT==== 1-May-2024::10:03:00.123456 ===',
        '** Generic server shop_sessions terminating ',
        '** Reason for termination ==',
        '** {badarg,[{shop_sessions,handle_call,3,[{file,"src/shop_sessions.erl"},{line,40}]}]}',
      ),
      b: log(
        '=ERROR REPORT==== 1-May-2024::10:03:00.123456 ===',
        '** Generic server shop_sessions terminating ',
        '** Reason for termination ==',
        '** {badarith,[{shop_sessions,handle_call,3,[{file,"src/shop_sessions.erl"},{line,40}]}]}',
      ),
    },
  ],
};
