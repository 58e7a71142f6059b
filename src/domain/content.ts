/** What a customer sent, independent of the WhatsApp payload shape it came in. */
export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

export interface ContactCard {
  name: string;
  phones: string[];
  emails: string[];
  org?: string;
}

export interface OrderItem {
  productRetailerId: string;
  quantity: number;
  itemPrice: number;
  currency: string;
}

export type MessageContent =
  | { kind: 'text'; text: string }
  | {
      kind: 'media';
      media: MediaKind;
      mediaId?: string;
      mimeType?: string;
      caption?: string;
      filename?: string;
      voice?: boolean;
      animated?: boolean;
    }
  | { kind: 'location'; latitude: number; longitude: number; name?: string; address?: string; url?: string }
  | { kind: 'contacts'; contacts: ContactCard[] }
  | { kind: 'interactive_reply'; replyType: 'button' | 'list' | 'flow' | 'other'; id?: string; title: string; description?: string }
  | { kind: 'button'; text: string; payload?: string }
  | { kind: 'reaction'; targetWamid: string; emoji?: string }
  | { kind: 'order'; catalogId?: string; text?: string; items: OrderItem[] }
  | { kind: 'system'; text: string; systemType?: string }
  | { kind: 'edit'; targetWamid: string; newText?: string }
  | { kind: 'revoke'; targetWamid: string }
  | { kind: 'unsupported'; originalType: string; detail?: string };
