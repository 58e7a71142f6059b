/** The health port's contract (src/domain/store/health.ts). A backend that cannot be reached: see mongo-store.test.ts. */
import { STORE_HEALTH_METHODS } from '../../src/domain/store/health';
import { describePort, type StoreBackend } from './backends';

export function healthContract(backend: StoreBackend): void {
  describePort('health', STORE_HEALTH_METHODS, backend, (store) => {
    test('a reachable backend answers a ping', async () => {
      await expect(store().ping()).resolves.toBeUndefined();
    });
  });
}
