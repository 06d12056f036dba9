import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AwardStatistics,
  OrgAwardHistory,
  PersonAwardHistory,
  RegisterEntry,
} from '../../../contracts/register';
import { api } from '../../lib/api';

export type RegisterEntryT = z.infer<typeof RegisterEntry>;
export type AwardStatisticsT = z.infer<typeof AwardStatistics>;
export type PersonAwardHistoryT = z.infer<typeof PersonAwardHistory>;
export type OrgAwardHistoryT = z.infer<typeof OrgAwardHistory>;

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RegisterFilters {
  q: string;
  year: number | null;
  awardCode: string | null;
  subject: 'individual' | 'collective' | null;
  orgId: string | null;
  page: number;
  pageSize: number;
}

export function registerQuery(f: RegisterFilters, paged = true) {
  return {
    q: f.q.trim() || undefined,
    year: f.year ?? undefined,
    awardCode: f.awardCode ?? undefined,
    subject: f.subject ?? undefined,
    orgId: f.orgId ?? undefined,
    page: paged ? f.page : undefined,
    pageSize: paged ? f.pageSize : undefined,
  };
}

export function useRegister(f: RegisterFilters) {
  return useQuery({
    queryKey: ['register', 'list', f],
    queryFn: ({ signal }) => api.get<Paged<RegisterEntryT>>('/register', registerQuery(f), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePersonHistory(id: string | null) {
  return useQuery({
    queryKey: ['register', 'person', id],
    queryFn: () => api.get<PersonAwardHistoryT>(`/register/people/${id}`),
    enabled: Boolean(id),
  });
}

export function useOrgHistory(id: string | null) {
  return useQuery({
    queryKey: ['register', 'org', id],
    queryFn: () => api.get<OrgAwardHistoryT>(`/register/organizations/${id}`),
    enabled: Boolean(id),
  });
}

export interface StatisticsFilters {
  yearFrom: number | null;
  yearTo: number | null;
  orgId: string | null;
}

export function statisticsQuery(f: StatisticsFilters) {
  return { yearFrom: f.yearFrom ?? undefined, yearTo: f.yearTo ?? undefined, orgId: f.orgId ?? undefined };
}

export function useStatistics(f: StatisticsFilters) {
  return useQuery({
    queryKey: ['statistics', 'awards', f],
    queryFn: ({ signal }) => api.get<AwardStatisticsT>('/statistics/awards', statisticsQuery(f), { signal }),
    placeholderData: keepPreviousData,
  });
}
