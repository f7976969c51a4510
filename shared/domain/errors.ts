/**
 * Errors that carry their HTTP status. They leave the API as `application/problem+json`
 * with a stable English `code` and Vietnamese `title`/`detail`.
 */

export interface FieldProblem {
  /** JSON pointer to the offending field (`/communes/3/zoneId`), or `/` for the whole body. */
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: readonly FieldProblem[],
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(errors: readonly FieldProblem[], detail = 'Dữ liệu gửi lên không hợp lệ; xem danh sách lỗi.') {
    super(400, 'validation_failed', 'Dữ liệu không hợp lệ', detail, errors);
  }
}

export class BadRequestError extends AppError {
  constructor(code: string, detail: string) {
    super(400, code, 'Yêu cầu không hợp lệ', detail);
  }
}

export class UnauthorizedError extends AppError {
  constructor(detail = 'Cần mã truy cập (Bearer token) hợp lệ.') {
    super(401, 'unauthorized', 'Chưa xác thực', detail);
  }
}

export class ForbiddenError extends AppError {
  constructor(detail = 'Bạn không có quyền thực hiện thao tác này.') {
    super(403, 'forbidden', 'Không có quyền', detail);
  }
}

export class NotFoundError extends AppError {
  constructor(detail = 'Không tìm thấy tài nguyên.', code = 'not_found') {
    super(404, code, 'Không tìm thấy', detail);
  }
}

export class MethodNotAllowedError extends AppError {
  constructor(readonly allowed: readonly string[]) {
    super(405, 'method_not_allowed', 'Phương thức không được hỗ trợ', `Đường dẫn này chỉ nhận: ${allowed.join(', ')}.`);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, detail: string) {
    super(409, code, 'Xung đột dữ liệu', detail);
  }
}

export class PreconditionFailedError extends AppError {
  constructor(detail = 'Dữ liệu đã bị thay đổi sau lần đọc của bạn (ETag không khớp); hãy tải lại rồi thử lại.') {
    super(412, 'etag_mismatch', 'Phiên bản không khớp', detail);
  }
}

/** The request is understood but cannot be carried out as sent (an idempotency key reused for another request). */
export class UnprocessableContentError extends AppError {
  constructor(code: string, detail: string) {
    super(422, code, 'Không xử lý được yêu cầu', detail);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(413, 'payload_too_large', 'Dữ liệu quá lớn', `Nội dung gửi lên vượt quá giới hạn ${limitBytes} byte.`);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(media = 'application/json') {
    super(
      415,
      'unsupported_media_type',
      'Định dạng không được hỗ trợ',
      media === 'application/json' ? 'Nội dung phải là JSON (application/json).' : `Nội dung phải có dạng ${media}.`,
    );
  }
}

export class PreconditionRequiredError extends AppError {
  constructor() {
    super(
      428,
      'if_match_required',
      'Thiếu điều kiện phiên bản',
      'Cần gửi tiêu đề If-Match với ETag của lần đọc gần nhất để tránh ghi đè thay đổi của người khác.',
    );
  }
}

/**
 * The database cannot answer now (throttled, timed out, unreachable) after the SDK's own retries:
 * nothing was written, and the same request may succeed shortly. Answered with `Retry-After`.
 */
export class ServiceUnavailableError extends AppError {
  constructor(readonly retryAfterSeconds = 5) {
    super(
      503,
      'service_unavailable',
      'Dịch vụ tạm thời gián đoạn',
      `Cơ sở dữ liệu đang quá tải hoặc chưa phản hồi; chưa có gì được ghi. Hãy thử lại sau ${retryAfterSeconds} giây.`,
    );
  }
}
