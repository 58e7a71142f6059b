/**
 * The real checks behind `runDoctor`: WhatsApp's over the Graph API and each chat platform's from the registry
 * (adapters/registry.ts), each over the HTTP client its adapter uses. The composition roots (src/bridge.ts for
 * `/wa doctor`, src/cli/doctor.ts) pass this; tests may pass their own.
 */
import { chatPlatformEntries } from '../../adapters/registry';
import { whatsAppDoctor } from '../../adapters/whatsapp/doctor';
import type { DoctorDeps } from './run';

export function defaultDoctorDeps(): DoctorDeps {
  return {
    whatsapp: (account, whatsapp) => whatsAppDoctor(whatsapp, account),
    chats: Object.fromEntries(
      chatPlatformEntries().flatMap(([id, module]) => (module.doctor ? [[id, module.doctor.bind(module) as DoctorDeps['chats'][typeof id]]] : [])),
    ),
  };
}
