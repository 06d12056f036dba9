import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Board,
  NotificationList,
  OutboxItem,
  ReportRequestDetail,
  ReportRequestItem,
  RollUp,
  SubmissionDetail,
  TaskItem,
} from '../../../contracts/reports';
import { api } from '../../lib/api';

export type TaskT = z.infer<typeof TaskItem>;
export type ReportRequestItemT = z.infer<typeof ReportRequestItem>;
export type ReportRequestDetailT = z.infer<typeof ReportRequestDetail>;
export type BoardT = z.infer<typeof Board>;
export type SubmissionT = z.infer<typeof SubmissionDetail>;
export type RollUpT = z.infer<typeof RollUp>;
export type OutboxItemT = z.infer<typeof OutboxItem>;
export type NotificationListT = z.infer<typeof NotificationList>;

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const reportKeys = {
  all: ['reports'] as const,
  list: (q: object) => ['reports', 'list', q] as const,
  detail: (id: string) => ['reports', 'detail', id] as const,
  board: (id: string) => ['reports', 'board', id] as const,
  rollup: (id: string) => ['reports', 'rollup', id] as const,
  submission: (id: string, orgId: string) => ['reports', 'submission', id, orgId] as const,
};

export function useTasks(q: { status?: string; overdue?: boolean; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['tasks', q],
    queryFn: () => api.get<Paged<TaskT>>('/tasks', q),
    placeholderData: keepPreviousData,
  });
}

export function useReportRequests(q: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: reportKeys.list(q),
    queryFn: () => api.get<Paged<ReportRequestItemT>>('/reports', q),
    placeholderData: keepPreviousData,
  });
}

export function useReportRequest(id: string) {
  return useQuery({
    queryKey: reportKeys.detail(id),
    queryFn: () => api.get<ReportRequestDetailT>(`/reports/${id}`),
  });
}

export function useBoard(id: string) {
  return useQuery({ queryKey: reportKeys.board(id), queryFn: () => api.get<BoardT>(`/reports/${id}/board`) });
}

export function useRollUp(id: string, enabled: boolean) {
  return useQuery({
    queryKey: reportKeys.rollup(id),
    queryFn: () => api.get<RollUpT>(`/reports/${id}/rollup`),
    enabled,
  });
}

export function useSubmission(id: string, orgId: string) {
  return useQuery({
    queryKey: reportKeys.submission(id, orgId),
    queryFn: () => api.get<SubmissionT>(`/reports/${id}/submissions/${orgId}`),
  });
}

export function useOutbox(q: { status?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['mail', 'outbox', q],
    queryFn: () => api.get<Paged<OutboxItemT>>('/mail/outbox', q),
    placeholderData: keepPreviousData,
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<NotificationListT>('/notifications', { limit: 15 }),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      id === 'all' ? api.post('/notifications/read-all') : api.post(`/notifications/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
