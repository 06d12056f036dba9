import { App as AntApp, Button, InputNumber, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { vi, viProposals } from '../../i18n/vi';
import { api } from '../../lib/api';
import { todayVn } from '../../lib/format';
import { OrgPicker } from '../organizations/OrgPicker';
import {
  type BoardRowT,
  type RegistrationDetailT,
  useCommendationMutation,
  useRegistrationBoard,
} from '../proposals/api';

const t = viProposals.registrations;

export const BOARD_COLORS: Record<string, string> = {
  not_submitted: 'default',
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  approved: 'green',
};

export function RegistrationsView() {
  usePageTitle(t.title);
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [year, setYear] = useState<number>(todayVn().year());
  const [orgId, setOrgId] = useState<string | null>(null);
  const board = useRegistrationBoard(year, orgId);
  const create = useCommendationMutation((body: { orgId: string; year: number }) =>
    api.post<RegistrationDetailT>('/registrations', body),
  );
  const counts = board.data?.counts ?? {};
  return (
    <>
      <PageHeader
        title={t.title}
        extra={
          <Space wrap>
            <InputNumber
              aria-label={t.year}
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && setYear(v)}
            />
            <OrgPicker
              aria-label={t.unit}
              value={orgId}
              onChange={(v) => setOrgId((v as string | null) ?? null)}
              style={{ width: 280 }}
            />
            <Button
              onClick={() =>
                void api.download(
                  '/registrations/export',
                  { year, orgId },
                  `Tổng hợp đăng ký thi đua ${year}.xlsx`,
                )
              }
            >
              {t.exportXlsx}
            </Button>
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }} aria-label={t.board}>
        {(['not_submitted', 'draft', 'submitted', 'returned', 'approved'] as const).map((s) => (
          <Tag key={s} color={BOARD_COLORS[s]}>{`${viProposals.boardStates[s]}: ${counts[s] ?? 0}`}</Tag>
        ))}
      </Space>
      <ErrorAlert error={board.error ?? create.error} />
      <Table<BoardRowT>
        rowKey={(r) => r.org.id}
        loading={board.isLoading}
        dataSource={board.data?.rows ?? []}
        locale={{ emptyText: t.none }}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t.unit,
            render: (_, r) => {
              const minDepth = Math.min(...(board.data?.rows ?? []).map((x) => x.org.depth));
              return <span style={{ paddingLeft: (r.org.depth - minDepth) * 20 }}>{r.org.name}</span>;
            },
          },
          {
            title: t.status,
            width: 220,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Tag color={BOARD_COLORS[r.status]}>{r.statusName}</Tag>
                {r.status === 'returned' && r.returnReason && (
                  <small>{`${t.returnReason}: ${r.returnReason}`}</small>
                )}
              </Space>
            ),
          },
          { title: t.collective, dataIndex: 'collectiveCount', width: 130, align: 'right' },
          { title: t.individual, dataIndex: 'individualCount', width: 130, align: 'right' },
          {
            title: vi.common.actions,
            width: 180,
            render: (_, r) =>
              r.registrationId ? (
                <Link to={`/registrations/${r.registrationId}`}>{t.open}</Link>
              ) : can('registration.submit') ? (
                <Button
                  size="small"
                  onClick={async () => {
                    const reg = await create.mutateAsync({ orgId: r.org.id, year });
                    message.success(t.create);
                    navigate(`/registrations/${reg.id}`);
                  }}
                >
                  {t.create}
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}
