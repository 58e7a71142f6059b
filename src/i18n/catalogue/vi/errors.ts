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
    },
  },
};
