import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  PlanBoard,
  PlanContentInput,
  PlanDetail,
  PlanDiffOut,
  PlanProgress,
  PlanSummary,
  PlanTreeNode,
} from '../../../contracts/plans';
import { api } from '../../lib/api';

export type PlanSummaryT = z.infer<typeof PlanSummary>;
export type PlanDetailT = z.infer<typeof PlanDetail>;
export type PlanContentT = PlanDetailT['content'];
export type PlanContentWrite = z.input<typeof PlanContentInput>;
export type PlanDiffT = z.infer<typeof PlanDiffOut>;
export type PlanBoardT = z.infer<typeof PlanBoard>;
export type PlanTreeNodeT = z.infer<typeof PlanTreeNode>;
export type PlanProgressT = z.infer<typeof PlanProgress>;

export const planKeys = {
  all: ['plans'] as const,
  list: (q: object) => ['plans', 'list', q] as const,
  tree: ['plans', 'tree'] as const,
  detail: (id: string) => ['plans', 'detail', id] as const,
  diff: (id: string) => ['plans', 'diff', id] as const,
  board: (id: string) => ['plans', 'board', id] as const,
  progress: (id: string, year: number) => ['plans', 'progress', id, year] as const,
};

export function usePlans(q: { status?: string; q?: string }) {
  return useQuery({
    queryKey: planKeys.list(q),
    queryFn: () => api.get<{ items: PlanSummaryT[] }>('/plans', q).then((r) => r.items),
  });
}

export function usePlanTree(enabled = true) {
  return useQuery({
    queryKey: planKeys.tree,
    queryFn: () => api.get<{ nodes: PlanTreeNodeT[] }>('/plans/tree').then((r) => r.nodes),
    enabled,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.detail(id ?? ''),
    queryFn: () => api.get<PlanDetailT>(`/plans/${id}`),
    enabled: !!id,
  });
}

export function usePlanDiff(id: string, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.diff(id),
    queryFn: () => api.get<PlanDiffT>(`/plans/${id}/diff`),
    enabled,
  });
}

export function usePlanBoard(id: string, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.board(id),
    queryFn: () => api.get<PlanBoardT>(`/plans/${id}/board`),
    enabled,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: planKeys.all });
}

export function useCreatePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { orgId: string; content?: Partial<PlanContentWrite> }) =>
      api.post<PlanDetailT>('/plans', body),
    onSuccess: invalidate,
  });
}

export function useImportPlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { orgId: string; text?: string; file?: File }) => {
      if (input.file) {
        const form = new FormData();
        form.append('file', input.file);
        return api.upload<PlanDetailT>(`/plans/import-file?orgId=${encodeURIComponent(input.orgId)}`, form);
      }
      return api.post<PlanDetailT>('/plans/import', { orgId: input.orgId, text: input.text ?? '' });
    },
    onSuccess: invalidate,
  });
}

export function useUpdatePlan(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { version: number; content: Partial<PlanContentWrite> }) =>
      api.patch<PlanDetailT>(`/plans/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useIssuePlan(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { version: number; issuedOn?: string }) =>
      api.post<PlanDetailT>(`/plans/${id}/issue`, body),
    onSuccess: invalidate,
  });
}

export function useDeletePlan(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api.delete<{ ok: true }>(`/plans/${id}`),
    onSuccess: invalidate,
  });
}

export function useDerivePlan(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { orgId: string }) => api.post<PlanDetailT>(`/plans/${id}/derive`, body),
    onSuccess: invalidate,
  });
}

export function useRemind(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { orgIds?: string[] }) =>
      api.post<{ reminded: number; mails: number }>(`/plans/${id}/reminders`, body),
    onSuccess: invalidate,
  });
}

export function downloadPlan(id: string, format: 'docx' | 'pdf') {
  return api.download(`/plans/${id}/document.${format}`, undefined, `ke-hoach.${format}`);
}

export function usePlanProgress(id: string, year: number, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.progress(id, year),
    queryFn: () => api.get<PlanProgressT>(`/plans/${id}/progress`, { year }),
    enabled,
  });
}
