/** Each domain error carries the status, stable code and Vietnamese texts that the problem+json answer shows. */
import { describe, expect, it } from 'vitest';
import {
  AppError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionFailedError,
  PreconditionRequiredError,
  ServiceUnavailableError,
  UnauthorizedError,
  UnprocessableContentError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../shared/domain/errors';

// Built inside each test: Stryker's per-test coverage does not see code run while the file loads.
const cases: [() => AppError, number, string, string, string][] = [
  [
    () => new ValidationError([]),
    400,
    'validation_failed',
    'Dữ liệu không hợp lệ',
    'Dữ liệu gửi lên không hợp lệ; xem danh sách lỗi.',
  ],
  [
    () => new BadRequestError('malformed_json', 'Sai JSON.'),
    400,
    'malformed_json',
    'Yêu cầu không hợp lệ',
    'Sai JSON.',
  ],
  [() => new UnauthorizedError(), 401, 'unauthorized', 'Chưa xác thực', 'Cần mã truy cập (Bearer token) hợp lệ.'],
  [() => new ForbiddenError(), 403, 'forbidden', 'Không có quyền', 'Bạn không có quyền thực hiện thao tác này.'],
  [() => new NotFoundError(), 404, 'not_found', 'Không tìm thấy', 'Không tìm thấy tài nguyên.'],
  [
    () => new NotFoundError('Không có khu này.', 'zone_not_found'),
    404,
    'zone_not_found',
    'Không tìm thấy',
    'Không có khu này.',
  ],
  [() => new ConflictError('zone_exists', 'Đã có khu này.'), 409, 'zone_exists', 'Xung đột dữ liệu', 'Đã có khu này.'],
  [
    () => new PreconditionFailedError(),
    412,
    'etag_mismatch',
    'Phiên bản không khớp',
    'Dữ liệu đã bị thay đổi sau lần đọc của bạn (ETag không khớp); hãy tải lại rồi thử lại.',
  ],
  [
    () => new PayloadTooLargeError(1024),
    413,
    'payload_too_large',
    'Dữ liệu quá lớn',
    'Nội dung gửi lên vượt quá giới hạn 1024 byte.',
  ],
  [
    () => new UnsupportedMediaTypeError(),
    415,
    'unsupported_media_type',
    'Định dạng không được hỗ trợ',
    'Nội dung phải là JSON (application/json).',
  ],
  [
    () => new PreconditionRequiredError(),
    428,
    'if_match_required',
    'Thiếu điều kiện phiên bản',
    'Cần gửi tiêu đề If-Match với ETag của lần đọc gần nhất để tránh ghi đè thay đổi của người khác.',
  ],
  [
    () => new UnprocessableContentError('idempotency_key_reused', 'Khoá đã dùng cho yêu cầu khác.'),
    422,
    'idempotency_key_reused',
    'Không xử lý được yêu cầu',
    'Khoá đã dùng cho yêu cầu khác.',
  ],
  [
    () => new UnsupportedMediaTypeError('text/csv'),
    415,
    'unsupported_media_type',
    'Định dạng không được hỗ trợ',
    'Nội dung phải có dạng text/csv.',
  ],
  [
    () => new ServiceUnavailableError(),
    503,
    'service_unavailable',
    'Dịch vụ tạm thời gián đoạn',
    'Cơ sở dữ liệu đang quá tải hoặc chưa phản hồi; chưa có gì được ghi. Hãy thử lại sau 5 giây.',
  ],
];

describe('domain errors', () => {
  it.each(cases.map(([make, ...expected]) => [make().constructor.name, make, ...expected] as const))(
    '%s answers %i %s',
    (_name, make, status, code, title, detail) => {
      const error = make();
      expect(error).toBeInstanceOf(AppError);
      expect(error).toBeInstanceOf(Error);
      expect({ status: error.status, code: error.code, title: error.title, detail: error.detail }).toEqual({
        status,
        code,
        title,
        detail,
      });
      expect(error.message).toBe(detail);
      expect(error.name).toBe(error.constructor.name);
    },
  );

  it('tells when to retry after the database was unavailable', () => {
    const error = new ServiceUnavailableError(12);

    expect(error.retryAfterSeconds).toBe(12);
    expect(error.detail).toContain('sau 12 giây');
  });

  it('lets a detail replace the default ones', () => {
    expect(new UnauthorizedError('Mã đã hết hạn.').detail).toBe('Mã đã hết hạn.');
    expect(new ForbiddenError('Chỉ văn phòng.').detail).toBe('Chỉ văn phòng.');
    expect(new PreconditionFailedError('Đã đổi.').detail).toBe('Đã đổi.');
    expect(new ValidationError([], 'Sai cả.').detail).toBe('Sai cả.');
  });

  it('carries the field problems of a validation error', () => {
    const problems = [{ path: '/name', code: 'required', message: 'Cần tên' }];

    expect(new ValidationError(problems).errors).toEqual(problems);
    expect(new BadRequestError('x', 'y').errors).toBeUndefined();
  });

  it('names the allowed methods of a 405', () => {
    const error = new MethodNotAllowedError(['GET', 'POST']);

    expect(error.status).toBe(405);
    expect(error.code).toBe('method_not_allowed');
    expect(error.title).toBe('Phương thức không được hỗ trợ');
    expect(error.allowed).toEqual(['GET', 'POST']);
    expect(error.detail).toBe('Đường dẫn này chỉ nhận: GET, POST.');
    expect(error.name).toBe('MethodNotAllowedError');
  });
});
