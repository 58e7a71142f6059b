/**
 * English: the notice an account event from Meta gets in the account's channels (adapters/whatsapp/account-events.ts
 * picks the text, src/services/inbound/account-event.ts shows it). Template names, languages, statuses, ratings and
 * limits are Meta's own values, put in as they come.
 */
export const account = {
  account: {
    events: {
      templateStatus: 'Template {{name}} [{{language}}] is now {{status}}',
      templateStatusReason: 'Template {{name}} [{{language}}] is now {{status}} (reason: {{reason}})',
      templateQuality: 'Template {{name}} [{{language}}] quality: {{before}} → {{after}}',
      templateCategory: 'Template {{name}} [{{language}}] category: {{before}} → {{after}}',
      templateCategoryNow: 'Template {{name}} [{{language}}] category is now {{after}}',
      accountUpdate: 'WhatsApp account update: {{event}}',
      numberQuality: 'Number {{number}}: {{event}} (messaging limit {{limit}})',
      numberName: 'Number {{number}}: display name {{decision}} ({{name}})',
      alert: 'WhatsApp account alert: {{alert}}',
      other: 'WhatsApp sent a "{{field}}" update',
    },
  },
} as const;
