/**
 * Submitting a new template: `POST /{waba-id}/message_templates` with Meta's create body (name, category, language,
 * components, optionally parameter_format and allow_category_change), sent as given. Meta answers with the template's
 * id, its status (PENDING while it is reviewed) and its category (Meta's template-management page, "Create template"
 * example response: `{"id": "…", "status": "PENDING", "category": "MARKETING"}`). The decision arrives later through
 * the `message_template_status_update` webhook (src/services/templates/status.ts).
 */
import { DeliveryError } from '../../src/domain/errors';
import type { GraphClient } from './graph-client';

export interface CreatedTemplate {
  id: string;
  status: string;
  category?: string;
}

export async function createTemplate(graph: GraphClient, accessToken: string, wabaId: string, definition: Record<string, unknown>): Promise<CreatedTemplate> {
  const res = (await graph.request({ phoneNumberId: '', accessToken }, 'POST', `${wabaId}/message_templates`, definition)) as Record<string, unknown>;
  const id = typeof res.id === 'string' || typeof res.id === 'number' ? String(res.id) : undefined;
  if (!id) {
    throw DeliveryError.permanent('whatsapp', {
      code: 'bad_response',
      meaning: 'the Graph API accepted the template but returned no template id',
      action: 'look for the template in WhatsApp Manager before submitting it again',
    });
  }
  return { id, status: typeof res.status === 'string' ? res.status : 'PENDING', category: typeof res.category === 'string' ? res.category : undefined };
}
