// @vitest-environment jsdom
import '../../test-setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, mockFetch, renderApp, session } from '../../test-utils';

afterEach(() => vi.unstubAllGlobals());

const SLOW = { timeout: 60_000 };

const previewWithError = {
  id: 'batch-1',
  fileName: 'nhan-su-moi.xlsx',
  totalRows: 2,
  validRows: 1,
  invalidRows: 1,
  errors: [{ row: 3, column: 'Ngày sinh', message: 'Ngày sinh không hợp lệ (định dạng dd/mm/yyyy).' }],
  sample: [
    {
      row: 2,
      staffCode: 'E2E-0001',
      fullName: 'Nguyễn Thị Thục Quyên',
      orgCode: 'BVDK-DB-NOI',
      action: 'create',
    },
  ],
};
const previewOk = {
  ...previewWithError,
  id: 'batch-2',
  fileName: 'nhan-su-moi-da-sua.xlsx',
  validRows: 2,
  invalidRows: 0,
  errors: [],
};

function chooseFile(name: string) {
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  const file = new File(['PK'], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  fireEvent.change(input, { target: { files: [file] } });
}

describe('staff import wizard', () => {
  it('shows the bad rows (Dòng, Cột, Lỗi), lets the user upload the fixed file and commits it', async () => {
    const requests = mockFetch({
      'GET /api/auth/me': () => session(),
      'POST /api/staff/imports': [() => json(200, previewWithError), () => json(200, previewOk)],
      'DELETE /api/staff/imports/batch-1': () => new Response(null, { status: 204 }),
      'POST /api/staff/imports/batch-2/commit': () =>
        json(200, { created: 2, updated: 0, unchanged: 0, skipped: 0 }),
    });
    renderApp('/staff/import');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Nhập nhân sự từ Excel' }, SLOW),
    ).toBeTruthy();
    const upload = screen.getByRole('button', { name: /Tải lên và kiểm tra/ });
    expect((upload as HTMLButtonElement).disabled).toBe(true);

    chooseFile('nhan-su-moi.xlsx');
    expect(await screen.findByText('Tệp đã chọn: nhan-su-moi.xlsx')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Tải lên và kiểm tra/ }));

    // step 2: the error table
    const errorCell = await screen.findByText('Ngày sinh không hợp lệ (định dạng dd/mm/yyyy).');
    const row = errorCell.closest('tr')!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', 'Ngày sinh', 'Ngày sinh không hợp lệ (định dạng dd/mm/yyyy).']);
    const headers = within(errorCell.closest('table')!)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Dòng', 'Cột', 'Lỗi']);
    const upload1 = requests.find((r) => r.path === '/api/staff/imports')!;
    expect(upload1.body).toBeInstanceOf(FormData);
    expect(((upload1.body as FormData).get('file') as File).name).toBe('nhan-su-moi.xlsx');
    expect(upload1.headers['x-csrf-token']).toBe('csrf-test');
    // with bad rows there is no "all rows" commit
    expect(screen.queryByRole('button', { name: 'Ghi dữ liệu' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Chỉ nhập các dòng hợp lệ' })).toBeTruthy();

    // the fixed file: the first batch is discarded, then uploaded again
    fireEvent.click(screen.getByRole('button', { name: /Nhập lại tệp đã sửa/ }));
    await waitFor(() =>
      expect(requests.some((r) => r.method === 'DELETE' && r.path === '/api/staff/imports/batch-1')).toBe(
        true,
      ),
    );
    expect(await screen.findByText('Nhấn hoặc kéo thả tệp Excel (.xlsx) vào đây')).toBeTruthy();
    chooseFile('nhan-su-moi-da-sua.xlsx');
    fireEvent.click(await screen.findByRole('button', { name: /Tải lên và kiểm tra/ }));
    expect(await screen.findByText('Tệp không có lỗi. Bạn có thể ghi dữ liệu.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ghi dữ liệu' }));

    expect(await screen.findByText('Đã nhập dữ liệu nhân sự')).toBeTruthy();
    expect(requests.find((r) => r.path === '/api/staff/imports/batch-2/commit')!.body).toEqual({
      mode: 'all',
    });
  }, 120_000);

  it('refuses a file that is not .xlsx without sending it, and shows server errors in Vietnamese', async () => {
    const requests = mockFetch({
      'GET /api/auth/me': () => session(),
      'POST /api/staff/imports': () =>
        apiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Tệp không phải là tệp Excel (.xlsx) hợp lệ.'),
    });
    renderApp('/staff/import');
    await screen.findByRole('heading', { level: 1, name: 'Nhập nhân sự từ Excel' }, SLOW);
    chooseFile('danh-sach.xls');
    expect(await screen.findByText('Chỉ nhận tệp Excel .xlsx (hãy lưu tệp .xls thành .xlsx).')).toBeTruthy();
    expect(screen.queryByText(/Tệp đã chọn/)).toBeNull();

    chooseFile('hong.xlsx');
    fireEvent.click(await screen.findByRole('button', { name: /Tải lên và kiểm tra/ }));
    expect(await screen.findByText('Tệp không phải là tệp Excel (.xlsx) hợp lệ.')).toBeTruthy();
    expect(requests.filter((r) => r.path === '/api/staff/imports')).toHaveLength(1);
  }, 120_000);
});
