import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface AccountGrant {
  id: string;
  role: string;
  roleName: string;
  orgId: string;
  orgName: string;
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  personId: string | null;
  disabled: boolean;
  mustChangePassword?: boolean;
  lastLoginAt: string | null;
  roles: AccountGrant[];
}

export const accountKeys = {
  all: ['users'] as const,
  list: (q: string, page: number, pageSize: number) => ['users', 'list', { q, page, pageSize }] as const,
};

export function useAccounts(q: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: accountKeys.list(q, page, pageSize),
    queryFn: ({ signal }) =>
      api.get<{ items: Account[]; total: number; page: number; pageSize: number }>(
        '/users',
        { q: q || undefined, page, pageSize },
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

function useAccountMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}

export const useCreateAccount = () =>
  useAccountMutation(
    (body: {
      username: string;
      displayName: string;
      email?: string;
      personId?: string;
      grant?: { role: string; orgId: string };
    }) => api.post<{ user: Account; oneTimePassword: string }>('/users', body),
  );

export const useUpdateAccount = () =>
  useAccountMutation(
    ({ id, ...body }: { id: string; displayName?: string; email?: string | null; disabled?: boolean }) =>
      api.patch<Account>(`/users/${id}`, body),
  );

export const useResetPassword = () =>
  useAccountMutation((id: string) => api.post<{ oneTimePassword: string }>(`/users/${id}/reset-password`));

export const useAddGrant = () =>
  useAccountMutation(({ id, role, orgId }: { id: string; role: string; orgId: string }) =>
    api.post<unknown>(`/users/${id}/grants`, { role, orgId }),
  );

export const useRemoveGrant = () =>
  useAccountMutation(({ id, grantId }: { id: string; grantId: string }) =>
    api.delete(`/users/${id}/grants/${grantId}`),
  );
