import { describe, expect, it } from 'vitest';
import { ApiError, fileNameOf, toApiError, withQuery } from './api.ts';

describe('withQuery', () => {
  it('leaves out empty filters so they never reach the URL', () => {
    expect(withQuery('/api/v1/people', { q: '', orgUnitId: null, gender: undefined, limit: 50 })).toBe(
      '/api/v1/people?limit=50',
    );
    expect(withQuery('/api/v1/people')).toBe('/api/v1/people');
  });

  it('encodes Vietnamese text', () => {
    expect(withQuery('/x', { q: 'Liêu Quốc Bình' })).toBe('/x?q=Li%C3%AAu+Qu%E1%BB%91c+B%C3%ACnh');
  });
});

describe('toApiError', () => {
  it('keeps the API’s Vietnamese message, code and correlation id', async () => {
    const res = new Response(
      JSON.stringify({ code: 'AUTH.LOCKED', message: 'Tài khoản tạm khóa 15 phút.', correlationId: 'abc' }),
      { status: 423, headers: { 'content-type': 'application/json' } },
    );
    const error = await toApiError(res);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe('Tài khoản tạm khóa 15 phút.');
    expect(error.code).toBe('AUTH.LOCKED');
    expect(error.status).toBe(423);
    expect(error.correlationId).toBe('abc');
  });

  it('says something Vietnamese when the body is not the error shape', async () => {
    const error = await toApiError(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(error.code).toBe('HTTP_502');
    expect(error.message).toBe('Máy chủ đang gặp sự cố. Vui lòng thử lại sau.');
  });
});

describe('fileNameOf', () => {
  it('prefers the UTF-8 filename* form', () => {
    expect(
      fileNameOf(
        `attachment; filename="mau.xlsx"; filename*=UTF-8''m%E1%BA%ABu-c%C3%A1n-b%E1%BB%99.xlsx`,
        'x',
      ),
    ).toBe('mẫu-cán-bộ.xlsx');
  });

  it('reads the plain form and falls back when there is none', () => {
    expect(fileNameOf('attachment; filename="mau-nhap-people.xlsx"', 'x.xlsx')).toBe('mau-nhap-people.xlsx');
    expect(fileNameOf(null, 'x.xlsx')).toBe('x.xlsx');
  });
});
