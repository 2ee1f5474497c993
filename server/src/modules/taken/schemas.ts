import { z } from 'zod';
import { taakSortFields } from './takenRepository.js';
import { taakStates } from './types.js';

export const takenQuerySchema = z.object({
  scope: z.enum(['mine', 'group', 'all']).default('mine'),
  /** Comma-separated; open and claimed by default (the work still to do). */
  state: z
    .string()
    .default('open,claimed')
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(z.enum(taakStates)).min(1)),
  zaakId: z.string().min(1).optional(),
  candidateGroup: z.string().min(1).optional(),
  /** A username; `-` for tasks nobody has taken. */
  assignee: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .transform((value) => (value === '-' ? null : value))
    .optional(),
  q: z.string().trim().max(200).optional(),
  sort: z
    .string()
    .refine((value) => (taakSortFields as string[]).includes(value.replace(/^-/, '')), {
      message: `must be one of ${taakSortFields.join(', ')}, with - in front for descending`,
    })
    .optional(),
  dueBefore: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const taakParamsSchema = z.object({ id: z.uuid('must be a task id (uuid)') });

export const assignBodySchema = z.object({ assignee: z.string().trim().min(1).max(100) });

/** Form data: a JSON object whose fields become process variables. */
const formData = z.record(z.string(), z.unknown(), 'must be a JSON object of form fields');

export const draftBodySchema = z.object({ data: formData });
export const completeBodySchema = z.object({ variables: formData });

/** Verdelen or vrijgeven of several tasks at once (coordinator), with the reason for the audit trail. */
export const verdelenBodySchema = z.object({
  taakIds: z.array(z.uuid('must be task ids (uuid)')).min(1).max(200),
  /** The behandelaar who gets the tasks; null gives them back to their groups. */
  assignee: z.string().trim().min(1).max(100).nullable(),
  reden: z.string().trim().min(1, 'give a reason; it is kept in the audit trail').max(500),
});
