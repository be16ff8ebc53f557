import { log, ndjson, type PairFormat } from './model.ts';

/** A `journalctl -o json` entry: every value a string, trusted fields with a leading underscore. */
function entry(fields: Record<string, string>): Record<string, string> {
  return {
    __CURSOR: `s=6f1e2d3c4b5a49788796a5b4c3d2e1f0;i=${fields._PID ?? '1'}a3;b=0c1d2e3f40516273;m=2f4a1c`,
    __REALTIME_TIMESTAMP: '1714557600123456',
    __MONOTONIC_TIMESTAMP: '812345123',
    _BOOT_ID: '0c1d2e3f405162738495a6b7c8d9e0f1',
    _TRANSPORT: 'stdout',
    SYSLOG_FACILITY: '3',
    _UID: '998',
    _GID: '998',
    _MACHINE_ID: '4a5b6c7d8e9f00112233445566778899',
    ...fields,
  };
}

export const journald: PairFormat = {
  format: 'journald',
  pairs: [
    {
      name: 'json: one error, other host, pid, cursor and boot',
      kind: 'same',
      a: ndjson(
        entry({
          PRIORITY: '3',
          SYSLOG_IDENTIFIER: 'inventory',
          _PID: '4411',
          _HOSTNAME: 'inv-a',
          _SYSTEMD_UNIT: 'inventory.service',
          MESSAGE: 'sync with warehouse 7 failed: upstream answered 502',
        }),
      ),
      b: ndjson({
        ...entry({
          PRIORITY: '3',
          SYSLOG_IDENTIFIER: 'inventory',
          _PID: '902',
          _HOSTNAME: 'inv-c',
          _SYSTEMD_UNIT: 'inventory.service',
          MESSAGE: 'sync with warehouse 12 failed: upstream answered 502',
        }),
        __REALTIME_TIMESTAMP: '1715000000999999',
        _BOOT_ID: 'ffeeddccbbaa99887766554433221100',
      }),
    },
    {
      name: 'json: upstream answered 502 vs 504',
      kind: 'different',
      a: ndjson(
        entry({
          PRIORITY: '3',
          SYSLOG_IDENTIFIER: 'inventory',
          _PID: '4411',
          MESSAGE: 'sync with warehouse 7 failed: upstream answered 502',
        }),
      ),
      b: ndjson(
        entry({
          PRIORITY: '3',
          SYSLOG_IDENTIFIER: 'inventory',
          _PID: '4411',
          MESSAGE: 'sync with warehouse 7 failed: upstream answered 504',
        }),
      ),
    },
    {
      name: 'json: one message from two units',
      kind: 'different',
      a: ndjson(
        entry({
          PRIORITY: '3',
          SYSLOG_IDENTIFIER: 'billing-worker',
          _PID: '51',
          MESSAGE: 'lost connection to the broker',
        }),
      ),
      b: ndjson(
        entry({
          PRIORITY: '3',
          SYSLOG_IDENTIFIER: 'mailer',
          _PID: '51',
          MESSAGE: 'lost connection to the broker',
        }),
      ),
    },
    {
      name: 'json: warning vs error priority of one message',
      kind: 'different',
      a: ndjson(
        entry({
          PRIORITY: '4',
          SYSLOG_IDENTIFIER: 'mailer',
          _PID: '51',
          MESSAGE: 'lost connection to the broker',
        }),
      ),
      b: ndjson(
        entry({
          PRIORITY: '3',
          SYSLOG_IDENTIFIER: 'mailer',
          _PID: '51',
          MESSAGE: 'lost connection to the broker',
        }),
      ),
    },
    {
      name: "json: systemd's unit failure, other invocation",
      kind: 'same',
      a: ndjson(
        entry({
          PRIORITY: '4',
          SYSLOG_IDENTIFIER: 'systemd',
          _PID: '1',
          UNIT: 'inventory.service',
          INVOCATION_ID: '9a8b7c6d5e4f30211203a4b5c6d7e8f9',
          MESSAGE: "inventory.service: Failed with result 'exit-code'.",
        }),
      ),
      b: ndjson(
        entry({
          PRIORITY: '4',
          SYSLOG_IDENTIFIER: 'systemd',
          _PID: '1',
          UNIT: 'inventory.service',
          INVOCATION_ID: '1029384756abcdef1029384756abcdef',
          MESSAGE: "inventory.service: Failed with result 'exit-code'.",
        }),
      ),
    },
    {
      name: 'short-iso: one error, other host, pid and time',
      kind: 'same',
      a: log(
        '2024-05-01T10:00:00+0000 inv-a inventory[4411]: ERROR sync with warehouse 7 failed: upstream answered 502',
      ),
      b: log(
        '2024-05-06T23:12:45+0200 inv-c inventory[902]: ERROR sync with warehouse 31 failed: upstream answered 502',
      ),
    },
    {
      name: 'short-iso-precise: one warning, other host and time',
      kind: 'same',
      a: log(
        '2024-05-01T10:00:00.123456+00:00 inv-a inventory[4411]: WARN cache warm-up took 8123ms, serving stale prices',
      ),
      b: log(
        '2024-05-03T08:30:12.000001+00:00 inv-b inventory[17]: WARN cache warm-up took 912ms, serving stale prices',
      ),
    },
    {
      name: 'short-iso: one message from two identifiers',
      kind: 'different',
      a: log('2024-05-01T10:00:00+0000 inv-a inventory[4411]: ERROR lost connection to the broker'),
      b: log('2024-05-01T10:00:00+0000 inv-a pricing[4411]: ERROR lost connection to the broker'),
    },
    {
      name: 'short-iso: kernel line, other host and uptime',
      kind: 'same',
      a: log(
        '2024-05-01T10:00:00+0000 inv-a kernel: EXT4-fs error (device nvme0n1p2): ext4_find_entry:1587: inode #2: comm systemd: reading directory lblock 0',
      ),
      b: log(
        '2024-05-02T04:00:00+0000 inv-d kernel: EXT4-fs error (device nvme1n1p2): ext4_find_entry:1587: inode #2: comm systemd: reading directory lblock 0',
      ),
    },
    {
      name: 'short-iso: inventory ERROR: refused vs reset',
      kind: 'different',
      a: log('2024-05-01T10:00:00+0000 inv-a inventory[4411]: ERROR broker: connection refused'),
      b: log('2024-05-01T10:00:00+0000 inv-a inventory[4411]: ERROR broker: connection reset by peer'),
    },
  ],
};
