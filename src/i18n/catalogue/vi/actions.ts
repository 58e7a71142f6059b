/** vi: what a card button's click answers, the first-contact menu's lines, Slack's "working on it" (keys and variables: ../en/actions.ts). */
import type { Catalogue } from '../shape';

export const actions: Pick<Catalogue, 'cardActions' | 'menu' | 'working' | 'requeue' | 'done' | 'commandFailed'> = {
  cardActions: {
    unknownConversation: 'Bridge không còn biết cuộc trò chuyện này.',
    wrongChannel: 'Nút này thuộc về một cuộc trò chuyện của kênh khác: hãy dùng nó trong kênh hiển thị các cuộc trò chuyện của số đó.',
    pickSomeone: 'Hãy chọn người trong menu trước.',
    formTo: 'Gửi đến: *{{customer}}*',
    pickTemplate: 'Chọn template để gửi cho {{customer}}:',
    pickTemplatePlaceholder: 'Chọn một template',
    tooManyFields: 'Template này cần nhiều giá trị hơn một biểu mẫu có thể chứa: hãy gửi bằng `{{line}}`.',
    noTemplates: 'Chưa có template nào được duyệt và đồng bộ cho số này. Hãy chạy `/wa sync`, hoặc xem `/wa templates`.',
  },
  menu: {
    movedTo: '🤖 menu: khách hàng đã chọn {{choice}} → chuyển đến {{account}}: cuộc trò chuyện tiếp tục tại {{where}}',
    movedFrom: '🤖 menu: khách hàng đã chọn {{choice}}; cuộc trò chuyện trước đó: {{from}}',
    chose: '🤖 menu: khách hàng đã chọn {{choice}} → {{outcome}}',
    routedHere: 'chuyển đến {{account}}',
    labelled: 'nhãn {{label}}',
    noAnswer: 'không có lựa chọn trong {{minutes}} phút (tuyến mặc định)',
    stays: 'ở lại đây',
    cardLabel: '🏷️ Nhãn: *{{label}}*',
    channel: 'kênh {{channel}}',
  },
  requeue: {
    conversation: 'cuộc trò chuyện {{id}}',
    all: 'tất cả cuộc trò chuyện',
    nothing: 'Không có lượt gửi nào thất bại hoặc tạm dừng trong {{where}}.',
    done_one: 'Đã đưa lại {{count}} lượt gửi vào hàng đợi trong {{where}}:',
    done_other: 'Đã đưa lại {{count}} lượt gửi vào hàng đợi trong {{where}}:',
    paused: 'tạm dừng: {{code}}',
    failed: 'thất bại: {{error}}',
    unknown: 'không rõ',
  },
  done: 'Xong.',
  commandFailed: '⚠️ Lệnh không thành công: {{error}}. Hãy thử lại; nếu vẫn lỗi, hãy báo quản trị viên của bridge.',
  working: '⏳ Đang xử lý: câu trả lời sẽ có ở đây.',
};
