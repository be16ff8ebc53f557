import { log, type PairFormat } from './model.ts';

/**
 * Mono's stacks as Unity's players and Xamarin print them (`at … [0x00012] in
 * /path/File.cs:48`, `in <module id>:0` without symbols), Unity's console
 * (`Class.Method () (at Assets/…:48)`, `Class:Method(Args)`), and Crystal's
 * (`from src/cart.cr:31:5 in 'total'`): the method and file are the failure,
 * the IL offset, the line and where the project was built are not.
 */
export const monoAndCrystal: PairFormat = {
  format: 'Mono, Unity and Crystal stacks',
  pairs: [
    {
      name: 'Unity player log, built on two machines, the line moved',
      kind: 'same',
      a: log(
        'NullReferenceException: Object reference not set to an instance of an object',
        '  at Game.UI.InventoryPanel.Redraw () [0x00012] in /Users/ana/Projects/Game/Assets/Scripts/UI/InventoryPanel.cs:48 ',
        '  at Game.UI.InventoryPanel.OnEnable () [0x00001] in /Users/ana/Projects/Game/Assets/Scripts/UI/InventoryPanel.cs:22 ',
        'UnityEngine.Debug:LogException(Exception)',
      ),
      b: log(
        'NullReferenceException: Object reference not set to an instance of an object',
        '  at Game.UI.InventoryPanel.Redraw () [0x0001a] in C:\\Builds\\Game\\Assets\\Scripts\\UI\\InventoryPanel.cs:51 ',
        '  at Game.UI.InventoryPanel.OnEnable () [0x00001] in C:\\Builds\\Game\\Assets\\Scripts\\UI\\InventoryPanel.cs:22 ',
        'UnityEngine.Debug:LogException(Exception)',
      ),
    },
    {
      name: 'Unity player log, the same exception in another panel',
      kind: 'different',
      a: log(
        'NullReferenceException: Object reference not set to an instance of an object',
        '  at Game.UI.InventoryPanel.Redraw () [0x00012] in /Users/ana/Projects/Game/Assets/Scripts/UI/InventoryPanel.cs:48 ',
        'UnityEngine.Debug:LogException(Exception)',
      ),
      b: log(
        'NullReferenceException: Object reference not set to an instance of an object',
        '  at Game.UI.ShopPanel.Redraw () [0x00012] in /Users/ana/Projects/Game/Assets/Scripts/UI/ShopPanel.cs:48 ',
        'UnityEngine.Debug:LogException(Exception)',
      ),
    },
    {
      name: "Unity's console, two sessions",
      kind: 'same',
      a: log(
        'IndexOutOfRangeException: Index was outside the bounds of the array.',
        'Game.World.ChunkMap.At (System.Int32 x, System.Int32 y) (at Assets/Scripts/World/ChunkMap.cs:88)',
        'Game.World.Spawner.Update () (at Assets/Scripts/World/Spawner.cs:31)',
      ),
      b: log(
        'IndexOutOfRangeException: Index was outside the bounds of the array.',
        'Game.World.ChunkMap.At (System.Int32 x, System.Int32 y) (at Assets/Scripts/World/ChunkMap.cs:90)',
        'Game.World.Spawner.Update () (at Assets/Scripts/World/Spawner.cs:31)',
      ),
    },
    {
      name: "Unity's console, reached from another caller",
      kind: 'different',
      a: log(
        'IndexOutOfRangeException: Index was outside the bounds of the array.',
        'Game.World.ChunkMap.At (System.Int32 x, System.Int32 y) (at Assets/Scripts/World/ChunkMap.cs:88)',
        'Game.World.Spawner.Update () (at Assets/Scripts/World/Spawner.cs:31)',
      ),
      b: log(
        'IndexOutOfRangeException: Index was outside the bounds of the array.',
        'Game.World.ChunkMap.At (System.Int32 x, System.Int32 y) (at Assets/Scripts/World/ChunkMap.cs:88)',
        'Game.World.Pathfinder.Step () (at Assets/Scripts/World/Pathfinder.cs:140)',
      ),
    },
    {
      name: 'Mono without symbols (module ids), two builds of one app',
      kind: 'same',
      a: log(
        '2026-12-02 10:14:03.118 [Error] System.InvalidOperationException: Collection was modified; enumeration operation may not execute.',
        '  at System.Collections.Generic.List`1+Enumerator[T].MoveNext () [0x0004a] in <5c2d91ae4f3b8e02a1b2c3d4e5f60718>:0 ',
        '  at Shop.Mobile.BasketViewModel.Refresh () [0x00033] in <0d0d3c4f9a8b7c6d1e2f3a4b5c6d7e8f>:0 ',
      ),
      b: log(
        '2026-12-04 22:01:40.010 [Error] System.InvalidOperationException: Collection was modified; enumeration operation may not execute.',
        '  at System.Collections.Generic.List`1+Enumerator[T].MoveNext () [0x0004a] in <5c2d91ae4f3b8e02a1b2c3d4e5f60718>:0 ',
        '  at Shop.Mobile.BasketViewModel.Refresh () [0x00041] in <a81c03ff77aa01be9b1e77d04f3a2b1c>:0 ',
      ),
    },
    {
      name: 'Crystal, two installs of the standard library, the line moved',
      kind: 'same',
      a: log(
        'Unhandled exception: Index out of bounds (IndexError)',
        "  from /usr/share/crystal/src/indexable.cr:74:7 in '[]'",
        "  from src/shop/basket.cr:31:5 in 'total'",
        "  from src/shop.cr:12:3 in '__crystal_main'",
      ),
      b: log(
        'Unhandled exception: Index out of bounds (IndexError)',
        "  from /usr/lib/crystal/indexable.cr:74:7 in '[]'",
        "  from src/shop/basket.cr:33:5 in 'total'",
        "  from src/shop.cr:12:3 in '__crystal_main'",
      ),
    },
    {
      name: 'Crystal, raised in another method',
      kind: 'different',
      a: log(
        'Unhandled exception: Index out of bounds (IndexError)',
        "  from /usr/share/crystal/src/indexable.cr:74:7 in '[]'",
        "  from src/shop/basket.cr:31:5 in 'total'",
      ),
      b: log(
        'Unhandled exception: Index out of bounds (IndexError)',
        "  from /usr/share/crystal/src/indexable.cr:74:7 in '[]'",
        "  from src/shop/basket.cr:58:9 in 'discount'",
      ),
    },
    {
      name: 'Crystal, another exception at the same place',
      kind: 'different',
      a: log(
        'Unhandled exception: Index out of bounds (IndexError)',
        "  from src/shop/basket.cr:31:5 in 'total'",
      ),
      b: log(
        'Unhandled exception: Missing hash key: "sku" (KeyError)',
        "  from src/shop/basket.cr:31:5 in 'total'",
      ),
    },
  ],
};

/**
 * CockroachDB's log (klog's layout with the year, the file's path, crdb-v2's
 * `⋮`, the context tags and the entry counter), Puma's error for a request its
 * app raised on, and plain lines whose message quotes an error (`failed to send
 * snapshot: rpc error: …`): what failed is the message before the quoted error
 * as much as the error itself.
 */
export const serversQuotingErrors: PairFormat = {
  format: 'CockroachDB, Puma and messages quoting an error',
  pairs: [
    {
      name: 'CockroachDB, a snapshot that failed on two nodes',
      kind: 'same',
      a: log(
        'I241202 10:14:03.118240 1123 server/node.go:533 ⋮ [T1,Vsystem,n1] 12  started with engine type ‹pebble›',
        'E241202 10:14:05.902114 4471 kv/kvserver/replica_raft.go:1712 ⋮ [T1,Vsystem,n1,s1,r88/3:‹/Table/10{6-7}›] 13  failed to send snapshot: rpc error: code = Unavailable desc = connection error',
      ),
      b: log(
        'E241203 18:40:51.002991 8812 kv/kvserver/replica_raft.go:1712 ⋮ [T1,Vsystem,n3,s3,r412/1:‹/Table/5{2-3}›] 902  failed to send snapshot: rpc error: code = Unavailable desc = connection error',
      ),
    },
    {
      name: 'CockroachDB, another operation met the same rpc error',
      kind: 'different',
      a: log(
        'E241202 10:14:05.902114 4471 kv/kvserver/replica_raft.go:1712 ⋮ [T1,Vsystem,n1,s1,r88/3:‹/Table/10{6-7}›] 13  failed to send snapshot: rpc error: code = Unavailable desc = connection error',
      ),
      b: log(
        'E241202 10:14:05.902114 4471 kv/kvserver/liveness/liveness.go:801 ⋮ [T1,Vsystem,n1] 13  failed to heartbeat own liveness record: rpc error: code = Unavailable desc = connection error',
      ),
    },
    {
      name: 'plain lines, one rpc failure on two days',
      kind: 'same',
      a: log(
        '2026-12-02T10:14:05.902Z failed to send snapshot to store 4: rpc error: code = Unavailable desc = connection error',
      ),
      b: log(
        '2026-12-05T00:01:09.117Z failed to send snapshot to store 11: rpc error: code = Unavailable desc = connection error',
      ),
    },
    {
      name: 'plain lines, another operation quoting the same rpc error',
      kind: 'different',
      a: log(
        '2026-12-02T10:14:05.902Z failed to send snapshot to store 4: rpc error: code = Unavailable desc = connection error',
      ),
      b: log(
        '2026-12-02T10:14:05.902Z failed to renew lease of range 88: rpc error: code = Unavailable desc = connection error',
      ),
    },
    {
      name: 'Puma, a pool timeout on two requests',
      kind: 'same',
      a: log(
        '2026-12-02 10:14:03 +0000 Rack app ("POST /basket" - (203.0.113.9)): #<ActiveRecord::ConnectionTimeoutError: could not obtain a connection from the pool within 5.000 seconds (waited 5.001 seconds); all pooled connections were in use>',
      ),
      b: log(
        '2026-12-03 18:40:51 +0000 Rack app ("GET /orders/1182" - (198.51.100.7)): #<ActiveRecord::ConnectionTimeoutError: could not obtain a connection from the pool within 5.000 seconds (waited 5.002 seconds); all pooled connections were in use>',
      ),
    },
    {
      name: 'Puma, another exception',
      kind: 'different',
      a: log(
        '2026-12-02 10:14:03 +0000 Rack app ("POST /basket" - (203.0.113.9)): #<ActiveRecord::ConnectionTimeoutError: could not obtain a connection from the pool within 5.000 seconds (waited 5.001 seconds); all pooled connections were in use>',
      ),
      b: log(
        '2026-12-02 10:14:03 +0000 Rack app ("POST /basket" - (203.0.113.9)): #<Redis::CannotConnectError: Error connecting to Redis on 10.0.0.5:6379 (Errno::ECONNREFUSED)>',
      ),
    },
  ],
};
