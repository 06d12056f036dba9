import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FundLedger } from '../../../contracts/fund';
import { api } from '../../lib/api';

export type FundLedgerT = z.infer<typeof FundLedger>;

export const useLedger = (orgId: string | null, year: number) =>
  useQuery({
    queryKey: ['fund', orgId, year],
    enabled: !!orgId,
    queryFn: ({ signal }) => api.get<FundLedgerT>('/fund', { orgId, year }, { signal }),
  });

export function useFundMutation<TVars, TResult = unknown>(fn: (v: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: ['fund'] });
    },
  });
}
