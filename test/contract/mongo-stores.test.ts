/** Every store port's contract against the Mongo store, on the real MongoDB-wire server the tests start. */
import { bulkSendsContract } from './bulk-sends.contract';
import { conversationsContract } from './conversations.contract';
import { healthContract } from './health.contract';
import { mongoBackend } from './backends';
import { leasesContract } from './leases.contract';
import { messagesContract } from './messages.contract';
import { outboxContract } from './outbox.contract';
import { rawWebhooksContract } from './raw-webhooks.contract';
import { templatesContract } from './templates.contract';
import { lookupsContract } from './lookups.contract';
import { savedRepliesContract } from './saved-replies.contract';

const backend = mongoBackend();
beforeAll(() => backend.setUp());
afterAll(() => backend.tearDown());

conversationsContract(backend);
messagesContract(backend);
outboxContract(backend);
templatesContract(backend);
bulkSendsContract(backend);
rawWebhooksContract(backend);
healthContract(backend);
savedRepliesContract(backend);
lookupsContract(backend);
leasesContract(backend);
