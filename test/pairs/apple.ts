import { log, type PairFormat } from './model.ts';

function crashReport(
  incident: string,
  pid: string,
  device: string,
  base: string,
  fn: string,
  exception: string,
): string {
  return log(
    `Incident Identifier: ${incident}`,
    `Hardware Model:      ${device}`,
    `Process:             Shop [${pid}]`,
    'Path:                /private/var/containers/Bundle/Application/5A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9/Shop.app/Shop',
    'Identifier:          com.acme.shop',
    'Version:             4.2 (812)',
    `Date/Time:           2024-05-01 10:00:0${pid.length}.123 +0200`,
    'OS Version:          iPhone OS 17.4.1 (21E236)',
    '',
    `Exception Type:  ${exception}`,
    'Exception Subtype: KERN_INVALID_ADDRESS at 0x0000000000000018',
    'Triggered by Thread:  0',
    '',
    'Thread 0 Crashed:',
    `0   Shop                          0x${base}1c2f4 ${fn} + 120`,
    `1   Shop                          0x${base}1b111 CartViewController.viewDidLoad() + 64`,
    '2   UIKitCore                     0x00000001a2b3c4d5 -[UIViewController _sendViewDidLoadWithAppearanceProxyObjectTaggingEnabled] + 104',
    '',
    'Thread 1:',
    '0   libsystem_kernel.dylib        0x00000001f1e2d3c4 __workq_kernreturn + 8',
  );
}

export const apple: PairFormat = {
  format: 'Swift / iOS',
  pairs: [
    {
      name: 'crash report, other incident, pid, device and load address',
      kind: 'same',
      a: crashReport(
        '8C2B1F4E-1A2B-4C3D-9E8F-0A1B2C3D4E5F',
        '4411',
        'iPhone14,5',
        '0000000104a',
        'Cart.total()',
        'EXC_BAD_ACCESS (SIGSEGV)',
      ),
      b: crashReport(
        '00FF11EE-22DD-33CC-44BB-55AA66997788',
        '917',
        'iPhone15,2',
        '00000001002',
        'Cart.total()',
        'EXC_BAD_ACCESS (SIGSEGV)',
      ),
    },
    {
      name: 'crash report: one exception in two functions',
      kind: 'different',
      a: crashReport(
        '8C2B1F4E-1A2B-4C3D-9E8F-0A1B2C3D4E5F',
        '4411',
        'iPhone14,5',
        '0000000104a',
        'Cart.total()',
        'EXC_BAD_ACCESS (SIGSEGV)',
      ),
      b: crashReport(
        '8C2B1F4E-1A2B-4C3D-9E8F-0A1B2C3D4E5F',
        '4411',
        'iPhone14,5',
        '0000000104a',
        'Cart.discount()',
        'EXC_BAD_ACCESS (SIGSEGV)',
      ),
    },
    {
      name: 'crash report: EXC_BAD_ACCESS vs EXC_BREAKPOINT at one frame',
      kind: 'different',
      a: crashReport(
        '8C2B1F4E-1A2B-4C3D-9E8F-0A1B2C3D4E5F',
        '4411',
        'iPhone14,5',
        '0000000104a',
        'Cart.total()',
        'EXC_BAD_ACCESS (SIGSEGV)',
      ),
      b: crashReport(
        '8C2B1F4E-1A2B-4C3D-9E8F-0A1B2C3D4E5F',
        '4411',
        'iPhone14,5',
        '0000000104a',
        'Cart.total()',
        'EXC_BREAKPOINT (SIGTRAP)',
      ),
    },
    {
      name: 'Swift runtime fatal error, other line',
      kind: 'same',
      a: log(
        'Shop/CartView.swift:57: Fatal error: Unexpectedly found nil while unwrapping an Optional value',
      ),
      b: log(
        'Shop/CartView.swift:61: Fatal error: Unexpectedly found nil while unwrapping an Optional value',
      ),
    },
    {
      name: 'Swift runtime: nil unwrap vs index out of range',
      kind: 'different',
      a: log(
        'Shop/CartView.swift:57: Fatal error: Unexpectedly found nil while unwrapping an Optional value',
      ),
      b: log('Swift/ContiguousArrayBuffer.swift:600: Fatal error: Index out of range'),
    },
    {
      name: 'os_log error from two subsystems',
      kind: 'different',
      a: log(
        '2024-05-01 10:00:00.123456+0200 0x1a2b3c   Error       0x0                  4411   0    Shop: [com.acme.shop:sync] upload failed: The network connection was lost.',
      ),
      b: log(
        '2024-05-01 10:00:00.123456+0200 0x1a2b3c   Error       0x0                  4411   0    Shop: [com.acme.shop:images] upload failed: The network connection was lost.',
      ),
    },
    {
      name: 'os_log error, other thread, pid and time',
      kind: 'same',
      a: log(
        '2024-05-01 10:00:00.123456+0200 0x1a2b3c   Error       0x0                  4411   0    Shop: [com.acme.shop:sync] upload failed: The network connection was lost.',
      ),
      b: log(
        '2024-05-03 18:20:01.000001+0200 0x9f8e7    Error       0x0                  977    0    Shop: [com.acme.shop:sync] upload failed: The network connection was lost.',
      ),
    },
    {
      name: 'os_log fault: connection lost vs request timed out',
      kind: 'different',
      a: log(
        '2024-05-01 10:00:00.123456+0200 0x1a2b3c   Fault       0x0                  4411   0    Shop: [com.acme.shop:sync] upload failed: The network connection was lost.',
      ),
      b: log(
        '2024-05-01 10:00:00.123456+0200 0x1a2b3c   Fault       0x0                  4411   0    Shop: [com.acme.shop:sync] upload failed: The request timed out.',
      ),
    },
  ],
};
