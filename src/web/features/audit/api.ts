import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface AuditItem {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgId: string | null;
  orgName: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface AuditVerifyResult {
  ok: boolean;
  rows: number;
  head: { seq: number; hash: string } | null;
  problem: { seq: number; kind: string; message: string } | null;
}

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', 'list', filters],
    queryFn: ({ signal }) =>
      api.get<{ items: AuditItem[]; total: number; page: number; pageSize: number }>(
        '/audit',
        { ...filters },
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export const verifyAudit = () => api.get<AuditVerifyResult>('/audit/verify');
