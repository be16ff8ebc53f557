/**
 * TEMPORARY probe (not to be committed): logs of infrastructure daemons the
 * other pair files do not cover, or cover with one line only.
 */
import { log, ndjson, type PairFormat } from './model.ts';

/** journalctl's default `short` format: `May 01 10:00:00 host ident[pid]: msg`. */
const jd = (time: string, host: string, ident: string, msg: string): string =>
  `May 01 ${time} ${host} ${ident}: ${msg}`;
/** rsyslog's traditional file format: `May  1 10:00:00 host ident[pid]: msg`. */
const rs = (day: string, time: string, host: string, ident: string, msg: string): string =>
  `May ${day.padStart(2, ' ')} ${time} ${host} ${ident}: ${msg}`;

// ---------------------------------------------------------------- systemd

function startLimit(host: string, t: string, counter: number): string {
  return log(
    jd(`${t}:00`, host, 'systemd[1]', 'Starting Orders API...'),
    jd(`${t}:00`, host, 'systemd[1]', 'Started Orders API.'),
    jd(`${t}:02`, host, 'orders-api[4411]', 'listening on 0.0.0.0:8080'),
    jd(
      `${t}:02`,
      host,
      'systemd[1]',
      'orders-api.service: Main process exited, code=exited, status=1/FAILURE',
    ),
    jd(`${t}:02`, host, 'systemd[1]', "orders-api.service: Failed with result 'exit-code'."),
    jd(
      `${t}:03`,
      host,
      'systemd[1]',
      `orders-api.service: Scheduled restart job, restart counter is at ${counter}.`,
    ),
    jd(`${t}:03`, host, 'systemd[1]', 'Stopped Orders API.'),
    jd(`${t}:03`, host, 'systemd[1]', 'orders-api.service: Start request repeated too quickly.'),
    jd(`${t}:03`, host, 'systemd[1]', "orders-api.service: Failed with result 'start-limit-hit'."),
    jd(`${t}:03`, host, 'systemd[1]', 'Failed to start Orders API.'),
  );
}

function coredump(host: string, pid: number, fn: string, base: string): string {
  const pad = ' '.repeat(47);
  return log(
    jd(
      '10:00:00',
      host,
      `systemd-coredump[${pid + 1}]`,
      `Process ${pid} (orders-api) of user 998 dumped core.`,
    ),
    `${pad}`,
    `${pad}Module /usr/local/bin/orders-api with build-id 3f9a1c2b4d5e6f708192a3b4c5d6e7f8091a2b3c`,
    `${pad}Stack trace of thread ${pid}:`,
    `${pad}#0  0x00007f${base}9e9fc __pthread_kill_implementation (libc.so.6 + 0x969fc)`,
    `${pad}#1  0x00007f${base}4a476 raise (libc.so.6 + 0x42476)`,
    `${pad}#2  0x00007f${base}307f3 abort (libc.so.6 + 0x287f3)`,
    `${pad}#3  0x000055${base}2b3c4 ${fn} (orders-api + 0x2b3c4)`,
    `${pad}#4  0x000055${base}2a111 main (orders-api + 0x2a111)`,
    `${pad}ELF object binary architecture: AMD64`,
    jd('10:00:01', host, 'systemd[1]', 'orders-api.service: Main process exited, code=dumped, status=6/ABRT'),
  );
}

export const systemd: PairFormat = {
  format: 'systemd (journalctl short)',
  pairs: [
    {
      name: 'start-limit-hit after a crash loop, other host, time and restart counter',
      kind: 'same',
      a: startLimit('web-a', '10:00', 5),
      b: startLimit('web-c', '23:41', 5),
    },
    {
      name: 'Failed to start: two units',
      kind: 'different',
      a: log(
        jd('10:00:00', 'web-a', 'systemd[1]', 'Starting Orders API...'),
        jd(
          '10:00:01',
          'web-a',
          'systemd[1]',
          'orders-api.service: Control process exited, code=exited, status=1/FAILURE',
        ),
        jd('10:00:01', 'web-a', 'systemd[1]', "orders-api.service: Failed with result 'exit-code'."),
        jd('10:00:01', 'web-a', 'systemd[1]', 'Failed to start Orders API.'),
      ),
      b: log(
        jd('10:00:00', 'web-a', 'systemd[1]', 'Starting Billing Worker...'),
        jd(
          '10:00:01',
          'web-a',
          'systemd[1]',
          'billing-worker.service: Control process exited, code=exited, status=1/FAILURE',
        ),
        jd('10:00:01', 'web-a', 'systemd[1]', "billing-worker.service: Failed with result 'exit-code'."),
        jd('10:00:01', 'web-a', 'systemd[1]', 'Failed to start Billing Worker.'),
      ),
    },
    {
      name: 'main process status=1/FAILURE vs executable missing (203/EXEC)',
      kind: 'different',
      a: log(
        jd('10:00:00', 'web-a', 'systemd[1]', 'Started Orders API.'),
        jd(
          '10:00:01',
          'web-a',
          'systemd[1]',
          'orders-api.service: Main process exited, code=exited, status=1/FAILURE',
        ),
        jd('10:00:01', 'web-a', 'systemd[1]', "orders-api.service: Failed with result 'exit-code'."),
      ),
      b: log(
        jd('10:00:00', 'web-a', 'systemd[1]', 'Started Orders API.'),
        jd(
          '10:00:00',
          'web-a',
          '(ders-api)[4411]',
          'orders-api.service: Failed to locate executable /usr/local/bin/orders-api: No such file or directory',
        ),
        jd(
          '10:00:00',
          'web-a',
          '(ders-api)[4411]',
          'orders-api.service: Failed at step EXEC spawning /usr/local/bin/orders-api: No such file or directory',
        ),
        jd(
          '10:00:00',
          'web-a',
          'systemd[1]',
          'orders-api.service: Main process exited, code=exited, status=203/EXEC',
        ),
        jd('10:00:00', 'web-a', 'systemd[1]', "orders-api.service: Failed with result 'exit-code'."),
      ),
    },
    {
      name: 'unit OOM-killed, other host, CPU time and memory peak',
      kind: 'same',
      a: log(
        jd(
          '10:00:00',
          'worker-3',
          'systemd[1]',
          'indexer.service: A process of this unit has been killed by the OOM killer.',
        ),
        jd(
          '10:00:00',
          'worker-3',
          'systemd[1]',
          'indexer.service: Main process exited, code=killed, status=9/KILL',
        ),
        jd('10:00:00', 'worker-3', 'systemd[1]', "indexer.service: Failed with result 'oom-kill'."),
        jd(
          '10:00:00',
          'worker-3',
          'systemd[1]',
          'indexer.service: Consumed 1min 12.345s CPU time, 3.9G memory peak, 0B memory swap peak.',
        ),
      ),
      b: log(
        jd(
          '04:12:09',
          'worker-11',
          'systemd[1]',
          'indexer.service: A process of this unit has been killed by the OOM killer.',
        ),
        jd(
          '04:12:09',
          'worker-11',
          'systemd[1]',
          'indexer.service: Main process exited, code=killed, status=9/KILL',
        ),
        jd('04:12:09', 'worker-11', 'systemd[1]', "indexer.service: Failed with result 'oom-kill'."),
        jd(
          '04:12:09',
          'worker-11',
          'systemd[1]',
          'indexer.service: Consumed 48.002s CPU time, 4.1G memory peak, 0B memory swap peak.',
        ),
      ),
    },
    {
      name: "result 'oom-kill' vs watchdog timeout",
      kind: 'different',
      a: log(
        jd(
          '10:00:00',
          'worker-3',
          'systemd[1]',
          'indexer.service: A process of this unit has been killed by the OOM killer.',
        ),
        jd(
          '10:00:00',
          'worker-3',
          'systemd[1]',
          'indexer.service: Main process exited, code=killed, status=9/KILL',
        ),
        jd('10:00:00', 'worker-3', 'systemd[1]', "indexer.service: Failed with result 'oom-kill'."),
      ),
      b: log(
        jd('10:00:00', 'worker-3', 'systemd[1]', 'indexer.service: Watchdog timeout (limit 3min)!'),
        jd(
          '10:00:00',
          'worker-3',
          'systemd[1]',
          'indexer.service: Killing process 4411 (indexer) with signal SIGABRT.',
        ),
        jd(
          '10:00:01',
          'worker-3',
          'systemd[1]',
          'indexer.service: Main process exited, code=dumped, status=6/ABRT',
        ),
        jd('10:00:01', 'worker-3', 'systemd[1]', "indexer.service: Failed with result 'watchdog'."),
      ),
    },
    {
      name: 'systemd-coredump stack, other pid and ASLR addresses',
      kind: 'same',
      a: coredump('web-a', 4411, '_ZN4Cart5totalEv', '3a1c2'),
      b: coredump('web-b', 97, '_ZN4Cart5totalEv', '9bd07'),
    },
    {
      name: 'systemd-coredump stack: abort in two functions',
      kind: 'different',
      a: coredump('web-a', 4411, '_ZN4Cart5totalEv', '3a1c2'),
      b: coredump('web-a', 4411, '_ZN5Order6submitEv', '3a1c2'),
    },
  ],
};

// ---------------------------------------------------------------- kernel

function oom(
  host: string,
  up: string,
  pid: number,
  comm: string,
  unit: string,
  vm: number,
  rss: number,
): string {
  const k = (m: string): string => rs('1', '10:00:00', host, 'kernel', `[${up}] ${m}`);
  return log(
    k(
      `${comm} invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0`,
    ),
    k(`CPU: 2 PID: ${pid} Comm: ${comm} Not tainted 5.15.0-105-generic #115-Ubuntu`),
    k('Hardware name: Amazon EC2 m5.xlarge/, BIOS 1.0 10/16/2017'),
    k('Mem-Info:'),
    k(
      `oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/${unit},task=${comm},pid=${pid},uid=998`,
    ),
    k(
      `Out of memory: Killed process ${pid} (${comm}) total-vm:${vm}kB, anon-rss:${rss}kB, file-rss:0kB, shmem-rss:0kB, UID:998 pgtables:14560kB oom_score_adj:0`,
    ),
  );
}

function nullDeref(
  host: string,
  up: string,
  cpu: number,
  pid: number,
  fn: string,
  mod: string,
  addr: string,
): string {
  const k = (m: string): string => rs('1', '10:00:00', host, 'kernel', `[${up}] ${m}`);
  return log(
    k(`BUG: kernel NULL pointer dereference, address: ${addr}`),
    k('#PF: supervisor read access in kernel mode'),
    k('#PF: error_code(0x0000) - not-present page'),
    k('PGD 0 P4D 0 '),
    k('Oops: 0000 [#1] PREEMPT SMP NOPTI'),
    k(
      `CPU: ${cpu} PID: ${pid} Comm: kworker/u16:${cpu} Tainted: G           OE      6.1.0-18-amd64 #1  Debian 6.1.76-1`,
    ),
    k('Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.2-debian-1.16.2-1 04/01/2014'),
    k(`RIP: 0010:${fn}+0x1a/0x60 [${mod}]`),
    k('Call Trace:'),
    k(' <TASK>'),
    k(' ? __die+0x23/0x70'),
    k(' ? page_fault_oops+0x171/0x4e0'),
    k(` ${fn}+0x1a/0x60 [${mod}]`),
    k(' process_one_work+0x1c7/0x380'),
    k(' worker_thread+0x4d/0x380'),
    k(' kthread+0xe8/0x120'),
    k(' </TASK>'),
    k('---[ end trace 0000000000000000 ]---'),
  );
}

function hung(host: string, up: string, task: string, pid: number, frames: string[]): string {
  const k = (m: string): string => rs('1', '10:00:00', host, 'kernel', `[${up}] ${m}`);
  return log(
    k(`INFO: task ${task}:${pid} blocked for more than 120 seconds.`),
    k('      Not tainted 5.15.0-105-generic #115-Ubuntu'),
    k('"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.'),
    k(
      `task:${task.padEnd(15)} state:D stack:    0 pid:${String(pid).padStart(5)} ppid:     2 flags:0x00004000`,
    ),
    k('Call Trace:'),
    k(' <TASK>'),
    k(' __schedule+0x2cd/0x890'),
    k(' schedule+0x69/0x110'),
    k(' io_schedule+0x46/0x80'),
    ...frames.map((f) => k(` ${f}`)),
    k(' </TASK>'),
  );
}

function mediumError(host: string, up: string, tag: number, sector: number): string {
  const k = (m: string): string => rs('1', '10:00:00', host, 'kernel', `[${up}] ${m}`);
  return log(
    k(`sd 2:0:0:0: [sdb] tag#${tag} FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_OK cmd_age=3s`),
    k(`sd 2:0:0:0: [sdb] tag#${tag} Sense Key : Medium Error [current] `),
    k(`sd 2:0:0:0: [sdb] tag#${tag} Add. Sense: Unrecovered read error - auto reallocate failed`),
    k(`sd 2:0:0:0: [sdb] tag#${tag} CDB: Read(16) 88 00 00 00 00 00 1d 1c 5e 00 00 00 00 08 00 00`),
    k(`I/O error, dev sdb, sector ${sector} op 0x0:(READ) flags 0x0 phys_seg 1 prio class 2`),
  );
}

export const kernel: PairFormat = {
  format: 'Linux kernel (syslog)',
  pairs: [
    {
      name: 'OOM killer with its preamble, other host, pid, uptime and sizes',
      kind: 'same',
      a: oom('app-1', '812345.100001', 4411, 'java', 'orders-api.service', 9123456, 7012345),
      b: oom('app-7', '1204.998100', 77, 'java', 'orders-api.service', 8999000, 6900111),
    },
    {
      name: 'OOM killer: java vs postgres killed',
      kind: 'different',
      a: oom('app-1', '812345.100001', 4411, 'java', 'orders-api.service', 9123456, 7012345),
      b: oom('app-1', '812345.100001', 4411, 'postgres', 'postgresql.service', 9123456, 7012345),
    },
    {
      name: 'NULL pointer dereference oops, other CPU, pid, uptime and address',
      kind: 'same',
      a: nullDeref('nfs-2', ' 5123.456789', 5, 4411, 'nfs_pgio_release', 'nfs', '0000000000000010'),
      b: nullDeref('nfs-4', '90211.000120', 1, 87, 'nfs_pgio_release', 'nfs', '0000000000000010'),
    },
    {
      name: 'NULL pointer dereference oops in two functions',
      kind: 'different',
      a: nullDeref('nfs-2', ' 5123.456789', 5, 4411, 'nfs_pgio_release', 'nfs', '0000000000000010'),
      b: nullDeref('nfs-2', ' 5123.456789', 5, 4411, 'mlx5e_napi_poll', 'mlx5_core', '0000000000000010'),
    },
    {
      name: 'hung task, other host, pid and uptime',
      kind: 'same',
      a: hung('db-1', ' 9876.543210', 'jbd2/dm-0-8', 412, [
        'jbd2_journal_commit_transaction+0x2fd/0x1a10',
        'kjournald2+0xb4/0x280',
      ]),
      b: hung('db-3', '40211.000001', 'jbd2/dm-0-8', 398, [
        'jbd2_journal_commit_transaction+0x2fd/0x1a10',
        'kjournald2+0xb4/0x280',
      ]),
    },
    {
      name: 'hung task: the journal thread vs mysqld in fsync',
      kind: 'different',
      a: hung('db-1', ' 9876.543210', 'jbd2/dm-0-8', 412, [
        'jbd2_journal_commit_transaction+0x2fd/0x1a10',
        'kjournald2+0xb4/0x280',
      ]),
      b: hung('db-1', ' 9876.543210', 'mysqld', 4411, [
        'jbd2_log_wait_commit+0xac/0x120',
        'ext4_sync_file+0x15e/0x3a0',
        '__x64_sys_fsync+0x3b/0x70',
      ]),
    },
    {
      name: 'EXT4-fs error on one device, other inode and process that hit it',
      kind: 'same',
      a: log(
        rs(
          '1',
          '10:00:00',
          'web-a',
          'kernel',
          '[100.000000] EXT4-fs error (device sda1): ext4_lookup:1855: inode #1310722: comm nginx: deleted inode referenced: 1312345',
        ),
        rs(
          '1',
          '10:00:00',
          'web-a',
          'kernel',
          '[100.000100] EXT4-fs (sda1): Remounting filesystem read-only',
        ),
      ),
      b: log(
        rs(
          '3',
          '22:10:00',
          'web-a',
          'kernel',
          '[7100.000000] EXT4-fs error (device sda1): ext4_lookup:1855: inode #1441800: comm php-fpm8.2: deleted inode referenced: 1442000',
        ),
        rs(
          '3',
          '22:10:00',
          'web-a',
          'kernel',
          '[7100.000100] EXT4-fs (sda1): Remounting filesystem read-only',
        ),
      ),
    },
    {
      name: 'disk medium error, other SCSI tag and sector',
      kind: 'same',
      a: mediumError('nas-1', '100200.123456', 18, 488398336),
      b: mediumError('nas-1', '100990.000001', 3, 12001280),
    },
    {
      name: 'disk: unrecovered read error vs SATA link frozen on flush',
      kind: 'different',
      a: mediumError('nas-1', '100200.123456', 18, 488398336),
      b: log(
        rs(
          '1',
          '10:00:00',
          'nas-1',
          'kernel',
          '[100200.123456] ata3.00: exception Emask 0x0 SAct 0x0 SErr 0x0 action 0x6 frozen',
        ),
        rs('1', '10:00:00', 'nas-1', 'kernel', '[100200.123470] ata3.00: failed command: FLUSH CACHE EXT'),
        rs(
          '1',
          '10:00:00',
          'nas-1',
          'kernel',
          '[100200.123480] ata3.00: cmd ea/00:00:00:00:00/00:00:00:00:00/a0 tag 21',
        ),
        rs(
          '1',
          '10:00:00',
          'nas-1',
          'kernel',
          '[100200.123490]          res 40/00:00:00:00:00/00:00:00:00:00/00 Emask 0x4 (timeout)',
        ),
        rs('1', '10:00:00', 'nas-1', 'kernel', '[100200.123500] ata3.00: status: { DRDY }'),
        rs('1', '10:00:00', 'nas-1', 'kernel', '[100200.123510] ata3: hard resetting link'),
      ),
    },
    {
      name: 'NFS server not responding, other time and uptime',
      kind: 'same',
      a: log(
        rs(
          '1',
          '10:00:00',
          'app-1',
          'kernel',
          '[812345.100001] nfs: server nas01 not responding, still trying',
        ),
        rs('1', '10:03:10', 'app-1', 'kernel', '[812535.000001] nfs: server nas01 OK'),
      ),
      b: log(
        rs(
          '9',
          '02:10:00',
          'app-1',
          'kernel',
          '[1500000.200000] nfs: server nas01 not responding, still trying',
        ),
        rs('9', '02:11:40', 'app-1', 'kernel', '[1500100.000001] nfs: server nas01 OK'),
      ),
    },
    {
      name: 'soft lockup, other CPU, duration and task',
      kind: 'same',
      a: log(
        rs(
          '1',
          '10:00:00',
          'app-1',
          'kernel',
          '[ 3456.789012] watchdog: BUG: soft lockup - CPU#3 stuck for 23s! [kworker/3:1:4411]',
        ),
      ),
      b: log(
        rs(
          '2',
          '11:00:00',
          'app-2',
          'kernel',
          '[ 9999.000001] watchdog: BUG: soft lockup - CPU#7 stuck for 22s! [kworker/7:2:99]',
        ),
      ),
    },
    {
      name: 'AppArmor denial, other pid and audit serial',
      kind: 'same',
      a: log(
        rs(
          '1',
          '10:00:00',
          'db-1',
          'kernel',
          '[ 4321.000001] audit: type=1400 audit(1714557600.123:456): apparmor="DENIED" operation="open" class="file" profile="/usr/sbin/mysqld" name="/data/mysql/ibdata1" pid=4411 comm="mysqld" requested_mask="r" denied_mask="r" fsuid=999 ouid=999',
        ),
      ),
      b: log(
        rs(
          '2',
          '08:30:00',
          'db-1',
          'kernel',
          '[90001.000001] audit: type=1400 audit(1714638600.777:9812): apparmor="DENIED" operation="open" class="file" profile="/usr/sbin/mysqld" name="/data/mysql/ibdata1" pid=77 comm="mysqld" requested_mask="r" denied_mask="r" fsuid=999 ouid=999',
        ),
      ),
    },
    {
      name: 'AppArmor denial: mysqld profile vs nginx profile',
      kind: 'different',
      a: log(
        rs(
          '1',
          '10:00:00',
          'db-1',
          'kernel',
          '[ 4321.000001] audit: type=1400 audit(1714557600.123:456): apparmor="DENIED" operation="open" class="file" profile="/usr/sbin/mysqld" name="/data/mysql/ibdata1" pid=4411 comm="mysqld" requested_mask="r" denied_mask="r" fsuid=999 ouid=999',
        ),
      ),
      b: log(
        rs(
          '1',
          '10:00:00',
          'db-1',
          'kernel',
          '[ 4321.000001] audit: type=1400 audit(1714557600.123:456): apparmor="DENIED" operation="open" class="file" profile="/usr/sbin/nginx" name="/srv/www/index.html" pid=4411 comm="nginx" requested_mask="r" denied_mask="r" fsuid=33 ouid=0',
        ),
      ),
    },
  ],
};

// ---------------------------------------------------------------- Apache httpd 2.4

const apacheStart =
  '[Wed May 01 09:59:58.000001 2024] [mpm_event:notice] [pid 1:tid 140234000] AH00489: Apache/2.4.58 (Unix) configured -- resuming normal operations';

export const apache: PairFormat = {
  format: 'Apache httpd error_log',
  pairs: [
    {
      name: 'AH00124 internal redirect loop, other client, pid and tid',
      kind: 'same',
      a: log(
        apacheStart,
        "[Wed May 01 10:00:00.123456 2024] [core:error] [pid 4411:tid 140234117] [client 203.0.113.7:55012] AH00124: Request exceeded the limit of 10 internal redirects due to probable configuration error. Use 'LimitInternalRecursion' to increase the limit if necessary. Use 'LogLevel debug' to get a backtrace.",
      ),
      b: log(
        apacheStart,
        "[Thu May 02 17:12:44.900001 2024] [core:error] [pid 98:tid 139887001] [client 198.51.100.23:41000] AH00124: Request exceeded the limit of 10 internal redirects due to probable configuration error. Use 'LimitInternalRecursion' to increase the limit if necessary. Use 'LogLevel debug' to get a backtrace., referer: https://shop.example.com/",
      ),
    },
    {
      name: 'AH00124 redirect loop vs AH01630 denied by configuration',
      kind: 'different',
      a: log(
        "[Wed May 01 10:00:00.123456 2024] [core:error] [pid 4411:tid 140234117] [client 203.0.113.7:55012] AH00124: Request exceeded the limit of 10 internal redirects due to probable configuration error. Use 'LimitInternalRecursion' to increase the limit if necessary. Use 'LogLevel debug' to get a backtrace.",
      ),
      b: log(
        '[Wed May 01 10:00:00.123456 2024] [authz_core:error] [pid 4411:tid 140234117] [client 203.0.113.7:55012] AH01630: client denied by server configuration: /usr/local/apache2/htdocs/server-status',
      ),
    },
    {
      name: 'child exited on SIGSEGV (AH00052), other child pid',
      kind: 'same',
      a: log(
        apacheStart,
        '[Wed May 01 10:05:00.000001 2024] [core:notice] [pid 1:tid 140234000] AH00052: child pid 4412 exit signal Segmentation fault (11)',
      ),
      b: log(
        apacheStart,
        '[Sat May 04 03:15:27.441000 2024] [core:notice] [pid 1:tid 140234000] AH00052: child pid 97 exit signal Segmentation fault (11)',
      ),
    },
    {
      name: 'child exit signal: Segmentation fault (11) vs Aborted (6)',
      kind: 'different',
      a: log(
        '[Wed May 01 10:05:00.000001 2024] [core:notice] [pid 1:tid 140234000] AH00052: child pid 4412 exit signal Segmentation fault (11)',
      ),
      b: log(
        '[Wed May 01 10:05:00.000001 2024] [core:notice] [pid 1:tid 140234000] AH00052: child pid 4412 exit signal Aborted (6)',
      ),
    },
    {
      name: 'mod_php memory exhausted, other client, allocation and referer',
      kind: 'same',
      a: log(
        '[Wed May 01 10:06:00.100000 2024] [php:error] [pid 4411] [client 203.0.113.7:55012] PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /var/www/shop/vendor/guzzlehttp/psr7/src/Stream.php on line 94, referer: https://shop.example.com/cart',
      ),
      b: log(
        '[Fri May 03 08:01:13.000200 2024] [php:error] [pid 88] [client 198.51.100.23:41000] PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 4096 bytes) in /var/www/shop/vendor/guzzlehttp/psr7/src/Stream.php on line 94, referer: https://shop.example.com/checkout?step=2',
      ),
    },
    {
      name: 'ssl:emerg: key mismatch (AH02565) vs no certificate configured (AH02572)',
      kind: 'different',
      a: log(
        '[Wed May 01 10:07:00.000001 2024] [ssl:emerg] [pid 1:tid 140234000] AH02565: Certificate and private key shop.example.com:443:0 from /etc/ssl/shop.crt and /etc/ssl/shop.key do not match',
        '[Wed May 01 10:07:00.000002 2024] [ssl:emerg] [pid 1:tid 140234000] AH02312: Fatal error initialising mod_ssl, exiting.',
      ),
      b: log(
        '[Wed May 01 10:07:00.000001 2024] [ssl:emerg] [pid 1:tid 140234000] AH02572: Failed to configure at least one certificate and key for shop.example.com:443',
        '[Wed May 01 10:07:00.000002 2024] [ssl:emerg] [pid 1:tid 140234000] AH02312: Fatal error initialising mod_ssl, exiting.',
      ),
    },
  ],
};

// ---------------------------------------------------------------- HAProxy / Envoy / Traefik

const haproxyLine = (
  t: string,
  client: string,
  backend: string,
  timers: string,
  status: number,
  bytes: number,
  state: string,
  conns: string,
  path: string,
): string =>
  rs(
    '1',
    t,
    'lb-1',
    'haproxy[4411]',
    `${client} [01/May/2024:${t}.123] fe_https~ ${backend} ${timers} ${status} ${bytes} - - ${state} ${conns} 0/0 "GET ${path} HTTP/1.1"`,
  );

function envoyStream(time: string, thread: number, ago: string, reason: string): string {
  return log(
    `[2024-05-01 ${time}.001][1][info][upstream] [source/common/upstream/cds_api_helper.cc:32] cds: add 3 cluster(s), remove 0 cluster(s)`,
    `[2024-05-01 ${time}.123][${thread}][warning][config] [./source/extensions/config_subscription/grpc/grpc_stream.h:152] StreamAggregatedResources gRPC config stream to xds_cluster closed since ${ago} ago: ${reason}`,
  );
}

function traefikAccess(
  client: string,
  port: number,
  ms: number,
  path: string,
  count: number,
  time: string,
): Record<string, unknown> {
  return {
    ClientAddr: `${client}:${port}`,
    ClientHost: client,
    ClientPort: String(port),
    DownstreamContentSize: 11,
    DownstreamStatus: 502,
    Duration: ms * 1000000,
    OriginContentSize: 0,
    OriginDuration: ms * 1000000 - 120000,
    OriginStatus: 0,
    Overhead: 120000,
    RequestAddr: 'shop.example.com',
    RequestContentSize: 0,
    RequestCount: count,
    RequestHost: 'shop.example.com',
    RequestMethod: 'GET',
    RequestPath: path,
    RequestPort: '-',
    RequestProtocol: 'HTTP/2.0',
    RequestScheme: 'https',
    RetryAttempts: 0,
    RouterName: 'orders@docker',
    ServiceAddr: '10.0.1.17:8080',
    ServiceName: 'orders@docker',
    ServiceURL: 'http://10.0.1.17:8080',
    StartLocal: `${time}.123456789Z`,
    StartUTC: `${time}.123456789Z`,
    entryPointName: 'websecure',
    level: 'info',
    msg: '',
    time: `${time}Z`,
  };
}

export const proxies: PairFormat = {
  format: 'HAProxy / Envoy / Traefik',
  pairs: [
    {
      name: 'HAProxy http log: 503 <NOSRV> SC--, other client, time and counters',
      kind: 'same',
      a: log(
        haproxyLine(
          '10:00:00',
          '198.51.100.4:41000',
          'be_orders/app1',
          '0/0/1/12/13',
          200,
          1432,
          '----',
          '810/790/3/1/0',
          '/api/orders',
        ),
        haproxyLine(
          '10:00:01',
          '203.0.113.7:55012',
          'be_orders/<NOSRV>',
          '0/-1/-1/-1/0',
          503,
          217,
          'SC--',
          '812/790/0/0/0',
          '/api/orders/8812',
        ),
      ),
      b: log(
        haproxyLine(
          '21:14:07',
          '198.51.100.23:3321',
          'be_orders/<NOSRV>',
          '0/-1/-1/-1/1',
          503,
          217,
          'SC--',
          '44/40/0/0/0',
          '/api/orders/90',
        ),
      ),
    },
    {
      name: 'HAProxy http log: 503 no server (SC--) vs 504 server timeout (sH--)',
      kind: 'different',
      a: log(
        haproxyLine(
          '10:00:01',
          '203.0.113.7:55012',
          'be_orders/<NOSRV>',
          '0/-1/-1/-1/0',
          503,
          217,
          'SC--',
          '812/790/0/0/0',
          '/api/orders/8812',
        ),
      ),
      b: log(
        haproxyLine(
          '10:00:01',
          '203.0.113.7:55012',
          'be_orders/app2',
          '0/0/1/-1/30001',
          504,
          194,
          'sH--',
          '812/790/5/2/0',
          '/api/orders/8812',
        ),
      ),
    },
    {
      name: 'Envoy: xDS stream closed (unavailable), other thread and age',
      kind: 'same',
      a: envoyStream(
        '10:00:00',
        14,
        '63s',
        '14, upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111',
      ),
      b: envoyStream(
        '18:22:41',
        9,
        '7s',
        '14, upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111',
      ),
    },
    {
      name: 'Envoy: xDS stream closed: unavailable vs unauthenticated',
      kind: 'different',
      a: envoyStream(
        '10:00:00',
        14,
        '63s',
        '14, upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111',
      ),
      b: envoyStream('10:00:00', 14, '63s', '16, Jwt is expired'),
    },
    {
      name: 'Traefik JSON: missing middleware, on two routers and times',
      kind: 'same',
      a: ndjson(
        { level: 'info', msg: 'Configuration loaded from flags.', time: '2024-05-01T09:59:58Z' },
        {
          entryPointName: 'websecure',
          level: 'error',
          msg: 'middleware "auth@file" does not exist',
          routerName: 'orders@docker',
          time: '2024-05-01T10:00:00Z',
        },
      ),
      b: ndjson({
        entryPointName: 'web',
        level: 'error',
        msg: 'middleware "auth@file" does not exist',
        routerName: 'billing@docker',
        time: '2024-05-03T18:00:12Z',
      }),
    },
    {
      name: 'Traefik JSON: two missing middlewares',
      kind: 'different',
      a: ndjson({
        entryPointName: 'websecure',
        level: 'error',
        msg: 'middleware "auth@file" does not exist',
        routerName: 'orders@docker',
        time: '2024-05-01T10:00:00Z',
      }),
      b: ndjson({
        entryPointName: 'websecure',
        level: 'error',
        msg: 'middleware "ratelimit@file" does not exist',
        routerName: 'orders@docker',
        time: '2024-05-01T10:00:00Z',
      }),
    },
    {
      name: 'Traefik JSON access log: 502 from one router, other client, duration and path',
      kind: 'same',
      a: ndjson(traefikAccess('203.0.113.7', 55012, 3001, '/api/orders/8812', 8812, '2024-05-01T10:00:00')),
      b: ndjson(traefikAccess('198.51.100.23', 41000, 2999, '/api/orders/90', 17, '2024-05-02T07:30:11')),
    },
  ],
};

// ---------------------------------------------------------------- Redis

export const redis: PairFormat = {
  format: 'Redis (server and clients)',
  pairs: [
    {
      name: "Redis: can't fork for BGSAVE, other pid and time",
      kind: 'same',
      a: log(
        '4411:M 01 May 2024 10:00:00.001 * 10000 changes in 60 seconds. Saving...',
        "4411:M 01 May 2024 10:00:00.002 # Can't save in background: fork: Cannot allocate memory",
        '4411:M 01 May 2024 10:00:06.010 * 10000 changes in 60 seconds. Saving...',
        "4411:M 01 May 2024 10:00:06.011 # Can't save in background: fork: Cannot allocate memory",
      ),
      b: log(
        '1:M 14 Jun 2024 02:30:00.501 * 100 changes in 300 seconds. Saving...',
        "1:M 14 Jun 2024 02:30:00.503 # Can't save in background: fork: Cannot allocate memory",
      ),
    },
    {
      name: "Redis: can't fork vs background save killed by signal 9",
      kind: 'different',
      a: log(
        '4411:M 01 May 2024 10:00:00.001 * 10000 changes in 60 seconds. Saving...',
        "4411:M 01 May 2024 10:00:00.002 # Can't save in background: fork: Cannot allocate memory",
      ),
      b: log(
        '4411:M 01 May 2024 10:00:00.001 * 10000 changes in 60 seconds. Saving...',
        '4411:M 01 May 2024 10:00:00.002 * Background saving started by pid 4520',
        '4411:M 01 May 2024 10:00:09.310 # Background saving terminated by signal 9',
      ),
    },
    {
      name: 'Sentinel: master down vs replica down',
      kind: 'different',
      a: log('1:X 01 May 2024 10:00:00.123 # +sdown master mymaster 10.0.0.5 6379'),
      b: log(
        '1:X 01 May 2024 10:00:00.123 # +sdown slave 10.0.0.6:6379 10.0.0.6 6379 @ mymaster 10.0.0.5 6379',
      ),
    },
    {
      name: 'app log: Redis refused a write, MISCONF vs OOM',
      kind: 'different',
      a: log(
        "2024/05/01 10:00:00 cache: SET cart:8812 failed: MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.",
      ),
      b: log(
        "2024/05/01 10:00:00 cache: SET cart:8812 failed: OOM command not allowed when used memory > 'maxmemory'.",
      ),
    },
  ],
};

// ---------------------------------------------------------------- Kafka / ZooKeeper (log4j)

function zkChannel(time: string, thread: number, ip: string): string {
  return log(
    `2024-05-01 ${time},120 [myid:1] - INFO  [QuorumPeer[myid=1](plain=0.0.0.0:2181)(secure=disabled):o.a.z.s.q.QuorumPeer@1452] - LOOKING`,
    `2024-05-01 ${time},123 [myid:1] - WARN  [QuorumConnectionThread-[myid=1]-${thread}:o.a.z.s.q.QuorumCnxManager@401] - Cannot open channel to 3 at election address zk-3.zk-hs.shop.svc.cluster.local/${ip}:3888`,
    'java.net.ConnectException: Connection refused',
    '\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)',
    '\tat java.base/sun.nio.ch.Net.pollConnectNow(Net.java:672)',
    '\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:542)',
    '\tat java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:597)',
    '\tat java.base/java.net.SocksSocketImpl.connect(SocksSocketImpl.java:327)',
    '\tat java.base/java.net.Socket.connect(Socket.java:633)',
    '\tat org.apache.zookeeper.server.quorum.QuorumCnxManager.initiateConnection(QuorumCnxManager.java:384)',
    '\tat org.apache.zookeeper.server.quorum.QuorumCnxManager$QuorumConnectionReqThread.run(QuorumCnxManager.java:458)',
    '\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)',
    '\tat java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)',
    '\tat java.base/java.lang.Thread.run(Thread.java:833)',
    `2024-05-01 ${time},125 [myid:1] - INFO  [QuorumPeer[myid=1](plain=0.0.0.0:2181)(secure=disabled):o.a.z.s.q.FastLeaderElection@979] - Notification time out: 400 ms`,
  );
}

function replicaFetcher(exception: string): string {
  return log(
    '[2024-05-01 10:00:00,100] INFO [ReplicaFetcherManager on broker 1] Added fetcher to broker 2 for partitions Map(orders-3 -> InitialFetchState(Some(Xk2pQ9aZTnWm1bY3cD4eFg),BrokerEndPoint(id=2, host=kafka-2:9092),12,88121)) (kafka.server.ReplicaFetcherManager)',
    '[2024-05-01 10:00:00,123] ERROR [ReplicaFetcher replicaId=1, leaderId=2, fetcherId=0] Error for partition orders-3 at offset 88121 (kafka.server.ReplicaFetcherThread)',
    exception,
  );
}

export const kafka: PairFormat = {
  format: 'Kafka / ZooKeeper',
  pairs: [
    {
      name: 'Kafka producer: broker connection not established, other client id, time and pod IP',
      kind: 'same',
      a: log(
        '[2024-05-01 10:00:00,001] INFO [Producer clientId=orders-producer-1] Node 2 disconnected. (org.apache.kafka.clients.NetworkClient)',
        '[2024-05-01 10:00:00,123] WARN [Producer clientId=orders-producer-1] Connection to node 2 (kafka-2.kafka-headless.shop.svc.cluster.local/10.244.1.17:9092) could not be established. Broker may not be available. (org.apache.kafka.clients.NetworkClient)',
      ),
      b: log(
        '[2024-05-02 03:41:10,900] WARN [Producer clientId=orders-producer-4] Connection to node 2 (kafka-2.kafka-headless.shop.svc.cluster.local/10.244.3.202:9092) could not be established. Broker may not be available. (org.apache.kafka.clients.NetworkClient)',
      ),
    },
    {
      name: 'Kafka replica fetcher: NotLeaderOrFollower vs UnknownTopicOrPartition',
      kind: 'different',
      a: replicaFetcher(
        'org.apache.kafka.common.errors.NotLeaderOrFollowerException: For requests intended only for the leader, this error indicates that the broker is not the current leader. For requests intended for any replica, this error indicates that the broker is not a replica of the topic partition.',
      ),
      b: replicaFetcher(
        'org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.',
      ),
    },
    {
      name: 'ZooKeeper: cannot open election channel, other thread, time and peer IP',
      kind: 'same',
      a: zkChannel('10:00:00', 3, '10.244.2.9'),
      b: zkChannel('13:21:45', 7, '10.244.0.31'),
    },
  ],
};

// ---------------------------------------------------------------- Elasticsearch

function esBreaker(node: string, breaker: string, detail: string, index: string): Record<string, unknown> {
  return {
    type: 'server',
    timestamp: '2024-05-01T10:00:00,123Z',
    level: 'WARN',
    component: 'r.suppressed',
    'cluster.name': 'logs',
    'node.name': node,
    message: `path: /${index}/_search, params: {index=${index}}`,
    'cluster.uuid': 'Xk2pQ9aZTnWm1bY3cD4eFg',
    'node.id': 'aB3dE5fG7hI9jK1lM3nO5p',
    stacktrace: [
      `org.elasticsearch.common.breaker.CircuitBreakingException: [${breaker}] Data too large, ${detail}`,
      'at org.elasticsearch.indices.breaker.HierarchyCircuitBreakerService.checkParentLimit(HierarchyCircuitBreakerService.java:460) ~[elasticsearch-7.17.18.jar:7.17.18]',
      'at org.elasticsearch.common.breaker.ChildMemoryCircuitBreaker.addEstimateBytesAndMaybeBreak(ChildMemoryCircuitBreaker.java:108) ~[elasticsearch-7.17.18.jar:7.17.18]',
      'at org.elasticsearch.transport.InboundAggregator.checkBreaker(InboundAggregator.java:215) ~[elasticsearch-7.17.18.jar:7.17.18]',
      'at org.elasticsearch.transport.InboundAggregator.finishAggregation(InboundAggregator.java:119) ~[elasticsearch-7.17.18.jar:7.17.18]',
      'at java.lang.Thread.run(Thread.java:1589) [?:?]',
    ],
  };
}

function esDisk(node: string, nodeId: string, text: string): Record<string, unknown> {
  return {
    '@timestamp': '2024-05-01T10:00:00.123Z',
    'log.level': 'WARN',
    message: text.replace('NODE', `[${nodeId}][${node}][/usr/share/elasticsearch/data]`),
    'ecs.version': '1.2.0',
    'service.name': 'ES_ECS',
    'event.dataset': 'elasticsearch.server',
    'process.thread.name': 'elasticsearch[es-master-0][management][T#2]',
    'log.logger': 'org.elasticsearch.cluster.routing.allocation.DiskThresholdMonitor',
    'elasticsearch.cluster.uuid': 'Xk2pQ9aZTnWm1bY3cD4eFg',
    'elasticsearch.node.id': 'Qw7eR9tY1uI3oP5aS7dF9g',
    'elasticsearch.node.name': 'es-master-0',
    'elasticsearch.cluster.name': 'logs',
  };
}

/** ES 7's JSON layout writes `"key": "value"` with a space after the colon. */
const esJson = (o: Record<string, unknown>): string =>
  `${JSON.stringify(o).replace(/":"/g, '": "').replace(/","/g, '", "')}\n`;

export const elasticsearch: PairFormat = {
  format: 'Elasticsearch',
  pairs: [
    {
      name: 'ES 7 JSON: parent circuit breaker tripped, other node, index and sizes',
      kind: 'same',
      a: esJson(
        esBreaker(
          'es-data-1',
          'parent',
          'data for [<http_request>] would be [16345678901/15.2gb], which is larger than the limit of [16320875724/15.1gb], real usage: [16345670000/15.2gb], new bytes reserved: [8901/8.6kb], usages [request=0/0b, fielddata=123456/120.5kb, in_flight_requests=8901/8.6kb, accounting=98765432/94.1mb]',
          'logs-2024.05.01',
        ),
      ),
      b: esJson(
        esBreaker(
          'es-data-4',
          'parent',
          'data for [<http_request>] would be [16400000012/15.2gb], which is larger than the limit of [16320875724/15.1gb], real usage: [16399990000/15.2gb], new bytes reserved: [10012/9.7kb], usages [request=4096/4kb, fielddata=99000/96.6kb, in_flight_requests=10012/9.7kb, accounting=91234567/87mb]',
          'logs-2024.06.13',
        ),
      ),
    },
    {
      name: 'ES 7 JSON: parent vs fielddata circuit breaker',
      kind: 'different',
      a: esJson(
        esBreaker(
          'es-data-1',
          'parent',
          'data for [<http_request>] would be [16345678901/15.2gb], which is larger than the limit of [16320875724/15.1gb], real usage: [16345670000/15.2gb], new bytes reserved: [8901/8.6kb], usages [request=0/0b, fielddata=123456/120.5kb, in_flight_requests=8901/8.6kb, accounting=98765432/94.1mb]',
          'logs-2024.05.01',
        ),
      ),
      b: esJson(
        esBreaker(
          'es-data-1',
          'fielddata',
          'data for [customer.keyword] would be [6543210987/6gb], which is larger than the limit of [6442450944/6gb]',
          'logs-2024.05.01',
        ),
      ),
    },
    {
      name: 'ES 8 ECS JSON: high disk watermark exceeded, other node and free space',
      kind: 'same',
      a: ndjson(
        esDisk(
          'es-data-1',
          'aB3dE5fG7hI9jK1lM3nO5p',
          'high disk watermark [90%] exceeded on NODE free: 9.1gb[8.9%], shards will be relocated away from this node; currently relocating away shards totalling [0] bytes; the node is expected to continue to exceed the high disk watermark when these relocations are complete',
        ),
      ),
      b: ndjson(
        esDisk(
          'es-data-2',
          'Zq8wE2rT4yU6iO8pA0sD2f',
          'high disk watermark [90%] exceeded on NODE free: 7.3gb[7.2%], shards will be relocated away from this node; currently relocating away shards totalling [0] bytes; the node is expected to continue to exceed the high disk watermark when these relocations are complete',
        ),
      ),
    },
    {
      name: 'ES 8 ECS JSON: high vs flood-stage disk watermark',
      kind: 'different',
      a: ndjson(
        esDisk(
          'es-data-1',
          'aB3dE5fG7hI9jK1lM3nO5p',
          'high disk watermark [90%] exceeded on NODE free: 9.1gb[8.9%], shards will be relocated away from this node; currently relocating away shards totalling [0] bytes; the node is expected to continue to exceed the high disk watermark when these relocations are complete',
        ),
      ),
      b: ndjson(
        esDisk(
          'es-data-1',
          'aB3dE5fG7hI9jK1lM3nO5p',
          'flood stage disk watermark [95%] exceeded on NODE free: 4.1gb[4.2%], all indices on this node will be marked read-only',
        ),
      ),
    },
  ],
};

// ---------------------------------------------------------------- RabbitMQ

const rmq = (t: string, level: string, pid: string, msg: string): string =>
  `2024-05-01 ${t}+00:00 [${level}] <${pid}> ${msg}`;

function rmqAlarm(node: string, used: number, t: string): string {
  return log(
    rmq(
      `${t}.123456`,
      'info',
      '0.501.0',
      `vm_memory_high_watermark set. Memory used:${used} allowed:3221225472`,
    ),
    rmq(`${t}.123500`, 'warning', '0.501.0', `memory resource limit alarm set on node '${node}'.`),
    rmq(`${t}.123500`, 'warning', '0.501.0', ''),
    rmq(`${t}.123500`, 'warning', '0.501.0', '**********************************************************'),
    rmq(`${t}.123500`, 'warning', '0.501.0', '*** Publishers will be blocked until this alarm clears ***'),
    rmq(`${t}.123500`, 'warning', '0.501.0', '**********************************************************'),
  );
}

function rmqChannel(conn: string, chan: string, peer: string, user: string, channel: number): string {
  return log(
    rmq('10:00:00.100000', 'info', conn, `accepting AMQP connection <${conn}> (${peer} -> 10.244.2.5:5672)`),
    rmq(
      '10:00:00.123456',
      'error',
      chan,
      `Channel error on connection <${conn}> (${peer} -> 10.244.2.5:5672, vhost: '/', user: '${user}'), channel ${channel}:`,
    ),
    rmq(
      '10:00:00.123456',
      'error',
      chan,
      "operation queue.declare caused a channel exception precondition_failed: inequivalent arg 'x-queue-type' for queue 'orders.created' in vhost '/': received none but current is the value 'quorum' of type 'longstr'",
    ),
  );
}

export const rabbitmq: PairFormat = {
  format: 'RabbitMQ',
  pairs: [
    {
      name: 'RabbitMQ 3.8 (lager): connection closed, reason on the next line: missed heartbeats vs client closed TCP',
      kind: 'different',
      a: log(
        '2024-05-01 10:00:00.100 [info] <0.8812.0> accepting AMQP connection <0.8812.0> (10.244.1.17:55012 -> 10.244.2.5:5672)',
        '2024-05-01 10:01:00.140 [error] <0.8812.0> closing AMQP connection <0.8812.0> (10.244.1.17:55012 -> 10.244.2.5:5672):',
        'missed heartbeats from client, timeout: 60s',
      ),
      b: log(
        '2024-05-01 10:00:00.100 [info] <0.8812.0> accepting AMQP connection <0.8812.0> (10.244.1.17:55012 -> 10.244.2.5:5672)',
        '2024-05-01 10:01:00.140 [error] <0.8812.0> closing AMQP connection <0.8812.0> (10.244.1.17:55012 -> 10.244.2.5:5672):',
        'client unexpectedly closed TCP connection',
      ),
    },
    {
      name: 'RabbitMQ 3.12: memory alarm banner, other node and memory used',
      kind: 'same',
      a: rmqAlarm('rabbit@rmq-0.rmq-nodes.shop', 3245678901, '10:00:00'),
      b: rmqAlarm('rabbit@rmq-2.rmq-nodes.shop', 3300012345, '16:45:09'),
    },
    {
      name: 'RabbitMQ 3.12: channel precondition_failed, other connection, user and channel',
      kind: 'same',
      a: rmqChannel('0.9110.0', '0.9123.0', '10.244.1.17:55012', 'orders', 1),
      b: rmqChannel('0.31337.2', '0.31350.2', '10.244.3.8:40110', 'orders-consumer', 2),
    },
  ],
};

// ---------------------------------------------------------------- etcd / CoreDNS

function etcdSlow(ts: string, took: string, key: string, resp: string): Record<string, unknown> {
  return {
    level: 'warn',
    ts,
    caller: 'etcdserver/util.go:170',
    msg: 'apply request took too long',
    took,
    'expected-duration': '100ms',
    prefix: 'read-only range ',
    request: `key:"${key}" `,
    response: resp,
  };
}

const dnsInfo =
  '[INFO] 10.244.1.17:41234 - 8812 "A IN orders.shop.svc.cluster.local. udp 47 false 512" NOERROR qr,aa,rd 106 0.000123s';

export const clusterInfra: PairFormat = {
  format: 'etcd / CoreDNS',
  pairs: [
    {
      name: 'etcd: apply request took too long, other duration, key and response',
      kind: 'same',
      a: ndjson(
        {
          level: 'info',
          ts: '2024-05-01T09:59:59.000001Z',
          caller: 'mvcc/index.go:214',
          msg: 'compact tree index',
          revision: 881211,
        },
        etcdSlow(
          '2024-05-01T10:00:00.123456Z',
          '152.123456ms',
          '/registry/pods/shop/orders-7d9c5f6b8-xk2pq',
          'range_response_count:1 size:4123',
        ),
      ),
      b: ndjson(
        etcdSlow(
          '2024-05-02T04:11:12.000777Z',
          '2.004711s',
          '/registry/leases/kube-node-lease/node-3',
          'range_response_count:1 size:512',
        ),
      ),
    },
    {
      name: 'etcd: apply request took too long vs slow fdatasync',
      kind: 'different',
      a: ndjson(
        etcdSlow(
          '2024-05-01T10:00:00.123456Z',
          '152.123456ms',
          '/registry/pods/shop/orders-7d9c5f6b8-xk2pq',
          'range_response_count:1 size:4123',
        ),
      ),
      b: ndjson({
        level: 'warn',
        ts: '2024-05-01T10:00:00.123456Z',
        caller: 'wal/wal.go:805',
        msg: 'slow fdatasync',
        took: '1.234567s',
        'expected-duration': '1s',
      }),
    },
    {
      name: 'CoreDNS: upstream i/o timeout, other query name, count and source port',
      kind: 'same',
      a: log(
        dnsInfo,
        '[ERROR] plugin/errors: 2 api.stripe.com. A: read udp 10.244.0.12:41234->10.0.0.2:53: i/o timeout',
      ),
      b: log(
        '[ERROR] plugin/errors: 5 registry-1.docker.io. A: read udp 10.244.0.12:55890->10.0.0.2:53: i/o timeout',
        dnsInfo,
      ),
    },
    {
      name: 'CoreDNS: upstream i/o timeout vs connection refused',
      kind: 'different',
      a: log(
        '[ERROR] plugin/errors: 2 api.stripe.com. A: read udp 10.244.0.12:41234->10.0.0.2:53: i/o timeout',
      ),
      b: log(
        '[ERROR] plugin/errors: 2 api.stripe.com. A: read udp 10.244.0.12:41234->10.0.0.2:53: read: connection refused',
      ),
    },
  ],
};

// ---------------------------------------------------------------- Docker daemon

const dockerBind = (ts: string, cid: string, eid: string, port: number): string =>
  `time="${ts}" level=error msg="Handler for POST /v1.43/containers/${cid}/start returned error: driver failed programming external connectivity on endpoint shop-web-1 (${eid}): Bind for 0.0.0.0:${port} failed: port is already allocated"`;

export const docker: PairFormat = {
  format: 'Docker daemon',
  pairs: [
    {
      name: 'dockerd: port already allocated, other container, endpoint id and time',
      kind: 'same',
      a: log(
        'time="2024-05-01T10:00:00.000111222Z" level=info msg="ignoring event" container=4f2c1a9e8b7d module=libcontainerd namespace=moby topic=/tasks/delete type="*events.TaskDelete"',
        dockerBind(
          '2024-05-01T10:00:00.123456789Z',
          '4f2c1a9e8b7d',
          '8f2c1a9e8b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e',
          8080,
        ),
      ),
      b: log(
        dockerBind(
          '2024-05-04T22:01:09.000000001Z',
          'e0b9d8c7a6f5',
          '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809',
          8080,
        ),
      ),
    },
    {
      name: 'dockerd: port already allocated vs read-only mount source',
      kind: 'different',
      a: log(
        dockerBind(
          '2024-05-01T10:00:00.123456789Z',
          '4f2c1a9e8b7d',
          '8f2c1a9e8b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e',
          8080,
        ),
      ),
      b: log(
        'time="2024-05-01T10:00:00.123456789Z" level=error msg="Handler for POST /v1.43/containers/4f2c1a9e8b7d/start returned error: error while creating mount source path \'/srv/shop/uploads\': mkdir /srv/shop/uploads: read-only file system"',
      ),
    },
  ],
};

// ---------------------------------------------------------------- HashiCorp (hclog)

const nomadPull = (ts: string, alloc: string): string =>
  `${ts} [ERROR] client.alloc_runner.task_runner: running driver failed: alloc_id=${alloc} task=web error="Failed to pull \`registry.example.com/shop/web:1.4.2\`: Error response from daemon: manifest for registry.example.com/shop/web:1.4.2 not found: manifest unknown: manifest unknown"`;

export const hashicorp: PairFormat = {
  format: 'Consul / Vault / Nomad (hclog)',
  pairs: [
    {
      name: 'Consul: RPC failed, no cluster leader, other server and time',
      kind: 'same',
      a: log(
        '2024-05-01T10:00:00.001Z [INFO]  agent: Synced node info',
        '2024-05-01T10:00:00.123Z [ERROR] agent.client: RPC failed to server: method=Catalog.Register server=10.0.0.5:8300 error="rpc error making call: No cluster leader"',
        '2024-05-01T10:00:00.124Z [ERROR] agent.anti_entropy: failed to sync remote state: error="No cluster leader"',
      ),
      b: log(
        '2024-05-02T07:12:45.987Z [ERROR] agent.client: RPC failed to server: method=Catalog.Register server=10.0.0.6:8300 error="rpc error making call: No cluster leader"',
        '2024-05-02T07:12:45.988Z [ERROR] agent.anti_entropy: failed to sync remote state: error="No cluster leader"',
      ),
    },
    {
      name: 'Consul: RPC failed, no cluster leader vs ACL not found',
      kind: 'different',
      a: log(
        '2024-05-01T10:00:00.123Z [ERROR] agent.client: RPC failed to server: method=Catalog.Register server=10.0.0.5:8300 error="rpc error making call: No cluster leader"',
      ),
      b: log(
        '2024-05-01T10:00:00.123Z [ERROR] agent.client: RPC failed to server: method=Catalog.Register server=10.0.0.5:8300 error="rpc error making call: ACL not found"',
      ),
    },
    {
      name: 'Vault: lease revocation failed, other lease id, time and backend address',
      kind: 'same',
      a: log(
        '2024-05-01T10:00:00.123Z [ERROR] expiration: failed to revoke lease: lease_id=database/creds/orders-ro/Xk2pQ9aZTnWm1bY3cD4eFg1 error="failed to revoke entry: resp: (*logical.Response)(nil) err: error verifying connection: dial tcp 10.0.0.30:5432: connect: connection refused"',
      ),
      b: log(
        '2024-05-03T21:40:02.456Z [ERROR] expiration: failed to revoke lease: lease_id=database/creds/orders-ro/pQ4rS6tU8vW0xY2zA4bC6d7 error="failed to revoke entry: resp: (*logical.Response)(nil) err: error verifying connection: dial tcp 10.0.0.31:5432: connect: connection refused"',
      ),
    },
    {
      name: 'Nomad: task driver failed, manifest unknown, other alloc and time',
      kind: 'same',
      a: log(nomadPull('2024-05-01T10:00:00.123Z', '4f2c1a9e-8b7d-6c5e-4f3a-2b1c0d9e8f7a')),
      b: log(nomadPull('2024-05-01T10:04:31.870Z', 'a7f8e9d0-1c2b-4a3d-9e8f-7a6b5c4d3e2f')),
    },
    {
      name: 'Nomad: task driver failed, manifest unknown vs container name in use',
      kind: 'different',
      a: log(nomadPull('2024-05-01T10:00:00.123Z', '4f2c1a9e-8b7d-6c5e-4f3a-2b1c0d9e8f7a')),
      b: log(
        '2024-05-01T10:00:00.123Z [ERROR] client.alloc_runner.task_runner: running driver failed: alloc_id=4f2c1a9e-8b7d-6c5e-4f3a-2b1c0d9e8f7a task=web error="failed to create container: Error response from daemon: Conflict. The container name \\"/web-4f2c1a9e-8b7d-6c5e-4f3a-2b1c0d9e8f7a\\" is already in use by container \\"8f2c1a9e8b7d\\". You have to remove (or rename) that container to be able to reuse that name."',
      ),
    },
  ],
};

// ---------------------------------------------------------------- Prometheus / Alertmanager / Grafana

const promRule = (ts: string, index: number, err: string): string =>
  `ts=${ts} caller=manager.go:677 level=warn component="rule manager" file=/etc/prometheus/rules/orders.yml group=orders name=OrdersErrorRate index=${index} msg="Evaluating rule failed" err="${err}"`;

const grafana = (t: string, user: number, uname: string, status: number, ms: number): string =>
  `logger=context userId=${user} orgId=1 uname=${uname} t=${t} level=error msg="Request Completed" method=POST path=/api/ds/query status=${status} remote_addr=10.244.1.${user} time_ms=${ms} duration=${ms}.123456ms size=112 referer="https://grafana.example.com/d/aB3dE5f/orders?orgId=1" handler=/api/ds/query status_source=downstream`;

export const monitoring: PairFormat = {
  format: 'Prometheus / Alertmanager / Grafana',
  pairs: [
    {
      name: 'Prometheus: rule evaluation timed out, other time and index',
      kind: 'same',
      a: log(
        'ts=2024-05-01T09:59:00.000Z caller=head.go:1300 level=info component=tsdb msg="Head GC completed" caller=truncateMemory duration=12.345ms',
        promRule('2024-05-01T10:00:00.123Z', 3, 'query timed out in expression evaluation'),
      ),
      b: log(promRule('2024-05-03T11:30:30.001Z', 3, 'query timed out in expression evaluation')),
    },
    {
      name: 'Prometheus: rule evaluation timed out vs many-to-many matching',
      kind: 'different',
      a: log(promRule('2024-05-01T10:00:00.123Z', 3, 'query timed out in expression evaluation')),
      b: log(
        promRule(
          '2024-05-01T10:00:00.123Z',
          3,
          'found duplicate series for the match group {instance=\\"10.0.0.5:9100\\"} on the right hand-side of the operation: [{instance=\\"10.0.0.5:9100\\", job=\\"node\\"}, {instance=\\"10.0.0.5:9100\\", job=\\"node-exporter\\"}];many-to-many matching not allowed: matching labels must be unique on one side',
        ),
      ),
    },
    {
      name: 'Alertmanager: Slack notify failed, other alert count and time',
      kind: 'same',
      a: log(
        'ts=2024-05-01T10:00:00.123Z caller=dispatch.go:353 level=error component=dispatcher msg="Notify for alerts failed" num_alerts=2 err="slack-critical/slack[0]: notify retry canceled due to unrecoverable error after 1 attempts: channel \\"#alerts-critical\\": unexpected status code 404: no_service"',
      ),
      b: log(
        'ts=2024-05-02T00:15:00.777Z caller=dispatch.go:353 level=error component=dispatcher msg="Notify for alerts failed" num_alerts=7 err="slack-critical/slack[0]: notify retry canceled due to unrecoverable error after 1 attempts: channel \\"#alerts-critical\\": unexpected status code 404: no_service"',
      ),
    },
    {
      name: 'Grafana: request completed with 500, other user, address and duration',
      kind: 'same',
      a: log(grafana('2024-05-01T10:00:00.123456789Z', 3, 'alice', 500, 30012)),
      b: log(grafana('2024-05-02T14:22:01.000000001Z', 17, 'bob', 500, 29998)),
    },
    {
      name: 'Grafana: request completed with 500 vs 502',
      kind: 'different',
      a: log(grafana('2024-05-01T10:00:00.123456789Z', 3, 'alice', 500, 30012)),
      b: log(grafana('2024-05-01T10:00:00.123456789Z', 3, 'alice', 502, 30012)),
    },
  ],
};

// ---------------------------------------------------------------- MinIO / Cassandra

function minio(time: string, deployment: string, error: string, api = 'SYSTEM()'): string {
  return log(
    `API: ${api}`,
    `Time: ${time} UTC 05/01/2024`,
    `DeploymentID: ${deployment}`,
    `Error: ${error}`,
    '       4: internal/logger/logger.go:259:logger.LogIf()',
    '       3: cmd/erasure-object.go:611:cmd.erasureObjects.getObjectInfo()',
    '       2: cmd/erasure-server-pool.go:1054:cmd.(*erasureServerPools).GetObjectInfo()',
    '       1: cmd/object-handlers.go:421:cmd.objectAPIHandlers.GetObjectHandler()',
    '',
  );
}

const tombstoneWarn = (thread: number, live: number, cells: number, customer: number): string =>
  `WARN  [ReadStage-${thread}] 2024-05-01 10:00:00,123 ReadCommand.java:612 - Read ${live} live rows and ${cells} tombstone cells for query SELECT * FROM shop.orders WHERE customer_id = ${customer} LIMIT 5000; token -4069959284402364209 (see tombstone_warn_threshold)`;

export const storage: PairFormat = {
  format: 'MinIO / Cassandra',
  pairs: [
    {
      name: 'MinIO: node marked offline, other time, deployment and pod IP',
      kind: 'same',
      a: minio(
        '10:00:00',
        '4f2c1a9e-8b7d-4c5e-9f3a-2b1c0d9e8f7a',
        'Marking http://minio-2.minio-svc.shop.svc.cluster.local:9000/export temporary offline; caused by Post "http://minio-2.minio-svc.shop.svc.cluster.local:9000/minio/storage/export/v47/diskinfo": dial tcp 10.244.2.11:9000: connect: connection refused (*fmt.wrapError)',
      ),
      b: minio(
        '18:40:31',
        'c0ffee12-3456-4789-abcd-ef0123456789',
        'Marking http://minio-2.minio-svc.shop.svc.cluster.local:9000/export temporary offline; caused by Post "http://minio-2.minio-svc.shop.svc.cluster.local:9000/minio/storage/export/v47/diskinfo": dial tcp 10.244.0.98:9000: connect: connection refused (*fmt.wrapError)',
      ),
    },
    {
      name: 'MinIO: read quorum vs write quorum lost',
      kind: 'different',
      a: minio(
        '10:00:00',
        '4f2c1a9e-8b7d-4c5e-9f3a-2b1c0d9e8f7a',
        'Read failed. Insufficient number of drives online (cmd.InsufficientReadQuorum)',
        'GetObject(bucket=uploads, object=2024/05/01/8812.jpg)',
      ),
      b: minio(
        '10:00:00',
        '4f2c1a9e-8b7d-4c5e-9f3a-2b1c0d9e8f7a',
        'Write failed. Insufficient number of drives online (cmd.InsufficientWriteQuorum)',
        'GetObject(bucket=uploads, object=2024/05/01/8812.jpg)',
      ),
    },
    {
      name: 'Cassandra: tombstone warning, other thread, counts and partition',
      kind: 'same',
      a: log(
        'INFO  [CompactionExecutor:4] 2024-05-01 09:59:00,000 CompactionTask.java:241 - Compacted (4f2c1a90-07a1-11ef-8b7d-6c5e4f3a2b1c) 4 sstables to [/var/lib/cassandra/data/shop/orders-1a2b3c/nb-812-big,] to level=0.',
        tombstoneWarn(2, 12, 100231, 8812),
      ),
      b: log(tombstoneWarn(5, 0, 241002, 90)),
    },
    {
      name: 'Cassandra: tombstone warning vs query aborted over tombstone limit',
      kind: 'different',
      a: log(tombstoneWarn(2, 12, 100231, 8812)),
      b: log(
        "ERROR [ReadStage-2] 2024-05-01 10:00:00,123 ReadCommand.java:640 - Scanned over 100001 tombstones during query 'SELECT * FROM shop.orders WHERE customer_id = 8812 LIMIT 5000' (last scanned row token was -4069959284402364209 and partion key was ((8812))); query aborted",
      ),
    },
    {
      name: 'Cassandra: peer marked DOWN by gossip, other peer and time',
      kind: 'same',
      a: log(
        'INFO  [GossipStage:1] 2024-05-01 10:00:00,123 Gossiper.java:1258 - InetAddress /10.244.1.17:7000 is now DOWN',
      ),
      b: log(
        'INFO  [GossipStage:1] 2024-05-02 01:00:13,999 Gossiper.java:1258 - InetAddress /10.244.3.40:7000 is now DOWN',
      ),
    },
  ],
};

// ---------------------------------------------------------------- cron / sshd / postfix

function cronJob(day: string, t: string, pid: number, status: number): string {
  return log(
    rs(
      day,
      `${t}:01`,
      'web-a',
      `CRON[${pid + 1}]`,
      '(root) CMD (/usr/local/bin/backup.sh >> /var/log/backup.log 2>&1)',
    ),
    rs(
      day,
      `${t}:07`,
      'web-a',
      `CRON[${pid}]`,
      `(CRON) error (grandchild #${pid + 1} failed with exit status ${status})`,
    ),
    rs(day, `${t}:07`, 'web-a', `CRON[${pid}]`, '(CRON) info (No MTA installed, discarding output)'),
  );
}

function sshBrute(day: string, t: string, pid: number, user: string, ip: string, port: number): string {
  return log(
    rs(day, `${t}:00`, 'bastion-1', `sshd[${pid}]`, `Invalid user ${user} from ${ip} port ${port}`),
    rs(day, `${t}:01`, 'bastion-1', `sshd[${pid}]`, 'pam_unix(sshd:auth): check pass; user unknown'),
    rs(
      day,
      `${t}:01`,
      'bastion-1',
      `sshd[${pid}]`,
      `pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=${ip}`,
    ),
    rs(
      day,
      `${t}:03`,
      'bastion-1',
      `sshd[${pid}]`,
      `Failed password for invalid user ${user} from ${ip} port ${port} ssh2`,
    ),
    rs(
      day,
      `${t}:03`,
      'bastion-1',
      `sshd[${pid}]`,
      `Connection closed by invalid user ${user} ${ip} port ${port} [preauth]`,
    ),
  );
}

function postfixDelivery(
  qid: string,
  nid: string,
  rcpt: string,
  mx: string,
  mxip: string,
  pid: number,
  outcome: string,
): string {
  return log(
    rs(
      '1',
      '10:00:00',
      'mx-1',
      'postfix/qmgr[812]',
      `${qid}: from=<orders@shop.example.com>, size=4123, nrcpt=1 (queue active)`,
    ),
    rs(
      '1',
      '10:00:01',
      'mx-1',
      `postfix/smtp[${pid}]`,
      `${qid}: to=<${rcpt}>, relay=${mx}[${mxip}]:25, delay=1.2, delays=0.1/0.01/0.5/0.6, ${outcome}`,
    ),
    rs(
      '1',
      '10:00:01',
      'mx-1',
      `postfix/bounce[${pid + 1}]`,
      `${qid}: sender non-delivery notification: ${nid}`,
    ),
    rs('1', '10:00:01', 'mx-1', 'postfix/qmgr[812]', `${qid}: removed`),
  );
}

const bounced = (rcpt: string, mx: string, mxip: string): string =>
  `dsn=5.1.1, status=bounced (host ${mx}[${mxip}] said: 550 5.1.1 <${rcpt}>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))`;

export const classicDaemons: PairFormat = {
  format: 'cron / sshd / postfix (syslog)',
  pairs: [
    {
      name: 'cron: job failed with exit status 2, other day and pids',
      kind: 'same',
      a: cronJob('1', '03:00', 4410, 2),
      b: cronJob('2', '03:00', 12007, 2),
    },
    {
      name: 'cron: job failed with exit status 2 vs 127',
      kind: 'different',
      a: cronJob('1', '03:00', 4410, 2),
      b: cronJob('1', '03:00', 4410, 127),
    },
    {
      name: 'cron: output mail rejected by the MTA, other size and pid',
      kind: 'same',
      a: log(
        rs('1', '03:00:01', 'web-a', 'CRON[4411]', '(root) CMD (/usr/local/bin/backup.sh)'),
        rs(
          '1',
          '03:00:09',
          'web-a',
          'CRON[4410]',
          '(root) MAIL (mailed 312 bytes of output but got status 0x004b from MTA#012)',
        ),
      ),
      b: log(
        rs('2', '03:00:01', 'web-a', 'CRON[9001]', '(root) CMD (/usr/local/bin/backup.sh)'),
        rs(
          '2',
          '03:00:11',
          'web-a',
          'CRON[9000]',
          '(root) MAIL (mailed 1045 bytes of output but got status 0x004b from MTA#012)',
        ),
      ),
    },
    {
      name: 'cron: crontab ignored, wrong owner vs insecure mode',
      kind: 'different',
      a: log(
        rs('1', '10:00:01', 'web-a', 'cron[812]', '(*system*backup) WRONG FILE OWNER (/etc/cron.d/backup)'),
      ),
      b: log(
        rs(
          '1',
          '10:00:01',
          'web-a',
          'cron[812]',
          '(*system*backup) INSECURE MODE (mode 0600 expected) (/etc/cron.d/backup)',
        ),
      ),
    },
    {
      name: 'sshd: failed password for an invalid user, other user, source and pid',
      kind: 'same',
      a: sshBrute('1', '10:00', 4411, 'admin', '203.0.113.7', 55012),
      b: sshBrute('2', '04:31', 97, 'oracle', '198.51.100.23', 3321),
    },
    {
      name: 'sshd: kex_exchange_identification closed vs reset',
      kind: 'different',
      a: log(
        rs(
          '1',
          '10:00:00',
          'bastion-1',
          'sshd[4411]',
          'error: kex_exchange_identification: Connection closed by remote host',
        ),
      ),
      b: log(
        rs(
          '1',
          '10:00:00',
          'bastion-1',
          'sshd[4411]',
          'error: kex_exchange_identification: read: Connection reset by peer',
        ),
      ),
    },
    {
      name: 'postfix: bounced, user unknown, other recipient, relay and queue ids',
      kind: 'same',
      a: postfixDelivery(
        '3F2A1C0B12',
        '4B7D2E9A01',
        'alice@example.net',
        'mx.example.net',
        '203.0.113.25',
        4412,
        bounced('alice@example.net', 'mx.example.net', '203.0.113.25'),
      ),
      b: postfixDelivery(
        '9C81D2E3F4',
        'A0B1C2D3E4',
        'bob@example.org',
        'mail.example.org',
        '198.51.100.40',
        97,
        bounced('bob@example.org', 'mail.example.org', '198.51.100.40'),
      ),
    },
    {
      name: 'postfix: bounced (user unknown) vs deferred (connect timed out)',
      kind: 'different',
      a: postfixDelivery(
        '3F2A1C0B12',
        '4B7D2E9A01',
        'alice@example.net',
        'mx.example.net',
        '203.0.113.25',
        4412,
        bounced('alice@example.net', 'mx.example.net', '203.0.113.25'),
      ),
      b: log(
        rs(
          '1',
          '10:00:00',
          'mx-1',
          'postfix/qmgr[812]',
          '3F2A1C0B12: from=<orders@shop.example.com>, size=4123, nrcpt=1 (queue active)',
        ),
        rs(
          '1',
          '10:00:31',
          'mx-1',
          'postfix/smtp[4412]',
          '3F2A1C0B12: to=<alice@example.net>, relay=none, delay=30, delays=0.1/0.01/30/0, dsn=4.4.1, status=deferred (connect to mx.example.net[203.0.113.25]:25: Connection timed out)',
        ),
      ),
    },
    {
      name: 'postfix: SASL LOGIN authentication failed, other client IP',
      kind: 'same',
      a: log(
        rs('1', '10:00:00', 'mx-1', 'postfix/smtpd[4411]', 'connect from unknown[203.0.113.7]'),
        rs(
          '1',
          '10:00:02',
          'mx-1',
          'postfix/smtpd[4411]',
          'warning: unknown[203.0.113.7]: SASL LOGIN authentication failed: UGFzc3dvcmQ6',
        ),
        rs(
          '1',
          '10:00:02',
          'mx-1',
          'postfix/smtpd[4411]',
          'lost connection after AUTH from unknown[203.0.113.7]',
        ),
      ),
      b: log(
        rs('2', '23:10:40', 'mx-1', 'postfix/smtpd[97]', 'connect from unknown[198.51.100.9]'),
        rs(
          '2',
          '23:10:41',
          'mx-1',
          'postfix/smtpd[97]',
          'warning: unknown[198.51.100.9]: SASL LOGIN authentication failed: UGFzc3dvcmQ6',
        ),
        rs(
          '2',
          '23:10:41',
          'mx-1',
          'postfix/smtpd[97]',
          'lost connection after AUTH from unknown[198.51.100.9]',
        ),
      ),
    },
  ],
};
