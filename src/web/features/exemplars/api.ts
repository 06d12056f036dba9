import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Exemplar } from '../../../contracts/exemplars';
import { api } from '../../lib/api';

export type ExemplarT = z.infer<typeof Exemplar>;
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ExemplarFilters {
  orgId: string | null;
  year: number | null;
  page: number;
}

export function useExemplars(f: ExemplarFilters) {
  return useQuery({
    queryKey: ['exemplars', 'list', f],
    queryFn: ({ signal }) =>
      api.get<Paged<ExemplarT>>(
        '/exemplars',
        { orgId: f.orgId ?? undefined, year: f.year ?? undefined, page: f.page, pageSize: 20 },
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export interface ExemplarWrite {
  personId?: string;
  orgId?: string;
  year: number;
  title: string;
  story: string;
  published?: boolean;
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['exemplars'] });
}

export function useCreateExemplar() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ExemplarWrite) => api.post<ExemplarT>('/exemplars', body),
    onSuccess: invalidate,
  });
}

export function useUpdateExemplar() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      year?: number;
      title?: string;
      story?: string;
      published?: boolean;
    }) => api.patch<ExemplarT>(`/exemplars/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteExemplar() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/exemplars/${id}`),
    onSuccess: invalidate,
  });
}

/** People matching a name (for the person picker), via the staff list. */
export async function searchPeople(q: string) {
  const res = await api.get<Paged<{ id: string; fullName: string; org: { name: string } | null }>>('/staff', {
    q,
    pageSize: 20,
  });
  return res.items;
}
