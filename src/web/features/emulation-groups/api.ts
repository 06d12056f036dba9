import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Candidate,
  CriteriaSet,
  CriteriaSetListItem,
  GroupDetail,
  GroupListItem,
  Ranking,
  Sheet,
} from '../../../contracts/emulation-groups';
import { api } from '../../lib/api';

export type GroupListItemT = z.infer<typeof GroupListItem>;
export type GroupDetailT = z.infer<typeof GroupDetail>;
export type CriteriaSetT = z.infer<typeof CriteriaSet>;
export type CriteriaSetListItemT = z.infer<typeof CriteriaSetListItem>;
export type RankingT = z.infer<typeof Ranking>;
export type SheetT = z.infer<typeof Sheet>;
export type CandidateT = z.infer<typeof Candidate>;

const keys = { all: ['emulation-groups'] as const };

export function useGroups(year: number | null) {
  return useQuery({
    queryKey: ['emulation-groups', 'list', year],
    queryFn: () => api.get<GroupListItemT[]>('/emulation-groups', { year: year ?? undefined }),
  });
}
export function useCandidates(year: number) {
  return useQuery({
    queryKey: ['emulation-groups', 'candidates', year],
    queryFn: () => api.get<CandidateT[]>('/emulation-groups/candidates', { year }),
  });
}
export function useCriteriaSets() {
  return useQuery({
    queryKey: ['emulation-groups', 'sets'],
    queryFn: () => api.get<CriteriaSetListItemT[]>('/emulation-groups/criteria-sets'),
  });
}
export function useCriteriaSet(id: string | null) {
  return useQuery({
    queryKey: ['emulation-groups', 'set', id],
    queryFn: () => api.get<CriteriaSetT>(`/emulation-groups/criteria-sets/${id}`),
    enabled: !!id,
  });
}
export function useGroup(id: string | undefined) {
  return useQuery({
    queryKey: ['emulation-groups', 'detail', id],
    queryFn: () => api.get<GroupDetailT>(`/emulation-groups/${id}`),
    enabled: !!id,
  });
}
export function useRanking(id: string | undefined) {
  return useQuery({
    queryKey: ['emulation-groups', 'ranking', id],
    queryFn: () => api.get<RankingT>(`/emulation-groups/${id}/ranking`),
    enabled: !!id,
  });
}
export function useSheet(groupId: string | undefined, orgId: string | null) {
  return useQuery({
    queryKey: ['emulation-groups', 'sheet', groupId, orgId],
    queryFn: () => api.get<SheetT>(`/emulation-groups/${groupId}/sheets/${orgId}`),
    enabled: !!groupId && !!orgId,
  });
}

function useWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) });
}

export const useCreateGroup = () =>
  useWrite((body: Record<string, unknown>) => api.post<GroupDetailT>('/emulation-groups', body));
export const useCreateSet = () =>
  useWrite((body: Record<string, unknown>) =>
    api.post<CriteriaSetT>('/emulation-groups/criteria-sets', body),
  );
export const useSaveSelf = (groupId: string, orgId: string) =>
  useWrite(
    (body: {
      version: number;
      entries: {
        criterionId: string;
        points: number | null;
        note?: string | null;
        evidenceFileIds?: string[];
      }[];
    }) => api.put<SheetT>(`/emulation-groups/${groupId}/sheets/${orgId}/self`, body),
  );
export const useSaveAppraisal = (groupId: string, orgId: string) =>
  useWrite(
    (body: {
      version: number;
      entries: { criterionId: string; points: number | null; note?: string | null }[];
    }) => api.put<SheetT>(`/emulation-groups/${groupId}/sheets/${orgId}/appraisal`, body),
  );
export const useTransition = (groupId: string, orgId: string) =>
  useWrite((body: { action: string; version: number; reason?: string | null }) =>
    api.post<SheetT>(`/emulation-groups/${groupId}/sheets/${orgId}/transitions`, body),
  );
export function uploadEvidence(groupId: string, orgId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<{ id: string; name: string }>(
    `/emulation-groups/${groupId}/sheets/${orgId}/evidence`,
    form,
  );
}

export const useUpdateGroup = (groupId: string) =>
  useWrite(
    async (input: {
      version: number;
      name: string;
      pledge: string | null;
      leaderCount: number;
      criteriaSetId: string | null;
      members: { orgId: string; pledgeSignedOn: string | null }[];
    }) => {
      const { members, ...fields } = input;
      const updated = await api.patch<GroupDetailT>(`/emulation-groups/${groupId}`, fields);
      return api.put<GroupDetailT>(`/emulation-groups/${groupId}/members`, {
        version: updated.version,
        members,
      });
    },
  );
