/**
 * Call-stack frames of common runtimes, reduced to what identifies the code path.
 *
 * Contract: `frameOf` takes one line and answers the frame it shows, normalised
 * to function + file (no addresses, offsets, line/column numbers, argument
 * values or checkout paths: they change between builds and machines, and Sentry
 * ignores them too), or null when the line is not a frame. Only the first
 * FRAME_LIMIT characters are looked at; the patterns match bounded segments.
 */
import { baseName, cachedBy, maskText, stripHeader, withoutStamp } from './mask.ts';

const FRAME_LIMIT = 1024;

const HEX_ADDR = /\b0x[0-9a-fA-F]{1,32}\b/g;
const OFFSET = /\s?\+\s?(?:0x[0-9a-fA-F]{1,32}|\d{1,12})\b/g;

/**
 * Suffixes a build generates: Rust's symbol hash (`app::run::h3f9a1c2b4d5e6f70`)
 * and the hex id of a proxy class (`Svc$$EnhancerBySpringCGLIB$$8f3c2a1b`).
 */
const SYMBOL_HASH = /::h[0-9a-f]{16}\b|(?<=\$)(?=[a-f]{0,31}\d)[0-9a-f]{6,32}(?=[.$(]|$)/g;

/** Numbers inside symbol names are generated (lambda$12, Accessor7, func1): mask them. */
function cleanSymbol(sym: string): string {
  return sym.replace(HEX_ADDR, '').replace(SYMBOL_HASH, '').replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * A bundler's content hash before the file's extensions: webpack's and Parcel's
 * hex (`main.3e4f5a6b.chunk.js`, `app.3f9a1c.min.js`), Rollup's and Vite's
 * base64url (`index-BkfNq7Vf.js`) and esbuild's base32 (`chunk-5XGQ2JKR.js`).
 */
const BUILD_HASH = /([.-])([0-9a-f]{6,32}|[\w-]{8})(?=(?:\.[A-Za-z]{1,12}){1,3}$)/;

/** A hash of BUILD_HASH's, not a name: hex with a digit; eight characters with a digit or `_`, or mixed case with three capitals. */
function isBuildHash(hash: string): boolean {
  if (/^[0-9a-f]+$/.test(hash)) return /\d/.test(hash);
  if (hash.length !== 8 || hash.startsWith('-')) return false;
  return /[\d_]/.test(hash) || (/[a-z]/.test(hash) && (hash.match(/[A-Z]/g)?.length ?? 0) >= 3);
}

/**
 * A JavaScript frame of a script a browser loaded (`at Nx (https://…/main.js:1:2)`):
 * names of one or two characters are a minifier's, and change with every build.
 */
function scriptSymbol(sym: string, loc: string): string {
  const clean = cleanSymbol(sym);
  if (!loc.includes('://') || !/\.m?js(?::\d{1,9}){0,2}\)?$/.test(loc)) return clean;
  return clean
    .split('.')
    .map((part) => (/^[A-Za-z_$][\w$]?$/.test(part) ? '?' : part))
    .join('.');
}

/** `path/to/file.ext:12:3`, `file.ext(12)`, `file.ext:line 12` -> `file.ext`. */
/**
 * The package a file of a dependency belongs to, from where package managers
 * install them (npm, pnpm and Yarn: `node_modules/pg/lib/client.js`, the last
 * `node_modules` of a nested or `.pnpm` path; pip: `site-packages/requests/…`;
 * Bundler: `gems/activerecord-7.1.2/…`, its version left out); null for the
 * application's own files. It stays in the frame with the file's name, so
 * the culprit can pass over a dependency's frames (lib/extract/title.ts).
 */
function packageOf(path: string): string | null {
  const p = path.replace(/\\/g, '/');
  let at = -1;
  let dir = '';
  for (const d of ['node_modules/', 'site-packages/', 'dist-packages/', 'gems/']) {
    const i = p.lastIndexOf(d);
    if (i > at && (i === 0 || p[i - 1] === '/')) {
      at = i;
      dir = d;
    }
  }
  if (at < 0) return null;
  const parts = p.slice(at + dir.length).split('/');
  const scoped = parts[0]!.startsWith('@') && parts.length > 2;
  if (parts.length < (scoped ? 3 : 2)) return null;
  const name = scoped ? `${parts[0]}/${parts[1]}` : parts[0]!;
  return dir === 'gems/' ? name.replace(/-\d[\w.]*$/, '') : name;
}

/** A file's name, after its dependency's package when it is one's (packageOf). */
function fileName(path: string): string {
  const pkg = packageOf(path);
  return pkg === null ? baseName(path) : `${pkg}/${baseName(path)}`;
}

function cleanLocation(loc: string): string {
  // `(/lib/libc.so.6+0x2409b)`: a module and an offset into it, as sanitizers print it.
  const bare = loc
    .trim()
    .replace(/^\((.{1,512})\)$/, '$1')
    .replace(/\+0x[0-9a-fA-F]{1,32}$/, '');
  const noLine = bare.replace(/(?::line \d{1,9}|:\d{1,9}(?::\d{1,9})?|\(\d{1,9}(?:,\d{1,9})?\))$/, '');
  // A bundler's content hash (app.3f9a1c.js, main-9b2d4e71.js) changes with every build.
  const file = fileName(noLine).replace(BUILD_HASH, (whole, sep: string, hash: string) =>
    isBuildHash(hash) ? `${sep}#` : whole,
  );
  return cleanSymbol(file);
}

/**
 * A PHP frame's call without its arguments (`Price->format('abc', 2)` -> `Price->format()`):
 * PHP prints them unless `zend.exception_ignore_args` is on, as production's php.ini has it,
 * and they are the request's data either way.
 */
function phpCall(call: string): string {
  const open = call.indexOf('(');
  return open > 0 && call.endsWith(')') ? `${call.slice(0, open)}()` : call;
}

type FrameRule = [RegExp, (m: RegExpExecArray) => string];

const RULES: FrameRule[] = [
  // Python: File "/srv/app/db.py", line 12, in connect
  [
    /^File "([^"]{1,512})", line \d{1,9}(?:, in (.{1,256}))?$/,
    (m) => `py ${fileName(m[1] ?? '')} ${m[2] ?? ''}`,
  ],
  // .NET: at Ns.Type.Method(Args a) in C:\src\File.cs:line 42
  [
    /^at (.{1,512}?) in (.{1,512}):line \d{1,9}$/,
    (m) => `at ${cleanSymbol(m[1] ?? '')} in ${cleanLocation(m[2] ?? '')}`,
  ],
  // Mono (Unity's players, Xamarin): at Ns.Type.Method () [0x00012] in /src/File.cs:48 | in <5c2d…>:0
  [
    /^at (.{1,512}?) (?:\[0x[0-9a-fA-F]{1,16}\] )?in (.{1,512}):\d{1,9}$/,
    (m) => `at ${cleanSymbol(m[1] ?? '')} in ${monoLocation(m[2] ?? '')}`,
  ],
  // JVM / Node: at pkg.Cls.fn(File.java:12) | at fn (/app/x.js:1:2) | at async fn (...);
  // log4j2's and logback's packaging data after a JVM frame: ` ~[shop-core-2.4.1.jar:2.4.1]`, ` [?:?]`.
  // Not a .NET frame's parameter types (`at Shop.Cart.Total(System.Collections.Generic.List`1<Item>)`,
  // as a Windows event prints them): a place names a line, a path, a source file or says there is none.
  [
    /^at (?:async )?(.{1,512}?) ?\((?=[^()]{0,512}[:/\\]|[^()]{0,512}\.[A-Za-z]{1,8}\)|(?:Native Method|Unknown Source|native|<anonymous>|<generated>|Native)\))([^()]{1,512})\)(?: ~?\[[^[\]\s]{0,256}\])?$/,
    (m) => `at ${scriptSymbol(m[1] ?? '', m[2] ?? '')} (${cleanLocation(m[2] ?? '')})`,
  ],
  // Node anonymous / Rust location: at /app/x.js:1:2
  [/^at (?:async )?(\S{1,512}:\d{1,9}(?::\d{1,9})?)$/, (m) => `at ${cleanLocation(m[1] ?? '')}`],
  // JVM / .NET frame without location
  [/^at ([\w$.<>`[\]/,# -]{1,512}?(?:\(.{0,256}\))?)$/, (m) => `at ${cleanSymbol(m[1] ?? '')}`],
  // gdb: #1 0x00007f in fn (a=1) at src/x.c:12 | #0 fn () from /lib/libc.so.6
  [
    /^#\d{1,6}\s+(?:0x[0-9a-fA-F]{1,32}\s+in\s+)?([^\s(]{1,512})\s?(?:\(.{0,512}?\))?\s+(?:at|from)\s+(\S{1,512})$/,
    (m) => `#${cleanSymbol(m[1] ?? '')} ${cleanLocation(m[2] ?? '')}`,
  ],
  // sanitizers: #0 0x4c3b8e in fn /src/x.c:5:3 | #1 0x7f (/lib/libc.so.6+0x2409b)
  [
    /^#\d{1,6}\s+0x[0-9a-fA-F]{1,32}\s+in\s+(.{1,512}?)\s+(\S{1,512})$/,
    (m) => `#${cleanSymbol(m[1] ?? '')} ${cleanLocation(m[2] ?? '')}`,
  ],
  [
    /^#\d{1,6}\s+0x[0-9a-fA-F]{1,32}\s+\(([^()+]{1,512})\+0x[0-9a-fA-F]{1,32}\)$/,
    (m) => `# ${cleanLocation(m[1] ?? '')}`,
  ],
  // PHP: #0 /var/www/x.php(12): fn() | #1 {main}
  [
    /^#\d{1,6}\s+(\S{1,512}?)\(\d{1,9}\): (.{1,512})$/,
    (m) => `# ${cleanSymbol(phpCall(m[2] ?? ''))} ${cleanLocation(m[1] ?? '')}`,
  ],
  [/^#\d{1,6}\s+(\{main\}|\[internal function\]: .{1,512})$/, (m) => `# ${cleanSymbol(phpCall(m[1] ?? ''))}`],
  // generic numbered frame: #3 fn (not BuildKit's step lines: `#8 2.145 …`, `#8 [2/5] RUN …`, `#8 DONE 0.1s`)
  [
    /^#\d{1,6}\s+(?!\d{1,6}\.\d{1,4} |\[|(?:DONE|CACHED|ERROR|CANCELED)\b|sha256:|(?:resolve|transferring|naming|exporting|writing|extracting|load|loading|unpacking|preparing) )(?:0x[0-9a-fA-F]{1,32}\s+(?:in\s+)?)?(.{1,512})$/,
    (m) => `# ${genericFrame(m[1] ?? '')}`,
  ],
  // lldb: frame #0: 0x0000 a.out`main at main.c:5:3
  [
    /^(?:\* )?frame #\d{1,6}: 0x[0-9a-fA-F]{1,32} ([^`\s]{1,256})`(.{1,512}?)(?: at (\S{1,512}))?(?: \+ \d{1,9})?$/,
    (m) => `frame ${m[1] ?? ''}\`${cleanSymbol(m[2] ?? '')} ${m[3] ? cleanLocation(m[3]) : ''}`.trimEnd(),
  ],
  // Ruby: from /app/x.rb:12:in `fn' | Crystal: from src/cart.cr:31:5 in 'total'
  [
    /^from (\S{1,512}?):\d{1,9}(?::in |:\d{1,9} in )[`'](.{1,256})'$/,
    (m) => `from ${cleanLocation(m[1] ?? '')} in ${cleanSymbol(m[2] ?? '')}`,
  ],
  // Ruby's backtrace as Rails logs it, a frame a line: app/models/cart.rb:12:in `total' (Ruby 3.4: 'Cart#total')
  [
    /^([\w./~@-]{1,512}\.(?:rb|erb|rake|haml|slim|jbuilder)):\d{1,9}:in [`']([^`'\n]{1,256})'$/,
    (m) => `from ${cleanLocation(m[1] ?? '')} in ${cleanSymbol(m[2] ?? '')}`,
  ],
  // Unity's console: Shop.CartPanel:Refresh () (at Assets/Scripts/CartPanel.cs:48) | UnityEngine.Debug:LogException(Exception)
  [
    /^(?:([A-Z][\w.+`<>]{0,255}:[\w.<>`]{1,128} ?\([^()]{0,512}\))(?: \(at ([^()]{1,512}):\d{1,9}\))?|([A-Z][\w.+`<>]{0,255} ?\([^()]{0,512}\)) \(at ([^()]{1,512}):\d{1,9}\))$/,
    (m) => {
      const at = m[2] ?? m[4];
      return `unity ${cleanSymbol(m[1] ?? m[3] ?? '')}${at ? ` (${cleanLocation(at)})` : ''}`;
    },
  ],
  // Go: main.(*T).run(0xc000010000, {0x5c1a20, 0x0?}) | created by main.start in goroutine 6
  [/^created by (\S{1,512})(?: in goroutine \d{1,12})?$/, (m) => `created by ${cleanSymbol(m[1] ?? '')}`],
  [
    /^([\w./-]{1,256}\.(?:\(\*?[\w]{1,128}\)\.)?[\w.$]{1,128})\((?:[\w, .{}?]{0,512}|\.\.\.)\)$/,
    (m) => `go ${m[1] ?? ''}`,
  ],
  // Go, as runtime.CallersFrames names a function (zap's `stacktrace`, what it prints under a console line):
  // main.(*Syncer).run | github.com/acme/ledger/sync.Pull.func1 — a package path, a method or main's.
  [
    /^(?=main\.|[\w.~-]{1,128}\/|[\w~-]{1,128}\.\(\*?\w)((?:[\w.~-]{1,128}\/){0,16}[\w~-]{1,128}\.(?:\(\*?\w{1,128}\)\.)?[\w$]{1,128}(?:\.func\d{1,4}(?:\.\d{1,4}){0,4})?)$/,
    (m) => `go ${m[1] ?? ''}`,
  ],
  // Go: the runtime's `panic({0x5c1a20?, 0xc000012345?})` between the frames of a panic that was recovered and raised again
  [/^panic\((?:[\w, .{}?]{0,512}|\.\.\.)\)$/, () => 'go panic'],
  // Go file line: /src/app/main.go:12 +0x1d
  [/^(\S{1,512}\.go):\d{1,9}(?: \+0x[0-9a-fA-F]{1,16})?$/, (m) => `go ${baseName(m[1] ?? '')}`],
  // Rust: 3: app::run | 3: 0x55d0 - app::run; a space only inside a path's `<…>` (`<… as …>`, `<impl … for …>`),
  // so a numbered sentence (Gradle's `1: Task failed with an exception.`) is not a frame.
  [
    /^\d{1,4}: (?:0x[0-9a-fA-F]{1,32} - )?([\w:<>${}.]{1,512}|[\w:${}.]{0,256}<[\w:<>${}. ]{1,510})$/,
    (m) => `rs ${cleanSymbol(m[1] ?? '')}`,
  ],
  // glibc backtrace_symbols(): ./shopd(_ZN4Cart5totalEv+0x12)[0x400c12] | /lib/libc.so.6(+0x42520) [0x7f…]
  [
    /^(\S{1,512}?)\(([\w.$@]{0,512}?)(?:\+0x[0-9a-fA-F]{1,16})?\) ?\[0x[0-9a-fA-F]{1,32}\]$/,
    (m) => `bt ${m[2] ? `${m[2]} ` : ''}(${cleanLocation(m[1] ?? '')})`,
  ],
  // Elixir / Erlang: (my_app 0.1.0) lib/my_app/worker.ex:23: MyApp.Worker.handle_call/3
  [
    /^\((\w{1,128})(?: [\w.+-]{1,64})?\) (\S{1,512}?):\d{1,9}: (.{1,512})$/,
    (m) => `ex ${m[1] ?? ''} ${cleanSymbol(m[3] ?? '')} (${cleanLocation(m[2] ?? '')})`,
  ],
  // Apple crash report: 0   App   0x0000000104a1c2f4 Cart.total() + 120
  [
    /^\d{1,4}\s{1,8}([\w.+-]{1,128})\s{1,64}0x[0-9a-fA-F]{1,32}\s{1,8}(.{1,512})$/,
    (m) => `${m[1] ?? ''} ${genericFrame(m[2] ?? '')}`.trimEnd(),
  ],
  // Firefox / Safari JavaScript: render@https://x.io/static/app.js:12:5 | @debugger eval code:1:1
  [
    /^([\w$.<>/*[\]-]{0,256})@(\S{1,512}?):\d{1,9}(?::\d{1,9})?$/,
    (m) => `js ${scriptSymbol(m[1] ?? '', m[2] ?? '')} (${cleanLocation(m[2] ?? '')})`,
  ],
  // Lua: app/cart.lua:42: in function 'cart.total' | [C]: in ? | main.lua:12: in main chunk
  [
    /^(\[C\]|[^\s:]{1,512}):(?:\d{1,9}:)? in (.{1,256})$/,
    (m) => `lua ${cleanSymbol(m[2] ?? '')} (${cleanLocation(m[1] ?? '')})`,
  ],
  // Perl (Carp's confess and croak): Shop::Order::customer(Shop::Order=HASH(0x55d0c3a1b2c8)) called at lib/Shop/Invoice.pm line 23
  [
    /^((?:[\w]{1,128}::){0,16}[\w]{1,128}|eval \{\.\.\.\}|require \S{1,256})(?:\(.{0,512}\))? called at (\S{1,512}) line \d{1,7}$/,
    (m) => `pl ${m[1] ?? ''} (${cleanLocation(m[2] ?? '')})`,
  ],
  // Valgrind: ==4411==    at 0x1091A6: Cart::total() const (cart.cc:57) | by 0x4E8F: main (in /srv/shop/bin/shopd)
  [
    /^==\d{1,10}==\s{1,16}(?:at|by) 0x[0-9A-Fa-f]{1,16}: (.{1,512}?) \((?:in )?([^()]{1,512})\)$/,
    (m) => `vg ${cleanSymbol(m[1] ?? '')} (${cleanLocation(m[2] ?? '')})`,
  ],
  // Haskell: head, called at src/Cart.hs:17:9 in app-0.1-abc:Cart (the package id is a build's)
  [
    /^([^\s,]{1,256}), called at (\S{1,512}?):\d{1,9}:\d{1,9} in \S{1,256}$/,
    (m) => `hs ${m[1] ?? ''} (${cleanLocation(m[2] ?? '')})`,
  ],
  // Julia: [2] total(cart::Vector{Int64}) | @ Main /home/bob/app/cart.jl:8 [inlined]
  [/^\[\d{1,4}\] (.{1,512})$/, (m) => `jl ${cleanSymbol(m[1] ?? '')}`],
  [/^@ (?:\S{1,128} )?(\S{1,512}?):\d{1,9}(?: \[inlined\])?$/, (m) => `jl @ ${cleanLocation(m[1] ?? '')}`],
  // OCaml: Raised at Stdlib__Map.find in file "map.ml", line 137, characters 10-25 | Called from …
  [
    /^(?:Raised at|Re-raised at|Called from|Raised by primitive operation at) (?:(\S{1,256}) in )?file "([^"]{1,512})"(?:, line \d{1,9})?(?:, characters \d{1,9}-\d{1,9})?$/,
    (m) => `ml ${m[1] ?? ''} (${cleanLocation(m[2] ?? '')})`,
  ],
  // Address-first native frames: 0x7ff6 Core.dll!Ns::Fn() [Ns/Fn.cpp:57]
  [
    /^(?:0x[0-9a-fA-F]{4,32}|(?=\d{0,15}[a-fA-F])[0-9a-fA-F]{8,16})\s+(\S{0,256}(?:!|::|\w\(| in ).{0,512})$/,
    (m) => genericFrame(m[1] ?? ''),
  ],
  // module!symbol frames: Renderer!Ns::Fn + 0x3b  (fn.cpp:523)
  [/^([\w.-]{1,128}![^\s(]{1,512}.{0,512})$/, (m) => genericFrame(m[1] ?? '')],
];

/** Mono's place of a frame: a file, or the module's id when it has no symbols (`<5c2d91ae…>`). */
function monoLocation(loc: string): string {
  return /^<(?:[0-9a-f]{32}|filename unknown)>$/.test(loc.trim()) ? '<module>' : cleanLocation(loc);
}

/** Symbol plus file of a frame whose format has no dedicated rule. */
function genericFrame(rest: string): string {
  const s = rest
    .replace(OFFSET, '')
    .replace(HEX_ADDR, '')
    .replace(
      /[[(]([^[\]()]{1,512}?)(?::\d{1,9}(?::\d{1,9})?|\(\d{1,9}\)|, line \d{1,9})[\])]/g,
      (_m, loc: string) => `(${baseName(loc)})`,
    );
  return cleanSymbol(s);
}

/** Cheap gate: every rule above needs one of these shapes, so most log lines stop here. */
const FRAME_GATE =
  /^\s|^[\w./~@-]{1,512}\.(?:rb|erb|rake|haml|slim|jbuilder):\d|^[A-Z][\w.+`<>]{0,255}(?::[\w.<>`]{1,128} ?\(|(?: ?\([^()]{0,512}\)) \(at )|^(?:at |File |#\d|0x|from |created by |(?:\* )?frame #|\d{1,4}: |==\d)|^[\w:]{1,256}\(.{0,512}\) called at |^[\w.-]{1,128}!|^[\w./-]{1,256}\(|^[0-9a-fA-F]{8}|^\d{1,4}\s{1,8}[\w.+-]{1,128}\s{1,64}0x|^[\w$.<>/*[\]-]{0,256}@\S|^(?:Raised |Re-raised |Called from )|^(?:main\.|[\w.~-]{1,128}\/|[\w~-]{1,128}\.\(\*)/;

/** BuildKit's progress line (`#8 2.145 npm error …`): a step's output, not a numbered frame. */
const BUILDKIT_STEP = /^#\d{1,5} \d{1,6}\.\d{1,4} /;

export function frameOf(line: string): string | null {
  if (!FRAME_GATE.test(line)) return null;
  let t = (line.length > FRAME_LIMIT ? line.slice(0, FRAME_LIMIT) : line).trim();
  if (t.length < 2 || BUILDKIT_STEP.test(t)) return null;
  // Node's util.inspect of an error with properties (`code`, `errno`, `[cause]`) opens them after the last frame.
  if (t.endsWith(') {') && t.startsWith('at ')) t = t.slice(0, -2);
  for (const [re, fn] of RULES) {
    const m = re.exec(t);
    if (m !== null) return fn(m);
  }
  return null;
}

/** Lines that belong to a stack without being frames: chains, elisions, section titles. */
const CONTINUATION =
  /^\s*(?:Caused by:|Suppressed:|\[cause\]: |\.\.\. \d+ (?:more|common frames omitted)|--- End of |---> |Stack ?trace:|Stack:|Backtrace:|stack backtrace:|goroutine \d+ \[|Thread \d+ Crashed:|\[signal |From previous event:|The above exception|During handling of the above exception|(?:freed|previously allocated|allocated) by thread |\w+ of size \d+ at |\*\* )/i;

export function isStackContinuation(line: string): boolean {
  return CONTINUATION.test(line.length > 256 ? line.slice(0, 256) : line);
}

/** `Traceback (most recent call last):`, Python's stack header. */
export function isPythonTraceback(line: string): boolean {
  return /^\s*Traceback \(most recent call (?:last|first)\):/.test(line);
}

/**
 * What identifies an exception line: its masked text, minus the thread a JVM
 * names in `Exception in thread "…"` (which thread crashed is circumstance).
 */
export const exceptionSignature = cachedBy((line) =>
  maskText(withoutStamp(stripHeader(line)).replace(/^\s*Exception in thread "[^"]{0,256}"\s*/, '')),
);
