/** vi: what a WhatsApp error code means and what to do (keys: ../en/errors.ts). */
import type { Catalogue } from '../shape';

export const errors: Pick<Catalogue, 'errors'> = {
  errors: {
    whatsapp: {
      e131047: {
        meaning: 'đã hơn 24 giờ kể từ lần cuối khách hàng nhắn tin, nên không được gửi trả lời tự do',
        action: 'hãy gửi một template đã được duyệt bằng `/wa template <phone> <template>`',
      },
      e131026: {
        meaning: 'không thể gửi tin nhắn: số này có thể không dùng WhatsApp, dùng ứng dụng cũ hoặc chưa chấp nhận điều khoản',
        action: 'kiểm tra lại số với khách hàng, hoặc liên hệ họ bằng cách khác',
      },
      e131049: {
        meaning: 'Meta đã giữ lại tin nhắn marketing này để duy trì mức tương tác lành mạnh (giới hạn marketing theo người dùng)',
        action: 'chờ ít nhất 24 giờ trước khi gửi cho khách hàng này một template marketing khác',
      },
      e131050: {
        meaning: 'khách hàng đã tắt tin nhắn marketing từ doanh nghiệp này',
        action: 'không gửi template marketing cho khách hàng này',
      },
      e131051: {
        meaning: 'loại tin nhắn này không được hỗ trợ',
        action: 'gửi văn bản hoặc một loại media được hỗ trợ',
      },
      e131052: {
        meaning: 'WhatsApp không tải được media của khách hàng',
        action: 'nhờ khách hàng gửi lại tệp',
      },
      e131053: {
        meaning: 'không tải lên được media (loại không được hỗ trợ hoặc không khớp)',
        action: 'gửi một loại tệp mà WhatsApp hỗ trợ',
      },
      e131021: {
        meaning: 'người nhận chính là số của doanh nghiệp',
        action: 'gửi đến số của khách hàng',
      },
      e131009: {
        meaning: 'giá trị của một tham số không hợp lệ',
        action: 'kiểm tra số điện thoại và tin nhắn',
      },
      e131000: {
        meaning: 'WhatsApp gặp lỗi không xác định',
        action: 'không cần làm gì: bridge sẽ thử lại',
      },
      e131056: {
        meaning: 'quá nhiều tin nhắn gửi cho khách hàng này trong thời gian ngắn (giới hạn theo cặp)',
        action: 'không cần làm gì: bridge sẽ thử lại với thời gian chờ tăng dần',
      },
      e132000: {
        meaning: 'số tham số không khớp với template',
        action: 'điền một giá trị cho mỗi biến (xem `/wa templates`)',
      },
      e132001: {
        meaning: 'template không tồn tại, hoặc không có ngôn ngữ đó, hoặc chưa được duyệt',
        action: 'kiểm tra tên và ngôn ngữ bằng `/wa templates`',
      },
      e130472: {
        meaning: 'số của khách hàng thuộc một thử nghiệm của Meta và không thể nhận tin nhắn này',
        action: 'liên hệ khách hàng bằng cách khác',
      },
      e130497: {
        meaning: 'tài khoản này không được nhắn tin cho người dùng ở quốc gia của khách hàng',
        action: 'liên hệ khách hàng bằng cách khác',
      },
      e131048: {
        meaning: 'số này đã bị giới hạn vì có quá nhiều tin nhắn bị báo cáo là spam',
        action: 'kiểm tra xếp hạng chất lượng của số trong WhatsApp Manager',
      },
      e0: { meaning: 'WhatsApp không xác thực được ứng dụng', action: 'gia hạn WHATSAPP_ACCESS_TOKEN và khởi động lại bridge' },
      e1: {
        meaning: 'Graph API đã từ chối yêu cầu hoặc gặp lỗi nội bộ',
        action: 'xem trang trạng thái của Meta; bridge sẽ không thử lại lần gửi này',
      },
      e2: { meaning: 'WhatsApp tạm thời ngừng hoạt động hoặc bị quá tải', action: 'không cần làm gì: bridge sẽ thử lại' },
      e3: {
        meaning: 'ứng dụng thiếu tính năng hoặc quyền cho lệnh gọi này',
        action: 'kiểm tra các quyền WhatsApp của ứng dụng trong App Dashboard của Meta',
      },
      e4: { meaning: 'ứng dụng đã chạm giới hạn số lệnh gọi API của Meta', action: 'không cần làm gì: bridge sẽ thử lại sau' },
      e10: { meaning: 'bị từ chối quyền đối với số này', action: 'cấp cho người dùng hệ thống của token quyền truy cập tài khoản WhatsApp' },
      e100: {
        meaning: 'một tham số không hợp lệ',
        action:
          'kiểm tra tin nhắn; nếu mọi lệnh gọi đều lỗi 100, token thuộc về một người dùng hệ thống có vai trò Nhân viên: hãy tạo token cho một người dùng hệ thống có vai trò Quản trị viên (`npm run doctor` sẽ cho biết)',
      },
      e190: {
        meaning: 'token truy cập WhatsApp đã hết hạn hoặc bị thu hồi',
        action: 'tạo token mới (token của người dùng hệ thống không hết hạn), đặt vào WHATSAPP_ACCESS_TOKEN và khởi động lại',
      },
      e368: {
        meaning: 'tài khoản tạm thời bị chặn do vi phạm chính sách',
        action: 'xem Business Support Home trong Meta Business Suite',
      },
      e80007: { meaning: 'tài khoản WhatsApp đã chạm giới hạn tốc độ', action: 'không cần làm gì: bridge sẽ thử lại sau' },
      e130429: {
        meaning: 'số này đã đạt thông lượng gửi tin nhắn tối đa',
        action: 'không cần làm gì: bridge sẽ thử lại với thời gian chờ tăng dần',
      },
      e131005: { meaning: 'bị từ chối truy cập', action: 'kiểm tra các quyền của token (whatsapp_business_messaging)' },
      e131008: { meaning: 'thiếu một tham số bắt buộc', action: 'báo lỗi này cho người bảo trì bridge' },
      e131016: { meaning: 'dịch vụ WhatsApp tạm thời không khả dụng', action: 'không cần làm gì: bridge sẽ thử lại' },
      e131030: {
        meaning: 'số của khách hàng không có trong danh sách thử nghiệm: ứng dụng chưa ở chế độ Live (hoặc đó là số thử nghiệm)',
        action: 'chuyển ứng dụng sang Live trong App Dashboard, hoặc thêm số vào danh sách thử nghiệm (WhatsApp → API Setup → To)',
      },
      e131031: {
        meaning: 'tài khoản doanh nghiệp bị khóa hoặc bị hạn chế',
        action: 'xem Business Support Home trong Meta Business Suite',
      },
      e131042: { meaning: 'phương thức thanh toán của tài khoản có vấn đề', action: 'khắc phục thanh toán trong WhatsApp Manager' },
      e131045: { meaning: 'số doanh nghiệp chưa được đăng ký đúng cách', action: 'đăng ký lại số trong WhatsApp Manager' },
      e131057: {
        meaning: 'tài khoản đang ở chế độ bảo trì (nâng cấp thông lượng)',
        action: 'không cần làm gì: bridge sẽ thử lại sau một phút',
      },
      e132005: { meaning: 'nội dung template quá dài sau khi điền tham số', action: 'dùng giá trị tham số ngắn hơn' },
      e132007: { meaning: 'template vi phạm chính sách của WhatsApp', action: 'chỉnh sửa template trong WhatsApp Manager' },
      e132012: { meaning: 'một tham số của template sai định dạng', action: 'đối chiếu từng giá trị với template' },
      e132015: {
        meaning: 'template bị tạm dừng do chất lượng thấp',
        action: 'dùng template khác hoặc chỉnh sửa template này trong WhatsApp Manager',
      },
      e132016: { meaning: 'template đã bị vô hiệu hóa vĩnh viễn', action: 'dùng template khác' },
      e132018: { meaning: 'một tham số của template không vượt qua bước kiểm tra', action: 'đối chiếu từng giá trị với template' },
      e133010: { meaning: 'số doanh nghiệp chưa được đăng ký trên Cloud API', action: 'đăng ký số trong WhatsApp Manager' },
    },
    whatsappOther: {
      unknown: { meaning: '{{detail}}', action: 'tra cứu mã này trong tài liệu mã lỗi của Meta' },
      httpPassing: { meaning: 'Graph API trả về HTTP {{detail}}', action: 'không cần làm gì: bridge sẽ thử lại' },
      httpRefused: {
        meaning: 'Graph API trả về HTTP {{detail}}',
        action: 'kiểm tra GRAPH_API_URL, GRAPH_API_VERSION và WHATSAPP_PHONE_NUMBER_ID',
      },
    },
    slack: {
      channel_not_found: {
        meaning: 'kênh Slack không tồn tại hoặc bot không nhìn thấy kênh',
        action: 'kiểm tra SLACK_CHANNEL_ID và mời bot vào kênh',
      },
      not_in_channel: {
        meaning: 'bot không phải thành viên của kênh Slack',
        action: 'mời bot vào kênh (/invite @bot)',
      },
      is_archived: {
        meaning: 'kênh Slack đã được lưu trữ',
        action: 'bỏ lưu trữ kênh hoặc chuyển số sang kênh khác',
      },
      invalid_auth: {
        meaning: 'Slack từ chối token của bot',
        action: 'kiểm tra SLACK_BOT_TOKEN',
      },
      token_revoked: {
        meaning: 'token của bot Slack đã bị thu hồi',
        action: 'cài lại ứng dụng Slack và đặt SLACK_BOT_TOKEN mới',
      },
      account_inactive: {
        meaning: 'token của bot Slack thuộc về một ứng dụng hoặc người dùng đã bị vô hiệu hóa',
        action: 'cài lại ứng dụng Slack',
      },
      missing_scope: {
        meaning: 'ứng dụng Slack thiếu một quyền',
        action: 'thêm các scope liệt kê trong docker/slack-app-manifest.yml và cài lại ứng dụng',
      },
      msg_too_long: {
        meaning: 'tin nhắn quá dài đối với Slack',
        action: 'không cần làm gì: không thể hiển thị toàn bộ',
      },
      message_not_found: {
        meaning: 'tin nhắn Slack không còn tồn tại',
        action: 'không cần làm gì',
      },
    },
    slackOther: {
      ratelimited: { meaning: 'đã chạm giới hạn tốc độ của Slack', action: 'không cần làm gì: bridge sẽ chờ rồi thử lại' },
      network: { meaning: 'không kết nối được tới Slack', action: 'không cần làm gì: bridge sẽ thử lại' },
      httpPassing: { meaning: 'Slack trả về HTTP {{detail}}', action: 'không cần làm gì: bridge sẽ thử lại' },
      httpRefused: { meaning: 'Slack trả về HTTP {{detail}}', action: 'kiểm tra cấu hình ứng dụng Slack' },
      temporary: { meaning: 'Slack gặp sự cố tạm thời', action: 'không cần làm gì: bridge sẽ thử lại' },
      refused: { meaning: 'Slack đã từ chối lệnh gọi', action: 'kiểm tra cấu hình ứng dụng Slack' },
      unexpected: { meaning: '{{detail}}', action: 'không cần làm gì: bridge sẽ thử lại' },
    },
    discord: {
      e50001: {
        meaning: 'bot không nhìn thấy kênh Discord (Missing Access)',
        action:
          'cấp cho vai trò của bot các quyền View Channel, Send Messages, Send Messages in Threads, Create Public Threads và Read Message History trên kênh đặt trong DISCORD_CHANNEL_ID',
      },
      e50013: {
        meaning: 'bot thiếu một quyền Discord cho việc này (Missing Permissions)',
        action:
          'cấp cho vai trò của bot các quyền Send Messages in Threads, Create Public Threads, Manage Threads, Attach Files và Add Reactions trên kênh đặt trong DISCORD_CHANNEL_ID',
      },
      e10003: {
        meaning: 'kênh hoặc thread Discord không còn tồn tại (Unknown Channel)',
        action: 'kiểm tra DISCORD_CHANNEL_ID; nếu thread của cuộc trò chuyện đã bị xóa, bridge không thể đăng vào đó',
      },
      e10004: {
        meaning: 'bot không ở trong server Discord (Unknown Guild)',
        action: 'mời bot vào server và kiểm tra DISCORD_GUILD_ID',
      },
      e50083: {
        meaning: 'thread Discord của cuộc trò chuyện đã được lưu trữ và khóa, bot không thể mở lại',
        action: 'mở khóa thread, hoặc cấp cho vai trò của bot quyền Manage Threads trên kênh để bot tự mở lại thread',
      },
      e160006: {
        meaning: 'server Discord đã đạt giới hạn số thread đang hoạt động',
        action: 'lưu trữ các thread cũ trong kênh; bridge sẽ mở lại thread của cuộc trò chuyện khi khách hàng nhắn lại',
      },
      e10008: {
        meaning: 'tin nhắn Discord không còn tồn tại (Unknown Message)',
        action: 'không cần làm gì: có lẽ nó đã bị xóa',
      },
      e50008: {
        meaning: 'kênh Discord không phải kênh văn bản hay kênh diễn đàn',
        action: 'đặt DISCORD_CHANNEL_ID thành một kênh văn bản hoặc kênh diễn đàn',
      },
      e40001: {
        meaning: 'Discord từ chối token của bot',
        action: 'kiểm tra DISCORD_BOT_TOKEN (Developer Portal → ứng dụng của bạn → Bot → Reset Token)',
      },
      e50035: {
        meaning: 'Discord từ chối nội dung của tin nhắn (Invalid Form Body)',
        action: 'báo lỗi này cho người bảo trì bridge kèm dòng log',
      },
    },
    discordOther: {
      ratelimited: { meaning: 'đã chạm giới hạn tốc độ của Discord tại {{detail}}', action: 'không cần làm gì: bridge sẽ thử lại' },
      temporary: { meaning: 'Discord gặp sự cố tạm thời', action: 'không cần làm gì: bridge sẽ thử lại' },
      refused: {
        meaning: 'Discord đã từ chối lệnh gọi',
        action: 'kiểm tra quyền của bot trên kênh được đặt trong DISCORD_CHANNEL_ID',
      },
      httpPassing: { meaning: 'Discord trả về HTTP {{detail}}', action: 'không cần làm gì: bridge sẽ thử lại' },
      httpRefused: { meaning: 'Discord trả về HTTP {{detail}}', action: 'kiểm tra DISCORD_API_URL' },
      network: { meaning: 'không kết nối được tới Discord', action: 'không cần làm gì: bridge sẽ thử lại' },
      unexpected: { meaning: '{{detail}}', action: 'không cần làm gì: bridge sẽ thử lại' },
    },
  },
};
