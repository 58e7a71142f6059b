/**
 * The WhatsApp side's configuration, like each chat platform's fragment (adapters/slack/config.ts): its environment
 * variables (a schema src/config.ts feeds from `process.env`, the one place that reads it), the settings the adapter
 * gets, typed from their schema, and the id checks an account in BRIDGE_CONFIG shares with them.
 */
import { z } from 'zod';
import { url } from '../../src/config-fields';

/** A numeric id from Meta's WhatsApp Manager (a phone number ID, a WhatsApp Business Account ID). */
export const metaDigits = (what: string) => z.string().regex(/^\d{5,20}$/, `must be the numeric ${what} from Meta's WhatsApp Manager`);
/** A Graph API access token (a system user's, or a number's own in BRIDGE_CONFIG). */
export const accessToken = z.string().min(10, 'must be a Graph API access token');

export const whatsappEnv = z.object({
  WHATSAPP_PHONE_NUMBER_ID: metaDigits('phone number ID').optional(),
  WHATSAPP_BUSINESS_ACCOUNT_ID: metaDigits('WhatsApp Business Account ID').optional(),
  WHATSAPP_ACCESS_TOKEN: accessToken.optional(),
  WHATSAPP_APP_SECRET: z.string().min(8, 'must be the Meta app secret (App settings → Basic)'),
  WHATSAPP_VERIFY_TOKEN: z.string().min(8, 'must be a string of at least 8 characters you also enter in the Meta webhook settings'),
  GRAPH_API_URL: url.default('https://graph.facebook.com'),
  GRAPH_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'must look like v23.0')
    .default('v23.0'),
});
export type WhatsAppEnv = z.infer<typeof whatsappEnv>;

/** What the webhook and the Graph client are configured with (`Config.whatsapp`). */
export const whatsappSettings = z.object({
  /** WHATSAPP_APP_SECRET: the key of the webhook's signature. */
  appSecret: z.string(),
  /** WHATSAPP_VERIFY_TOKEN: what Meta's verification request must carry. */
  verifyToken: z.string(),
  /** GRAPH_API_URL (without a trailing slash) and GRAPH_API_VERSION: requests go to `{graphApiUrl}/{graphApiVersion}/…`. */
  graphApiUrl: z.string(),
  graphApiVersion: z.string(),
});
export type WhatsAppSettings = z.infer<typeof whatsappSettings>;

export function whatsappSide(env: WhatsAppEnv): WhatsAppSettings {
  return whatsappSettings.parse({
    appSecret: env.WHATSAPP_APP_SECRET,
    verifyToken: env.WHATSAPP_VERIFY_TOKEN,
    graphApiUrl: env.GRAPH_API_URL.replace(/\/+$/, ''),
    graphApiVersion: env.GRAPH_API_VERSION,
  });
}
