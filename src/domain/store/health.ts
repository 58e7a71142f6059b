/** Whether the store's backend answers: readiness (`/readyz`) and the outbox's database probe. Not a record kind. */
import { methodsOf } from './methods';

export interface StoreHealth {
  /** Resolves when the backend answers; rejects when it cannot be reached. */
  ping(): Promise<void>;
}

export const STORE_HEALTH_METHODS = methodsOf<StoreHealth>({ ping: true });
