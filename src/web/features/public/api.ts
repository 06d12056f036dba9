import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { HonourBoard, PublicNominees, PublicOrganization, PublicRound } from '../../../contracts/public';
import { api } from '../../lib/api';

export type HonourBoardT = z.infer<typeof HonourBoard>;
export type PublicNomineesT = z.infer<typeof PublicNominees>;
export type PublicRoundT = z.infer<typeof PublicRound>;
export type PublicOrganizationT = z.infer<typeof PublicOrganization>;

export function useHonourBoard(org: string | null, year: number | null) {
  return useQuery({
    queryKey: ['public', 'honour-board', org, year],
    queryFn: () =>
      api.get<HonourBoardT>('/public/honour-board', { org: org ?? undefined, year: year ?? undefined }),
  });
}

export function usePublicOrganizations() {
  return useQuery({
    queryKey: ['public', 'organizations'],
    queryFn: () => api.get<PublicOrganizationT[]>('/public/organizations'),
    staleTime: 5 * 60_000,
  });
}

export function useOpenRounds() {
  return useQuery({
    queryKey: ['public', 'rounds'],
    queryFn: () => api.get<PublicRoundT[]>('/public/rounds'),
  });
}

export function usePublicNominees(id: string) {
  return useQuery({
    queryKey: ['public', 'nominees', id],
    queryFn: () => api.get<PublicNomineesT>(`/public/rounds/${id}/nominees`),
    retry: false,
  });
}
