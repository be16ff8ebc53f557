/** The one error shape every failed request answers with. */
import { z } from 'zod';

export const ErrorBody = z
  .strictObject({
    error: z.strictObject({
      code: z
        .string()
        .regex(/^[a-z][a-z_]*$/)
        .meta({ description: 'Stable, machine-readable.' }),
      message: z.string().meta({ description: 'For people; never a stack trace.' }),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof ErrorBody>;
