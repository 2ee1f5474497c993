/** Notificaties out: zaak events posted to abonnementen as ZGW Notificaties API webhooks. */
export { NotificatieService, type NotificatieServiceOptions } from './service.js';
export { notificatiesRouter, type NotificatiesRouterOptions } from './router.js';
export {
  startNotificatieDispatcher,
  type NotificatieDispatcher,
  type NotificatieDispatcherOptions,
} from './dispatcher.js';
export {
  consumeNotificatieFeed,
  drainNotificatieFeed,
  notificatieFeedCaughtUp,
} from './notificatieFeed.js';
export { zgwNotificatieOf } from './zaakEvents.js';
export { defaultRetryPolicy } from './types.js';
export type * from './types.js';
