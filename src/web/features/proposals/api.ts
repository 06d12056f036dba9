import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BoardRow,
  ProposalDetail,
  ProposalListItem,
  RegistrationDetail,
  RegistrationSummary,
  Round,
} from '../../../contracts/proposals';
import { api, type Query } from '../../lib/api';

export type RoundT = z.infer<typeof Round>;
export type ProposalListItemT = z.infer<typeof ProposalListItem>;
export type ProposalDetailT = z.infer<typeof ProposalDetail>;
export type RegistrationSummaryT = z.infer<typeof RegistrationSummary>;
export type RegistrationDetailT = z.infer<typeof RegistrationDetail>;
export type BoardRowT = z.infer<typeof BoardRow>;

export interface ConditionOutcomeT {
  id: string;
  description: string;
  met: boolean | null;
  facts: string[];
  citation: string;
  depth: number;
}
export interface VerdictT {
  code: string;
  name: string;
  status: 'eligible' | 'not_eligible' | 'missing_data';
  summary: string;
  citation: string;
  ruleSetVersion: number;
  conditions: ConditionOutcomeT[];
}

export const useRounds = (query: Query = {}) =>
  useQuery({
    queryKey: ['rounds', query],
    queryFn: ({ signal }) => api.get<{ items: RoundT[] }>('/rounds', query, { signal }),
  });

export const useProposals = (query: Query) =>
  useQuery({
    queryKey: ['proposals', query],
    queryFn: ({ signal }) =>
      api.get<{ items: ProposalListItemT[]; total: number; page: number; pageSize: number }>(
        '/proposals',
        query,
        {
          signal,
        },
      ),
  });

export const useProposal = (id: string) =>
  useQuery({
    queryKey: ['proposals', 'detail', id],
    queryFn: ({ signal }) => api.get<ProposalDetailT>(`/proposals/${id}`, undefined, { signal }),
  });

export const useRegistrationBoard = (year: number, orgId?: string | null) =>
  useQuery({
    queryKey: ['registrations', 'board', year, orgId ?? null],
    queryFn: ({ signal }) =>
      api.get<{ year: number; rows: BoardRowT[]; counts: Record<string, number> }>(
        '/registrations/board',
        { year, orgId },
        { signal },
      ),
  });

export const useRegistration = (id: string) =>
  useQuery({
    queryKey: ['registrations', 'detail', id],
    queryFn: ({ signal }) => api.get<RegistrationDetailT>(`/registrations/${id}`, undefined, { signal }),
  });

/** A mutation that refreshes the rounds, proposals and registrations queries afterwards. */
export function useCommendationMutation<TVars, TResult = unknown>(fn: (v: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['rounds'] }),
        qc.invalidateQueries({ queryKey: ['proposals'] }),
        qc.invalidateQueries({ queryKey: ['registrations'] }),
      ]);
    },
  });
}
