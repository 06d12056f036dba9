import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApprovedCandidate, DecisionDetail, DecisionListItem } from '../../../contracts/decisions';
import { api } from '../../lib/api';

export type DecisionListItemT = z.infer<typeof DecisionListItem>;
export type DecisionDetailT = z.infer<typeof DecisionDetail>;
export type ApprovedCandidateT = z.infer<typeof ApprovedCandidate>;

export const useDecisions = (q: { year?: number | null; status?: string | null }) =>
  useQuery({
    queryKey: ['decisions', 'list', q],
    queryFn: ({ signal }) =>
      api.get<DecisionListItemT[]>(
        '/decisions',
        { year: q.year ?? undefined, status: q.status ?? undefined },
        { signal },
      ),
  });

export const useDecision = (id: string) =>
  useQuery({
    queryKey: ['decisions', id],
    queryFn: ({ signal }) => api.get<DecisionDetailT>(`/decisions/${id}`, undefined, { signal }),
  });

export const useApprovedCandidates = (orgId: string | null) =>
  useQuery({
    queryKey: ['decisions', 'candidates', orgId],
    enabled: !!orgId,
    queryFn: ({ signal }) => api.get<ApprovedCandidateT[]>('/decisions/candidates', { orgId }, { signal }),
  });

export function useDecisionMutation<TVars, TResult = unknown>(fn: (v: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: ['decisions'] });
      await qc.invalidateQueries({ queryKey: ['fund'] });
    },
  });
}
