import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  RunDetail,
  RunSummary,
  SubjectEligibility,
  VerdictSchema,
} from '../../../contracts/eligibility';
import { api } from '../../lib/api';

export type SubjectEligibilityT = z.infer<typeof SubjectEligibility>;
export type VerdictT = z.infer<typeof VerdictSchema>;
export type RunSummaryT = z.infer<typeof RunSummary>;
export type RunDetailT = z.infer<typeof RunDetail>;

export const eligibilityKeys = {
  all: ['eligibility'] as const,
  subject: (kind: 'people' | 'orgs', id: string, year: number, codes?: string) =>
    ['eligibility', kind, id, year, codes ?? ''] as const,
  runs: (orgId: string | null) => ['eligibility', 'runs', orgId] as const,
  run: (id: string, code: string | null, status: string | null, page: number) =>
    ['eligibility', 'run', id, code, status, page] as const,
};

export function useEligibility(
  subject: { personId?: string; orgId?: string },
  year: number,
  codes?: string[],
) {
  const kind = subject.personId ? 'people' : 'orgs';
  const id = subject.personId ?? subject.orgId ?? '';
  const codeList = codes?.join(',');
  return useQuery({
    queryKey: eligibilityKeys.subject(kind, id, year, codeList),
    queryFn: ({ signal }) =>
      api.get<SubjectEligibilityT>(`/eligibility/${kind}/${id}`, { year, codes: codeList }, { signal }),
    enabled: !!id,
  });
}

export function useRuns(orgId: string | null) {
  return useQuery({
    queryKey: eligibilityKeys.runs(orgId),
    queryFn: ({ signal }) =>
      api.get<{ items: RunSummaryT[] }>('/eligibility/runs', { orgId: orgId ?? undefined }, { signal }),
  });
}

export function useRun(id: string | null, code: string | null, status: string | null, page: number) {
  return useQuery({
    queryKey: eligibilityKeys.run(id ?? '', code, status, page),
    queryFn: ({ signal }) =>
      api.get<RunDetailT>(
        `/eligibility/runs/${id}`,
        { code: code ?? undefined, status: status ?? undefined, page, pageSize: 50 },
        { signal },
      ),
    enabled: !!id,
  });
}

export function useCreateRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { orgId: string; year: number; subjects: 'individual' | 'collective' | 'both' }) =>
      api.post<RunSummaryT>('/eligibility/runs', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['eligibility', 'runs'] }),
  });
}
