import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Definition,
  ImportPreview,
  ProgressResponse,
  RankingResponse,
  SeriesResponse,
  Target,
  ValueRow,
} from '../../../contracts/indicators';
import { api } from '../../lib/api';

export type DefinitionT = z.infer<typeof Definition>;
export type ProgressT = z.infer<typeof ProgressResponse>;
export type RankingT = z.infer<typeof RankingResponse>;
export type SeriesT = z.infer<typeof SeriesResponse>;
export type TargetT = z.infer<typeof Target>;
export type ValueRowT = z.infer<typeof ValueRow>;
export type ImportPreviewT = z.infer<typeof ImportPreview>;

export const indicatorKeys = {
  all: ['indicators'] as const,
  definitions: ['indicators', 'definitions'] as const,
};

export function useDefinitions() {
  return useQuery({
    queryKey: indicatorKeys.definitions,
    queryFn: () => api.get<DefinitionT[]>('/indicators/definitions'),
  });
}

export function useProgress(orgId: string | null, year: number) {
  return useQuery({
    queryKey: ['indicators', 'progress', orgId, year],
    queryFn: () => api.get<ProgressT>('/indicators/progress', { orgId, year }),
    enabled: !!orgId,
  });
}

export function useSeries(
  orgId: string | null,
  indicatorId: string | null,
  fromYear: number,
  toYear: number,
) {
  return useQuery({
    queryKey: ['indicators', 'series', orgId, indicatorId, fromYear, toYear],
    queryFn: () => api.get<SeriesT>('/indicators/series', { orgId, indicatorId, fromYear, toYear }),
    enabled: !!orgId && !!indicatorId,
  });
}

export function useRanking(orgId: string | null, year: number, window: number) {
  return useQuery({
    queryKey: ['indicators', 'ranking', orgId, year, window],
    queryFn: () => api.get<RankingT>('/indicators/ranking', { orgId, year, window }),
    enabled: !!orgId,
  });
}

export function useTargets(orgId: string | null, year: number) {
  return useQuery({
    queryKey: ['indicators', 'targets', orgId, year],
    queryFn: () => api.get<TargetT[]>('/indicators/targets', { orgId, year }),
    enabled: !!orgId,
  });
}

export function useValues(orgId: string | null, year: number) {
  return useQuery({
    queryKey: ['indicators', 'values', orgId, year],
    queryFn: () => api.get<ValueRowT[]>('/indicators/values', { orgId, year }),
    enabled: !!orgId,
  });
}

/** Invalidates every indicator query after a write. */
export function useInvalidateIndicators() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: indicatorKeys.all });
}

export function usePutValues() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: (body: {
      orgId: string;
      year: number;
      period: string;
      entries: { indicatorId: string; value: number | null }[];
    }) => api.put<{ saved: number; deleted: number }>('/indicators/values', body),
    onSuccess: invalidate,
  });
}

export function usePutTarget() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: (body: {
      indicatorId: string;
      orgId: string;
      year: number;
      target: number;
      dueOn?: string | null;
      note?: string | null;
    }) => api.put<TargetT>('/indicators/targets', body),
    onSuccess: invalidate,
  });
}

export function useDeleteTarget() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/indicators/targets/${id}`),
    onSuccess: invalidate,
  });
}

export function useCreateDefinition() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<DefinitionT>('/indicators/definitions', body),
    onSuccess: invalidate,
  });
}

export function useUpdateDefinition() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Record<string, unknown>) =>
      api.patch<DefinitionT>(`/indicators/definitions/${id}`, body),
    onSuccess: invalidate,
  });
}
