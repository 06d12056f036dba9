import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BaseSalaryList, Catalog, RuleSetSummary } from '../../../contracts/rules';
import { api } from '../../lib/api';

export type CatalogT = z.infer<typeof Catalog>;
export type CatalogRuleT = CatalogT['rules'][number];
export type RuleSetSummaryT = z.infer<typeof RuleSetSummary>;
export type BaseSalaryListT = z.infer<typeof BaseSalaryList>;

export function useCatalog(version: number | null, year: number) {
  return useQuery({
    queryKey: ['rules', 'catalog', version, year],
    queryFn: ({ signal }) =>
      api.get<CatalogT>('/rules/catalog', { version: version ?? undefined, year }, { signal }),
  });
}

export function useVersions() {
  return useQuery({
    queryKey: ['rules', 'versions'],
    queryFn: ({ signal }) =>
      api.get<{ items: RuleSetSummaryT[]; canManage: boolean }>('/rules/versions', undefined, { signal }),
  });
}

export interface RuleChangeInput {
  op: 'setConditionParams' | 'setCoefficient';
  code: string;
  subject: string;
  conditionId?: string;
  params?: Record<string, number>;
  value?: string | null;
}

export function useCreateVersion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      baseVersion?: number;
      effectiveFrom: string;
      note: string;
      changes: RuleChangeInput[];
    }) => api.post<{ version: number }>('/rules/versions', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['rules'] }),
  });
}

export function useBaseSalaries() {
  return useQuery({
    queryKey: ['rules', 'base-salaries'],
    queryFn: ({ signal }) => api.get<BaseSalaryListT>('/rules/base-salaries', undefined, { signal }),
  });
}

export function useCreateBaseSalary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { effectiveFrom: string; amount: number; legalBasis?: string | null }) =>
      api.post('/rules/base-salaries', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['rules', 'base-salaries'] }),
  });
}
