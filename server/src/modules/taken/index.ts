/** Taken: the task list for job-based user tasks (claim, assign, draft, complete). */
export { TakenService, type TakenServiceOptions } from './service.js';
export { takenRouter, type TakenRouterOptions } from './router.js';
export { startUserTaskWorker, thirtyDaysMs, type UserTaskWorkerOptions } from './userTaskWorker.js';
export { USER_TASK_JOB_TYPE } from './userTaskJob.js';
export type * from './types.js';
export { jobStateFrom, reconcileOpenTasks, startTaskReconciler, type TaskReconcilerOptions } from './taskReconciler.js';
