import { log, type PairFormat } from './model.ts';

export const go: PairFormat = {
  format: 'Go',
  pairs: [
    {
      name: 'log package: a request id of hex letters only vs one with digits',
      kind: 'same',
      a: log('2024/05/01 10:00:00 ERROR timeout calling payments (request id beaea)'),
      b: log('2024/05/01 10:00:09 ERROR timeout calling payments (request id 4c1d0)'),
    },
    {
      name: 'log package: one request id, payments vs shipping timing out',
      kind: 'different',
      a: log('2024/05/01 10:00:00 ERROR timeout calling payments (request id beaea)'),
      b: log('2024/05/01 10:00:00 ERROR timeout calling shipping (request id beaea)'),
    },
    {
      name: 'log package, no level: a refused connection to other addresses, at other times',
      kind: 'same',
      a: log(
        '2026/12/01 10:00:00 orders listening on :8080',
        '2026/12/01 10:00:05 ping orders db: dial tcp 10.0.3.7:5432: connect: connection refused',
      ),
      b: log(
        '2026/12/02 23:41:00 orders listening on :9090',
        '2026/12/02 23:41:02 ping orders db: dial tcp 10.0.9.12:6432: connect: connection refused',
      ),
    },
    {
      name: 'log package, no level: one call refused vs timing out',
      kind: 'different',
      a: log('2026/12/01 10:00:05 ping orders db: dial tcp 10.0.3.7:5432: connect: connection refused'),
      b: log('2026/12/01 10:00:05 ping orders db: dial tcp 10.0.3.7:5432: i/o timeout'),
    },
    {
      name: 'log package with file and line: a missing file, the line moved in another build',
      kind: 'same',
      a: log(
        'shop: 2026/12/01 10:00:05.000412 config.go:41: open /etc/shop/config.yaml: no such file or directory',
      ),
      b: log(
        'shop: 2026/12/03 08:12:44.918003 config.go:44: open /etc/shop/config.yaml: no such file or directory',
      ),
    },
    {
      name: 'log package, no level: one file missing vs not readable',
      kind: 'different',
      a: log('2026/12/01 10:00:05 open /etc/shop/config.yaml: no such file or directory'),
      b: log('2026/12/01 10:00:05 open /etc/shop/config.yaml: permission denied'),
    },
    {
      name: 'nil pointer panic, other goroutine and addresses',
      kind: 'same',
      a: log(
        'panic: runtime error: invalid memory address or nil pointer dereference',
        '[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x6b3f2a]',
        '',
        'goroutine 41 [running]:',
        'example.com/shop/cart.(*Cart).Total(0x0)',
        '\t/src/cart/cart.go:57 +0x1a',
        'main.handler({0x8c1e20, 0xc0001a2000}, 0xc000212000)',
        '\t/src/main.go:33 +0x4d',
      ),
      b: log(
        'panic: runtime error: invalid memory address or nil pointer dereference',
        '[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x6b4011]',
        '',
        'goroutine 7 [running]:',
        'example.com/shop/cart.(*Cart).Total(0x0)',
        '\t/build/cart/cart.go:57 +0x1a',
        'main.handler({0x8c2a40, 0xc000088000}, 0xc0000f6000)',
        '\t/build/main.go:33 +0x52',
      ),
    },
    {
      name: 'log.Printf dial error, other address and time',
      kind: 'same',
      a: log('2024/05/01 10:01:00 error: dial tcp 10.0.0.9:5432: connect: connection refused'),
      b: log('2024/05/04 22:13:01 error: dial tcp 10.0.3.41:5432: connect: connection refused'),
    },
    {
      name: 'context deadline, other duration',
      kind: 'same',
      a: log('2024/05/01 10:02:00 error: fetch quotes: context deadline exceeded after 5s'),
      b: log('2024/05/01 11:02:00 error: fetch quotes: context deadline exceeded after 1500ms'),
    },
    {
      name: 'connection refused vs connection reset',
      kind: 'different',
      a: log('2024/05/01 10:03:00 error: dial tcp 10.0.0.9:5432: connect: connection refused'),
      b: log('2024/05/01 10:03:00 error: read tcp 10.0.0.9:5432: read: connection reset by peer'),
    },
    {
      name: 'exec exit status 2 vs 137',
      kind: 'different',
      a: log('2024/05/01 10:04:00 error: migrate: exit status 2'),
      b: log('2024/05/01 10:04:00 error: migrate: exit status 137'),
    },
    {
      name: 'nil map write vs index out of range in one function',
      kind: 'different',
      a: log(
        'panic: assignment to entry in nil map',
        '',
        'goroutine 1 [running]:',
        'main.load(...)',
        '\t/src/main.go:21',
      ),
      b: log(
        'panic: runtime error: index out of range [3] with length 3',
        '',
        'goroutine 1 [running]:',
        'main.load(...)',
        '\t/src/main.go:21',
      ),
    },
  ],
};
