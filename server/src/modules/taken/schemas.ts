import { z } from 'zod';
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
