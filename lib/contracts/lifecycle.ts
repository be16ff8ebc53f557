/** The data lifecycle's shapes: deleting a log on request, and a report's logs with it (README, Data). */
import { z } from 'zod';
import { isoTime, LogId } from './ids.ts';

export const LogDeletion = z
  .strictObject({
    logId: LogId,
    record: z.literal('deleted').meta({ description: "The log's record is gone from the logs table." }),
    blob: z.enum(['deleted', 'kept']).meta({
      description:
        '`deleted`: no other log pointed at the same bytes, so they are gone from S3; `kept`: other logs still point at them.',
    }),
    sharedWith: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: 'With `kept`: how many other logs still point at the bytes.' }),
  })
  .meta({ id: 'LogDeletion' });

const logsDescription =
  "`delete`: delete the logs of the report too (each one's record, and its bytes where no other log shares them). Without it the archived logs stay.";
export const DeleteIssueQuery = z.object({
  logs: z
    .enum(['delete', 'keep'])
    .optional()
    .meta({ description: logsDescription, param: { description: logsDescription } }),
});

/** What DELETE /issues/{issueId}?logs=delete removed besides the report. */
export const LogsDeleted = z
  .strictObject({
    deleted: z.number().int().min(0).meta({ description: 'Log records deleted.' }),
    blobsDeleted: z.number().int().min(0).meta({ description: 'Distinct log bodies deleted from S3.' }),
    blobsKept: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'Deleted logs whose bytes stay because other logs share them.' }),
  })
  .meta({ id: 'LogsDeleted' });

export type LogDeletionAnswer = z.infer<typeof LogDeletion>;
export type LogsDeletedAnswer = z.infer<typeof LogsDeleted>;

/** Whether a report's first log can still be read (README, Data: retention). */
export const FirstLogState = z
  .strictObject({
    state: z.enum(['kept', 'expired', 'deleted']).meta({
      description:
        '`kept`: readable at links.firstLog; `expired`: removed after RETENTION_DAYS; `deleted`: removed on request (or with no record of it). The report keeps its counts either way.',
    }),
    expiredAt: isoTime('With `expired`: when the first log passed retention.').optional(),
  })
  .meta({ id: 'FirstLogState' });

export type FirstLogStateAnswer = z.infer<typeof FirstLogState>;
