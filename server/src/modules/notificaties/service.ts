import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { NotFoundError } from '../../http/errors.js';
import { AbonnementRepository, type AbonnementInput } from './abonnementRepository.js';
import { AfleveringRepository, type AfleveringFilter } from './afleveringRepository.js';
import type { Abonnement, Aflevering } from './types.js';

export interface NotificatieServiceOptions {
  db: Knex;
  now: () => Date;
}

/** Abonnementen (beheer) and the record of their afleveringen. */
export class NotificatieService {
  private readonly abonnementen: AbonnementRepository;

  constructor(private readonly options: NotificatieServiceOptions) {
    this.abonnementen = new AbonnementRepository(options.db);
  }

  list(): Promise<Abonnement[]> {
    return this.abonnementen.list();
  }

  async get(id: string): Promise<Abonnement> {
    return (await this.abonnementen.find(id)) ?? notFound(id);
  }

  async create(input: AbonnementInput, createdBy: string): Promise<Abonnement> {
    const id = randomUUID();
    await this.abonnementen.insert(id, input, createdBy, this.options.now());
    return this.get(id);
  }

  async update(id: string, patch: Partial<AbonnementInput>): Promise<Abonnement> {
    if (!(await this.abonnementen.update(id, patch, this.options.now()))) notFound(id);
    return this.get(id);
  }

  /** Ends the abonnement; afleveringen still pending for it go with it. */
  async delete(id: string): Promise<void> {
    if (!(await this.abonnementen.delete(id))) notFound(id);
  }

  afleveringen(filter: AfleveringFilter): Promise<Aflevering[]> {
    return new AfleveringRepository(this.options.db).list(filter);
  }
}

function notFound(id: string): never {
  throw new NotFoundError(`No abonnement ${id}`, { id });
}

/** The stored Authorization value as shown: its scheme and last four characters, never the value. */
export function authHint(auth: string): string {
  const scheme = /^(\S+)\s+\S/.exec(auth)?.[1];
  const tail = auth.length >= 16 ? auth.slice(-4) : '';
  return `${scheme ? `${scheme} ` : ''}****${tail}`;
}
