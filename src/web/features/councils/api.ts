import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AgendaCandidate,
  CouncilDetail,
  CouncilListItem,
  MemberCandidate,
  SessionDetail,
} from '../../../contracts/councils';
import { api } from '../../lib/api';

export type CouncilListItemT = z.infer<typeof CouncilListItem>;
export type CouncilDetailT = z.infer<typeof CouncilDetail>;
export type SessionDetailT = z.infer<typeof SessionDetail>;
export type AgendaCandidateT = z.infer<typeof AgendaCandidate>;
export type MemberCandidateT = z.infer<typeof MemberCandidate>;

export const useCouncils = () =>
  useQuery({
    queryKey: ['councils'],
    queryFn: ({ signal }) => api.get<CouncilListItemT[]>('/councils', undefined, { signal }),
  });

export const useCouncil = (id: string | null) =>
  useQuery({
    queryKey: ['councils', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<CouncilDetailT>(`/councils/${id}`, undefined, { signal }),
  });

export const useMemberCandidates = (id: string | null, enabled: boolean) =>
  useQuery({
    queryKey: ['councils', id, 'member-candidates'],
    enabled: !!id && enabled,
    queryFn: ({ signal }) =>
      api.get<MemberCandidateT[]>(`/councils/${id}/member-candidates`, undefined, { signal }),
  });

export const useAgendaCandidates = (councilId: string | null, enabled: boolean) =>
  useQuery({
    queryKey: ['councils', councilId, 'agenda-candidates'],
    enabled: !!councilId && enabled,
    queryFn: ({ signal }) =>
      api.get<AgendaCandidateT[]>(`/councils/${councilId}/agenda-candidates`, undefined, { signal }),
  });

export const useSession = (id: string) =>
  useQuery({
    queryKey: ['council-sessions', id],
    queryFn: ({ signal }) => api.get<SessionDetailT>(`/council-sessions/${id}`, undefined, { signal }),
    // members follow the ballot live: refresh while a ballot is open
    refetchInterval: (q) => (q.state.data?.items.some((i) => i.ballotStatus === 'open') ? 3000 : false),
  });

/** A mutation that refreshes every council query afterwards. */
export function useCouncilMutation<TVars, TResult = unknown>(fn: (v: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: ['councils'] });
      await qc.invalidateQueries({ queryKey: ['council-sessions'] });
    },
  });
}
