/** it: the notice an account event from Meta gets in the account's channels (keys: ../en/account.ts). */
import type { Catalogue } from '../shape';

export const account: Pick<Catalogue, 'account'> = {
  account: {
    events: {
      templateStatus: 'Il template {{name}} [{{language}}] ora è {{status}}',
      templateStatusReason: 'Il template {{name}} [{{language}}] ora è {{status}} (motivo: {{reason}})',
      templateQuality: 'Qualità del template {{name}} [{{language}}]: {{before}} → {{after}}',
      templateCategory: 'Categoria del template {{name}} [{{language}}]: {{before}} → {{after}}',
      templateCategoryNow: 'La categoria del template {{name}} [{{language}}] ora è {{after}}',
      accountUpdate: 'Aggiornamento dell’account WhatsApp: {{event}}',
      numberQuality: 'Numero {{number}}: {{event}} (limite di messaggi {{limit}})',
      numberName: 'Numero {{number}}: nome visualizzato {{decision}} ({{name}})',
      alert: 'Avviso dell’account WhatsApp: {{alert}}',
      other: 'WhatsApp ha inviato un aggiornamento "{{field}}"',
    },
  },
};
