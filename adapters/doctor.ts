/**
 * The real checks behind `runDoctor` (src/doctor/run.ts): WhatsApp's over the Graph API (adapters/whatsapp/doctor/)
 * and each chat platform's from the registry (adapters/registry.ts), each over the HTTP client its adapter uses.
 * Composed here, beside the registry, so the core keeps reaching adapters/whatsapp only through the composition root.
 */
import type { DoctorDeps } from '../src/doctor/run';
import { chatPlatformEntries } from './registry';
import { whatsAppDoctor } from './whatsapp/doctor';

export function defaultDoctorDeps(): DoctorDeps {
  return {
    whatsapp: (account, whatsapp) => whatsAppDoctor(whatsapp, account),
    chats: Object.fromEntries(
      chatPlatformEntries().flatMap(([id, module]) => (module.doctor ? [[id, module.doctor.bind(module) as DoctorDeps['chats'][typeof id]]] : [])),
    ),
  };
}
