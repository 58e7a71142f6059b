/** vi: notices in threads (not delivered, paused, edits, token, automatic answers) and lifecycle answers (keys and variables: ../en/notices.ts). */
import type { Catalogue } from '../shape';

export const notices: Pick<Catalogue, 'notices' | 'edits' | 'windowReminder' | 'token' | 'automatic' | 'lifecycle'> = {
  notices: {
    notDelivered: '⚠️ *Chưa gửi được đến khách hàng:* {{meaning}} (mã {{code}}).\n*Cần làm gì:* {{action}}',
    gaveUp: 'WhatsApp đã bỏ qua tin nhắn này và bridge sẽ không tự gửi lại: hãy viết lại trong thread, hoặc liên hệ khách hàng bằng cách khác',
    failedNoReason: 'WhatsApp báo tin nhắn gửi thất bại mà không nêu lý do',
    failedNoReasonAction: 'hãy thử lại, hoặc liên hệ khách hàng bằng cách khác',
    paused:
      '⏸ *Tạm dừng* ({{label}}): {{meaning}} (mã {{code}}).\n*Cần làm gì:* {{action}}. Việc gửi sẽ tự tiếp tục khi vấn đề được khắc phục; không mất gì cả.',
    requeueHint: 'Tin nhắn không được tự gửi lại; khi đã khắc phục nguyên nhân, `/wa requeue` (hoặc `npm run requeue`) sẽ gửi lại.',
    fileTooLarge: 'tệp có dung lượng {{size}} trong khi {{platform}} chỉ nhận tệp tối đa {{limit}} từ bridge',
    fileTooLargeAction: 'đề nghị khách hàng gửi tệp nhỏ hơn, hoặc chia sẻ bằng cách khác',
    fileNotShown: '⚠️ *Không thể hiển thị tệp ở đây:* {{meaning}} (mã {{code}}).\n*Cần làm gì:* {{action}}',
    notPosted:
      '⚠️ Một tin nhắn trong cuộc trò chuyện với *{{customer}}* không thể đăng vào thread của nó: {{meaning}} (mã {{code}}).\n*Cần làm gì:* {{action}}. {{hint}}\n> {{quote}}',
    stuckWith:
      '⏳ Các tin nhắn trong cuộc trò chuyện với *{{customer}}* chưa được {{where}} trong {{duration}}: {{error}}.\n*Cần làm gì:* không mất gì cả: bridge vẫn tiếp tục thử lại và sẽ gửi theo đúng thứ tự khi thông suốt; nếu kéo dài, hãy kiểm tra trạng thái của nền tảng.',
    stuck:
      '⏳ Các tin nhắn trong cuộc trò chuyện chưa được {{where}} trong {{duration}}: {{error}}.\n*Cần làm gì:* không mất gì cả: bridge vẫn tiếp tục thử lại và sẽ gửi theo đúng thứ tự khi thông suốt; nếu kéo dài, hãy kiểm tra trạng thái của nền tảng.',
    stuckPosted: 'đăng vào thread',
    stuckSent: 'gửi đến WhatsApp',
    unknownError: 'lỗi không xác định',
    reactionFailed: '⚠️ *Biểu cảm {{emoji}} chưa đến được khách hàng:* {{meaning}} (mã {{code}}).\n*Cần làm gì:* {{action}}',
    reactionRemoval: '(gỡ bỏ)',
    filesRefused: '⚠️ *Chưa gửi đến khách hàng:*\n{{lines}}\n*Cần làm gì:* chia sẻ đường dẫn đến tệp, hoặc một tệp mà WhatsApp chấp nhận.',
    fileRefusedLine: '• “{{name}}”: {{reason}}.',
    textTooLong:
      '⚠️ *Chưa gửi đến khách hàng:* tin nhắn dài {{length}} ký tự, trong khi WhatsApp nhận tối đa {{max}} ký tự mỗi tin; bridge gửi một trả lời thành nhiều nhất {{parts}} tin nhắn.\n*Cần làm gì:* rút ngắn tin nhắn, hoặc chia sẻ dưới dạng tệp.',
    windowClosedMeaning: 'khách hàng nhắn tin lần cuối hơn 24 giờ trước ({{at}}), nên WhatsApp chỉ cho phép gửi template',
    windowNeverMeaning: 'khách hàng chưa từng nhắn tin, nên WhatsApp chỉ cho phép gửi template',
    windowClosedAction: 'gửi một template đã được duyệt bằng `/wa template {{phone}} <template>`',
  },
  windowReminder: {
    reminder:
      '⏰ *Nhắc nhở*: tin nhắn cuối của khách hàng vẫn chưa được trả lời, và cửa sổ 24 giờ sẽ đóng lúc {date}. Sau đó chỉ có thể gửi template đã được duyệt.',
    reminderFor:
      '⏰ *Nhắc nhở* cho {{others}}: tin nhắn cuối của khách hàng vẫn chưa được trả lời, và cửa sổ 24 giờ sẽ đóng lúc {date}. Sau đó chỉ có thể gửi template đã được duyệt.',
  },
  edits: {
    editedHere: '✏️ *Chỉ sửa ở đây:* WhatsApp không thể sửa tin nhắn đã gửi, nên khách hàng vẫn nhận được:\n{{quote}}',
    deletedHere: '✏️ *Chỉ xóa ở đây:* WhatsApp không thể xóa tin nhắn đã gửi, nên khách hàng vẫn nhận được:\n{{quote}}',
    notSentParts: '✏️ *Chưa gửi bản sửa:* tin nhắn này được gửi đến WhatsApp thành nhiều phần, không thể viết lại, nên khách hàng nhận bản gốc:\n{{quote}}',
    notSentReply: '✏️ *Chưa gửi bản sửa:* không thể gửi văn bản đã sửa như một trả lời, nên khách hàng nhận bản gốc:\n{{quote}}',
    reactionWindowClosed:
      '⚠️ *Biểu cảm {{emoji}} chưa được gửi đến khách hàng:* khách hàng nhắn tin lần cuối đã hơn 24 giờ trước, và khi đó WhatsApp chỉ cho phép gửi template.',
  },
  token: {
    refused:
      '🔑 *Mã truy cập WhatsApp bị từ chối* ({{names}}): {{meaning}} (mã {{code}}).\n*Cần làm gì:* {{action}}.\nTrong lúc này các trả lời gửi khách hàng được tạm dừng; việc gửi sẽ tự tiếp tục khi có mã hoạt động, không mất gì cả.',
    action:
      'tạo một mã vĩnh viễn cho người dùng hệ thống (Meta Business Suite → Cài đặt doanh nghiệp → Người dùng hệ thống → Tạo mã mới, với whatsapp_business_messaging và whatsapp_business_management), đặt {{variables}}, rồi khởi động lại bridge',
    works: '🔑 *Mã truy cập WhatsApp đã hoạt động trở lại:* các trả lời gửi khách hàng đang tạm dừng đang được gửi đi.',
  },
  automatic: {
    away: 'tin nhắn vắng mặt',
    menu: 'menu',
    greeting: 'lời chào',
    keyword: 'trả lời tự động: {{rule}}',
    notSent: '🤖 {{label}} chưa được gửi: {{meaning}}.\n*Cần làm gì:* {{action}}',
    notSentCode: '🤖 {{label}} chưa được gửi: {{meaning}} (mã {{code}}).\n*Cần làm gì:* {{action}}',
    sent: '🤖 Đã gửi {{label}}{{what}}',
    answered: '🤖 {{label}}{{what}}',
    templateInstead: '\n(template {{template}}: cửa sổ 24 giờ đã đóng)',
    noTemplateMeaning:
      'khách hàng nhắn tin đã hơn 24 giờ trước, nên WhatsApp chỉ cho phép gửi template, và chưa có template nào được cấu hình cho trường hợp này',
    noTemplateAction: 'trả lời bằng `/wa template`, hoặc đặt `whenWindowClosed` cho câu trả lời này trong BRIDGE_CONFIG',
  },
  lifecycle: {
    ownYouAlready: 'Bạn đã phụ trách cuộc trò chuyện này rồi.',
    ownAlready: '{{name}} đã phụ trách cuộc trò chuyện này rồi.',
    ownYouNow: 'Bây giờ bạn phụ trách cuộc trò chuyện này.',
    ownNow: 'Bây giờ {{name}} phụ trách cuộc trò chuyện này.',
    participantAlready: '{{name}} đã là người tham gia.',
    participantNow: '{{name}} giờ là người tham gia.',
    closedAlready: 'Cuộc trò chuyện này đã đóng rồi.',
    closed: 'Đã đóng cuộc trò chuyện.',
    closedNotSent: 'Đã đóng cuộc trò chuyện. Tin nhắn kết thúc chưa được gửi: cửa sổ 24 giờ đã đóng (chỉ có thể gửi template).',
    closingMessage: 'tin nhắn kết thúc',
    notClosed: 'Cuộc trò chuyện này chưa đóng.',
    reopened: 'Đã mở lại cuộc trò chuyện.',
    notAChannel: 'Kênh này không phải là kênh của một số WhatsApp.',
    noConversation: 'Không có cuộc trò chuyện nào với {{number}} trên số của kênh này.',
    useInThread: 'Hãy dùng lệnh này trong thread của một cuộc trò chuyện, hoặc ghi số của khách hàng (ví dụ `+4915112345678`).',
    addWho: 'Hãy ghi người cần thêm: `/wa add @người`.',
    assignWho: 'Hãy ghi người được giao: `/wa assign @người`.',
  },
};
