/**
 * The closed list of API error codes, each with its HTTP status and Vietnamese message.
 * Every error response has the shape { error: { code, message, details, requestId } }.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: 'Dữ liệu gửi lên không hợp lệ.' },
  UNKNOWN_FIELD: { status: 400, message: 'Dữ liệu có trường không được phép.' },
  INVALID_CHARACTERS: { status: 400, message: 'Dữ liệu chứa ký tự không hợp lệ.' },
  BAD_REQUEST: { status: 400, message: 'Yêu cầu không hợp lệ.' },
  UNAUTHENTICATED: { status: 401, message: 'Bạn cần đăng nhập để tiếp tục.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  SESSION_EXPIRED: { status: 401, message: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.' },
  FORBIDDEN: { status: 403, message: 'Bạn không có quyền thực hiện thao tác này.' },
  CSRF_INVALID: {
    status: 403,
    message: 'Yêu cầu không hợp lệ (thiếu hoặc sai mã chống giả mạo). Vui lòng tải lại trang.',
  },
  ACCOUNT_DISABLED: { status: 403, message: 'Tài khoản đã bị khóa.' },
  NOT_FOUND: { status: 404, message: 'Không tìm thấy dữ liệu.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'Không tìm thấy địa chỉ yêu cầu.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Phương thức không được hỗ trợ.' },
  CONFLICT: { status: 409, message: 'Dữ liệu đã bị thay đổi bởi người khác. Vui lòng tải lại và thử lại.' },
  DUPLICATE: { status: 409, message: 'Dữ liệu đã tồn tại.' },
  INVALID_STATE: { status: 409, message: 'Không thể thực hiện thao tác ở trạng thái hiện tại.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Tệp hoặc dữ liệu gửi lên quá lớn.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Định dạng tệp không được hỗ trợ.' },
  UNPROCESSABLE: { status: 422, message: 'Không xử lý được dữ liệu.' },
  RATE_LIMITED: { status: 429, message: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.' },
  INTERNAL: { status: 500, message: 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc liên hệ quản trị viên.' },
  UNAVAILABLE: { status: 503, message: 'Hệ thống tạm thời không sẵn sàng. Vui lòng thử lại sau.' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: unknown; requestId: string };
}
