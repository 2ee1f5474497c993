import { vraagInformatieOp } from './burger.informatie-opvragen/handler.js';
import { genereerDocument } from './document.genereren/handler.js';
import { httpRequest } from './http.request/handler.js';
import { verstuurEmail } from './notificatie.email/handler.js';
import type { JobHandler } from './runtime/jobOutcome.js';
import { sluitZaakAf } from './zaak.afsluiten/handler.js';
import { hervatZaak } from './zaak.hervatten/handler.js';
import { schortZaakOp } from './zaak.opschorten/handler.js';
import { zetResultaat } from './zaak.resultaat/handler.js';
import { voegRolToe } from './zaak.rol/handler.js';
import { zetStatus } from './zaak.status/handler.js';
import { verlengZaak } from './zaak.verlengen/handler.js';

/** The standard job types and their handlers; each folder also holds the element template. */
export const jobHandlers: Readonly<Record<string, JobHandler>> = {
  'zaak.status': zetStatus,
  'zaak.resultaat': zetResultaat,
  'zaak.afsluiten': sluitZaakAf,
  'zaak.opschorten': schortZaakOp,
  'zaak.hervatten': hervatZaak,
  'zaak.verlengen': verlengZaak,
  'zaak.rol': voegRolToe,
  'notificatie.email': verstuurEmail,
  'http.request': httpRequest,
  'document.genereren': genereerDocument,
  'burger.informatie-opvragen': vraagInformatieOp,
};
