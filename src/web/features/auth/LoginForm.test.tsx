// @vitest-environment jsdom
import '../../test-setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, mockFetch, renderApp, session, TDKT_USER } from '../../test-utils';

afterEach(() => vi.unstubAllGlobals());

const notLoggedIn = () => apiError(401, 'UNAUTHENTICATED', 'Bạn cần đăng nhập để tiếp tục.');

const staffPage = {
  items: [
    {
      id: 's1',
      staffCode: 'E2E-0001',
      fullName: 'Nguyễn Thị Thục Quyên',
      birthDate: '1990-05-12',
      gender: 'female',
      genderName: 'Nữ',
      position: 'Điều dưỡng',
      professionalTitle: 'Điều dưỡng hạng III',
      employmentType: 'public_employee',
      employmentTypeName: 'Viên chức',
      personalIdMasked: '011******456',
      org: { id: 'k1', name: 'Khoa Nội tổng hợp', code: 'BVDK-DB-NOI' },
      status: 'active',
    },
  ],
  total: 1,
  page: 1,
  pageSize: 20,
};

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

// the pages are lazy chunks: the first render in a test transforms antd, which takes a while
const SLOW = { timeout: 60_000 };

describe('login page', () => {
  it('sends an unauthenticated visitor to login, shows the server message, then returns to the page asked for', async () => {
    const requests = mockFetch({
      'GET /api/auth/me': notLoggedIn,
      'POST /api/auth/login': [
        () => apiError(401, 'INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.'),
        () => session(),
      ],
      'GET /api/staff': () => json(200, staffPage),
      'GET /api/organizations': () => json(200, { items: [] }),
    });
    renderApp('/staff?q=nguyen');

    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' }, SLOW)).toBeTruthy();
    // labelled fields
    const username = screen.getByLabelText('Tên đăng nhập') as HTMLInputElement;
    const password = screen.getByLabelText('Mật khẩu') as HTMLInputElement;
    expect(username.autocomplete).toBe('username');
    expect(password.type).toBe('password');

    // empty form: Vietnamese validation, no request
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByText('Vui lòng nhập tên đăng nhập')).toBeTruthy();
    expect(requests.filter((r) => r.path === '/api/auth/login')).toHaveLength(0);

    fill('Tên đăng nhập', ' tdkt ');
    fill('Mật khẩu', 'sai-mat-khau');
    fireEvent.submit(username.closest('form')!);
    expect(await screen.findByText('Tên đăng nhập hoặc mật khẩu không đúng.')).toBeTruthy();
    expect(password.value).toBe('');
    const first = requests.find((r) => r.path === '/api/auth/login')!;
    expect(first.body).toEqual({ username: 'tdkt', password: 'sai-mat-khau' });

    fill('Mật khẩu', 'demo1234');
    fireEvent.submit(username.closest('form')!);

    // back to the page that was asked for, with its filters, as the signed-in user
    expect(await screen.findByRole('heading', { level: 1, name: 'Nhân sự' }, SLOW)).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Nguyễn Thị Thục Quyên' })).toBeTruthy();
    const list = requests.find((r) => r.path === '/api/staff')!;
    expect(list.query.get('q')).toBe('nguyen');
    expect(screen.getByText('011******456')).toBeTruthy();
    expect(screen.getAllByText(TDKT_USER.displayName).length).toBeGreaterThan(0);

    // a later state-changing request carries the token from the login response
    fireEvent.click(screen.getAllByRole('button', { name: /Đăng xuất/ })[0]!);
    await waitFor(() => expect(requests.some((r) => r.path === '/api/auth/logout')).toBe(true));
    expect(requests.find((r) => r.path === '/api/auth/logout')!.headers['x-csrf-token']).toBe('csrf-test');
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' }, SLOW)).toBeTruthy();
    expect(screen.queryByText(TDKT_USER.displayName)).toBeNull();
  }, 120_000);

  it('forces a password change before anything else', async () => {
    mockFetch({
      'GET /api/auth/me': () => session({ ...TDKT_USER, mustChangePassword: true }),
      'POST /api/auth/change-password': () =>
        apiError(400, 'VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', [
          { field: 'newPassword', message: 'Mật khẩu mới quá dễ đoán' },
        ]),
    });
    renderApp('/staff');
    expect(await screen.findByText('Bạn cần đổi mật khẩu trước khi tiếp tục', {}, SLOW)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' })).toBeTruthy();
    fill('Mật khẩu hiện tại', 'demo1234');
    fill('Mật khẩu mới', 'matkhau12345');
    fill('Nhập lại mật khẩu mới', 'matkhau12345');
    fireEvent.submit(screen.getByLabelText('Mật khẩu mới').closest('form')!);
    // the server's field message lands under the field
    const message = await screen.findByText('Mật khẩu mới quá dễ đoán', {}, { timeout: 5000 });
    expect(message.closest('.ant-form-item')?.querySelector('#newPassword')).toBeTruthy();
  }, 120_000);
});
