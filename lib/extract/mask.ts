/**
 * Masking of case-specific values in one failure line, so that two instances of
 * one failure read the same (Drain's masks, Sentry's message parameterisation).
 *
 * Contract: pure, deterministic, linear in the line. Only the first MASK_LIMIT
 * characters are looked at; every regex is either anchored to a literal or
 * matches bounded segments, so no input makes it backtrack catastrophically.
 * Meaningful words (`refused` vs `reset`) survive: a token is masked for what it
 * looks like (has a digit, is an address, a temp path, …), never for its word.
 * Meaning is kept where a reader of the format sees it: status, exit and error
 * codes after the words that announce them, states after nouns (`account
 * suspended`), logger names, the words of a quoted message; parameters go: ids,
 * counts, sizes and durations with their units, hosts, pod names, query values.
 */

import { slugsMasked } from '#lib/records/model';

/** Characters of a line that take part in its signature. */
export const MASK_LIMIT = 2048;

/**
 * An Akka / Pekko actor path (`akka://orders@10.0.0.7:25520/user/shard/order-8812`)
 * names the actor, not a web resource: its system and path stay, its address and
 * the segments holding ids (entity and per-request actors) are masked.
 */
const ACTOR_PATH =
  /\b(akka|pekko)(?:\.tcp)?:\/\/([\w-]{1,128})(?:@[^\s/\]]{1,256})?((?:\/[^\s/\]]{1,256}){0,32})/g;

function actorPath(_m: string, scheme: string, system: string, path: string): string {
  const segments = path.split('/').map((seg) => (/\d|^\$/.test(seg) ? '<*>' : seg));
  return `${scheme}://${system}${segments.join('/')}`;
}

/**
 * URLs first: their paths and queries would otherwise be masked piecemeal. Not
 * a `file://` URL, which names a file as a path does (`e: file:///…/Cart.kt:14:23`).
 */
const URL_RULE =
  /\b(?!(?:akka|pekko)(?:\.tcp)?:\/\/|file:\/\/)[a-zA-Z][a-zA-Z0-9+.-]{0,15}:\/\/[^\s"'<>()[\]{}]{1,512}/g;

const MONTH = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
/** A month as dates spell it: the abbreviation or the full name, never a word that starts like one (`Marshal`, `Decoder`). */
const MONTH_WORD =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const DAY = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';

/** A path with a slug in it (slugsMasked), and a path as a line holds one. */
const SLUG_IN_TEXT = /\/[a-z]{1,64}-[a-z]{1,64}-[a-z]/;
const TEXT_PATH = /(?<![\w.~%-])\/[\w.~%/-]{1,2048}/g;

/** What introduces a refused input value (see its rule in RULES). */
const INPUT_VALUE =
  /(?<![^\s(])((?:string|literal|value|input|data|date|number|token|syntax|range|parsing(?: time)?)(?: (?:for|to|of|from) (?:type |enum )?[\w.()`$]{1,64}(?: with base \S{1,8})?)?:? )(["'])[^"'\n]{0,256}\2/gi;

/**
 * Ordered: the more specific shapes first, before digits are masked token by
 * token. A rule with a guard runs only on lines containing that text, or one
 * of those texts (cheap): text every match of the rule holds.
 */
const RULES: Array<[RegExp, string, (string | readonly string[])?]> = [
  // Day and month names only where they are part of a date.
  [new RegExp(`\\b(?:${DAY}),? (?=(?:${MONTH})\\b|\\d)`, 'g'), ''],
  [new RegExp(`\\b(?:${MONTH_WORD})\\b\\.?(?=[ /-]{1,2}\\d)`, 'g'), '<month>'],
  [new RegExp(`(?<=\\d[ /-])(?:${MONTH})\\b`, 'g'), '<month>'],
  // Temp files and per-user directories.
  [
    /(?:\/private)?\/(?:tmp|var\/tmp|var\/folders|dev\/shm)\/[^\s"'<>()[\]{},;]{0,512}|[A-Za-z]:\\(?:[^\s"'\\]{1,64}\\){0,8}(?:Temp|TEMP|tmp)\\[^\s"'<>]{0,512}/g,
    '<tmp>',
    't',
  ],
  // The Kotlin compiler's diagnostic under Gradle (`e: file:///…/Basket.kt:14:23 Unresolved …`):
  // where the checkout lay and the position are the build's, the file's name stays.
  [
    /^([ew]): (?:file:\/\/)?(?:[^\s:]{0,512}\/)?([^/\s:]{1,128}\.kts?)(?::\d{1,7}:\d{1,7}|: \(\d{1,7}, \d{1,7}\):) /,
    '$1: $2: ',
    '.kt',
  ],
  // A CI job's checkout: GitHub's runners (`/home/runner/work/shop/shop`, a self-hosted
  // `…/actions-runner/_work/shop/shop`, a container action's `/github/workspace`),
  // Jenkins's workspace (`/var/lib/jenkins/workspace/shop-main`, its image's `/var/jenkins_home/…`), GitLab's `/builds/group/project`.
  [
    /(?:\/home\/runner\/work|(?<![\w.-])(?:\/[\w.-]{1,64}){0,8}\/_work)\/[\w.-]{1,128}\/[\w.-]{0,127}[\w-]|\/github\/workspace|(?<![\w.-])(?:\/[\w.-]{1,64}){0,8}\/\.?jenkins(?:_home)?\/workspace\/[^\s/:'"]{0,127}[^\s/:'".]|(?<![\w.-])\/builds\/[\w.-]{1,128}\/[\w.-]{0,127}[\w-]/g,
    '<checkout>',
    '/',
  ],
  // The same on Windows: GitHub's and Azure Pipelines' hosted runners (`D:\a\shop\shop`, `D:\a\1\s`),
  // a self-hosted agent's `C:\agent\_work\7\s`, Jenkins's and GitLab's (`C:\GitLab-Runner\builds\x1\0`),
  // and Azure Pipelines' hosted Linux agent (`/home/vsts/work/1/s`).
  [
    /(?<![\w.-])(?:[A-Za-z]:\\a|(?:[A-Za-z]:)?(?:\\[\w. -]{1,64}){0,8}\\(?:_work|builds))\\[\w.-]{1,128}\\[\w.-]{0,127}[\w-]|(?<![\w.-])(?:[A-Za-z]:)?(?:\\[\w. -]{1,64}){0,8}\\\.?[Jj]enkins(?:_home)?\\workspace\\[^\s\\:'"]{0,127}[^\s\\:'".]/g,
    '<checkout>',
    '\\',
  ],
  [/\/home\/vsts\/work\/\d{1,6}\/s(?![\w.-])/g, '<checkout>', '/home/vsts/'],
  // CircleCI's `/home/circleci/project`, Travis's `/home/travis/build/org/repo`, Bitbucket's
  // `/opt/atlassian/pipelines/agent/build`, Buildkite's `/var/lib/buildkite-agent/builds/agent-1/org/repo`,
  // Drone's `/drone/src`, AppVeyor's `/home/appveyor/projects/repo`.
  [
    /\/home\/circleci\/project(?![\w.-])|\/home\/travis\/build\/[\w.-]{1,128}\/[\w.-]{1,128}|\/opt\/atlassian\/pipelines\/agent\/build(?![\w.-])|(?<![\w.-])(?:\/[\w.-]{1,64}){0,4}\/buildkite-agent\/builds\/[\w.-]{1,128}\/[\w.-]{1,128}\/[\w.-]{1,128}|(?<![\w.-])\/drone\/src(?![\w.-])|\/home\/appveyor\/projects\/[\w.-]{1,128}/g,
    '<checkout>',
    '/',
  ],
  [/\/(home|Users)\/[^/\s"']{1,64}/g, '/$1/<user>', '/'],
  [/\b([A-Za-z]:\\(?:Users|Documents and Settings))\\[^\\\s"']{1,64}/g, '$1\\<user>', ':\\'],
  // Host names, by the top-level domains networks name hosts with (a Java package
  // ends in a class name, a file in its extension, so neither is taken for one).
  [
    /\b(?:[a-z0-9][a-z0-9-]{0,62}\.){1,8}(?:com|net|org|edu|gov|mil|io|local|localdomain|internal|lan|corp|cloud|svc|(?:com|net|org|edu|gov|ac|co)\.[a-z]{2})\b(?![.-]?\w)/g,
    '<host>',
    '.',
  ],
  // A GitHub Actions workflow command (`::error file=src/cart.ts,line=41,col=15::…`): the file
  // is where, its line and column are the commit's.
  [/^::(error|warning|notice) (?:[^:\n]{0,1024}?,)?file=([^,:\n]{1,512})[^:\n]{0,1024}::/, '$1: $2: ', '::'],
  [/^::(error|warning|notice)(?: [^:\n]{0,1024})?::/, '$1: ', '::'],
  // IPv6 addresses, compressed (`fe80::1`, `[::ffff:192.168.1.40]:41000`), which the
  // token pass would cut at their colons.
  [
    /(?<![\w:])\[?(?=[0-9a-fA-F:]{0,40}::)[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){1,7}(?::\d{1,3}(?:\.\d{1,3}){3})?\]?(?=[\s:,;)\]/]|$)/g,
    '<*>',
    '::',
  ],
  // Named identities: after `=` or `: ` the value is a context field; after a
  // space the next word is a name unless it reads as a state (`account suspended`,
  // `host unreachable`, `user not found`), which is the failure itself.
  [
    /\b(user(?:name)?|login|owner|account|tenant|customer|host(?:name)?|uid|gid|pid|tid)(=|: )(?!<)[^\s,;)\]]{1,128}/gi,
    '$1$2<*>',
  ],
  [
    /\b(user(?:name)?|login|owner|account|tenant|customer|host(?:name)?|uid|gid|pid|tid) (?!<)(?!(?:not|is|was|has|had|does|did|already|cannot|can't|must|lacks|unknown|missing|invalid|inactive|down|offline|busy|full|gone|exists|none|authentication|auth)\b)(?![a-z]{2,40}(?:ed|able|ible)\b)[^\s,;)\]]{1,128}/gi,
    '$1 <*>',
  ],
  // Stripe's object ids (`cus_NffrFeUfNVHibQ`, `pi_3MtwBwLkdIwHu7ix28a3tqPa`, `in_1Mt…`): a
  // resource prefix and a random mixed-case tail, which may hold no digit.
  [
    /\b((?:cus|pi|ch|py|pm|pmc|seti|si|sub|in|ii|il|evt|txn|re|acct|prod|price|cs|po|tr|ba|card|src|tok|iv|ipi|pl|prv|cn|dp|du|mbur|quot|sch|ti|trr|ic|la|plink|setatt)_)(?=[A-Za-z0-9]{0,99}[A-Z])(?=[A-Za-z0-9]{0,99}[a-z0-9])[A-Za-z0-9]{10,99}\b/g,
    '$1<*>',
    '_',
  ],
  // An id is one whatever its letters: as a field's value (`txn_id=acfde`, `orderId: cafe`),
  // and after the word when it reads as one — hex letters (`request id beaea`) or random
  // mixed case (`session id qXvTzkPa`) —, not a word (`invalid id format`, `id mismatch`).
  // One with a digit the token pass masks anyway.
  [
    /\b([A-Za-z_]{0,40}?(?:_id|[a-z]Id|ID)|id)(=|: )(?!<)[^\s,;)\]]{1,128}/g,
    '$1$2<*>',
    ['d=', 'D=', 'd: ', 'D: '],
  ],
  [
    /\b(id|ID) (?!(?:[a-z]{2,40}(?:ed|able|ible)|added|decade|facade|faced)\b)(?:[a-fA-F]{5,64}|(?=[A-Za-z]{0,63}[a-z][A-Z])[A-Za-z]{6,64})(?![\w-])/g,
    '$1 <*>',
  ],
  // The program glibc names in `*** Error in `./shopd': …` is where it was run from: its name stays.
  [/(\*\*\* Error in `)[^`'\s]{0,256}\/(?=[^/`'\s]{1,128}')/g, '$1', '*** Error in `'],
  // glibc's failed assertion names the program as it was run and the source file
  // as it was compiled (`/usr/local/bin/shopd: /build/src/cart.c:57: total: Assertion …`):
  // where either lay is the machine's, so both keep their names only.
  [
    /(?<!\S)(?:[^\s:`']{0,256}\/)?([^/\s:`']{1,128}): (?:[^\s:`']{0,256}\/)?([^/\s:`']{1,256}:\d{1,7}: [^\n]{0,256}?Assertion [`'\u2018])/g,
    '$1: $2',
    ': Assertion ',
  ],
  // Ruby's uncaught exception names its file as loaded (`/srv/releases/2024…/lib/cart.rb:57:in
  // 'Cart#total': …`): the checkout and the line are where it was deployed, the file's name stays.
  [/(?<!\S)(?:[^\s:`']{0,512}\/)?([^/\s:`']{1,128}\.rb):\d{1,7}:in (?=[`'])/g, '$1:in ', ':in '],
  // Where npm wrote its debug log (`npm ERR!     /root/.npm/_logs/2024-…-debug-0.log`) is the run's.
  // (npm 10 says `npm error A complete log of this run can be found in: /home/sam/.npm/_logs/…`.)
  [
    /(npm (?:ERR!|error)\s+(?:[A-Za-z ]{1,64}:\s+)?)\S{0,256}[/\\]_logs[/\\]\S{1,256}/g,
    '$1<npm log>',
    '_logs',
  ],
  // The versions an index offered (pip's `(from versions: 2.13.0, 2.14.1, …)`): how many is the index's day.
  [/\(from versions: (?!none\))[^)\n]{1,4096}\)/g, '(from versions: <*>)', 'from versions: '],
  // A package's version requirement (`psycopg2-binary==2.9.9`): the version goes, the name stays (keptToken).
  [/(?<=[A-Za-z][\w.-]{0,127})(===?|>=|<=|~=|!=)\d[\w.*+!-]{0,63}/g, '$1<version>', '='],
  // Whether the crash left a core is the machine's ulimit, not the failure.
  [/ \(core dumped\)/g, '', 'core dumped'],
  // Which thread panicked is circumstance (Rust: `thread 'tokio-runtime-worker' panicked at …`),
  // but not under `cargo test`, which names each test's thread after the test (`cart::tests::total`).
  [/\bthread '(?![^'\n]{0,128}::)[^'\n]{1,128}' panicked at/g, "thread '<*>' panicked at", ' panicked at'],
  // A package's version (`@shop/ui-kit@^2.1.0`, `react@"^18.0.0"`, yarn's `@npm:^2.1.0`): the package stays.
  [
    /(?<=[\w/-])@(?:npm:)?"?[\^~]?\d{1,9}\.\d{1,9}(?:\.\d{1,9})?(?:-[\w.]{1,32})?"?(?!\.?\d)/g,
    '@<version>',
    '@',
  ],
  // Puma's error for a request its app raised on (`Rack app ("GET /orders/1182" - (198.51.100.7)): #<…>`):
  // which request, from where, is circumstance; the exception after it is the failure.
  [/\bRack app \("[^"\n]{0,2048}" - \([^()\n]{0,256}\)\):/g, 'Rack app (<request>):', 'Rack app ('],
  // The path of a request no route matched (Rails' `No route matches [GET] "/wp-login.php"`): what
  // a client asked for, a scanner's probes most often; the failure is that there is no such route.
  [/(No route matches \[[A-Z]{3,10}\] )"[^"\n]{0,2048}"/g, '$1"<path>"', 'No route matches'],
  // The host an Ansible task failed on (`fatal: [app-blue]: FAILED! => …`) is where, not what.
  [/\b(fatal|failed): \[[^\]\n]{1,256}\]/g, '$1: [<host>]', ': ['],
  // A PowerShell script's position (`C:\deploy\deploy.ps1:12`) keeps the script's name.
  [
    /(?<![\w.])(?:[A-Za-z]:)?(?:[^\s:'"\\/]{0,128}[\\/]){1,32}([^\s:'"\\/]{1,128}\.ps[dm]?1)(?=:\d)/g,
    '$1',
    '.ps',
  ],
  // The same identities as JSON fields, when a JSON line is read as text.
  [
    /"(user(?:name)?|login|owner|account|tenant|customer|host(?:name)?)"\s?:\s?"[^"\n]{0,128}"/gi,
    '"$1":"<*>"',
    '":',
  ],
  // The value a unique key already holds is data: MySQL's `Duplicate entry 'alice' for key …`,
  // Postgres's `Key (email)=(alice@example.com) already exists`.
  [/\bDuplicate entry '[^'\n]{0,256}'/g, "Duplicate entry '<*>'", 'Duplicate entry'],
  [
    /\b(Key \([^()\n]{1,256}\))=\([^\n]{0,256}?\)(?= already exists| is not present| is still referenced)/g,
    '$1=(<*>)',
    ')=(',
  ],
  // A JVM object's identity hash (`com.example.Cart@1b6d3586`): the class stays.
  [/(?<=[\w$])@(?=[a-f]{0,15}\d)[0-9a-f]{1,16}\b/g, '@<*>', '@'],
  // The holder of a lock is who else was running (dpkg/apt `lock … is held by
  // process 1234`, Postgres `blocked by process 4711`, git and flock messages).
  [/\b(held|locked|owned|blocked) by (?:(process|user|pid) )?[\w.@-]{1,64}/g, '$1 by $2 <user>', ' by '],
  // Quoted values after '=': a message (`msg="cannot open journal"`) is text whose
  // parameters the token pass masks, and so is a kind or a state (Keycloak's
  // `type="LOGIN_ERROR"`, `status="failed"`); any other key's value is one context value.
  [
    /(?<!\b(?:msg|message|err|error|desc|description|reason|detail|cause|event|summary|title|apparmor|operation|profile|type|kind|category|action|outcome|status|state|phase))=\s?"[^"\n]{0,256}"/gi,
    '="<*>"',
    '=',
  ],
  [
    /(?<!\b(?:msg|message|err|error|desc|description|reason|detail|cause|event|summary|title|type|kind|category|action|outcome|status|state|phase))=\s?'[^'\n]{0,256}'/gi,
    "='<*>'",
    '=',
  ],
  // The value a parse or a check refused is the input's, not the code's: Java's `For input
  // string: "n/a"`, Python's `invalid literal for int() with base 10: 'abc'`, Go's `parsing "ab"`
  // and `parsing time "…"`, Postgres's `invalid input syntax for type integer: "foo"`, MySQL's
  // `Incorrect integer value: 'abc' for column …`, Jackson's `from String "abc"`, serde's
  // `invalid type: string "abc"`, `Unparseable date: "…"`, `time data '…'`, .NET's `The input
  // string 'abc' was not in a correct format`. What was asked for stays (`to float`, `as "2006-01-02"`).
  [INPUT_VALUE, '$1$2<*>$2', ['"', "'"]],
  // Python's `'SHIPED' is not a valid OrderStatus`, JSON.parse's `"hello" is not valid JSON`,
  // java.time's `Text '2026-13-01' could not be parsed`.
  [/(["'])[^"'\n]{0,256}\1(?:\.\.\.)?(?= is not (?:a )?valid\b)/g, '$1<*>$1', ' valid'],
  // Go's time.Parse: `cannot parse "tomorrow" as "2006"` (the layout's element stays).
  [/\b(cannot parse )(["'])[^"'\n]{0,256}\2(?= as )/g, '$1$2<*>$2', 'cannot parse '],
  // The thread JBoss Logging prints after the logger (WildFly's and Quarkus's `ERROR [io.quarkus.runtime.Application]
  // (Quarkus Main Thread) …`, `(ServerService Thread Pool -- 81)`): where it ran, as log4j's `[%t]` is.
  [
    /^((?:[A-Z]{4,7}\s{1,8})?\[(?:[a-z_$][\w$-]{0,63}\.){1,16}[\w$-]{1,128}\]\s{1,8})\([^()\n]{1,128}\)(?=\s)/,
    '$1(<*>)',
    '] (',
  ],
  [/(["'])[^"'\n]{0,256}\1(?= c(?:ould not|annot) be parsed\b)/g, '$1<*>$1', ' be parsed'],
  // Java's `No enum constant com.acme.Status.SHIPED` (Enum.valueOf): the enum stays, the name asked for goes.
  [/\b(No enum constant (?:[\w$]{1,128}\.){1,32})[\w$]{1,128}/g, '$1<*>', 'No enum constant'],
  // serde's `unknown variant `shiped`, expected one of …`; Newtonsoft's `Could not convert string to integer: abc. Path 'qty'`.
  [/\b(unknown variant )`[^`\n]{0,128}`/g, '$1`<*>`', 'unknown variant'],
  [
    /\b(Could not convert string to [\w.]{1,64}: )(?!['"])[^\n]{1,256}?(?=\. Path '|$)/g,
    '$1<*>',
    'Could not convert',
  ],
  // Query-string values (a path logged without its scheme): the keys name the request, the values are its data.
  [/([?&][\w.[\]-]{1,64}=)[^&\s"'#]{1,512}/g, '$1<*>', '?'],
  // Sizes and durations with their units: `12.5 MB` and `1.2 GB` measure the same thing
  // (Elasticsearch's `0b`, `4kb`, `1.2gb` too).
  [
    /(?<![\w.])\d{1,15}(?:[.,]\d{1,9})?\s?(?:[kKMGTPE]i?B|[kKMGTPEkmgtp]b|bytes?|B)\b(?!=)|(?<![\w.])\d{1,15}(?:\.\d{1,9})?b(?=[,\]/)\s]|$)/g,
    '<size>',
  ],
  // A kernel symbol with its offset and size (`RIP: 0010:nfs_pgio_release+0x1a/0x60 [nfs]`): the function stays.
  [/\b([A-Za-z_][\w.]{0,127})\+0x[0-9a-f]{1,8}\/0x[0-9a-f]{1,8}\b/g, '$1', '/0x'],
  // Where Perl died (`… at /srv/releases/42/lib/Shop/Order.pm line 51.`): the file's name stays.
  [/ at (?:\S{0,512}\/)?([^\s/]{1,128}) line \d{1,7}\b/g, ' at $1 line <*>', ' line '],
  // A source file named with its line (`at /var/www/releases/20261204/vendor/…/Converter.php:103`,
  // `/opt/venv/lib/python3.12/site-packages/urllib3/connectionpool.py:1099: …`): where the code
  // was deployed is the machine's, the file's name stays.
  [
    /(?<![\w.~<>-])(?:[A-Za-z]:)?(?:[\\/][^\s\\/:'"()<>[\]{},;]{1,128}){2,32}[\\/]([^\s\\/:'"()<>[\]{},;]{1,128}\.[A-Za-z]\w{0,7})(?=:\d{1,7}\b)/g,
    '$1',
    ['/', '\\'],
  ],
  // The server sqlcmd names in SQL Server's error header (`Msg 2627, Level 14, State 1, Server db1, Line 7`).
  [/(\bMsg \d{1,6}, Level \d{1,2}, State \d{1,3}, Server )[^,\n]{1,256},/g, '$1<*>,', ', Server '],
  // librdkafka's count of repeats (`…, 4 identical error(s) suppressed)`) is how often, not what.
  [/, \d{1,9} identical error\(s\) suppressed/g, '', 'identical error'],
  // Apache's error_log names the page a request came from (`…, referer: https://…`): circumstance.
  [/, referer: \S{0,2048}$/g, '', ', referer: '],
  // The process the kernel names as the one that hit a fault (`EXT4-fs error … comm nginx:`).
  [/\bcomm [^\s:]{1,64}:/g, 'comm <*>:', 'comm '],
  // Go's compound durations (`1m30.5s`, `2h0m0s`).
  [/(?<![\w.])(?:\d{1,9}(?:\.\d{1,9})?(?:h|ms|m|s|us|µs|ns)){2,4}\b/g, '<duration>'],
  [
    /(?<![\w.])\d{1,15}(?:\.\d{1,9})?\s?(?:ns|us|µs|ms|s|sec|secs|seconds?|m|min|mins|minutes?|h|hrs?|hours?)\b(?![.:]\d)/g,
    '<duration>',
  ],
];

/**
 * Tokens with a digit that name code, not a case: a file whose extension has
 * one (`deploy.ps1`, `clip.mp4`), a package-qualified class (`org.opentest4j.AssertionFailedError`,
 * `psycopg2.OperationalError`), an error constant (`ERR_PNPM_FETCH_404`), a C function or
 * module whose every part starts with a letter, any with a digit short (`ext4_lookup`,
 * `mlx5e_napi_poll`, `[mlx5_core]`; not `order_8812`).
 */
const CODE_NAME =
  /^(?=[^_]{0,64}_)(?:[a-z][a-z0-9]{0,5}|[a-z]{1,64})(?:_(?:[a-z][a-z0-9]{0,5}|[a-z]{1,64})){1,8}$|^[\w-]{1,128}\.(?:ps[dm]?1|mp[34]|h26[45]|sha(?:1|256|512)|md5|x509|p12|bz2|7z)$|^(?:[a-z][a-z0-9_]{0,63}\.){1,16}[A-Z][A-Za-z0-9_$]{0,127}$|^[A-Z][A-Z0-9]{1,15}(?:_[A-Z][A-Z0-9]{0,31}){1,8}_\d{1,6}$/;

/** A token: what sits between separators. One with a digit in it is a variable. */
const TOKEN = /[^\s()[\]{}<>,;:="'`|]+/g;
const HAS_DIGIT = /\d/;
const HEX_WORD = /^(?:0x)?[0-9a-fA-F]{8,}$/;

/**
 * Numbers that name what failed rather than a parameter of it: the words a
 * reader looks for before a status, exit status, signal or error code
 * (`HTTP 503`, `status=403`, `exit status 137`, `signal 9`, `SQLSTATE 23505`,
 * `errno 28`, `"GET / HTTP/1.1" 502`).
 */
const CODE_BEFORE =
  /(?:\bHTTP(?:\/\d(?:\.\d)?)?"?|(?:\b|(?<=[a-z_]))(?:status|code)"?|\b(?:exit|exited|errno|error number|signal|signum|SQLSTATE\[?|rc|retval|returncode)"?)\s?[:=]?\s?["']?(?:(?:code|status|with) )?$|\bcurl: \($|\bSQLSTATE\[[0-9A-Z]{5}\] \[$/i;
/**
 * `Win32 error 5`, Hibernate's `SQL Error: 1062`, .NET's `returned an error: (503)`;
 * not the level word `ERROR`, which a pid may follow.
 */
const ERROR_BEFORE = /\b[Ee]rror:? \(?$|\berror\[$|--explain $|^Msg $/;
/**
 * What a code looks like after those words: a number, a short lettered code
 * (Heroku's `H12`), a SQLSTATE, systemd's `status=9/KILL`, a hex code (`error code 0x5`).
 */
const CODE_TOKEN = /^-?[A-Z]{0,4}[-_]?\d{1,6}(?:\/[A-Z]{2,16})?$|^[0-9A-Z]{5}$|^0x[0-9a-fA-F]{1,8}$/;
/** A linter's rule after the position of its finding (flake8's and ruff's `invoice.py:3:1: F401 …`). */
const LINT_CODE = /^[A-Z]{1,4}\d{1,4}$/;
const LINT_AT = /\.\w{1,8}:\d{1,7}(?::\d{1,7})?: $/;
/** HRESULTs and NTSTATUS codes (0x8007000E, 0x80004005, 0xC0000005) are error codes, not addresses. */
const HRESULT = /^0x[8Cc]0[0-9a-fA-F]{6}$/;
/**
 * Product error codes name the error: a product's prefix (`ORA-12514`,
 * `MY-010584`, `AH00124`), any code zero-padded to its width (`ERR-0042`), a
 * compiler's diagnostics (`CS0246`, `TS2345`). An id with a prefix is not one
 * (`SKU-8812`, `ORD-17`, a ticket's `OPS-1234`).
 */
const PRODUCT_CODE =
  /^(?:ORA|PLS|TNS|MY|AH|SP2|IMP|EXP|KUP|RMAN|CRS|PRCR)-?\d{3,6}$|^[A-Z]{2,5}-?0\d{2,5}$|^(?:TS|CS|FS|BC|VB|CA|IDE|SA|NU|MSB|NETSDK|SC|RS)\d{4,5}$/;
/**
 * Kubernetes pod names: the workload's name, then the pod-template hash and a
 * random suffix, both drawn from the alphabet Kubernetes uses for them (no
 * vowels, no 0, 1 or 3), so `api-bcfdd-xkqpz`, `api-7fbbdcfdb-wqpzt` and
 * `api-wqpzt` (a DaemonSet's or a Job's) are pods of the workload `api`
 * (also as `pod/…` or `namespace/…`). The workload's name is kept, as a
 * logger's is: two workloads failing are two failures. A name with a digit
 * before the generated part is masked whole (an id is not a workload).
 */
const POD_NAME =
  /^([a-z][a-z./-]{0,200}?)(?:-[bcdfghjklmnpqrstvwxz2-9]{5,10})?-[bcdfghjklmnpqrstvwxz2-9]{5}$/;

/**
 * A SQLSTATE (its class from the standard's list) leading a message, as Postgres
 * prints it with `log_error_verbosity = verbose`: `ERROR:  42P01: relation "x" does not exist`.
 */
const SQLSTATE = /^(?:0[0-9A-Z]|2[0-9A-F]|3[4-9BDF]|4[024]|5[3-8]|72|F0|HV|P0|XX)[0-9A-Z]{3}$/;
const SQLSTATE_AFTER_LEVEL = /(?:^|\b(?:ERROR|FATAL|PANIC|WARNING):\s{1,2})$/;

/**
 * A status a peer answered with, stated by its verb (`upstream answered 502`,
 * `service returned 409.`, `returned 503 for /pay`, `returned 503 Service
 * Unavailable`): an HTTP status ending the clause, or followed by its reason
 * or a preposition, not a count (`returned 200 rows`).
 */
const STATUS_VERB = /\b(?:returned|answered|responded|replied)(?: with)? $/;
const STATUS_END =
  /^(?:$|[,;:)]|\.(?:\s|$)| [-(]| (?:for|from|on|to|at|after|when|while|in|by) | [A-Z][a-z])/;

/**
 * A package's name, which may hold a digit (`psycopg2`, `boto3`, `lz4`):
 * before its version requirement (`psycopg2-binary==2.9.9`, `boto3>=1.34`,
 * the version itself masked by the rule before the tokens) or after the words
 * a package manager names one with (pip's `Failed building wheel for lz4`,
 * `No matching distribution found for h5py`, `the requirement s3fs`).
 */
const PACKAGE_NAME = /^[A-Za-z][A-Za-z0-9._-]{0,127}$/;
const PACKAGE_BEFORE =
  /\b(?:wheels? for|to build|requirement|distribution found for|Installing|Collecting) $/;
const VERSION_AFTER = /^(?:===?|>=|<=|~=|!=)<version>/;

/**
 * A compiler's diagnostic (`error: implicit declaration of function
 * 'siphash24'`, `fatal error: sqlite3.h: No such file or directory`,
 * rustc's ``error[E0425]: cannot find value `retry2` ``): the names it quotes
 * and the headers it names are the failure, digits and all.
 */
const DIAGNOSTIC = /^(?:fatal )?(?:error|warning|note)(?:\[[A-Z]\d{4}\])?: /;
const QUOTED_NAME = /^[A-Za-z_][\w:]{0,127}$/;
const HEADER_FILE = /^[\w./-]{0,255}\.(?:h|hh|hpp|hxx)$/;

function diagnosticName(token: string, at: number, s: string): boolean {
  if (!DIAGNOSTIC.test(s)) return false;
  if (HEADER_FILE.test(token)) return true;
  const open = s[at - 1];
  return (open === "'" || open === '`') && s[at + token.length] === "'" && QUOTED_NAME.test(token);
}

/** A JBoss Logging message id leading its message (WildFly's `WFLYCTL0013: …`, `RESTEASY002010: …`). */
const JBOSS_CODE = /^[A-Z]{3,10}0\d{3,5}$/;

function keptToken(token: string, at: number, s: string): boolean {
  if (HRESULT.test(token) || PRODUCT_CODE.test(token) || CODE_NAME.test(token)) return true;
  if (s.charCodeAt(at + token.length) === 58 && JBOSS_CODE.test(token)) return true;
  if (diagnosticName(token, at, s)) return true;
  if (
    PACKAGE_NAME.test(token) &&
    (VERSION_AFTER.test(s.slice(at + token.length, at + token.length + 12)) ||
      PACKAGE_BEFORE.test(s.slice(Math.max(0, at - 32), at)))
  )
    return true;
  // A code ending a sentence (`exit code 1.`) is the code.
  const tok = token.length > 1 && token.endsWith('.') ? token.slice(0, -1) : token;
  if (
    tok.length <= 4 &&
    /^[1-5]\d\d\.?$/.test(tok) &&
    STATUS_VERB.test(s.slice(Math.max(0, at - 24), at)) &&
    STATUS_END.test(s.slice(at + 3, at + 10))
  )
    return true;
  if (!CODE_TOKEN.test(tok)) return false;
  if (
    s.charCodeAt(at + 5) === 58 &&
    SQLSTATE.test(tok) &&
    SQLSTATE_AFTER_LEVEL.test(s.slice(Math.max(0, at - 12), at))
  )
    return true;
  const before = s.slice(Math.max(0, at - 24), at);
  return (
    CODE_BEFORE.test(before) || ERROR_BEFORE.test(before) || (LINT_CODE.test(tok) && LINT_AT.test(before))
  );
}

function maskToken(tok: string, at: number, s: string): string {
  const pod = tok.length > 6 ? POD_NAME.exec(tok) : null;
  if (pod) return `${pod[1]}-<*>`;
  if (HAS_DIGIT.test(tok) || HEX_WORD.test(tok)) return keptToken(tok, at, s) ? tok : '<*>';
  return tok.length >= RANDOM_LETTERS_MIN
    ? tok.replace(LETTER_RUN, (run) => (isRandomLetters(run) ? '<*>' : run))
    : tok;
}

/**
 * A session token or key that happens to hold no digit (`XyZwVuTsRqPoNmLkJh`):
 * cut where its case changes, most of its pieces read as no word — neither a
 * word of three letters or more with a vowel, an acronym, nor a short word
 * (`Is`, `Of`, `Id`) —, as a name's do (`InvalidSessionTokenException`,
 * `XMLHttpRequest`, `ThisIsATestOfCamelCase`).
 */
const RANDOM_LETTERS_MIN = 16;
const LETTER_RUN = /[A-Za-z]{16,}/g;
const LETTER_PIECE = /[A-Z]+(?![a-z])|[A-Z][a-z]*|[a-z]+/g;
const SHORT_WORDS = new Set([
  'is',
  'of',
  'on',
  'at',
  'by',
  'to',
  'in',
  'up',
  'my',
  'no',
  'or',
  'id',
  'as',
  'if',
  'it',
  'be',
  'do',
  'go',
  'me',
  'we',
  'us',
  'an',
  'so',
  'ok',
  'io',
  'db',
  'ui',
  'os',
  'vm',
  'js',
]);

function isRandomLetters(run: string): boolean {
  const pieces = run.match(LETTER_PIECE) ?? [];
  if (pieces.length < 4) return false;
  let odd = 0;
  for (const p of pieces) {
    const word =
      (p.length >= 3 && /[aeiouyAEIOUY]/.test(p)) ||
      (p.length >= 2 && p.length <= 5 && p === p.toUpperCase()) ||
      SHORT_WORDS.has(p.toLowerCase());
    if (!word) odd++;
  }
  return odd >= pieces.length / 2;
}

/** Adjacent masks joined by punctuation are one value (a time, an address with port). */
const MASK_RUN = /<\*>(?:[:.\-_/,@]{1,3}<\*>)+/g;

/** A bracketed field with no word left in it (request/context ids, `[-]`) is one context value. */
const CONTEXT_GROUP = /\[[\s\-<*>]{1,256}\]/g;

/**
 * E-mail addresses, tested per run of non-separators: an unanchored pattern
 * would restart its local-part scan at every character of a long dotted run.
 */
const EMAIL_RUN = /[^\s"'<>()[\]{},;:=|/]+/g;
/** The domain's last label has a letter: `react@18.2.0` is a package's version, `deploy@10.0.0.4` an address. */
const EMAIL =
  /^[\w.+-]{1,64}@[a-zA-Z0-9-]{1,63}(?:\.[a-zA-Z0-9-]{1,63}){0,7}\.[a-zA-Z0-9-]{0,62}[a-zA-Z][a-zA-Z0-9-]{0,62}$/;

/**
 * A syslog header's host field, by its position: after the timestamp (RFC 3164,
 * or ISO as rsyslog writes files) and before the `tag[pid]:`, or the field after
 * the timestamp of RFC 5424. Which machine logged is circumstance. Digit runs
 * may come squeezed (see maskLine), hence the loose counts.
 */
const SYSLOG_HOST = new RegExp(
  `^((?:<\\d{1,3}>)?(?:(?:${MONTH}) {1,2}\\d{1,2} \\d{1,2}:\\d{1,2}:\\d{1,2}|\\d{1,4}-\\d{1,2}-\\d{1,2}T\\d{1,2}:\\d{1,2}:\\d{1,2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{1,2}:?\\d{0,2})) )[\\w.-]{1,255} (?=[^\\s:[\\]]{1,128}(?:\\[\\d{1,10}\\])?: )|^(<\\d{1,3}>\\d \\S{1,64} )[\\w.-]{1,255} `,
);

/**
 * Typographic quotes, as gcc, clang and other GNU tools print them in a UTF-8
 * locale (`‘total’ undeclared`, where the C locale prints `'total'`): one
 * failure reads the same whichever locale the build ran in.
 */
const CURLY_QUOTE = /[\u2018\u2019\u201c\u201d]/g;
const straightQuote = (q: string): string => (q === '\u2018' || q === '\u2019' ? "'" : '"');

/** The line holds the guard's text, or one of its texts. */
const holds = (s: string, guard: string | readonly string[]): boolean =>
  typeof guard === 'string' ? s.includes(guard) : guard.some((text) => s.includes(text));

export function maskText(line: string): string {
  let s = line.length > MASK_LIMIT ? line.slice(0, MASK_LIMIT) : line;
  if (/[\u2018-\u201d]/.test(s)) s = s.replace(CURLY_QUOTE, straightQuote);
  s = s.replace(
    SYSLOG_HOST,
    (_m, bsd: string | undefined, rfc5424: string | undefined) => `${bsd ?? rfc5424}<host> `,
  );
  if (s.includes('://')) {
    if (s.includes('kka://') || s.includes('pekko://')) s = s.replace(ACTOR_PATH, actorPath);
    s = s.replace(URL_RULE, '<url>');
  }
  if (s.includes('@')) s = s.replace(EMAIL_RUN, (run) => (EMAIL.test(run) ? '<email>' : run));
  // A page's slug in a path (`Internal Server Error: /products/walnut-side-table/`) is its id.
  if (SLUG_IN_TEXT.test(s)) s = s.replace(TEXT_PATH, slugsMasked);
  for (const [re, to, guard] of RULES) if (guard === undefined || holds(s, guard)) s = s.replace(re, to);
  s = s.replace(TOKEN, maskToken);
  s = s.replace(MASK_RUN, '<*>').replace(CONTEXT_GROUP, '[<*>]');
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Level words a log line header ends with. What comes before the first one
 * (timestamp, host, pid, thread, node id) describes where, not what.
 */
const LEVEL =
  /(?:^|[\s[<(|:-])(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRIT|CRITICAL|SEVERE|ALERT|EMERG|PANIC)(?=[\s\]>):|-]|\/[\w.-]{1,64}\]|$)|\[(?:[a-z_]{1,32}:)?(?:trace|debug|info|notice|warn|warning|error|err|fatal|crit|critical|severe|alert|emerg)\]|(?:^|\s)(?:[Ww]arning|[Ee]rror|[Ff]atal|[Cc]ritical|[Ss]evere):/;

/**
 * Text before a `word:` level that is a message's, not a header's: an earlier
 * `: ` followed by words (`snapshot: rpc `), or three lower-case words in a row.
 */
const IN_MESSAGE = /:\s[A-Za-z][\w.-]{0,64}\s+\S|\b[a-z]{2,}\s[a-z]{2,}\s[a-z]{2,}\b/;

const HEADER_NAME = /\b(?:class|logger|component|module|category|channel)=[A-Za-z_$][\w.:$/-]{0,127}/;

/** A dotted logger or a file name, and the line it logged from. */
const NAME_AT_LINE = /^([A-Za-z_$][\w$-]{0,63}(?:\.[A-Za-z_$][\w$-]{0,63}){1,16}):\d{1,7}$/;

/** The logger of Python logging's dashed layout, between the time and the level. */
const DASHED_LOGGER = /\s-\s([A-Za-z_][\w.$-]{0,127})\s-\s$/;

/** A logger or component name: one identifier, dotted or `::`-joined, no digits. */
const LOGGER_NAME = /^[A-Za-z_$][A-Za-z_$.:-]{0,127}$/;

/**
 * The message part of a log line: from its level word on, when the header
 * before it carries a digit (so looks like timestamp/pid/host fields rather
 * than words of the message).
 */
export function stripHeader(line: string): string {
  const head = line.length > 512 ? line.slice(0, 512) : line;
  const m = LEVEL.exec(head);
  if (m === null || m.index === 0) return line;
  // A level word that ends the line (`… onStepChanged 3579 ERROR`): the message is before it.
  if (!/[A-Za-z]/.test(line.slice(m.index + m[0].length))) return line;
  const prefix = line.slice(0, m.index);
  if (!HAS_DIGIT.test(prefix)) return line;
  // `error:` in a phrase (`failed to send snapshot: rpc error: code = …`) is the message's, not a level.
  if (m[0].endsWith(':') && !/^\s?[A-Z]+:$/.test(m[0]) && IN_MESSAGE.test(prefix)) return line;
  // A header field that names the code (Sidekiq's `class=InvoiceJob`, `logger=…`) is the logger: it stays.
  const named = prefix.includes('=') ? HEADER_NAME.exec(prefix) : null;
  const keep = named === null ? '' : `${named[0]} `;
  // Python logging's `%(asctime)s - %(name)s - %(levelname)s - %(message)s`: the logger
  // before the level is the logger, as a bracket after it is (`ERROR [shop.pay] …`).
  const dashed = prefix.endsWith(' -') ? DASHED_LOGGER.exec(line.slice(0, m.index + 1)) : null;
  if (dashed !== null) {
    const rest = line.slice(m.index).trimStart();
    const level = /^\S+/.exec(rest)![0];
    return `${keep}${level} [${dashed[1]}] ${rest.slice(level.length).replace(/^\s*-\s*/, '')}`;
  }
  // A bracket right after the level is the logger or component when it reads as
  // one (`[BillingWorker]`, `[payments.refunds]`), which stays; a phrase or a
  // numbered name is the thread or request context (log4j's `[%t]`:
  // `[http-nio-8080-exec-3]`, `[IPC Server handler on 8030]`, `[RecvWorker:7]`).
  const message = line
    .slice(m.index)
    .trimStart()
    // Celery's `[time: ERROR/ForkPoolWorker-2] …`: the process after the level is where.
    .replace(/^([A-Z]{3,8})\/[\w.-]{1,64}\]\s{0,4}/, '$1 ')
    .replace(
      /^(\S{1,16}?:?\s{1,8}(?:-\s{1,8})?)\[([^\]\n]{1,128})\]/,
      (whole, lead: string, inner: string) => {
        if (LOGGER_NAME.test(inner) || PRODUCT_CODE.test(inner)) return whole;
        // A logger or file with its line (`%(name)s:%(lineno)d`: `[shop.payments:42]`, `[pay.py:42]`): the name stays.
        const at = NAME_AT_LINE.exec(inner);
        return at ? `${lead}[${at[1]}]` : `${lead}[<*>]`;
      },
    );
  return keep + message;
}

/**
 * Outside the contexts where a number is kept (a status or error code, see
 * `keptToken`), every rule above treats a run of digits like any other run of
 * digits, so lines that differ only in their numbers mask alike: a small cache
 * keyed on the line with digit runs squeezed makes a failure repeated a million
 * times cheap. A line with such a context is keyed as it is.
 */
/**
 * `compute`, remembered for up to 4,096 keys (then forgotten at once): for
 * the masks of lines and messages, which repeat, and whose computing is the
 * largest part of the per-line work.
 */
export function cachedBy(compute: (key: string) => string): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = compute(key);
      if (cache.size >= 4096) cache.clear();
      cache.set(key, hit);
    }
    return hit;
  };
}

/**
 * A time stamped before a line that has no header of its own to strip (GitHub
 * Actions' raw log, `2026-12-01T10:00:00.1234567Z make: *** …`; a task
 * runner's `[10:00:00] `, dbt's `10:00:03  `; Go's standard log, `2026/12/01 10:00:05 `, which
 * writes no level), and BuildKit's step prefix (`#8 2.145 `): where in
 * the run, so the same line reads the same with and without them. Digits may
 * come squeezed (maskLine's cache key).
 */
const LEADING_STAMP =
  /^(?:\[?\d{1,4}(?:-\d{1,2}-|\/\d{1,2}\/)\d{1,2}[T ]\d{1,2}:\d{1,2}:\d{1,2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{1,2}:?\d{1,2}| [+-]\d{1,4}(?= ))?\]?\s{1,4}|\[?\d{1,2}:\d{1,2}:\d{1,2}(?:[.,]\d{1,9})?\]?\s{1,4})?(?:#\d{1,5} \d{1,6}\.\d{1,4} )?/;

/** The line without a time or BuildKit prefix stamped before it (LEADING_STAMP), unless that is all it holds. */
/** Go's standard log with a prefix before its date (`log.New(w, "shop: ", log.LstdFlags)`): the prefix stays. */
const GO_PREFIXED_STAMP =
  /^([\w.[\]-]{1,64}:? )\d{1,4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d{1,9})? (?=\S)/;

export function withoutStamp(line: string): string {
  const stamp = LEADING_STAMP.exec(line)![0].length;
  if (stamp === 0 && line.includes('/')) {
    const go = GO_PREFIXED_STAMP.exec(line);
    if (go) return go[1] + line.slice(go[0].length);
  }
  return stamp > 0 && stamp < line.length ? line.slice(stamp) : line;
}

const maskLineKey = cachedBy((key) => maskText(withoutStamp(stripHeader(key))));
const CODE_CONTEXT =
  /\bMsg \d|http|status|code|exit|errno|error number|signal|signum|sqlstate|\brc\b|\bret|0x[8c]0|curl|answered|responded|replied/i;
const CODE_SHAPE = /[Ee]rror:? \(?[A-Z]?\d|[A-Z]-?\d{3}|(?:^|[A-Z]:\s{1,2})[0-9A-Z]{5}:/;
/** A pod name whose generated part has a digit (POD_NAME), which squeezing the digits would hide. */
const POD_DIGITS =
  /[a-z]-(?=[a-z2-9-]{0,16}[2-9])(?:[bcdfghjklmnpqrstvwxz2-9]{5,10}-)?[bcdfghjklmnpqrstvwxz2-9]{5}(?![\w-])/;

/** A digit inside a name CODE_NAME keeps, which squeezing the digits would change. */
const NAME_DIGITS =
  /[a-z]\d(?:\d{0,3}[a-z]?_[a-z]|[a-z0-9_]{0,16}\.[A-Z])|_[a-z]{1,4}\d|\.ps[dm]?1\b|\.(?:mp[34]|h26[45]|sha\d|md5|x509|p12|bz2|7z)\b|[A-Z]_\d/;

/** Signature text of a plain failure line. */
/**
 * Names keptToken keeps with their digits in some contexts only: a quoted name
 * or a header in a compiler's diagnostic, a package before its version or
 * after pip's words for it.
 */
const QUOTED_DIGITS = /[`'][A-Za-z_]\w{0,64}\d\w{0,64}'|\w\d\w{0,64}\.h(?:h|pp|xx)?\b/;
const PACKAGE_DIGITS =
  /[A-Za-z]\d[\w.-]{0,64}(?:===?|>=|<=|~=|!=)\d|\b(?:wheels? for|to build|requirement|distribution found for) [A-Za-z][\w.-]{0,64}\d/;

function hasNamedDigits(cut: string): boolean {
  if (NAME_DIGITS.test(cut)) return true;
  if ((cut.includes("'") || cut.includes('`') || cut.includes('.h')) && QUOTED_DIGITS.test(cut)) return true;
  return (
    (cut.includes('=') || cut.includes(' for ') || cut.includes('to build') || cut.includes('requirement')) &&
    PACKAGE_DIGITS.test(cut)
  );
}

export function maskLine(line: string): string {
  const cut = line.length > MASK_LIMIT ? line.slice(0, MASK_LIMIT) : line;
  const exact = CODE_CONTEXT.test(cut) || CODE_SHAPE.test(cut) || POD_DIGITS.test(cut) || hasNamedDigits(cut);
  return maskLineKey(exact ? cut : cut.replace(/\d+/g, '0'));
}

/** Last path segment: frames keep the file, not where it was built or checked out. */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}
