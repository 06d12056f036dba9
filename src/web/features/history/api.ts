import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  HistoryImportPreview,
  HistoryImportResult,
  InitiativeItem,
  PersonHistory,
  RatingsList,
} from '../../../contracts/history';
import { api } from '../../lib/api';

export type RatingsListT = z.infer<typeof RatingsList>;
export type InitiativeT = z.infer<typeof InitiativeItem>;
export type PersonHistoryT = z.infer<typeof PersonHistory>;
export type HistoryImportPreviewT = z.infer<typeof HistoryImportPreview>;
export type HistoryImportResultT = z.infer<typeof HistoryImportResult>;
export type HistoryImportKind = 'ratings' | 'awards';

export function useRatings(orgId: string | null, year: number) {
  return useQuery({
    queryKey: ['history', 'ratings', orgId, year],
    queryFn: ({ signal }) => api.get<RatingsListT>('/ratings', { orgId: orgId!, year }, { signal }),
    enabled: !!orgId,
  });
}

export function usePutRating() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      personId?: string;
      orgId?: string;
      year: number;
      rating: string | null;
      note?: string | null;
    }) => api.put<{ rating: string | null }>('/ratings', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['history'] });
      void qc.invalidateQueries({ queryKey: ['eligibility'] });
    },
  });
}

export const historyImportApi = {
  template: (kind: HistoryImportKind, name: string) =>
    api.download(`/history/${kind}/import-template`, undefined, name),
  preview: (kind: HistoryImportKind, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<HistoryImportPreviewT>(`/history/${kind}/imports`, form);
  },
  commit: (kind: HistoryImportKind, id: string, mode: 'all' | 'validOnly') =>
    api.post<HistoryImportResultT>(`/history/${kind}/imports/${id}/commit`, { mode }),
  discard: (kind: HistoryImportKind, id: string) => api.delete(`/history/${kind}/imports/${id}`),
};

export function useInitiatives(orgId: string | null, year: number | null, used: 'true' | 'false' | null) {
  return useQuery({
    queryKey: ['history', 'initiatives', orgId, year, used],
    queryFn: ({ signal }) =>
      api.get<{ items: InitiativeT[]; canWrite: boolean }>(
        '/initiatives',
        { orgId: orgId!, year: year ?? undefined, used: used ?? undefined },
        { signal },
      ),
    enabled: !!orgId,
  });
}

export interface InitiativeInput {
  title: string;
  orgId: string;
  year: number;
  scope: string;
  recognisedOn: string;
  recognitionDecision?: string | null;
  summary?: string | null;
  authors: { personId: string; share: number }[];
}

export function useSaveInitiative() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; version?: number; body: InitiativeInput }) => {
      if (!v.id) return api.post<InitiativeT>('/initiatives', v.body);
      const { orgId: _org, ...rest } = v.body;
      return api.patch<InitiativeT>(`/initiatives/${v.id}`, { ...rest, version: v.version });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['history'] }),
  });
}

export function useDeleteInitiative() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/initiatives/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['history'] }),
  });
}

export function usePersonHistory(personId: string | undefined) {
  return useQuery({
    queryKey: ['history', 'person', personId],
    queryFn: ({ signal }) => api.get<PersonHistoryT>(`/people/${personId}/history`, undefined, { signal }),
    enabled: !!personId,
  });
}

export function searchPeople(q: string, signal?: AbortSignal) {
  return api.get<{
    items: { id: string; fullName: string; staffCode: string; org: { name: string } | null }[];
  }>('/staff', { q, pageSize: 20, status: 'active' }, { signal });
}

export function useCreateDiscipline() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      personId: string;
      form: string;
      fromDate: string;
      toDate?: string | null;
      decision?: string | null;
      note?: string | null;
    }) => api.post('/disciplines', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['history'] });
      void qc.invalidateQueries({ queryKey: ['eligibility'] });
    },
  });
}

export function useDeleteDiscipline() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/disciplines/${id}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['history'] });
      void qc.invalidateQueries({ queryKey: ['eligibility'] });
    },
  });
}

export function useCreateResearch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      title: string;
      orgId: string;
      year: number;
      scope: string;
      acceptedOn: string;
      acceptanceDecision?: string | null;
      members: { personId: string; role: 'lead' | 'member' }[];
    }) => api.post('/research-projects', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['history'] });
      void qc.invalidateQueries({ queryKey: ['eligibility'] });
    },
  });
}
