import { log, type PairFormat } from './model.ts';

/** The Dart VM's report of an uncaught error (`dart run`): the error on the line after its title, then frames. */
function unhandled(error: string, home: string, caller: string, line: number, coreLine = 343): string {
  return log(
    'shop: loading catalog',
    'Unhandled exception:',
    error,
    `#0      List.first (dart:core-patch/growable_array.dart:${coreLine}:5)`,
    `#1      ${caller} (file://${home}/shop/bin/shop.dart:${line}:11)`,
    '#2      _delayEntrypointInvocation.<anonymous closure> (dart:isolate-patch/isolate_patch.dart:297:19)',
    '#3      _RawReceivePort._handleMessage (dart:isolate-patch/isolate_patch.dart:184:12)',
  );
}

/** Flutter's engine log of an uncaught error in a widget, as `flutter run` prints it. */
function flutter(error: string, widget: string, line: number, frameworkLine: number): string {
  return log(
    `[ERROR:flutter/runtime/dart_vm_initializer.cc(${line % 2 ? 41 : 40})] Unhandled Exception: ${error}`,
    '#0      List.first (dart:core-patch/growable_array.dart:343:5)',
    `#1      ${widget}.build (package:shop/pages/${widget.toLowerCase()}.dart:${line}:31)`,
    `#2      StatelessElement.build (package:flutter/src/widgets/framework.dart:${frameworkLine}:49)`,
    `#3      ComponentElement.performRebuild (package:flutter/src/widgets/framework.dart:${frameworkLine - 50}:16)`,
  );
}

/** The same report as an Android device's logcat shows it, brief format (`tag(  pid)`, the tag padded) or threadtime. */
function inLogcat(report: string, pid: number, brief: boolean): string {
  const lines = report.trimEnd().split('\n');
  return log(
    ...lines.map((line, i) =>
      brief
        ? `E/flutter (${String(pid).padStart(5)}): ${line}`
        : `05-01 10:00:00.${String(100 + i).padStart(3, '0')}  ${pid}  ${pid + 22} E flutter : ${line}`,
    ),
  );
}

export const dart: PairFormat = {
  format: 'Dart / Flutter',
  pairs: [
    {
      name: 'uncaught error, other checkout, line numbers and SDK lines',
      kind: 'same',
      a: unhandled('Bad state: No element', '/home/alice', 'loadCatalog', 17),
      b: unhandled('Bad state: No element', '/srv/ci/build-77', 'loadCatalog', 19, 348),
    },
    {
      name: 'uncaught error: two errors at one place',
      kind: 'different',
      a: unhandled('Bad state: No element', '/home/alice', 'loadCatalog', 17),
      b: unhandled('Bad state: Too many elements', '/home/alice', 'loadCatalog', 17),
    },
    {
      name: 'uncaught error: one error from two functions',
      kind: 'different',
      a: unhandled('Bad state: No element', '/home/alice', 'loadCatalog', 17),
      b: unhandled('Bad state: No element', '/home/alice', 'main', 5),
    },
    {
      name: 'Flutter widget error, other engine and framework lines',
      kind: 'same',
      a: flutter('Bad state: No element', 'CartPage', 57, 5156),
      b: flutter('Bad state: No element', 'CartPage', 58, 5198),
    },
    {
      name: 'Flutter: one error in two widgets',
      kind: 'different',
      a: flutter('Bad state: No element', 'CartPage', 57, 5156),
      b: flutter('Bad state: No element', 'OrderPage', 57, 5156),
    },
    {
      name: 'Flutter: an error with its value',
      kind: 'same',
      a: flutter('RangeError (index): Invalid value: Not in inclusive range 0..2: 3', 'CartPage', 57, 5156),
      b: flutter('RangeError (index): Invalid value: Not in inclusive range 0..4: 7', 'CartPage', 57, 5156),
    },
    {
      name: 'Flutter error in logcat: brief and threadtime format, other pids',
      kind: 'same',
      a: inLogcat(flutter('Bad state: No element', 'CartPage', 57, 5156), 4411, true),
      b: inLogcat(flutter('Bad state: No element', 'CartPage', 57, 5156), 9120, false),
    },
    {
      name: 'Flutter error in logcat (brief): one error in two widgets',
      kind: 'different',
      a: inLogcat(flutter('Bad state: No element', 'CartPage', 57, 5156), 4411, true),
      b: inLogcat(flutter('Bad state: No element', 'OrderPage', 57, 5156), 4411, true),
    },
  ],
};
