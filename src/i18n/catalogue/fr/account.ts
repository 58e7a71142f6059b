/** fr: the notice an account event from Meta gets in the account's channels (keys: ../en/account.ts). */
import type { Catalogue } from '../shape';

export const account: Pick<Catalogue, 'account'> = {
  account: {
    events: {
      templateStatus: 'Le template {{name}} [{{language}}] est maintenant {{status}}',
      templateStatusReason: 'Le template {{name}} [{{language}}] est maintenant {{status}} (motif : {{reason}})',
      templateQuality: 'Qualité du template {{name}} [{{language}}] : {{before}} → {{after}}',
      templateCategory: 'Catégorie du template {{name}} [{{language}}] : {{before}} → {{after}}',
      templateCategoryNow: 'La catégorie du template {{name}} [{{language}}] est maintenant {{after}}',
      accountUpdate: 'Mise à jour du compte WhatsApp : {{event}}',
      numberQuality: 'Numéro {{number}} : {{event}} (limite de messages {{limit}})',
      numberName: 'Numéro {{number}} : nom d’affichage {{decision}} ({{name}})',
      alert: 'Alerte du compte WhatsApp : {{alert}}',
      other: 'WhatsApp a envoyé une mise à jour « {{field}} »',
    },
  },
};
