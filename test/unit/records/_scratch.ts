import { parseLine } from '#lib/records/line';

const lines = [
  '{"level":50,"time":1714557600000,"pid":1,"hostname":"h1","err":{"type":"TypeError","message":"x is undefined","stack":"TypeError: x is undefined\\n    at f (/app/a.js:1:2)"},"msg":"x is undefined","user":"alice"}',
  'time=2024-05-01T10:00:00Z level=error msg="payment failed" err="card declined" order=123',
  'E0501 10:00:00.123456    1234 file.go:42] "Failed to sync" err="timeout" pod="a/b"',
  '05-01 10:00:00.123  1234  5678 E ActivityManager: ANR in com.example',
  'E/AndroidRuntime( 1234): FATAL EXCEPTION: main',
  "<34>Oct 11 22:14:15 mymachine su[230]: 'su root' failed for lonvick on /dev/pts/8",
  'Oct 11 22:14:15 mymachine app[123]: ERROR db down',
  '<165>1 2003-10-11T22:14:15.003Z host app 123 ID47 [exampleSDID@32473 iut="3" eventSource="App"] An application event',
  '2024-05-01 10:00:00 ERROR db: connection refused',
  'Set x=5 and y=6 before retrying',
  '{this is not json}',
  '2024-05-01T10:00:00.123456+00:00 web1 nginx[99]: upstream timed out',
];
for (const l of lines) console.log(JSON.stringify(parseLine(l)));
