import { log, type PairFormat } from './model.ts';

export const syslog: PairFormat = {
  format: 'syslog',
  pairs: [
    {
      name: 'OOM killer, other host, pid and size',
      kind: 'same',
      a: log(
        'May  1 10:00:00 db-primary-01 kernel: [812345.123456] Out of memory: Killed process 4411 (postgres) total-vm:8123456kB, anon-rss:6123456kB, file-rss:0kB',
      ),
      b: log(
        'May 14 03:22:19 reporting-db kernel: [12.000001] Out of memory: Killed process 77 (postgres) total-vm:912345kB, anon-rss:812345kB, file-rss:4kB',
      ),
    },
    {
      name: 'systemd unit failed, other host and time',
      kind: 'same',
      a: log("May  1 10:01:00 web-a systemd[1]: nginx.service: Failed with result 'exit-code'."),
      b: log("Jun 30 23:59:59 edge-proxy systemd[1]: nginx.service: Failed with result 'exit-code'."),
    },
    {
      name: 'RFC 5424 sshd error, other host and procid',
      kind: 'same',
      a: log(
        '<35>1 2024-05-01T10:02:00.000Z bastion-1 sshd 2231 - - error: maximum authentication attempts exceeded for user alice from 203.0.113.7 port 50122 ssh2',
      ),
      b: log(
        '<35>1 2024-05-02T11:12:00.000Z jump-host sshd 918 - - error: maximum authentication attempts exceeded for user bob from 198.51.100.23 port 3321 ssh2',
      ),
    },
    {
      name: "systemd: result 'exit-code' vs 'timeout'",
      kind: 'different',
      a: log("May  1 10:03:00 web-a systemd[1]: nginx.service: Failed with result 'exit-code'."),
      b: log("May  1 10:03:00 web-a systemd[1]: nginx.service: Failed with result 'timeout'."),
    },
    {
      name: 'main process exited, status 1 vs killed by SIGKILL',
      kind: 'different',
      a: log(
        'May  1 10:04:00 web-a systemd[1]: worker.service: Main process exited, code=exited, status=1/FAILURE',
      ),
      b: log(
        'May  1 10:04:00 web-a systemd[1]: worker.service: Main process exited, code=killed, status=9/KILL',
      ),
    },
    {
      name: 'one kernel error from two devices',
      kind: 'different',
      a: log(
        'May  1 10:05:00 nas-1 kernel: [100.000000] EXT4-fs error (device sda1): ext4_find_entry:1455: inode #2: comm ls: reading directory lblock 0',
      ),
      b: log(
        'May  1 10:05:00 nas-1 kernel: [100.000000] XFS (sdb1): metadata I/O error in "xfs_trans_read_buf_map" at daddr 0x2 len 1 error 5',
      ),
    },
    {
      name: "an app's JSON record through syslog, other host, pid and order",
      kind: 'same',
      a: log(
        'Dec  3 08:00:00 web-1 shop[123]: {"level":"error","msg":"charge failed","error":"card declined","order":12,"customer":"acme-gmbh","region":"eu-west"}',
      ),
      b: log(
        'Dec  4 17:42:09 web-7 shop[9981]: {"level":"error","msg":"charge failed","error":"card declined","order":4411,"customer":"globex","region":"us-east"}',
      ),
    },
    {
      name: "an app's JSON record through syslog: card declined vs gateway timeout",
      kind: 'different',
      a: log(
        'Dec  3 08:00:00 web-1 shop[123]: {"level":"error","msg":"charge failed","error":"card declined","order":12}',
      ),
      b: log(
        'Dec  3 08:00:00 web-1 shop[123]: {"level":"error","msg":"charge failed","error":"gateway timeout","order":12}',
      ),
    },
  ],
};
