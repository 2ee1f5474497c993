import { z } from 'zod';

const email = z.email();

/** One address or a comma/semicolon separated list, as a string or a list of strings. */
export const recipientsSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(/[,;]/)).map((part) => part.trim()).filter(Boolean),
  )
  .pipe(z.array(email).min(1, 'needs at least one address'));

export const headersSchema = z
  .looseObject({
    /** Fixed recipients, e.g. `vergunningen@gemeente.nl`. */
    to: z.string().trim().optional(),
    /** A variable (dotted path) with the recipients, e.g. `zaak.initiator.email`. */
    toVariable: z
      .string()
      .trim()
      .regex(/^[\w-]+(\.[\w-]+)*$/, 'must be a variable name or dotted path')
      .optional(),
    /** Subject; `{{…}}` placeholders are filled from variables. */
    subject: z.string().trim().min(1, 'is required'),
    /** HTML body; `{{…}}` placeholders are filled from variables, HTML-escaped. */
    template: z.string().min(1, 'is required'),
  })
  .refine((headers) => Boolean(headers.to) !== Boolean(headers.toVariable), {
    message: 'set exactly one of the headers to and toVariable',
    path: ['to'],
  });

/** Mail needs no particular variables beyond those its placeholders name. */
export const variablesSchema = z.looseObject({});
