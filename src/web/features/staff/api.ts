import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ImportPreview, ImportResult, StaffDetail, StaffListItem } from '../../../contracts/staff';
import { api } from '../../lib/api';

export type StaffItem = z.infer<typeof StaffListItem>;
export type StaffDetailT = z.infer<typeof StaffDetail>;
export type ImportPreviewT = z.infer<typeof ImportPreview>;
export type ImportResultT = z.infer<typeof ImportResult>;

export type StaffSort = 'name' | '-name' | 'code' | '-code' | 'birthDate' | '-birthDate';
export type StaffStatusFilter = 'active' | 'left' | 'all';

export interface StaffFilters {
  q: string;
  orgId: string | null;
  includeSubunits: boolean;
  status: StaffStatusFilter;
  page: number;
  pageSize: number;
  sort: StaffSort;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const staffKeys = {
  all: ['staff'] as const,
  list: (f: StaffFilters) => ['staff', 'list', f] as const,
  detail: (id: string) => ['staff', 'detail', id] as const,
};

/** The query string of the list and of the export (same filters). */
export function staffQuery(
  f: Omit<StaffFilters, 'page' | 'pageSize'> & Partial<Pick<StaffFilters, 'page' | 'pageSize'>>,
) {
  return {
    q: f.q.trim() || undefined,
    orgId: f.orgId ?? undefined,
    includeSubunits: f.orgId ? f.includeSubunits : undefined,
    status: f.status,
    sort: f.sort,
    page: f.page,
    pageSize: f.pageSize,
  };
}

export function useStaffList(filters: StaffFilters) {
  return useQuery({
    queryKey: staffKeys.list(filters),
    queryFn: ({ signal }) => api.get<Paged<StaffItem>>('/staff', staffQuery(filters), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStaff(id: string | undefined) {
  return useQuery({
    queryKey: staffKeys.detail(id ?? ''),
    queryFn: () => api.get<StaffDetailT>(`/staff/${id}`),
    enabled: Boolean(id),
  });
}

function useInvalidateStaff() {
  const queryClient = useQueryClient();
  return async (detail?: StaffDetailT) => {
    if (detail) queryClient.setQueryData(staffKeys.detail(detail.id), detail);
    await queryClient.invalidateQueries({ queryKey: ['staff', 'list'] });
    await queryClient.invalidateQueries({ queryKey: ['organizations', 'detail'] });
  };
}

export interface StaffWrite {
  staffCode?: string;
  fullName?: string;
  birthDate?: string | null;
  gender?: 'male' | 'female' | null;
  position?: string | null;
  professionalTitle?: string | null;
  employmentType?: string | null;
  personalId?: string | null;
  email?: string | null;
  phone?: string | null;
  orgId?: string;
  fromDate?: string;
  status?: 'active' | 'left';
  leftOn?: string;
}

export function useCreateStaff() {
  const invalidate = useInvalidateStaff();
  return useMutation({
    mutationFn: (body: StaffWrite) => api.post<StaffDetailT>('/staff', body),
    onSuccess: (detail) => invalidate(detail),
  });
}

export function useUpdateStaff(id: string) {
  const invalidate = useInvalidateStaff();
  return useMutation({
    mutationFn: (body: StaffWrite & { version: number }) => api.patch<StaffDetailT>(`/staff/${id}`, body),
    onSuccess: (detail) => invalidate(detail),
  });
}

export function useTransferStaff(id: string) {
  const invalidate = useInvalidateStaff();
  return useMutation({
    mutationFn: (body: { toOrgId: string; fromDate: string; note?: string }) =>
      api.post<StaffDetailT>(`/staff/${id}/transfers`, body),
    onSuccess: (detail) => invalidate(detail),
  });
}

export const revealPersonalId = (id: string) =>
  api.get<{ personalId: string | null }>(`/staff/${id}/personal-id`);

export const importApi = {
  upload(file: File) {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<ImportPreviewT>('/staff/imports', form);
  },
  commit: (id: string, mode: 'all' | 'validOnly') =>
    api.post<ImportResultT>(`/staff/imports/${id}/commit`, { mode }),
  discard: (id: string) => api.delete(`/staff/imports/${id}`),
  template: () => api.download('/staff/import-template', undefined, 'Mau nhap nhan su.xlsx'),
};
