/**
 * Documents in line formats whose level is a letter or a number rather than a
 * word: klog/glog, Android logcat, syslog with a PRI. Each line is read as its
 * record; the header's pid, thread, caller and host are context.
 */
import { type CollectedEntry, extractBuffer } from '#lib/extract/index';
import { extract } from './helpers.ts';

function entriesOf(text: string): CollectedEntry[] {
  const entries: CollectedEntry[] = [];
  extractBuffer(Buffer.from(text), { onEntry: (entry) => entries.push(entry) });
  return entries;
}

describe('a klog/glog file', () => {
  const run = (pid: number, pod: string, time: string, err: string): string =>
    [
      `I0501 ${time}    ${pid} leaderelection.go:250] attempting to acquire leader lease kube-system/ctrl...`,
      `I0501 ${time}    ${pid} controller.go:118] "Starting workers" count=4`,
      `E0501 ${time}    ${pid} reconciler.go:88] "Failed to sync pod" pod="${pod}" err="${err}"`,
      `I0501 ${time}    ${pid} controller.go:131] "Shutting down workers"`,
      '',
    ].join('\n');

  it('takes an E line as an error though no word says so', () => {
    const x = extract(run(1234, 'default/web-7d4f9', '10:00:00.123456', 'context deadline exceeded'));
    expect(x.type).toBe('E');
    expect(x.extract).toBe(
      'E0501 10:00:00.123456    1234 reconciler.go:88] "Failed to sync pod" pod="default/web-7d4f9" err="context deadline exceeded"',
    );
  });

  it('gives two runs differing in pid, pod and time one fingerprint, another error another', () => {
    const a = extract(run(1234, 'default/web-7d4f9', '10:00:00.123456', 'context deadline exceeded'));
    const b = extract(run(88, 'shop/cart-5c9bd', '23:59:59.000001', 'context deadline exceeded'));
    const c = extract(run(1234, 'default/web-7d4f9', '10:00:00.123456', 'image pull back-off'));
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
  });

  it('keeps one message logged from two source files apart, the line number out', () => {
    const line = (caller: string): string =>
      `E0501 10:05:00.000000       1 ${caller}] error retrieving resource lock kube-system/sched: context deadline exceeded\n`;
    const a = extract(line('leaderelection.go:332'));
    expect(extract(line('leaderelection.go:340')).fingerprint).toBe(a.fingerprint);
    expect(extract(line('reflector.go:147')).fingerprint).not.toBe(a.fingerprint);
  });

  it('takes an F line as an error and a W line as a warning', () => {
    expect(
      extract('F0501 10:00:00.000001    77 server.go:61] cannot listen on :6443: address in use\n').type,
    ).toBe('E');
    expect(
      extract('W0501 10:00:00.000001    77 reflector.go:424] watch of *v1.Pod ended with: too old\n').type,
    ).toBe('W');
  });

  it('finds no failure in a file of I lines', () => {
    expect(extract('I0501 10:00:00.000001    77 server.go:61] serving on :6443\n').type).toBeNull();
  });

  it('reads the goroutine dump after an F line as the stack of that failure', () => {
    const x = extract(
      [
        'F0501 10:00:00.000001    77 main.go:40] unable to load config: open /etc/ctrl/config.yaml: no such file',
        'goroutine 1 [running]:',
        'main.main()',
        '\t/src/ctrl/main.go:40 +0x1d',
        '',
      ].join('\n'),
    );
    expect(x.type).toBe('C');
    expect(x.signature).toContain('go main.main');
  });
});

describe('a logcat file', () => {
  const crash = (pid: number, time: string, exception: string): string =>
    [
      `05-01 ${time}  ${pid}  ${pid} I ActivityManager: Start proc ${pid}:com.example.shop/u0a123 for activity`,
      `05-01 ${time}  ${pid}  ${pid} E AndroidRuntime: FATAL EXCEPTION: main`,
      `05-01 ${time}  ${pid}  ${pid} E AndroidRuntime: Process: com.example.shop, PID: ${pid}`,
      `05-01 ${time}  ${pid}  ${pid} E AndroidRuntime: ${exception}`,
      `05-01 ${time}  ${pid}  ${pid} E AndroidRuntime: \tat com.example.shop.CartActivity.onCreate(CartActivity.java:57)`,
      `05-01 ${time}  ${pid}  ${pid} E AndroidRuntime: \tat android.app.Activity.performCreate(Activity.java:8051)`,
      `05-01 ${time}  ${pid}  ${pid} I Process : Sending signal. PID: ${pid} SIG: 9`,
      '',
    ].join('\n');
  const npe = 'java.lang.NullPointerException: Attempt to invoke virtual method on a null object reference';

  it('reads an AndroidRuntime crash, one frame a line, as a crash with its frames', () => {
    const x = extract(crash(4321, '10:00:00.123', npe));
    expect(x.type).toBe('C');
    expect(x.signature).toContain('at com.example.shop.CartActivity.onCreate (CartActivity.java)');
    expect(x.extract).toContain(
      '05-01 10:00:00.123  4321  4321 E AndroidRuntime: \tat com.example.shop.CartActivity.onCreate(CartActivity.java:57)',
    );
  });

  it('reads the lines of the crash, printed under one header, as one entry: one event for a stream', () => {
    const entries = entriesOf(crash(4321, '10:00:00.123', npe));
    expect(entries.map((entry) => entry.type)).toEqual(['C']);
    expect(entries[0]?.signature).toContain('FATAL EXCEPTION: main');
    expect(entries[0]?.signature).toContain(npe);
    expect(entries[0]?.text.split('\n')).toHaveLength(5);
  });

  it('ends the entry at a line under another header', () => {
    const text = [
      '05-01 10:00:00.123  1200  1290 E CameraService: camera 0 disconnected',
      '05-01 10:00:00.124  1200  1290 E CameraService: camera 1 disconnected',
      '',
    ].join('\n');
    expect(entriesOf(text)).toHaveLength(2);
  });

  it('gives two runs differing in pid and time one fingerprint, another exception another', () => {
    const a = extract(crash(4321, '10:00:00.123', npe));
    const b = extract(crash(977, '18:42:07.950', npe));
    const c = extract(crash(4321, '10:00:00.123', 'java.lang.IllegalStateException: cart not loaded'));
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
  });

  it('takes E, F and A lines as errors and W lines as warnings, whatever their words', () => {
    const line = (level: string, tag: string, msg: string): string =>
      `05-01 10:00:00.123  1200  1290 ${level} ${tag}: ${msg}\n`;
    expect(extract(line('E', 'CameraService', 'camera 0 disconnected while streaming')).type).toBe('E');
    expect(extract(line('F', 'libc', 'Fatal signal 11 (SIGSEGV), code 1, fault addr 0x0')).type).toBe('E');
    expect(extract(line('A', 'DEBUG', 'Abort message: heap corruption detected by free')).type).toBe('E');
    expect(extract(line('W', 'InputDispatcher', 'channel is unrecoverably broken')).type).toBe('W');
    expect(extract(line('I', 'InputDispatcher', 'error count reset to 0')).type).toBeNull();
    expect(extract(line('D', 'Net', 'exception handler registered')).type).toBeNull();
  });

  it('reads the time and brief formats', () => {
    expect(extract('05-01 10:00:00.123 E/CameraService( 1200): camera 0 disconnected\n').type).toBe('E');
    expect(extract('E/CameraService( 1200): camera 0 disconnected\n').type).toBe('E');
  });

  it('keeps the tag in the signature and the pid out', () => {
    const a = extract('05-01 10:00:00.123  1200  1290 E CameraService: camera 0 disconnected\n');
    const b = extract('05-01 11:30:00.001  3811  3840 E CameraService: camera 0 disconnected\n');
    const c = extract('05-01 10:00:00.123  1200  1290 E AudioFlinger: camera 0 disconnected\n');
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
  });
});

describe('a syslog file with PRI values', () => {
  it('takes priorities of severity 0-3 as errors, 4 as warnings, the rest as no failure', () => {
    const line = (pri: number): string =>
      `<${pri}>1 2024-05-01T10:00:00.123Z db-primary-01 pgbouncer 812 - - pool for db "orders" is full\n`;
    expect(extract(line(11)).type).toBe('E'); // user.err
    expect(extract(line(26)).type).toBe('E'); // daemon.crit
    expect(extract(line(12)).type).toBe('W'); // user.warning
    expect(extract(line(14)).type).toBeNull(); // user.info
  });

  it('keeps the header host out of the signature', () => {
    const a = extract('<27>1 2024-05-01T10:00:00.123Z db-primary-01 pgbouncer 812 - - pool is full\n');
    const b = extract('<27>1 2024-06-11T07:12:40.003Z reporting-db pgbouncer 40 - - pool is full\n');
    expect(a.type).toBe('E');
    expect(b.fingerprint).toBe(a.fingerprint);
  });
});

describe('the stream and document readings of a single-failure line file', () => {
  it.each([
    ['klog', 'I0501 10:00:00.000001    77 a.go:1] up\nE0501 10:00:00.000002    77 b.go:2] lease lost\n'],
    [
      'logcat',
      '05-01 10:00:00.123  1200  1290 I Zygote: forked\n05-01 10:00:00.124  1200  1290 E Vold: mount failed\n',
    ],
    [
      'syslog',
      '<30>Oct 11 22:14:15 mail postfix[12]: connect\n<27>Oct 11 22:14:16 mail postfix[12]: queue full\n',
    ],
  ])('%s: one entry, whose signature is the document signature', (_name, text) => {
    const entries = entriesOf(text);
    expect(entries).toHaveLength(1);
    const x = extract(text);
    expect(x.signature).toBe(entries[0]?.signature);
    expect(x.type).toBe(entries[0]?.type);
  });
});
