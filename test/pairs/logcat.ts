import { log, type PairFormat } from './model.ts';

export const logcat: PairFormat = {
  format: 'logcat',
  pairs: [
    {
      name: 'ANR, other process id and time',
      kind: 'same',
      a: log(
        '05-01 10:00:00.123  1402  1433 E ActivityManager: ANR in com.example.notes (com.example.notes/.EditActivity)',
      ),
      b: log(
        '05-07 21:13:55.990  1377  1390 E ActivityManager: ANR in com.example.notes (com.example.notes/.EditActivity)',
      ),
    },
    {
      name: 'FATAL EXCEPTION with stack, other thread and pid',
      kind: 'same',
      a: log(
        '05-01 10:01:00.000  8812  8812 E AndroidRuntime: FATAL EXCEPTION: main',
        '05-01 10:01:00.000  8812  8812 E AndroidRuntime: Process: com.example.notes, PID: 8812',
        '05-01 10:01:00.000  8812  8812 E AndroidRuntime: java.lang.NullPointerException: Attempt to invoke virtual method on a null object reference',
        '05-01 10:01:00.000  8812  8812 E AndroidRuntime: \tat com.example.notes.EditActivity.onResume(EditActivity.java:88)',
      ),
      b: log(
        '05-02 09:41:17.554 31007 31007 E AndroidRuntime: FATAL EXCEPTION: main',
        '05-02 09:41:17.554 31007 31007 E AndroidRuntime: Process: com.example.notes, PID: 31007',
        '05-02 09:41:17.554 31007 31007 E AndroidRuntime: java.lang.NullPointerException: Attempt to invoke virtual method on a null object reference',
        '05-02 09:41:17.554 31007 31007 E AndroidRuntime: \tat com.example.notes.EditActivity.onResume(EditActivity.java:91)',
      ),
    },
    {
      name: 'sqlite warning, other row count',
      kind: 'same',
      a: log(
        '05-01 10:02:00.000  8812  8840 W SQLiteConnectionPool: A SQLiteConnection object for database notes.db was leaked after 30 seconds',
      ),
      b: log(
        '05-01 11:02:00.000  9001  9020 W SQLiteConnectionPool: A SQLiteConnection object for database notes.db was leaked after 120 seconds',
      ),
    },
    {
      name: 'ANR in two apps',
      kind: 'different',
      a: log('05-01 10:03:00.000  1402  1433 E ActivityManager: ANR in com.example.notes'),
      b: log('05-01 10:03:00.000  1402  1433 E ActivityManager: ANR in com.example.camera'),
    },
    {
      name: 'one message from two tags',
      kind: 'different',
      a: log('05-01 10:04:00.000  2200  2210 E BluetoothGatt: connection failed'),
      b: log('05-01 10:04:00.000  2200  2210 E WifiService: connection failed'),
    },
    {
      name: 'NullPointerException vs IllegalStateException at one frame',
      kind: 'different',
      a: log(
        '05-01 10:05:00.000  8812  8812 E AndroidRuntime: FATAL EXCEPTION: main',
        '05-01 10:05:00.000  8812  8812 E AndroidRuntime: java.lang.NullPointerException: note is null',
        '05-01 10:05:00.000  8812  8812 E AndroidRuntime: \tat com.example.notes.EditActivity.onResume(EditActivity.java:88)',
      ),
      b: log(
        '05-01 10:05:00.000  8812  8812 E AndroidRuntime: FATAL EXCEPTION: main',
        '05-01 10:05:00.000  8812  8812 E AndroidRuntime: java.lang.IllegalStateException: note is null',
        '05-01 10:05:00.000  8812  8812 E AndroidRuntime: \tat com.example.notes.EditActivity.onResume(EditActivity.java:88)',
      ),
    },
  ],
};
