/** vi: the notice an account event from Meta gets in the account's channels (keys: ../en/account.ts). */
import type { Catalogue } from '../shape';

export const account: Pick<Catalogue, 'account'> = {
  account: {
    events: {
      templateStatus: 'Template {{name}} [{{language}}] hiện ở trạng thái {{status}}',
      templateStatusReason: 'Template {{name}} [{{language}}] hiện ở trạng thái {{status}} (lý do: {{reason}})',
      templateQuality: 'Chất lượng template {{name}} [{{language}}]: {{before}} → {{after}}',
      templateCategory: 'Danh mục template {{name}} [{{language}}]: {{before}} → {{after}}',
      templateCategoryNow: 'Danh mục template {{name}} [{{language}}] hiện là {{after}}',
      accountUpdate: 'Cập nhật tài khoản WhatsApp: {{event}}',
      numberQuality: 'Số {{number}}: {{event}} (giới hạn tin nhắn {{limit}})',
      numberName: 'Số {{number}}: tên hiển thị {{decision}} ({{name}})',
      alert: 'Cảnh báo tài khoản WhatsApp: {{alert}}',
      other: 'WhatsApp đã gửi một cập nhật "{{field}}"',
    },
  },
};
