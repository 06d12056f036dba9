import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SkillsListItem, SkillsSummary } from '../../../contracts/indicators';
import { api } from '../../lib/api';

export type SkillsListItemT = z.infer<typeof SkillsListItem>;
export type SkillsSummaryT = z.infer<typeof SkillsSummary>;

export function useSkills(q: { orgId: string | null; status: string; q: string; page: number }) {
  return useQuery({
    queryKey: ['digital-skills', 'list', q],
    queryFn: () =>
      api.get<{ items: SkillsListItemT[]; total: number; page: number; pageSize: number }>(
        '/digital-skills',
        {
          orgId: q.orgId,
          status: q.status,
          q: q.q || undefined,
          page: q.page,
          pageSize: 20,
        },
      ),
    enabled: !!q.orgId,
  });
}

export function useSkillsSummary(orgId: string | null, year: number) {
  return useQuery({
    queryKey: ['digital-skills', 'summary', orgId, year],
    queryFn: () => api.get<SkillsSummaryT>('/digital-skills/summary', { orgId, year }),
    enabled: !!orgId,
  });
}

export function useInvalidateSkills() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['digital-skills'] });
    void qc.invalidateQueries({ queryKey: ['indicators'] });
  };
}

export function usePutCompletion() {
  const invalidate = useInvalidateSkills();
  return useMutation({
    mutationFn: ({
      personId,
      ...body
    }: {
      personId: string;
      completedOn: string;
      certificateNumber?: string | null;
      note?: string | null;
    }) => api.put(`/digital-skills/${personId}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteCompletion() {
  const invalidate = useInvalidateSkills();
  return useMutation({
    mutationFn: (personId: string) => api.delete(`/digital-skills/${personId}`),
    onSuccess: invalidate,
  });
}
