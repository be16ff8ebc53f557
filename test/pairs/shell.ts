import { log, type PairFormat } from './model.ts';

/** A deploy script's output as cron or a CI job keeps it: its trace lines, then the shell's refusal. */
const script = (...lines: string[]) => log('+ cd /srv/shop', '+ ./deploy.sh --env production', ...lines);

export const shell: PairFormat = {
  format: 'shell and command-line tools',
  pairs: [
    {
      name: 'command not found, at another line of the script',
      kind: 'same',
      a: script('./deploy.sh: line 12: jq: command not found'),
      b: script('./deploy.sh: line 40: jq: command not found'),
    },
    {
      name: 'command not found: two commands',
      kind: 'different',
      a: script('./deploy.sh: line 12: jq: command not found'),
      b: script('./deploy.sh: line 12: yq: command not found'),
    },
    {
      name: "cp cannot stat a release's file, other release",
      kind: 'same',
      a: script("cp: cannot stat '/srv/releases/20240501/config.yml': No such file or directory"),
      b: script("cp: cannot stat '/srv/releases/20240612/config.yml': No such file or directory"),
    },
    {
      name: 'one file: missing vs not readable',
      kind: 'different',
      a: script('cat: /etc/shop/app.conf: No such file or directory'),
      b: script('cat: /etc/shop/app.conf: Permission denied'),
    },
    {
      name: "dash: an image's entrypoint cannot exec its server, at another line",
      kind: 'same',
      a: log('+ exec gunicorn shop.wsgi', '/docker-entrypoint.sh: 12: exec: gunicorn: not found'),
      b: log('+ exec gunicorn shop.wsgi', '/docker-entrypoint.sh: 15: exec: gunicorn: not found'),
    },
    {
      name: 'dash: two commands missing in sh -c',
      kind: 'different',
      a: log('sh: 1: jq: not found'),
      b: log('sh: 1: yq: not found'),
    },
    {
      name: "bash's report of an OOM-killed child, other pid and line",
      kind: 'same',
      a: script('./deploy.sh: line 21:  4411 Killed                  java -Xmx2g -jar migrate.jar'),
      b: script('./deploy.sh: line 23:  90172 Killed                  java -Xmx2g -jar migrate.jar'),
    },
    {
      name: 'bash: the migration killed vs the indexer aborting',
      kind: 'different',
      a: script('./deploy.sh: line 21:  4411 Killed                  java -Xmx2g -jar migrate.jar'),
      b: script('./deploy.sh: line 21:  4411 Aborted                 (core dumped) ./indexer'),
    },
    {
      name: 'a script not executable, in two users’ checkouts',
      kind: 'same',
      a: log('bash: /home/alice/shop/bin/migrate.sh: Permission denied'),
      b: log('bash: /home/bob/shop/bin/migrate.sh: Permission denied'),
    },
    {
      name: 'two missing files',
      kind: 'different',
      a: script('cat: /etc/shop/app.conf: No such file or directory'),
      b: script('cat: /etc/shop/db.conf: No such file or directory'),
    },
  ],
};
