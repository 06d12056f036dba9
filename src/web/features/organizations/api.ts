import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganizationDetail, OrganizationT, OrgEventInputT } from '../../../contracts/organizations';
import { api } from '../../lib/api';

export type Organization = OrganizationT;
export type OrganizationDetailT = z.infer<typeof OrganizationDetail>;
export type OrgEventInput = OrgEventInputT;

export const orgKeys = {
  all: ['organizations'] as const,
  list: (includeInactive: boolean) => ['organizations', 'list', { includeInactive }] as const,
  detail: (id: string) => ['organizations', 'detail', id] as const,
};

export function useOrganizations(includeInactive = false, enabled = true) {
  return useQuery({
    queryKey: orgKeys.list(includeInactive),
    queryFn: () =>
      api.get<{ items: Organization[] }>('/organizations', { includeInactive }).then((r) => r.items),
    staleTime: 60_000,
    enabled,
  });
}

export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? ''),
    queryFn: () => api.get<OrganizationDetailT>(`/organizations/${id}`),
    enabled: Boolean(id),
  });
}

export interface OrgLineage {
  predecessors: OrganizationDetailT['predecessors'];
  successorsOn: { date: string; organizations: OrganizationDetailT['successors'] };
}

export function useOrgLineage(id: string, on: string | null) {
  return useQuery({
    queryKey: [...orgKeys.detail(id), 'lineage', on],
    queryFn: () => api.get<OrgLineage>(`/organizations/${id}/lineage`, { on: on ?? undefined }),
    enabled: Boolean(on),
  });
}

export function useApplyOrgEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrgEventInput) =>
      api.post<{ eventId: string; organizationIds: string[] }>('/organizations/events', input),
    onSuccess: async () => {
      // names, parents and staff counts may all have changed
      await queryClient.invalidateQueries({ queryKey: orgKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['staff'] });
    },
  });
}
