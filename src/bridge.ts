/**
 * Composition root: config → database → adapters → HTTP → delivery lease → outbox worker. `main.ts` runs it for the
 * process; the flow tests and `npm run demo` run it in-process against the fakes. Several instances may share one
 * database: each takes requests, and the one holding the delivery lease delivers (src/services/leader.ts; what the
 * lease starts and stops: src/services/delivery-lease-wiring.ts). Options and the result: bridge-options.ts.
 */
import { MongoStore } from '../adapters/mongo/store';
import { chatPlatformEntries } from '../adapters/registry';
import { createWhatsAppAdapter } from '../adapters/whatsapp';
import type { Config } from './config';
import { defaultDoctorDeps, registerDoctorCommand, runDoctor } from './doctor';
import { openDatabase, stopEmbedded } from './database';
import type { ChatAdapter, ChatPlatform } from './domain/chat';
import { createHttpApp } from './http/app';
import { listen } from './http/listen';
import { createObservability } from './http/observability';
import type { Logger } from './logger';
import { Accounts } from './services/accounts';
import { AutomaticReplies } from './services/automation/decide';
import { automaticMessagesCounter } from './services/automation/metrics';
import { Menus } from './services/automation/menu';
import { Commands } from './services/commands';
import { AccountEvents } from './services/inbound/account-event';
import { registerAgentTools } from './services/agent-tools';
import { registerInteractive } from './services/interactive';
import { AgentChanges } from './services/inbound/agent-edit';
import { AgentReactions } from './services/inbound/agent-reaction';
import { AgentReplies } from './services/inbound/agent-reply';
import { createChatInbound } from './services/inbound/chat';
import { CustomerMessages } from './services/inbound/customer-message';
import { StatusBook } from './services/inbound/status';
import { registerLifecycleCommands } from './services/lifecycle/commands';
import { CardActionService } from './services/lifecycle/card-actions';
import { Lifecycle } from './services/lifecycle/lifecycle';
import { Ingest } from './services/ingest';
import { AckPriority, gatedStore } from './services/ack-priority';
import { createEnqueue, JobRegistry, OutboxNotices, OutboxWorker, parkTarget, registerLeaderGauges, registerRequeueCommand } from './services/outbox';
import { DeliveryTiming } from './services/outbox/delivery-timing';
import { DeliveryLease } from './services/delivery-lease-wiring';
import { BulkSends } from './services/templates/bulk';
import { PAIR_INTERVAL_MS, SendPacer } from './services/templates/pacing';
import { registerTemplateCommands, TemplateSender } from './services/templates/send-command';
import { TemplateStatusUpdates } from './services/templates/status';
import { DEFAULT_SYNC_MINUTES, TemplateSync } from './services/templates/sync';
import { TokenIncidents } from './services/whatsapp-token';

import type { BridgeOptions, RunningBridge } from './bridge-options';

export type { BridgeOptions, RunningBridge };

export async function startBridge(config: Config, log: Logger, options: BridgeOptions = {}): Promise<RunningBridge> {
  const { conn, embedded } = await openDatabase(config, log, options.dbName);
  // Mongoose emits 'error' only to listeners; one here keeps a late connection error a log line, never a crash.
  conn.on('error', (err: Error) => log.error({ err: err.message }, 'database connection error')); // an operator's line: no stack
  // What a failed start-up undoes (in reverse), so the process can exit with the embedded database stopped.
  const undo: Array<() => Promise<unknown>> = [() => stopEmbedded(embedded, log), () => conn.close()];
  const orUndo = async <T>(step: Promise<T>): Promise<T> => {
    try {
      return await step;
    } catch (err) {
      for (const u of undo.reverse()) await u().catch(() => undefined);
      throw err;
    }
  };
  // The outbox worker's store calls yield to webhooks waiting for their writes (ack-priority.ts).
  const priority = new AckPriority();
  const store = gatedStore(await orUndo(MongoStore.open(conn)), priority);
  const accounts = new Accounts(config.accounts, config.language);
  // What only the delivering instance does (services/delivery-lease-wiring.ts). Built first: metrics, readiness and the
  // worker ask it; what it starts is attached once built, further down.
  const lease = new DeliveryLease(store, log.child({ component: 'leader' }), {
    ttlMs: options.leaderTtlMs,
    syncMinutes: options.templates?.syncOnStart === false ? undefined : (config.templateSyncMinutes ?? DEFAULT_SYNC_MINUTES),
    onFatal: options.onFatal,
    // The worker's chores' store calls yield to webhooks too.
    background: (work) => priority.background(work),
  });
  const leadership = lease.leadership;
  const { metrics, health, apiCalls } = createObservability({
    store,
    chats: () => chats,
    outbox: () => outbox,
    tokens: () => tokens,
    delivers: () => leadership.isLeader(),
  });
  // Every command the bridge sends (driver command monitoring, see adapters/mongo/connection.ts): round trips per message.
  conn.getClient().on('commandStarted', (e) => metrics.dbCommands.inc({ command: e.commandName }));

  // The worker is created below, once the stages exist; every enqueue wakes it so new work does not wait for the next poll.
  let outbox: OutboxWorker | undefined;
  const timing = new DeliveryTiming();
  const enqueue = timing.track(createEnqueue(store, () => outbox));
  const tokens = new TokenIncidents({
    accounts,
    enqueue,
    check: { check: (account) => whatsapp.tokenCheck.check(account) },
    log: log.child({ component: 'whatsapp-token' }),
    parking: () => outbox?.parking,
  });
  const http = createHttpApp({
    pingDatabase: () => store.ping(),
    ready: () => health.ready(),
    metrics,
    log: log.child({ component: 'http' }),
    timings: options.http,
  });
  const whatsapp = createWhatsAppAdapter(
    { ...config.whatsapp, templatePageSize: options.templates?.pageSize },
    {
      inbound: {
        // Two writes before the ack, in parallel: the raw archive and the events as `ingest` jobs (services/ingest.ts). The
        // worker applies them past the ack; the outbox makes that durable (leases, retries, recovery after a SIGKILL).
        events: (raw, events) => ingest.persist(raw, events),
        quarantine: async (records) => {
          for (const r of records) await store.saveRawWebhook('whatsapp-quarantine', r);
        },
      },
      whileDatabaseAnswers: (work) => http.whileDatabaseAnswers(work),
      metrics: metrics.registry,
      apiCalls,
      tokens,
      log: log.child({ adapter: 'whatsapp' }),
    },
  );
  http.mount(whatsapp.routes);
  const templateLog = log.child({ component: 'templates' });
  const templateSync = new TemplateSync(store, accounts, whatsapp.templates, templateLog);
  const templateStatus = new TemplateStatusUpdates(
    store,
    (field, value) => whatsapp.accountEvents.templateEventInfo(field, value),
    templateLog,
    (wabaId) => templateSync.syncSoon(wabaId),
    undefined,
    (wabaId) => accounts.language(accounts.byWaba(wabaId)[0]),
  );
  const ingestLog = log.child({ component: 'ingest' });
  const countAutomatic = automaticMessagesCounter(metrics.registry);
  const lifecycle = new Lifecycle(store, accounts, { sameThreadDays: config.lifecycle.sameThreadDays });
  const inboundStages = {
    customerMessages: new CustomerMessages(
      store,
      accounts,
      ingestLog,
      new AutomaticReplies(store, log.child({ component: 'automatic' }), new Menus(store, accounts, countAutomatic)),
      lifecycle,
    ),
    statuses: new StatusBook(store, ingestLog),
    accountEvents: new AccountEvents(accounts, ingestLog, new Set(whatsapp.accountEvents.noticeFields), (e) => templateStatus.apply(e)),
  };
  const ingest = new Ingest(store, enqueue, inboundStages.accountEvents, priority);
  const commands = new Commands((req) => accounts.channelLanguage(req.platform, req.channelId));

  const chats: Partial<Record<ChatPlatform, ChatAdapter>> = {};
  const templateSender = new TemplateSender(store, accounts, chats, templateLog, enqueue);
  const bulkSends = new BulkSends(store, accounts, chats, templateSender, templateLog, { progressMs: options.templates?.progressMs ?? 3000 });
  registerTemplateCommands(commands, templateSender, templateSync, bulkSends);
  registerRequeueCommand(commands, store, accounts, enqueue.wake);
  registerLifecycleCommands({ commands, lifecycle, store, accounts, enqueue });
  registerDoctorCommand(commands, {
    admins: config.admins ?? [],
    run: () => runDoctor(config, defaultDoctorDeps()),
    languageOf: (req) => accounts.channelLanguage(req.platform, req.channelId),
  });
  const agentReplies = new AgentReplies(store, accounts, log.child({ component: 'agent-replies' }), options.now);
  const toolsLog = log.child({ component: 'agent-tools' });
  const agentTools = registerAgentTools(commands, { store, accounts, chats, agentReplies, enqueue, log: toolsLog, now: options.now });
  const interactive = registerInteractive(commands, { store, accounts, chats, enqueue, log: log.child({ component: 'interactive' }), now: options.now });
  const inbound = createChatInbound({
    agentReplies,
    agentReactions: new AgentReactions(store, log.child({ component: 'agent-reactions' }), undefined, (id) => accounts.language(id)),
    agentChanges: new AgentChanges(store, accounts, log.child({ component: 'agent-changes' }), options.now),
    savedReplies: agentTools.savedReplyForms,
    language: (platform, channelId) => accounts.channelLanguage(platform, channelId),
    interactive,
    commands,
    templates: templateSender,
    cardActions: new CardActionService({ commands, lifecycle, store, accounts, enqueue, templates: templateSender }),
    enqueue,
    probeParked: (platform) => outbox?.probeParked(platform),
  });
  // Every configured platform of the registry (adapters/registry.ts): this file names none.
  for (const [platform, module] of chatPlatformEntries()) {
    const settings = config.chats[platform];
    if (settings === undefined) continue;
    chats[platform] = module.create(settings, {
      inbound,
      log: log.child({ adapter: platform }),
      routes: http.chatRoutes,
      channelIds: config.accounts.flatMap((a) => a[platform]?.channelId ?? []),
      startRetryMs: options.startRetryMs?.[platform],
      apiCalls,
    });
  }

  const pacer = new SendPacer({
    perSecond: (accountId) => accounts.get(accountId)?.messagesPerSecond ?? config.messagesPerSecond ?? 80,
    pairIntervalMs: options.templates?.pairIntervalMs ?? PAIR_INTERVAL_MS,
  });
  const jobs = new JobRegistry({
    store,
    accounts,
    chats,
    whatsapp: whatsapp.sender,
    media: whatsapp.media,
    inbound: inboundStages,
    enqueue,
    pacer,
    log: log.child({ component: 'delivery' }),
    now: options.now,
    countAutomatic,
  });
  const notices = new OutboxNotices(store, accounts, enqueue, (target) => tokens.covers(target));
  outbox = new OutboxWorker(
    store,
    {
      run: (job) => timing.within(job, () => jobs.run(job)),
      onPermanent: (job, err) => jobs.onPermanent(job, err),
      onResult: (job, result) => metrics.outboxResult(job, result, timing),
      parkTarget: (job, platform) => parkTarget(accounts, job, platform),
      onParked: (job, parked) => notices.parked(job, parked),
      onStuck: (job, waitedMs) => notices.stuck(job, waitedMs),
      mayClaim: () => leadership.holds(),
      background: (work) => priority.background(work),
    },
    log.child({ component: 'outbox' }),
    {
      concurrency: config.outbox.concurrency,
      stuckAlertMs: config.outbox.stuckAlertMinutes * 60_000,
      probeMs: config.outbox.parkedProbeSeconds * 1000,
      now: options.now,
      ...options.outbox,
    },
  );

  const { server, port } = await orUndo(listen(http.app, config.port));
  undo.push(() => new Promise<void>((r) => server.close(() => r())));
  log.info({ port }, 'HTTP server listening');

  lease.attach({ outbox, templateSync, bulkSends, chats });
  // Session-bound adapters (Discord's gateway) start when this instance wins the delivery lease, below.
  const adaptersStarted = lease.startAdapters();
  adaptersStarted.catch((err: Error) => {
    // The message names the variable and what to do (a ConfigError); a stack would only bury it (startup-fatal tests).
    log.fatal({ err: err.message }, 'a chat adapter cannot start');
    options.onFatal?.(err);
  });
  undo.push(() => Promise.all(Object.values(chats).map((c) => c.stop())));
  registerLeaderGauges(metrics.registry, () => leadership);
  undo.push(() => lease.stop());
  tokens.start(options.outbox?.probeMs ?? config.outbox.parkedProbeSeconds * 1000);
  undo.push(() => tokens.stop());
  await orUndo(lease.start());

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      log.info('shutting down: no new requests, finishing deliveries in flight');
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      bulkSends.stop();
      await tokens.stop();
      // Releases the lease only once nothing is in flight here: the next instance takes over at once.
      await lease.stop();
      await Promise.all(Object.values(chats).map((c) => c.stop()));
      await closed;
      await conn.close();
      await stopEmbedded(embedded, log);
      log.info('stopped');
    })());

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    metrics,
    outbox,
    leadership,
    chats,
    adaptersStarted,
    ready: () => health.ready(),
    tokens,
    stop,
    templates: { sync: templateSync, sender: templateSender, bulk: bulkSends },
  };
}
