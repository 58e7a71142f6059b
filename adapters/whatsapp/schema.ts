/**
 * zod schemas of Meta's webhook envelope. Strict where the bridge depends on a field, open (`looseObject`)
 * everywhere else: Meta adds fields and message types often, and an unknown one must never fail a batch.
 * Per-type message objects are parsed separately (normalize.ts) so one malformed message cannot reject the others.
 */
import { z } from 'zod';

export const errorSchema = z.looseObject({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});

export const contactSchema = z.looseObject({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});

export const messageSchema = z.looseObject({
  id: z.string(),
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  timestamp: z.string(),
  type: z.string(),
  context: z
    .looseObject({ from: z.string().optional(), id: z.string().optional(), forwarded: z.boolean().optional(), frequently_forwarded: z.boolean().optional() })
    .optional(),
  referral: z
    .looseObject({ source_url: z.string().optional(), source_type: z.string().optional(), headline: z.string().optional(), body: z.string().optional() })
    .optional(),
  errors: z.array(errorSchema).optional(),
});

export const statusSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  timestamp: z.string(),
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  errors: z.array(errorSchema).optional(),
});

// Lists are `unknown[]` and each item is parsed on its own (normalize.ts): one malformed item must not reject
// its siblings (issue 9: "one bad event fails its whole batch forever").
export const messagesValueSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  metadata: z.looseObject({ display_phone_number: z.string().optional(), phone_number_id: z.string() }),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});

export const changeSchema = z.looseObject({ field: z.string(), value: z.unknown() });

export const entrySchema = z.looseObject({
  id: z.string(),
  time: z.number().optional(),
  changes: z.array(z.unknown()),
});

/** Only what makes a body a webhook at all; a bad entry or change is quarantined, not the body refused. */
export const envelopeSchema = z.looseObject({
  object: z.string(),
  entry: z.array(z.unknown()),
});

// Per-type objects (Meta's webhook reference, one page per type).
const media = z.looseObject({
  id: z.string().optional(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});

export const typeSchemas = {
  text: z.looseObject({ body: z.string() }),
  image: media,
  video: media,
  audio: media,
  document: media,
  sticker: media,
  location: z.looseObject({
    latitude: z.coerce.number(),
    longitude: z.coerce.number(),
    name: z.string().optional(),
    address: z.string().optional(),
    url: z.string().optional(),
  }),
  contacts: z.array(
    z.looseObject({
      name: z.looseObject({ formatted_name: z.string().optional(), first_name: z.string().optional(), last_name: z.string().optional() }).optional(),
      phones: z.array(z.looseObject({ phone: z.string().optional(), wa_id: z.string().optional() })).optional(),
      emails: z.array(z.looseObject({ email: z.string().optional() })).optional(),
      org: z.looseObject({ company: z.string().optional() }).optional(),
    }),
  ),
  interactive: z.looseObject({
    type: z.string(),
    button_reply: z.looseObject({ id: z.string().optional(), title: z.string() }).optional(),
    list_reply: z.looseObject({ id: z.string().optional(), title: z.string(), description: z.string().optional() }).optional(),
    nfm_reply: z.looseObject({ name: z.string().optional(), body: z.string().optional(), response_json: z.string().optional() }).optional(),
  }),
  button: z.looseObject({ text: z.string(), payload: z.string().optional() }),
  reaction: z.looseObject({ message_id: z.string(), emoji: z.string().optional() }),
  order: z.looseObject({
    catalog_id: z.string().optional(),
    text: z.string().optional(),
    product_items: z
      .array(z.looseObject({ product_retailer_id: z.string(), quantity: z.coerce.number(), item_price: z.coerce.number(), currency: z.string() }))
      .default([]),
  }),
  system: z.looseObject({ body: z.string().optional(), type: z.string().optional(), wa_id: z.string().optional(), new_wa_id: z.string().optional() }),
  edit: z.looseObject({
    original_message_id: z.string(),
    // The edited message as it is now: a text's body, or a file's caption (Meta's example edits an image caption).
    message: z.looseObject({ type: z.string().optional(), text: z.looseObject({ body: z.string() }).optional() }).optional(),
  }),
  revoke: z.looseObject({ original_message_id: z.string() }),
} as const;
