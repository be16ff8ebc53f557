import { ndjson, type PairFormat } from './model.ts';

const rec = (extra: Record<string, unknown>) => ({
  name: 'media-worker',
  hostname: 'media-3',
  pid: 2231,
  v: 0,
  ...extra,
});

export const bunyan: PairFormat = {
  format: 'bunyan',
  pairs: [
    {
      name: 'transcode failed, other job id and host',
      kind: 'same',
      a: ndjson(
        rec({
          level: 50,
          job: 'job-5521',
          msg: 'transcode failed for job job-5521',
          time: '2024-05-01T10:00:00.000Z',
        }),
      ),
      b: ndjson({
        name: 'media-worker',
        hostname: 'media-11',
        pid: 8,
        v: 0,
        level: 50,
        job: 'job-77',
        msg: 'transcode failed for job job-77',
        time: '2024-05-06T04:00:00.000Z',
      }),
    },
    {
      name: 'thumbnail too large, other size and unit',
      kind: 'same',
      a: ndjson(
        rec({ level: 40, msg: 'thumbnail source too large: 12.5 MB', time: '2024-05-01T10:01:00.000Z' }),
      ),
      b: ndjson(
        rec({ level: 40, msg: 'thumbnail source too large: 1.2 GB', time: '2024-05-01T10:09:00.000Z' }),
      ),
    },
    {
      name: 'error object with stack, other line numbers',
      kind: 'same',
      a: ndjson(
        rec({
          level: 50,
          err: {
            name: 'Error',
            message: 'ffmpeg exited with code 1',
            stack:
              'Error: ffmpeg exited with code 1\n    at ChildProcess.onExit (/srv/worker/lib/ffmpeg.js:88:19)',
          },
          msg: 'ffmpeg exited with code 1',
          time: '2024-05-01T10:02:00.000Z',
        }),
      ),
      b: ndjson(
        rec({
          level: 50,
          err: {
            name: 'Error',
            message: 'ffmpeg exited with code 1',
            stack:
              'Error: ffmpeg exited with code 1\n    at ChildProcess.onExit (/opt/worker/lib/ffmpeg.js:91:7)',
          },
          msg: 'ffmpeg exited with code 1',
          time: '2024-05-02T10:02:00.000Z',
        }),
      ),
    },
    {
      name: 'exit code 1 vs exit code 137',
      kind: 'different',
      a: ndjson(rec({ level: 50, msg: 'ffmpeg exited with code 1', time: '2024-05-01T10:03:00.000Z' })),
      b: ndjson(rec({ level: 50, msg: 'ffmpeg exited with code 137', time: '2024-05-01T10:03:00.000Z' })),
    },
    {
      name: 'one message from two child loggers',
      kind: 'different',
      a: ndjson({
        name: 'media-worker/upload',
        hostname: 'media-3',
        pid: 1,
        v: 0,
        level: 50,
        msg: 'storage write failed',
        time: '2024-05-01T10:04:00.000Z',
      }),
      b: ndjson({
        name: 'media-worker/cleanup',
        hostname: 'media-3',
        pid: 1,
        v: 0,
        level: 50,
        msg: 'storage write failed',
        time: '2024-05-01T10:04:00.000Z',
      }),
    },
    {
      name: 'fatal vs warning of one message',
      kind: 'different',
      a: ndjson(rec({ level: 60, msg: 'license check failed', time: '2024-05-01T10:05:00.000Z' })),
      b: ndjson(rec({ level: 40, msg: 'license check failed', time: '2024-05-01T10:05:00.000Z' })),
    },
  ],
};
