/**
 * TEMPORARY probe (not to be committed): failures as some languages' runtimes
 * and tools print them — PowerShell, Perl, Haskell, OCaml, R, Akka, Kotlin,
 * Clojure, Lua, Zig, C++ (libc++), Valgrind, Erlang/OTP reports.
 */
import { log, type PairFormat } from './model.ts';

const tildes = (code: string) => '~'.repeat(code.length);

/** PowerShell 7 ConciseView of an error raised in a script. */
function psConcise(
  label: string,
  at: string,
  line: number,
  indent: string,
  code: string,
  message: string,
): string[] {
  return [
    `${label}: ${at}:${line}`,
    'Line |',
    `${String(line).padStart(4)} |  ${indent}${code}`,
    `     |  ${indent}${tildes(code)}`,
    `     | ${message}`,
  ];
}

/** Windows PowerShell 5.1 (and pwsh NormalView) error record. */
function psNormal(
  first: string,
  at: string,
  line: number,
  indent: string,
  code: string,
  category: string,
  fqid: string,
): string[] {
  return [
    first,
    `At ${at}:${line} char:${indent.length + 1}`,
    `+ ${indent}${code}`,
    `+ ${indent}${tildes(code)}`,
    `    + CategoryInfo          : ${category}`,
    `    + FullyQualifiedErrorId : ${fqid}`,
  ];
}

const psStart = (host: string) => [`Deploying shop 2.4.1 to ${host}`, 'Stopping service ShopApi ... done'];

const notRecognized7 = (cmd: string) =>
  `The term '${cmd}' is not recognized as a name of a cmdlet, function, script file, or executable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`;

export const powershell: PairFormat = {
  format: 'PowerShell',
  pairs: [
    {
      name: 'pwsh concise: Get-Item misses a file in two users’ temp dirs',
      kind: 'same',
      a: log(
        ...psStart('prod-web-01'),
        "Get-Item: Cannot find path 'C:\\Users\\alice\\AppData\\Local\\Temp\\shop-4411\\config.json' because it does not exist.",
        'Deploy finished with errors',
      ),
      b: log(
        ...psStart('prod-web-02'),
        "Get-Item: Cannot find path 'C:\\Users\\bob\\AppData\\Local\\Temp\\shop-90\\config.json' because it does not exist.",
        'Deploy finished with errors',
      ),
    },
    {
      name: 'pwsh concise script block: Get-Item, at another line of the script',
      kind: 'same',
      a: log(
        ...psStart('prod-web-01'),
        ...psConcise(
          'Get-Item',
          'C:\\deploy\\deploy.ps1',
          12,
          '',
          'Get-Item -Path C:\\deploy\\shop\\config.json',
          "Cannot find path 'C:\\deploy\\shop\\config.json' because it does not exist.",
        ),
      ),
      b: log(
        ...psStart('prod-web-02'),
        ...psConcise(
          'Get-Item',
          'C:\\deploy\\deploy.ps1',
          14,
          '',
          'Get-Item -Path C:\\deploy\\shop\\config.json',
          "Cannot find path 'C:\\deploy\\shop\\config.json' because it does not exist.",
        ),
      ),
    },
    {
      name: 'pwsh concise script block: Invoke-WebRequest 503 vs 404',
      kind: 'different',
      a: log(
        'Running smoke tests against https://shop.example.com',
        ...psConcise(
          'Invoke-WebRequest',
          'C:\\deploy\\smoke.ps1',
          8,
          '',
          'Invoke-WebRequest -Uri "https://shop.example.com/health"',
          'Response status code does not indicate success: 503 (Service Unavailable).',
        ),
      ),
      b: log(
        'Running smoke tests against https://shop.example.com',
        ...psConcise(
          'Invoke-WebRequest',
          'C:\\deploy\\smoke.ps1',
          8,
          '',
          'Invoke-WebRequest -Uri "https://shop.example.com/health"',
          'Response status code does not indicate success: 404 (Not Found).',
        ),
      ),
    },
    {
      name: 'pwsh concise: a thrown message naming another host',
      kind: 'same',
      a: log(
        ...psStart('prod-web-01'),
        'Waiting for health check ...',
        ...psConcise(
          'Exception',
          'C:\\deploy\\deploy.ps1',
          20,
          '    ',
          'throw "Health check failed for $hostName"',
          'Health check failed for prod-web-01',
        ),
      ),
      b: log(
        ...psStart('prod-web-07'),
        'Waiting for health check ...',
        ...psConcise(
          'Exception',
          'C:\\deploy\\deploy.ps1',
          20,
          '    ',
          'throw "Health check failed for $hostName"',
          'Health check failed for prod-web-07',
        ),
      ),
    },
    {
      name: 'pwsh concise: two thrown messages at one line',
      kind: 'different',
      a: log(
        ...psStart('prod-web-01'),
        ...psConcise(
          'Exception',
          'C:\\deploy\\deploy.ps1',
          20,
          '    ',
          'throw $reason',
          'Health check failed',
        ),
      ),
      b: log(
        ...psStart('prod-web-01'),
        ...psConcise(
          'Exception',
          'C:\\deploy\\deploy.ps1',
          20,
          '    ',
          'throw $reason',
          'Database migration failed',
        ),
      ),
    },
    {
      name: 'pwsh concise: kubectl vs helm not installed',
      kind: 'different',
      a: log(
        ...psStart('prod-web-01'),
        ...psConcise('kubectl', 'C:\\deploy\\deploy.ps1', 8, '', 'kubectl', notRecognized7('kubectl')),
      ),
      b: log(
        ...psStart('prod-web-01'),
        ...psConcise('helm', 'C:\\deploy\\deploy.ps1', 8, '', 'helm', notRecognized7('helm')),
      ),
    },
    {
      name: 'pwsh concise: method on null, two runners’ checkouts and lines',
      kind: 'same',
      a: log(
        'Run ./deploy.ps1',
        ...psConcise(
          'InvalidOperation',
          'C:\\actions-runner\\_work\\shop\\shop\\deploy.ps1',
          31,
          '',
          '$release.Trim()',
          'You cannot call a method on a null-valued expression.',
        ),
        'Error: Process completed with exit code 1.',
      ),
      b: log(
        'Run ./deploy.ps1',
        ...psConcise(
          'InvalidOperation',
          'D:\\a\\shop\\shop\\deploy.ps1',
          33,
          '',
          '$release.Trim()',
          'You cannot call a method on a null-valued expression.',
        ),
        'Error: Process completed with exit code 1.',
      ),
    },
    {
      name: 'PS 5.1 record: Get-Content misses a file, at another line',
      kind: 'same',
      a: log(
        ...psStart('prod-web-01'),
        ...psNormal(
          "Get-Content : Cannot find path 'C:\\deploy\\shop\\config.json' because it does not exist.",
          'C:\\deploy\\deploy.ps1',
          12,
          '',
          'Get-Content -Path C:\\deploy\\shop\\config.json',
          'ObjectNotFound: (C:\\deploy\\shop\\config.json:String) [Get-Content], ItemNotFoundException',
          'PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand',
        ),
      ),
      b: log(
        ...psStart('prod-web-02'),
        ...psNormal(
          "Get-Content : Cannot find path 'C:\\deploy\\shop\\config.json' because it does not exist.",
          'C:\\deploy\\deploy.ps1',
          15,
          '',
          'Get-Content -Path C:\\deploy\\shop\\config.json',
          'ObjectNotFound: (C:\\deploy\\shop\\config.json:String) [Get-Content], ItemNotFoundException',
          'PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand',
        ),
      ),
    },
    {
      name: 'PS 5.1 record: one file missing vs access denied',
      kind: 'different',
      a: log(
        ...psStart('prod-web-01'),
        ...psNormal(
          "Get-Content : Cannot find path 'C:\\deploy\\shop\\config.json' because it does not exist.",
          'C:\\deploy\\deploy.ps1',
          12,
          '',
          'Get-Content -Path C:\\deploy\\shop\\config.json',
          'ObjectNotFound: (C:\\deploy\\shop\\config.json:String) [Get-Content], ItemNotFoundException',
          'PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand',
        ),
      ),
      b: log(
        ...psStart('prod-web-01'),
        ...psNormal(
          "Get-Content : Access to the path 'C:\\deploy\\shop\\config.json' is denied.",
          'C:\\deploy\\deploy.ps1',
          12,
          '',
          'Get-Content -Path C:\\deploy\\shop\\config.json',
          'PermissionDenied: (C:\\deploy\\shop\\config.json:String) [Get-Content], UnauthorizedAccessException',
          'GetContentReaderUnauthorizedAccessError,Microsoft.PowerShell.Commands.GetContentCommand',
        ),
      ),
    },
    {
      name: 'PS 5.1 record: thrown message naming another host',
      kind: 'same',
      a: log(
        ...psStart('prod-web-01'),
        ...psNormal(
          'Health check failed for prod-web-01',
          'C:\\deploy\\deploy.ps1',
          20,
          '    ',
          'throw "Health check failed for $hostName"',
          'OperationStopped: (Health check failed for prod-web-01:String) [], RuntimeException',
          'Health check failed for prod-web-01',
        ),
      ),
      b: log(
        ...psStart('prod-web-07'),
        ...psNormal(
          'Health check failed for prod-web-07',
          'C:\\deploy\\deploy.ps1',
          20,
          '    ',
          'throw "Health check failed for $hostName"',
          'OperationStopped: (Health check failed for prod-web-07:String) [], RuntimeException',
          'Health check failed for prod-web-07',
        ),
      ),
    },
    {
      name: 'PS 5.1 record: method on null vs index into null array',
      kind: 'different',
      a: log(
        ...psStart('prod-web-01'),
        ...psNormal(
          'You cannot call a method on a null-valued expression.',
          'C:\\deploy\\deploy.ps1',
          31,
          '',
          '$servers.Trim()',
          'InvalidOperation: (:) [], RuntimeException',
          'InvokeMethodOnNull',
        ),
      ),
      b: log(
        ...psStart('prod-web-01'),
        ...psNormal(
          'Cannot index into a null array.',
          'C:\\deploy\\deploy.ps1',
          31,
          '',
          '$servers[0]',
          'InvalidOperation: (:) [], RuntimeException',
          'NullArray',
        ),
      ),
    },
    {
      name: 'PS 5.1 record: Invoke-WebRequest 503 vs 404',
      kind: 'different',
      a: log(
        'Running smoke tests against https://shop.example.com',
        ...psNormal(
          'Invoke-WebRequest : The remote server returned an error: (503) Server Unavailable.',
          'C:\\deploy\\smoke.ps1',
          8,
          '',
          'Invoke-WebRequest -Uri https://shop.example.com/health',
          'InvalidOperation: (System.Net.HttpWebRequest:HttpWebRequest) [Invoke-WebRequest], WebException',
          'WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand',
        ),
      ),
      b: log(
        'Running smoke tests against https://shop.example.com',
        ...psNormal(
          'Invoke-WebRequest : The remote server returned an error: (404) Not Found.',
          'C:\\deploy\\smoke.ps1',
          8,
          '',
          'Invoke-WebRequest -Uri https://shop.example.com/health',
          'InvalidOperation: (System.Net.HttpWebRequest:HttpWebRequest) [Invoke-WebRequest], WebException',
          'WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand',
        ),
      ),
    },
  ],
};

const inc = (v: string) =>
  `/etc/perl /usr/local/lib/x86_64-linux-gnu/perl/${v}.0 /usr/local/share/perl/${v}.0 /usr/lib/x86_64-linux-gnu/perl5/${v} /usr/share/perl5 /usr/lib/x86_64-linux-gnu/perl-base /usr/lib/x86_64-linux-gnu/perl/${v} /usr/share/perl/${v} /usr/local/lib/site_perl`;

export const perl: PairFormat = {
  format: 'Perl',
  pairs: [
    {
      name: 'die on open of a spool file, other file and line',
      kind: 'same',
      a: log(
        'importer: starting (pid 4411)',
        'importer: 12 files queued',
        'Cannot open /var/spool/shop/import-4411.csv: No such file or directory at /srv/shop/lib/Shop/Import.pm line 42.',
      ),
      b: log(
        'importer: starting (pid 90)',
        'importer: 3 files queued',
        'Cannot open /var/spool/shop/import-90.csv: No such file or directory at /srv/shop/lib/Shop/Import.pm line 44.',
      ),
    },
    {
      name: 'die on open: missing vs permission denied',
      kind: 'different',
      a: log(
        'importer: starting (pid 4411)',
        'Cannot open /var/spool/shop/orders.csv: No such file or directory at /srv/shop/lib/Shop/Import.pm line 42.',
      ),
      b: log(
        'importer: starting (pid 4411)',
        'Cannot open /var/spool/shop/orders.csv: Permission denied at /srv/shop/lib/Shop/Import.pm line 42.',
      ),
    },
    {
      name: "Can't locate a module, perl 5.34 vs 5.36 @INC",
      kind: 'same',
      a: log(
        `Can't locate JSON/XS.pm in @INC (you may need to install the JSON::XS module) (@INC contains: ${inc('5.34')}) at /srv/shop/bin/importer line 7.`,
        'BEGIN failed--compilation aborted at /srv/shop/bin/importer line 7.',
      ),
      b: log(
        `Can't locate JSON/XS.pm in @INC (you may need to install the JSON::XS module) (@INC contains: ${inc('5.36')}) at /srv/shop/bin/importer line 9.`,
        'BEGIN failed--compilation aborted at /srv/shop/bin/importer line 9.',
      ),
    },
    {
      name: "Can't locate: two modules",
      kind: 'different',
      a: log(
        `Can't locate JSON/XS.pm in @INC (you may need to install the JSON::XS module) (@INC contains: ${inc('5.36')}) at /srv/shop/bin/importer line 7.`,
        'BEGIN failed--compilation aborted at /srv/shop/bin/importer line 7.',
      ),
      b: log(
        `Can't locate Text/CSV_XS.pm in @INC (you may need to install the Text::CSV_XS module) (@INC contains: ${inc('5.36')}) at /srv/shop/bin/importer line 7.`,
        'BEGIN failed--compilation aborted at /srv/shop/bin/importer line 7.',
      ),
    },
    {
      name: "Mojolicious: Can't call method on undef, other pid, time and line",
      kind: 'same',
      a: log(
        '[2024-05-01 10:00:00.12345] [4411] [info] Listening at "http://*:3000"',
        '[2024-05-01 10:00:03.88120] [4411] [debug] [hB3kQ9xZ] GET "/orders/8812"',
        '[2024-05-01 10:00:03.89001] [4411] [error] [hB3kQ9xZ] Can\'t call method "id" on an undefined value at /srv/shop/lib/Shop/Controller/Order.pm line 31.',
      ),
      b: log(
        '[2024-06-12 23:13:09.00001] [90] [info] Listening at "http://*:3000"',
        '[2024-06-12 23:13:11.41177] [90] [debug] [Zq0pL2mN] GET "/orders/17"',
        '[2024-06-12 23:13:11.42010] [90] [error] [Zq0pL2mN] Can\'t call method "id" on an undefined value at /srv/shop/lib/Shop/Controller/Order.pm line 34.',
      ),
    },
    {
      name: "Can't call method: two methods at one line",
      kind: 'different',
      a: log(
        'worker: processing batch',
        'Can\'t call method "id" on an undefined value at /srv/shop/lib/Shop/Order.pm line 88.',
      ),
      b: log(
        'worker: processing batch',
        'Can\'t call method "total" on an undefined value at /srv/shop/lib/Shop/Order.pm line 88.',
      ),
    },
    {
      name: 'confess with a stack, other order id and HASH addresses',
      kind: 'same',
      a: log(
        'invoice run started',
        'Order 8812 has no customer at /srv/shop/lib/Shop/Order.pm line 51.',
        '\tShop::Order::customer(Shop::Order=HASH(0x55d0c3a1b2c8)) called at /srv/shop/lib/Shop/Invoice.pm line 23',
        '\tShop::Invoice::build(Shop::Invoice=HASH(0x55d0c3a20f10), 8812) called at /srv/shop/bin/invoice line 14',
      ),
      b: log(
        'invoice run started',
        'Order 17 has no customer at /srv/shop/lib/Shop/Order.pm line 51.',
        '\tShop::Order::customer(Shop::Order=HASH(0x5612ab04e9a0)) called at /srv/shop/lib/Shop/Invoice.pm line 23',
        '\tShop::Invoice::build(Shop::Invoice=HASH(0x5612ab0511c8), 17) called at /srv/shop/bin/invoice line 14',
      ),
    },
    {
      name: 'confess: two messages from one stack',
      kind: 'different',
      a: log(
        'invoice run started',
        'Order 8812 has no customer at /srv/shop/lib/Shop/Order.pm line 51.',
        '\tShop::Order::customer(Shop::Order=HASH(0x55d0c3a1b2c8)) called at /srv/shop/lib/Shop/Invoice.pm line 23',
        '\tShop::Invoice::build(Shop::Invoice=HASH(0x55d0c3a20f10), 8812) called at /srv/shop/bin/invoice line 14',
      ),
      b: log(
        'invoice run started',
        'Order 8812 has no lines at /srv/shop/lib/Shop/Order.pm line 51.',
        '\tShop::Order::customer(Shop::Order=HASH(0x55d0c3a1b2c8)) called at /srv/shop/lib/Shop/Invoice.pm line 23',
        '\tShop::Invoice::build(Shop::Invoice=HASH(0x55d0c3a20f10), 8812) called at /srv/shop/bin/invoice line 14',
      ),
    },
  ],
};

const ghcHead = (line: number) => [
  'shop: Prelude.head: empty list',
  'CallStack (from HasCallStack):',
  '  error, called at libraries/base/GHC/List.hs:1782:3 in base:GHC.List',
  '  errorEmptyList, called at libraries/base/GHC/List.hs:89:11 in base:GHC.List',
  '  badHead, called at libraries/base/GHC/List.hs:83:28 in base:GHC.List',
  `  head, called at src/Shop/Cart.hs:${line}:15 in shop-0.1.0.0-inplace:Shop.Cart`,
];

export const haskell: PairFormat = {
  format: 'Haskell (GHC)',
  pairs: [
    {
      name: 'Prelude.head on an empty list, call site at another line',
      kind: 'same',
      a: log('Loading catalog from /srv/catalog', 'Catalog loaded: 1204 items', ...ghcHead(42)),
      b: log('Loading catalog from /srv/catalog', 'Catalog loaded: 88 items', ...ghcHead(47)),
    },
    {
      name: 'Prelude.head empty list vs !! index too large',
      kind: 'different',
      a: log('Catalog loaded: 1204 items', ...ghcHead(42)),
      b: log(
        'Catalog loaded: 1204 items',
        'shop: Prelude.!!: index too large',
        'CallStack (from HasCallStack):',
        '  error, called at libraries/base/GHC/List.hs:1368:14 in base:GHC.List',
        '  tooLarge, called at libraries/base/GHC/List.hs:1378:50 in base:GHC.List',
        '  !!, called at src/Shop/Cart.hs:42:15 in shop-0.1.0.0-inplace:Shop.Cart',
      ),
    },
    {
      name: 'user error from fail, other order id',
      kind: 'same',
      a: log('shop: starting on port 8080', 'shop: user error (order 8812: no lines)'),
      b: log('shop: starting on port 8081', 'shop: user error (order 17: no lines)'),
    },
    {
      name: 'user error: two missing config keys',
      kind: 'different',
      a: log('shop: reading /etc/shop/config.yaml', 'shop: user error (config: missing key "port")'),
      b: log('shop: reading /etc/shop/config.yaml', 'shop: user error (config: missing key "database")'),
    },
    {
      name: 'error call with a CallStack, other order id and line',
      kind: 'same',
      a: log(
        'shop: starting on port 8080',
        'shop: order 8812 has no lines',
        'CallStack (from HasCallStack):',
        '  error, called at src/Shop/Order.hs:57:12 in shop-0.1.0.0-inplace:Shop.Order',
        '  priceOrder, called at app/Main.hs:21:9 in main:Main',
      ),
      b: log(
        'shop: starting on port 8080',
        'shop: order 17 has no lines',
        'CallStack (from HasCallStack):',
        '  error, called at src/Shop/Order.hs:59:12 in shop-0.1.0.0-inplace:Shop.Order',
        '  priceOrder, called at app/Main.hs:21:9 in main:Main',
      ),
    },
    {
      name: 'openFile: does not exist vs permission denied',
      kind: 'different',
      a: log(
        'shop: starting on port 8080',
        'shop: /etc/shop/config.yaml: openFile: does not exist (No such file or directory)',
      ),
      b: log(
        'shop: starting on port 8080',
        'shop: /etc/shop/config.yaml: openFile: permission denied (Permission denied)',
      ),
    },
  ],
};

const ocamlNotFound = (l1: number, l2: number) => [
  'Fatal error: exception Not_found',
  'Raised at Stdlib__Hashtbl.find in file "hashtbl.ml", line 546, characters 13-28',
  `Called from Shop__Cart.price in file "src/cart.ml", line ${l1}, characters 14-38`,
  `Called from Shop__Cart.total.(fun) in file "src/cart.ml", line ${l2}, characters 30-45`,
  'Called from Stdlib__List.fold_left in file "list.ml", line 121, characters 24-34',
  'Called from Dune__exe__Main in file "bin/main.ml", line 12, characters 2-20',
];

export const ocaml: PairFormat = {
  format: 'OCaml',
  pairs: [
    {
      name: 'Not_found with a backtrace, other lines in the app',
      kind: 'same',
      a: log('[INFO] loading prices from /srv/prices', ...ocamlNotFound(42, 50)),
      b: log('[INFO] loading prices from /srv/prices', ...ocamlNotFound(44, 53)),
    },
    {
      name: 'Not_found vs Invalid_argument at one place',
      kind: 'different',
      a: log('[INFO] loading prices from /srv/prices', ...ocamlNotFound(42, 50)),
      b: log(
        '[INFO] loading prices from /srv/prices',
        'Fatal error: exception Invalid_argument("index out of bounds")',
        'Raised by primitive operation at Shop__Cart.price in file "src/cart.ml", line 42, characters 14-38',
        'Called from Shop__Cart.total.(fun) in file "src/cart.ml", line 50, characters 30-45',
        'Called from Stdlib__List.fold_left in file "list.ml", line 121, characters 24-34',
        'Called from Dune__exe__Main in file "bin/main.ml", line 12, characters 2-20',
      ),
    },
    {
      name: 'Sys_error on a temp dir of another run',
      kind: 'same',
      a: log(
        '[INFO] export run 4411',
        'Fatal error: exception Sys_error("/tmp/shop-4411/orders.sexp: No such file or directory")',
      ),
      b: log(
        '[INFO] export run 90',
        'Fatal error: exception Sys_error("/tmp/shop-90/orders.sexp: No such file or directory")',
      ),
    },
    {
      name: 'Failure: two messages',
      kind: 'different',
      a: log('[INFO] export run 4411', 'Fatal error: exception Failure("order has no lines")'),
      b: log('[INFO] export run 4411', 'Fatal error: exception Failure("customer not found")'),
    },
  ],
};

export const r: PairFormat = {
  format: 'R',
  pairs: [
    {
      name: 'object not found in Rscript, other input file',
      kind: 'same',
      a: log(
        '[1] "Reading /data/sales-2024-05-01.csv"',
        '[1] "Read 18230 rows"',
        "Error in summarise_sales(df) : object 'revenue' not found",
        'Calls: main -> summarise_sales',
        'Execution halted',
      ),
      b: log(
        '[1] "Reading /data/sales-2024-06-12.csv"',
        '[1] "Read 977 rows"',
        "Error in summarise_sales(df) : object 'revenue' not found",
        'Calls: main -> summarise_sales',
        'Execution halted',
      ),
    },
    {
      name: 'object not found: two objects',
      kind: 'different',
      a: log(
        '[1] "Read 18230 rows"',
        "Error in summarise_sales(df) : object 'revenue' not found",
        'Calls: main -> summarise_sales',
        'Execution halted',
      ),
      b: log(
        '[1] "Read 18230 rows"',
        "Error in summarise_sales(df) : object 'region' not found",
        'Calls: main -> summarise_sales',
        'Execution halted',
      ),
    },
    {
      name: 'cannot open a file in two sessions’ tempdirs',
      kind: 'same',
      a: log(
        '[1] "Exporting to /tmp/RtmpAb12Cd"',
        'Error in file(file, "rt") : cannot open the connection',
        'Calls: main -> read.csv -> read.table -> file',
        'In addition: Warning message:',
        'In file(file, "rt") :',
        "  cannot open file '/tmp/RtmpAb12Cd/sales.csv': No such file or directory",
        'Execution halted',
      ),
      b: log(
        '[1] "Exporting to /tmp/RtmpXy98Zz"',
        'Error in file(file, "rt") : cannot open the connection',
        'Calls: main -> read.csv -> read.table -> file',
        'In addition: Warning message:',
        'In file(file, "rt") :',
        "  cannot open file '/tmp/RtmpXy98Zz/sales.csv': No such file or directory",
        'Execution halted',
      ),
    },
    {
      name: 'library: two packages not installed',
      kind: 'different',
      a: log(
        '[1] "Starting nightly report"',
        'Error in library(dplyr) : there is no package called ‘dplyr’',
        'Execution halted',
      ),
      b: log(
        '[1] "Starting nightly report"',
        'Error in library(data.table) : there is no package called ‘data.table’',
        'Execution halted',
      ),
    },
  ],
};

const akkaInfo = (ts: string, d: number) =>
  `[INFO] [${ts}] [shop-akka.actor.default-dispatcher-${d}] [akka://shop/user/orders] Orders actor started`;

export const akkaKotlin: PairFormat = {
  format: 'Akka / Kotlin / Clojure',
  pairs: [
    {
      name: 'Akka classic: NPE vs NoSuchElementException at one frame',
      kind: 'different',
      a: log(
        akkaInfo('05/01/2024 09:59:58.001', 2),
        '[ERROR] [05/01/2024 10:00:00.123] [shop-akka.actor.default-dispatcher-5] [akka://shop/user/orders/$a] null',
        'java.lang.NullPointerException',
        '\tat shop.OrderWorker$$anonfun$receive$1.applyOrElse(OrderWorker.scala:42)',
        '\tat akka.actor.Actor.aroundReceive(Actor.scala:537)',
      ),
      b: log(
        akkaInfo('05/01/2024 09:59:58.001', 2),
        '[ERROR] [05/01/2024 10:00:00.123] [shop-akka.actor.default-dispatcher-5] [akka://shop/user/orders/$a] None.get',
        'java.util.NoSuchElementException: None.get',
        '\tat scala.None$.get(Option.scala:627)',
        '\tat shop.OrderWorker$$anonfun$receive$1.applyOrElse(OrderWorker.scala:42)',
        '\tat akka.actor.Actor.aroundReceive(Actor.scala:537)',
      ),
    },
    {
      name: 'Akka ask timeout, other actor uid and time',
      kind: 'same',
      a: log(
        akkaInfo('05/01/2024 09:59:58.001', 2),
        "[ERROR] [05/01/2024 10:00:05.002] [shop-akka.actor.default-dispatcher-7] [akka://shop/user/checkout] Ask timed out on [Actor[akka://shop/user/pricing#-1288422213]] after [5000 ms]. Message of type [shop.PriceRequest]. A typical reason for `AskTimeoutException` is that the recipient actor didn't send a reply.",
      ),
      b: log(
        akkaInfo('06/12/2024 23:13:01.555', 3),
        "[ERROR] [06/12/2024 23:13:40.441] [shop-akka.actor.default-dispatcher-21] [akka://shop/user/checkout] Ask timed out on [Actor[akka://shop/user/pricing#903561122]] after [5000 ms]. Message of type [shop.PriceRequest]. A typical reason for `AskTimeoutException` is that the recipient actor didn't send a reply.",
      ),
    },
    {
      name: 'Kotlin coroutine: IllegalStateException, other worker, order id, coroutine hash',
      kind: 'same',
      a: log(
        '10:00:00.001 [main] INFO  shop.App - Started in 1.2s',
        'Exception in thread "DefaultDispatcher-worker-1" java.lang.IllegalStateException: Order 8812 has no lines',
        '\tat shop.OrderService.price(OrderService.kt:42)',
        '\tat shop.OrderService$process$1.invokeSuspend(OrderService.kt:20)',
        '\tat kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith(ContinuationImpl.kt:33)',
        '\tat kotlinx.coroutines.DispatchedTask.run(DispatchedTask.kt:108)',
        '\tat kotlinx.coroutines.scheduling.CoroutineScheduler.runSafely(CoroutineScheduler.kt:584)',
        '\tat kotlinx.coroutines.scheduling.CoroutineScheduler$Worker.run(CoroutineScheduler.kt:684)',
        '\tSuppressed: kotlinx.coroutines.internal.DiagnosticCoroutineContextException: [StandaloneCoroutine{Cancelling}@5f184fc6, Dispatchers.Default]',
      ),
      b: log(
        '23:13:01.555 [main] INFO  shop.App - Started in 0.9s',
        'Exception in thread "DefaultDispatcher-worker-7" java.lang.IllegalStateException: Order 17 has no lines',
        '\tat shop.OrderService.price(OrderService.kt:42)',
        '\tat shop.OrderService$process$1.invokeSuspend(OrderService.kt:20)',
        '\tat kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith(ContinuationImpl.kt:33)',
        '\tat kotlinx.coroutines.DispatchedTask.run(DispatchedTask.kt:108)',
        '\tat kotlinx.coroutines.scheduling.CoroutineScheduler.runSafely(CoroutineScheduler.kt:584)',
        '\tat kotlinx.coroutines.scheduling.CoroutineScheduler$Worker.run(CoroutineScheduler.kt:684)',
        '\tSuppressed: kotlinx.coroutines.internal.DiagnosticCoroutineContextException: [StandaloneCoroutine{Cancelling}@2a1c9e03, Dispatchers.Default]',
      ),
    },
    {
      name: 'Kotlin coroutine: two exceptions at one frame',
      kind: 'different',
      a: log(
        '10:00:00.001 [main] INFO  shop.App - Started in 1.2s',
        'Exception in thread "DefaultDispatcher-worker-1" java.lang.IllegalStateException: Order has no lines',
        '\tat shop.OrderService.price(OrderService.kt:42)',
        '\tat shop.OrderService$process$1.invokeSuspend(OrderService.kt:20)',
        '\tat kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith(ContinuationImpl.kt:33)',
      ),
      b: log(
        '10:00:00.001 [main] INFO  shop.App - Started in 1.2s',
        'Exception in thread "DefaultDispatcher-worker-1" java.lang.ArithmeticException: / by zero',
        '\tat shop.OrderService.price(OrderService.kt:42)',
        '\tat shop.OrderService$process$1.invokeSuspend(OrderService.kt:20)',
        '\tat kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith(ContinuationImpl.kt:33)',
      ),
    },
    {
      name: 'Clojure CLI: NPE with other full-report temp file',
      kind: 'same',
      a: log(
        'INFO  shop.main - loading config from resources/config.edn',
        'Execution error (NullPointerException) at shop.cart/total (cart.clj:42).',
        'Cannot invoke "Object.getClass()" because "x" is null',
        '',
        'Full report at:',
        '/tmp/clojure-4411827364519283746.edn',
      ),
      b: log(
        'INFO  shop.main - loading config from resources/config.edn',
        'Execution error (NullPointerException) at shop.cart/total (cart.clj:42).',
        'Cannot invoke "Object.getClass()" because "x" is null',
        '',
        'Full report at:',
        '/tmp/clojure-90117735520048861.edn',
      ),
    },
    {
      name: 'Clojure CLI: NPE vs divide by zero in one function',
      kind: 'different',
      a: log(
        'Execution error (NullPointerException) at shop.cart/total (cart.clj:42).',
        'Cannot invoke "Object.getClass()" because "x" is null',
        '',
        'Full report at:',
        '/tmp/clojure-4411827364519283746.edn',
      ),
      b: log(
        'Execution error (ArithmeticException) at shop.cart/total (cart.clj:42).',
        'Divide by zero',
        '',
        'Full report at:',
        '/tmp/clojure-4411827364519283746.edn',
      ),
    },
  ],
};

const luaNoModule = (v: string) => [
  "lua: main.lua:3: module 'cjson' not found:",
  "\tno field package.preload['cjson']",
  `\tno file '/usr/local/share/lua/${v}/cjson.lua'`,
  `\tno file '/usr/local/share/lua/${v}/cjson/init.lua'`,
  `\tno file '/usr/local/lib/lua/${v}/cjson.lua'`,
  `\tno file '/usr/local/lib/lua/${v}/cjson/init.lua'`,
  "\tno file './cjson.lua'",
  "\tno file './cjson/init.lua'",
  `\tno file '/usr/local/lib/lua/${v}/cjson.so'`,
  `\tno file '/usr/local/lib/lua/${v}/loadall.so'`,
  "\tno file './cjson.so'",
  'stack traceback:',
  "\t[C]: in function 'require'",
  '\tmain.lua:3: in main chunk',
  '\t[C]: in ?',
];

export const lua: PairFormat = {
  format: 'Lua / OpenResty',
  pairs: [
    {
      name: 'index a nil local, at another line',
      kind: 'same',
      a: log(
        'loading cart fixtures',
        "lua: cart.lua:42: attempt to index a nil value (local 'item')",
        'stack traceback:',
        "\tcart.lua:42: in function 'cart.total'",
        '\tmain.lua:12: in main chunk',
        '\t[C]: in ?',
      ),
      b: log(
        'loading cart fixtures',
        "lua: cart.lua:45: attempt to index a nil value (local 'item')",
        'stack traceback:',
        "\tcart.lua:45: in function 'cart.total'",
        '\tmain.lua:12: in main chunk',
        '\t[C]: in ?',
      ),
    },
    {
      name: 'index a nil vs arithmetic on a nil, one line',
      kind: 'different',
      a: log(
        'loading cart fixtures',
        "lua: cart.lua:42: attempt to index a nil value (local 'item')",
        'stack traceback:',
        "\tcart.lua:42: in function 'cart.total'",
        '\tmain.lua:12: in main chunk',
        '\t[C]: in ?',
      ),
      b: log(
        'loading cart fixtures',
        "lua: cart.lua:42: attempt to perform arithmetic on a nil value (field 'price')",
        'stack traceback:',
        "\tcart.lua:42: in function 'cart.total'",
        '\tmain.lua:12: in main chunk',
        '\t[C]: in ?',
      ),
    },
    {
      name: 'module not found, Lua 5.3 vs 5.4 search paths',
      kind: 'same',
      a: log('starting worker', ...luaNoModule('5.3')),
      b: log('starting worker', ...luaNoModule('5.4')),
    },
    {
      name: 'module not found: cjson vs lfs',
      kind: 'different',
      a: log('starting worker', ...luaNoModule('5.4')),
      b: log('starting worker', ...luaNoModule('5.4').map((l) => l.replaceAll('cjson', 'lfs'))),
    },
    {
      name: 'OpenResty: lua entry thread aborted, other client, request and pid',
      kind: 'same',
      a: log(
        '2024/05/01 10:00:00 [notice] 4410#4410: start worker process 4411',
        "2024/05/01 10:00:03 [error] 4411#4411: *12 lua entry thread aborted: runtime error: /srv/shop/lua/cart.lua:42: attempt to index a nil value (local 'item')",
        'stack traceback:',
        'coroutine 0:',
        "\t/srv/shop/lua/cart.lua: in function 'total'",
        '\tcontent_by_lua(shop.conf:31):2: in main chunk, client: 10.0.0.5, server: shop.example.com, request: "GET /cart?id=8812 HTTP/1.1", host: "shop.example.com"',
      ),
      b: log(
        '2024/06/12 23:13:00 [notice] 88#88: start worker process 90',
        "2024/06/12 23:13:09 [error] 90#90: *80431 lua entry thread aborted: runtime error: /srv/shop/lua/cart.lua:42: attempt to index a nil value (local 'item')",
        'stack traceback:',
        'coroutine 0:',
        "\t/srv/shop/lua/cart.lua: in function 'total'",
        '\tcontent_by_lua(shop.conf:31):2: in main chunk, client: 192.168.7.21, server: shop.example.com, request: "GET /cart?id=17 HTTP/1.1", host: "shop.example.com"',
      ),
    },
  ],
};

const zigOob = (tid: string, home: string, idx: string, len: string, addr: string) => [
  `thread ${tid} panic: index out of bounds: index ${idx}, len ${len}`,
  `${home}/src/cart.zig:42:20: 0x${addr}e1 in total (shop)`,
  '    return items[i].price;',
  '                   ^',
  `${home}/src/main.zig:12:29: 0x${addr}12 in main (shop)`,
  '    const t = cart.total(&items, n);',
  '                            ^',
  '/usr/lib/zig/lib/std/start.zig:511:37: 0x1034f0e in posixCallMainAndExit (shop)',
  '            const result = root.main() catch |err| {',
  '                                    ^',
  '???:?:?: 0x0 in ??? (???)',
  'Aborted (core dumped)',
];

export const zig: PairFormat = {
  format: 'Zig',
  pairs: [
    {
      name: 'index out of bounds, other thread, index, checkout, addresses',
      kind: 'same',
      a: log('info: loaded 3 cart items', ...zigOob('4411', '/home/alice/shop', '5', '3', '10350')),
      b: log('info: loaded 7 cart items', ...zigOob('90', '/home/bob/src/shop', '9', '7', '10362')),
    },
    {
      name: 'index out of bounds vs integer overflow at one place',
      kind: 'different',
      a: log('info: loaded 3 cart items', ...zigOob('4411', '/src/shop', '5', '3', '10350')),
      b: log(
        'info: loaded 3 cart items',
        'thread 4411 panic: integer overflow',
        '/src/shop/src/cart.zig:42:20: 0x10350e1 in total (shop)',
        '    return items[i].price;',
        '                   ^',
        '/src/shop/src/main.zig:12:29: 0x1035012 in main (shop)',
        '    const t = cart.total(&items, n);',
        '                            ^',
        '???:?:?: 0x0 in ??? (???)',
        'Aborted (core dumped)',
      ),
    },
    {
      name: 'error return trace from main, two checkouts',
      kind: 'same',
      a: log(
        'info: reading shop.json',
        'error: FileNotFound',
        '/usr/lib/zig/lib/std/os.zig:1622:23: 0x1036d7b in openatZ (shop)',
        '            .NOENT => return error.FileNotFound,',
        '                      ^',
        '/home/alice/shop/src/config.zig:20:18: 0x10352a1 in load (shop)',
        '    const file = try std.fs.cwd().openFile(path, .{});',
        '                 ^',
        '/home/alice/shop/src/main.zig:8:5: 0x1035301 in main (shop)',
        '    try config.load("shop.json");',
        '    ^',
      ),
      b: log(
        'info: reading shop.json',
        'error: FileNotFound',
        '/usr/lib/zig/lib/std/os.zig:1622:23: 0x1036e1b in openatZ (shop)',
        '            .NOENT => return error.FileNotFound,',
        '                      ^',
        '/home/bob/work/shop/src/config.zig:20:18: 0x1035341 in load (shop)',
        '    const file = try std.fs.cwd().openFile(path, .{});',
        '                 ^',
        '/home/bob/work/shop/src/main.zig:8:5: 0x10353a1 in main (shop)',
        '    try config.load("shop.json");',
        '    ^',
      ),
    },
    {
      name: 'error return trace from main: FileNotFound vs AccessDenied',
      kind: 'different',
      a: log(
        'info: reading shop.json',
        'error: FileNotFound',
        '/usr/lib/zig/lib/std/os.zig:1622:23: 0x1036d7b in openatZ (shop)',
        '            .NOENT => return error.FileNotFound,',
        '                      ^',
        '/src/shop/src/config.zig:20:18: 0x10352a1 in load (shop)',
        '    const file = try std.fs.cwd().openFile(path, .{});',
        '                 ^',
      ),
      b: log(
        'info: reading shop.json',
        'error: AccessDenied',
        '/usr/lib/zig/lib/std/os.zig:1618:23: 0x1036d5b in openatZ (shop)',
        '            .ACCES => return error.AccessDenied,',
        '                      ^',
        '/src/shop/src/config.zig:20:18: 0x10352a1 in load (shop)',
        '    const file = try std.fs.cwd().openFile(path, .{});',
        '                 ^',
      ),
    },
  ],
};

const vgHead = (pid: string) => [
  `==${pid}== Memcheck, a memory error detector`,
  `==${pid}== Copyright (C) 2002-2022, and GNU GPL'd, by Julian Seward et al.`,
  `==${pid}== Using Valgrind-3.19.0 and LibVEX; rerun with -h for copyright info`,
  `==${pid}== Command: ./shopd --config /etc/shop.conf`,
  `==${pid}== `,
];

const vgInvalid = (pid: string, op: string, a: string) => [
  ...vgHead(pid),
  `==${pid}== Invalid ${op} of size 4`,
  `==${pid}==    at 0x${a}A6: Cart::total() const (cart.cc:57)`,
  `==${pid}==    by 0x${a}45: main (main.cc:18)`,
  `==${pid}==  Address 0x4a8d044 is 4 bytes inside a block of size 16 free'd`,
  `==${pid}==    at 0x484BB6F: operator delete(void*, unsigned long) (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)`,
  `==${pid}==    by 0x${a}F0: Cart::clear() (cart.cc:30)`,
  `==${pid}==    by 0x${a}40: main (main.cc:17)`,
  `==${pid}==  Block was alloc'd at`,
  `==${pid}==    at 0x4849013: operator new(unsigned long) (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)`,
  `==${pid}==    by 0x${a}90: Cart::add(int) (cart.cc:22)`,
  `==${pid}==    by 0x${a}30: main (main.cc:16)`,
  `==${pid}== `,
];

export const cppValgrind: PairFormat = {
  format: 'C++ (libc++) / Valgrind',
  pairs: [
    {
      name: 'libc++abi uncaught exception, other pid and port',
      kind: 'same',
      a: log(
        'shopd 4411 listening on :8080',
        'libc++abi: terminating due to uncaught exception of type std::runtime_error: config: no listen address',
        'zsh: abort      ./shopd',
      ),
      b: log(
        'shopd 90 listening on :9090',
        'libc++abi: terminating due to uncaught exception of type std::runtime_error: config: no listen address',
        'zsh: abort      ./shopd --verbose',
      ),
    },
    {
      name: 'libc++abi: runtime_error vs invalid_argument',
      kind: 'different',
      a: log(
        'shopd 4411 listening on :8080',
        'libc++abi: terminating due to uncaught exception of type std::runtime_error: config: no listen address',
      ),
      b: log(
        'shopd 4411 listening on :8080',
        'libc++abi: terminating due to uncaught exception of type std::invalid_argument: stoi: no conversion',
      ),
    },
    {
      name: 'libstdc++ filesystem_error on a temp file of another run',
      kind: 'same',
      a: log(
        'shopd 4411 warming cache',
        "terminate called after throwing an instance of 'std::filesystem::__cxx11::filesystem_error'",
        '  what():  filesystem error: cannot open file: No such file or directory [/tmp/shop-4411/cache.bin]',
        'Aborted (core dumped)',
      ),
      b: log(
        'shopd 90 warming cache',
        "terminate called after throwing an instance of 'std::filesystem::__cxx11::filesystem_error'",
        '  what():  filesystem error: cannot open file: No such file or directory [/tmp/shop-90/cache.bin]',
        'Aborted (core dumped)',
      ),
    },
    {
      name: 'Valgrind invalid read, other pid and addresses',
      kind: 'same',
      a: log(...vgInvalid('4411', 'read', '1091')),
      b: log(...vgInvalid('90', 'read', '10A2')),
    },
    {
      name: 'Valgrind invalid read vs invalid write at one frame',
      kind: 'different',
      a: log(...vgInvalid('4411', 'read', '1091')),
      b: log(...vgInvalid('4411', 'write', '1091')),
    },
    {
      name: 'Valgrind uninitialised jump vs invalid read at one frame',
      kind: 'different',
      a: log(
        ...vgHead('4411'),
        '==4411== Conditional jump or move depends on uninitialised value(s)',
        '==4411==    at 0x1091A6: Cart::total() const (cart.cc:57)',
        '==4411==    by 0x109245: main (main.cc:18)',
        '==4411== ',
      ),
      b: log(
        ...vgHead('4411'),
        '==4411== Invalid read of size 4',
        '==4411==    at 0x1091A6: Cart::total() const (cart.cc:57)',
        '==4411==    by 0x109245: main (main.cc:18)',
        "==4411==  Address 0x0 is not stack'd, malloc'd or (recently) free'd",
        '==4411== ',
      ),
    },
  ],
};

const crash = (date: string, pid: string, parent: string, sid: string, reductions: string, exc: string[]) => [
  `=INFO REPORT==== ${date}::10:02:59.000001 ===`,
  '    application: shop',
  '    started_at: shop@app-1',
  `=CRASH REPORT==== ${date}::10:03:00.123456 ===`,
  '  crasher:',
  '    initial call: shop_importer:init/1',
  `    pid: <0.${pid}.0>`,
  '    registered_name: []',
  ...exc.map((l) => l.replace('SID', sid)),
  `    ancestors: [shop_sup,<0.${parent}.0>]`,
  '    message_queue_len: 0',
  '    messages: []',
  `    links: [<0.${parent}.0>]`,
  '    dictionary: []',
  '    trap_exit: false',
  '    status: running',
  '    heap_size: 376',
  '    stack_size: 28',
  `    reductions: ${reductions}`,
  '  neighbours:',
];

const badarg = [
  '    exception error: bad argument',
  '      in function  ets:lookup/2',
  '         called as ets:lookup(sessions,<<"SID">>)',
  '         *** argument 1: the table identifier does not refer to an existing ETS table',
  '      in call from shop_importer:loop/1 (src/shop_importer.erl, line 40)',
];
const badmatch = [
  '    exception error: no match of right hand side value {error,enoent}',
  '      in function  shop_importer:loop/1 (src/shop_importer.erl, line 40)',
];

export const erlang: PairFormat = {
  format: 'Erlang/OTP reports',
  pairs: [
    {
      name: 'CRASH REPORT, other date, pids, session id and counters',
      kind: 'same',
      a: log(...crash('1-May-2024', '245', '240', 's-8812', '312', badarg)),
      b: log(...crash('12-Jun-2024', '1093', '1001', 's-90', '4470', badarg)),
    },
    {
      name: 'CRASH REPORT: badarg vs badmatch from one function',
      kind: 'different',
      a: log(...crash('1-May-2024', '245', '240', 's-8812', '312', badarg)),
      b: log(...crash('1-May-2024', '245', '240', 's-8812', '312', badmatch)),
    },
    {
      name: 'SUPERVISOR REPORT child_terminated, other pids and time',
      kind: 'same',
      a: log(
        '=SUPERVISOR REPORT==== 1-May-2024::10:03:00.124001 ===',
        '    supervisor: {local,shop_sup}',
        '    errorContext: child_terminated',
        '    reason: {badmatch,{error,enoent}}',
        '    offender: [{pid,<0.245.0>},',
        '               {id,shop_importer},',
        '               {mfargs,{shop_importer,start_link,[]}},',
        '               {restart_type,permanent},',
        '               {significant,false},',
        '               {shutdown,5000},',
        '               {child_type,worker}]',
      ),
      b: log(
        '=SUPERVISOR REPORT==== 12-Jun-2024::23:13:09.000771 ===',
        '    supervisor: {local,shop_sup}',
        '    errorContext: child_terminated',
        '    reason: {badmatch,{error,enoent}}',
        '    offender: [{pid,<0.1093.0>},',
        '               {id,shop_importer},',
        '               {mfargs,{shop_importer,start_link,[]}},',
        '               {restart_type,permanent},',
        '               {significant,false},',
        '               {shutdown,5000},',
        '               {child_type,worker}]',
      ),
    },
    {
      name: 'SUPERVISOR REPORT: two reasons for one child',
      kind: 'different',
      a: log(
        '=SUPERVISOR REPORT==== 1-May-2024::10:03:00.124001 ===',
        '    supervisor: {local,shop_sup}',
        '    errorContext: child_terminated',
        '    reason: {badmatch,{error,enoent}}',
        '    offender: [{pid,<0.245.0>},',
        '               {id,shop_importer},',
        '               {mfargs,{shop_importer,start_link,[]}},',
        '               {restart_type,permanent},',
        '               {significant,false},',
        '               {shutdown,5000},',
        '               {child_type,worker}]',
      ),
      b: log(
        '=SUPERVISOR REPORT==== 1-May-2024::10:03:00.124001 ===',
        '    supervisor: {local,shop_sup}',
        '    errorContext: child_terminated',
        '    reason: {badmatch,{error,eacces}}',
        '    offender: [{pid,<0.245.0>},',
        '               {id,shop_importer},',
        '               {mfargs,{shop_importer,start_link,[]}},',
        '               {restart_type,permanent},',
        '               {significant,false},',
        '               {shutdown,5000},',
        '               {child_type,worker}]',
      ),
    },
    {
      name: 'init terminating in do_boot, OTP 25 vs 26 init.erl lines',
      kind: 'same',
      a: log(
        '{"init terminating in do_boot",{undef,[{shop_app,start,[],[]},{init,start_em,1,[{file,"init.erl"},{line,1220}]},{init,do_boot,3,[{file,"init.erl"},{line,910}]}]}}',
        'init terminating in do_boot ({undef,[{shop_app,start,[],[]},{init,start_em,1,[{_},{_}]},{init,do_boot,3,[{_},{_}]}]})',
        '',
        'Crash dump is being written to: erl_crash.dump...done',
      ),
      b: log(
        '{"init terminating in do_boot",{undef,[{shop_app,start,[],[]},{init,start_em,1,[{file,"init.erl"},{line,1297}]},{init,do_boot,3,[{file,"init.erl"},{line,956}]}]}}',
        'init terminating in do_boot ({undef,[{shop_app,start,[],[]},{init,start_em,1,[{_},{_}]},{init,do_boot,3,[{_},{_}]}]})',
        '',
        'Crash dump is being written to: erl_crash.dump...done',
      ),
    },
  ],
};
