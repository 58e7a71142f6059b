/**
 * What one chat platform's folder exports (adapters/<platform>/index.ts) and adapters/registry.ts lists: its words,
 * its configuration fragment, and the factory of its ChatAdapter. The core merges the fragments (src/config.ts) and
 * builds the adapters (src/bridge.ts) by iterating the registry, so it never names a platform.
 * Modelled on matterbridge's one map of bridge factories (bridge/bridge.go) and Chat SDK's create<Name>Adapter.
 */
import type { Express } from 'express';
import type { z } from 'zod';
import type { ChatAdapter } from '../src/domain/chat/adapter';
import type { ChatInbound } from '../src/domain/chat/inbound';
import type { DoctorCheck } from '../src/domain/doctor';
import type { ApiCallObserver } from '../src/domain/ports/telemetry';
import type { Logger } from '../src/logger';

/** Where an account's conversations go on one platform. */
export interface ChatDestination {
  channelId: string;
  notifyUsers: string[];
}

/**
 * A platform's part of the configuration. Schemas only: `process.env` is read in src/config.ts alone, which feeds
 * every fragment and reports all problems at once, each naming the variable to fix.
 */
export interface ChatConfigFragment<Env extends z.ZodObject = z.ZodObject, Side = unknown> {
  /** The platform's environment variables (each documented in .env.example; test/unit/env-example.test.ts checks). */
  env: Env;
  /** The variables that turn the side on: all of them or none. The first is named when an account needs the side. */
  required: readonly [string, ...string[]];
  /**
   * A required variable another one makes unneeded, and what that other one turns on (Slack: SLACK_APP_TOKEN,
   * Socket Mode, needs no SLACK_SIGNING_SECRET). Setting the stand-in alone also turns the side on.
   */
  alternatives?: Readonly<Record<string, { variable: string; what: string }>>;
  /** The variable of the quick start's one channel (the single-account configuration). */
  channelVariable: string;
  /** The side's settings once `required` are all set (the factory's `config`). */
  side(env: z.infer<Env>): Side;
  /** The single-account destination, when `channelVariable` is set. */
  destination(env: z.infer<Env>): ChatDestination | undefined;
  /** An account's destination on this platform in a BRIDGE_CONFIG file (`accounts[].<platform>`). */
  accountDestination: z.ZodType<ChatDestination>;
  /** The ids that may name a template sender here (TEMPLATE_SENDERS): an unanchored pattern each, and its words. */
  senderIds: { pattern: RegExp; what: string }[];
}

/** What the composition root hands a factory. */
export interface ChatAdapterDeps {
  inbound: ChatInbound;
  log: Logger;
  /** The express app a platform that receives webhooks mounts its routes on (Slack's Bolt receiver). */
  routes: Express;
  /** Every account's channel on this platform: only threads under these are bridged. */
  channelIds: string[];
  /** How long to wait between start-up attempts while the platform cannot be reached (tests shorten it). */
  startRetryMs?: number;
  /** Told of every call the adapter makes to its platform's API (duration, outcome): metrics and health. */
  apiCalls?: ApiCallObserver;
}

export interface ChatPlatformModule<Env extends z.ZodObject = z.ZodObject, Side = unknown> {
  /** The platform's name in messages for people ("the Slack side is not configured"). */
  label: string;
  config: ChatConfigFragment<Env, Side>;
  create(config: Side, deps: ChatAdapterDeps): ChatAdapter;
  /** `doctor`'s checks of this side (token, permissions, each account's channel), without starting an adapter (src/doctor/). */
  doctor?(config: Side, destinations: ChatDestination[]): Promise<DoctorCheck[]>;
}

/** Keeps a module's own types (its config's Side) while checking it is a module. */
export const defineChatPlatform = <Env extends z.ZodObject, Side>(m: ChatPlatformModule<Env, Side>): ChatPlatformModule<Env, Side> => m;
