import { PaperClipOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { BarChart } from '../../components/charts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viIndicators } from '../../i18n/vi';
import { formatDate } from '../../lib/format';
import { applyApiError } from '../../lib/forms';
import { OrgPicker } from '../organizations/OrgPicker';
import {
  type GroupDetailT,
  type SheetT,
  uploadEvidence,
  useCriteriaSet,
  useCriteriaSets,
  useGroup,
  useRanking,
  useSaveAppraisal,
  useSaveSelf,
  useSheet,
  useTransition,
  useUpdateGroup,
} from './api';

const g = viIndicators.groups;
const c = viIndicators.common;
const fmt = (v: number | null | undefined) =>
  v === null || v === undefined ? c.none : v.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

type Row = SheetT['criteria'][number];

function SheetDrawer({
  groupId,
  orgId,
  onClose,
}: {
  groupId: string;
  orgId: string | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const sheet = useSheet(groupId, orgId);
  const saveSelf = useSaveSelf(groupId, orgId ?? '');
  const saveAppr = useSaveAppraisal(groupId, orgId ?? '');
  const transition = useTransition(groupId, orgId ?? '');
  const [self, setSelf] = useState<
    Record<string, { points: number | null; note: string; evidence: { id: string; name: string }[] }>
  >({});
  const [appr, setAppr] = useState<Record<string, { points: number | null; note: string }>>({});
  const [reasonFor, setReasonFor] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const data = sheet.data;
  useEffect(() => {
    if (!data) return;
    setSelf(
      Object.fromEntries(
        data.criteria
          .filter((r) => r.leaf)
          .map((r) => [r.id, { points: r.selfPoints, note: r.selfNote ?? '', evidence: r.evidence }]),
      ),
    );
    setAppr(
      Object.fromEntries(
        data.criteria
          .filter((r) => r.leaf)
          .map((r) => [r.id, { points: r.appraisedPoints, note: r.appraiserNote ?? '' }]),
      ),
    );
  }, [data]);
  if (!orgId) return null;
  const doSaveSelf = async () => {
    await saveSelf.mutateAsync({
      version: data!.sheet.version,
      entries: Object.entries(self).map(([criterionId, e]) => ({
        criterionId,
        points: e.points,
        note: e.note || null,
        evidenceFileIds: e.evidence.map((f) => f.id),
      })),
    });
    message.success(c.saved);
  };
  const doSaveAppr = async () => {
    await saveAppr.mutateAsync({
      version: data!.sheet.version,
      entries: Object.entries(appr).map(([criterionId, e]) => ({
        criterionId,
        points: e.points,
        note: e.note || null,
      })),
    });
    message.success(c.saved);
  };
  const act = async (action: string, why?: string) => {
    await transition.mutateAsync({ action, version: data!.sheet.version, reason: why ?? null });
    setReasonFor(null);
    setReason('');
  };
  const addEvidence = async (criterionId: string, file: File) => {
    try {
      const f = await uploadEvidence(groupId, orgId, file);
      setSelf((cur) => ({
        ...cur,
        [criterionId]: { ...cur[criterionId]!, evidence: [...(cur[criterionId]?.evidence ?? []), f] },
      }));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Drawer
      open={!!orgId}
      onClose={onClose}
      width={Math.min(1100, window.innerWidth - 40)}
      title={data ? `${g.sheet} – ${data.orgName}` : g.sheet}
    >
      <ErrorAlert error={sheet.error ?? saveSelf.error ?? saveAppr.error ?? transition.error} />
      {data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={4}>
            <Descriptions.Item label={g.status}>{data.sheet.statusName}</Descriptions.Item>
            <Descriptions.Item label={g.selfTotal}>
              {fmt(data.sheet.selfTotal)} / {data.maxTotal}
            </Descriptions.Item>
            <Descriptions.Item label={g.appraisedTotal}>{fmt(data.sheet.appraisedTotal)}</Descriptions.Item>
            <Descriptions.Item label={g.finalTotal}>{fmt(data.sheet.finalTotal)}</Descriptions.Item>
          </Descriptions>
          <Table<Row>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.criteria}
            scroll={{ x: 960 }}
            columns={[
              {
                title: g.criterion,
                render: (_: unknown, r) => (
                  <span
                    style={{
                      paddingLeft: (r.code.split('.').length - 1) * 16,
                      fontWeight: r.leaf ? 400 : 600,
                    }}
                  >
                    {r.code}. {r.name} {r.evidenceRequired && <Tag color="blue">{g.evidenceRequired}</Tag>}
                  </span>
                ),
              },
              { title: g.maxPoints, dataIndex: 'maxPoints', width: 90, align: 'right' },
              {
                title: g.selfPoints,
                width: 130,
                render: (_: unknown, r) =>
                  r.leaf && data.canSelfScore ? (
                    <InputNumber
                      aria-label={`${g.selfPoints} ${r.code}`}
                      min={0}
                      max={r.maxPoints}
                      step={0.5}
                      value={self[r.id]?.points ?? null}
                      onChange={(v) =>
                        setSelf({
                          ...self,
                          [r.id]: { ...self[r.id]!, points: v === null ? null : Number(v) },
                        })
                      }
                    />
                  ) : (
                    fmt(r.leaf ? r.selfPoints : r.selfNodePoints)
                  ),
              },
              {
                title: g.evidence,
                width: 240,
                render: (_: unknown, r) =>
                  r.leaf ? (
                    <Space orientation="vertical" size={2}>
                      {(self[r.id]?.evidence ?? r.evidence).map((f) => (
                        <a
                          key={f.id}
                          href={`/api/emulation-groups/${groupId}/evidence/${f.id}`}
                          target="_blank"
                          rel="noreferrer"
                        >
                          <PaperClipOutlined /> {f.name}
                        </a>
                      ))}
                      {data.canSelfScore && (
                        <Upload
                          accept=".pdf,.png,.jpg,.jpeg,.docx"
                          showUploadList={false}
                          beforeUpload={(file) => {
                            void addEvidence(r.id, file);
                            return false;
                          }}
                        >
                          <Button size="small">{g.addEvidence}</Button>
                        </Upload>
                      )}
                    </Space>
                  ) : null,
              },
              {
                title: g.appraisedPoints,
                width: 130,
                render: (_: unknown, r) =>
                  r.leaf && data.canAppraise ? (
                    <InputNumber
                      aria-label={`${g.appraisedPoints} ${r.code}`}
                      min={0}
                      max={r.maxPoints}
                      step={0.5}
                      value={appr[r.id]?.points ?? null}
                      onChange={(v) =>
                        setAppr({
                          ...appr,
                          [r.id]: { ...appr[r.id]!, points: v === null ? null : Number(v) },
                        })
                      }
                    />
                  ) : (
                    fmt(r.leaf ? r.appraisedPoints : r.appraisedNodePoints)
                  ),
              },
            ]}
          />
          <Space wrap>
            {data.canSelfScore && (
              <Button onClick={doSaveSelf} loading={saveSelf.isPending}>
                {g.saveSelf}
              </Button>
            )}
            {data.canAppraise && (
              <Button onClick={doSaveAppr} loading={saveAppr.isPending}>
                {g.saveAppraisal}
              </Button>
            )}
            {data.actions.map((a) => (
              <Button
                key={a.action}
                type={a.requiresReason ? 'default' : 'primary'}
                danger={a.requiresReason}
                loading={transition.isPending}
                onClick={() => (a.requiresReason ? setReasonFor(a.action) : act(a.action))}
              >
                {a.name}
              </Button>
            ))}
          </Space>
        </Space>
      )}
      <Modal
        open={!!reasonFor}
        title={g.reason}
        onCancel={() => setReasonFor(null)}
        onOk={() => act(reasonFor!, reason)}
        okText={c.save}
        cancelText={c.cancel}
      >
        <label htmlFor="sheet-reason">{g.reason}</label>
        <Input.TextArea
          id="sheet-reason"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Drawer>
  );
}

function MembersTab({ group, onOpen }: { group: GroupDetailT; onOpen: (orgId: string) => void }) {
  return (
    <Table
      rowKey="orgId"
      size="small"
      pagination={false}
      dataSource={group.members}
      scroll={{ x: 900 }}
      columns={[
        { title: c.org, dataIndex: 'orgName' },
        {
          title: g.pledgeSignedOn,
          dataIndex: 'pledgeSignedOn',
          width: 140,
          render: (v: string | null) => formatDate(v),
        },
        {
          title: g.status,
          width: 160,
          render: (_: unknown, m) => (
            <Tag color={m.sheet.status === 'final' ? 'green' : 'default'}>{m.sheet.statusName}</Tag>
          ),
        },
        { title: g.selfTotal, width: 100, align: 'right', render: (_: unknown, m) => fmt(m.sheet.selfTotal) },
        {
          title: g.appraisedTotal,
          width: 100,
          align: 'right',
          render: (_: unknown, m) => fmt(m.sheet.appraisedTotal),
        },
        {
          title: g.finalTotal,
          width: 100,
          align: 'right',
          render: (_: unknown, m) => fmt(m.sheet.finalTotal),
        },
        {
          title: '',
          width: 140,
          render: (_: unknown, m) =>
            m.visible && group.criteriaSetId ? (
              <Button size="small" onClick={() => onOpen(m.orgId)}>
                {g.sheet}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}

function RankingTab({ groupId }: { groupId: string }) {
  const ranking = useRanking(groupId);
  const data = ranking.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={ranking.error} />
      {data && !data.complete && <Typography.Text type="warning">{g.incomplete}</Typography.Text>}
      <Table
        rowKey="orgId"
        size="small"
        pagination={false}
        dataSource={data?.items ?? []}
        columns={[
          { title: g.rank, dataIndex: 'rank', width: 70, render: (v: number | null) => v ?? c.none },
          { title: c.org, dataIndex: 'orgName' },
          { title: g.status, dataIndex: 'statusName', width: 160 },
          { title: g.total, dataIndex: 'total', width: 110, align: 'right', render: fmt },
          {
            title: '',
            dataIndex: 'leader',
            width: 260,
            render: (v: boolean) => (v ? <Tag color="gold">{g.leader}</Tag> : null),
          },
        ]}
      />
      {data && (
        <BarChart
          title={g.total}
          orientation="horizontal"
          data={data.items
            .filter((i) => i.total !== null)
            .map((i) => ({ label: i.orgName, value: i.total as number }))}
        />
      )}
    </Space>
  );
}

function CriteriaTab({ setId }: { setId: string | null }) {
  const set = useCriteriaSet(setId);
  if (!setId) return <Typography.Text type="secondary">{c.none}</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={set.error} />
      {set.data && (
        <Typography.Text>
          {set.data.name} – {g.maxPoints}: <b>{set.data.maxTotal}</b>
        </Typography.Text>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={set.data?.criteria ?? []}
        columns={[
          {
            title: g.criterion,
            render: (_: unknown, r) => (
              <span
                style={{ paddingLeft: (r.code.split('.').length - 1) * 16, fontWeight: r.leaf ? 400 : 600 }}
              >
                {r.code}. {r.name}
              </span>
            ),
          },
          { title: g.maxPoints, dataIndex: 'maxPoints', width: 100, align: 'right' },
          { title: g.weight, dataIndex: 'weight', width: 80, align: 'right' },
          {
            title: g.evidenceRequired,
            dataIndex: 'evidenceRequired',
            width: 130,
            render: (v: boolean) => (v ? 'Có' : ''),
          },
        ]}
      />
    </Space>
  );
}

function EditGroupModal({
  group,
  open,
  onClose,
}: {
  group: GroupDetailT;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const update = useUpdateGroup(group.id);
  const sets = useCriteriaSets();
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        name: group.name,
        pledge: group.pledge ?? '',
        leaderCount: group.leaderCount,
        criteriaSetId: group.criteriaSetId ?? undefined,
        members: group.members.map((m) => m.orgId),
      });
  }, [open, group, form]);
  const submit = async (v: {
    name: string;
    pledge?: string;
    leaderCount: number;
    criteriaSetId?: string;
    members?: string[];
  }) => {
    const signed = new Map(group.members.map((m) => [m.orgId, m.pledgeSignedOn]));
    try {
      await update.mutateAsync({
        version: group.version,
        name: v.name,
        pledge: v.pledge || null,
        leaderCount: v.leaderCount,
        criteriaSetId: v.criteriaSetId ?? null,
        members: (v.members ?? []).map((orgId) => ({ orgId, pledgeSignedOn: signed.get(orgId) ?? null })),
      });
      onClose();
    } catch (e) {
      applyApiError(form, e);
    }
  };
  return (
    <Modal
      open={open}
      title={g.edit}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={c.save}
      cancelText={c.cancel}
      confirmLoading={update.isPending}
      width={720}
    >
      <ErrorAlert error={update.error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={g.name} rules={[{ required: true, message: 'Nhập tên khối, cụm' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="leaderCount" label={g.leaderCount}>
          <InputNumber min={1} max={20} />
        </Form.Item>
        <Form.Item name="criteriaSetId" label={g.criteriaSet}>
          <Select
            allowClear
            options={(sets.data ?? []).map((x) => ({ value: x.id, label: `${x.name} (${x.year})` }))}
          />
        </Form.Item>
        <Form.Item name="members" label={g.members}>
          <OrgPicker multiple />
        </Form.Item>
        <Form.Item name="pledge" label={g.pledge}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function GroupDetailView() {
  const { id } = useParams();
  const group = useGroup(id);
  const [sheetOrg, setSheetOrg] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const title = group.data ? `${group.data.name} năm ${group.data.year}` : g.title;
  usePageTitle(title);
  return (
    <>
      <PageHeader
        title={title}
        subTitle={group.data ? `${group.data.kindName} – ${g.owner}: ${group.data.ownerOrgName}` : undefined}
        extra={group.data?.canManage && <Button onClick={() => setEditing(true)}>{g.edit}</Button>}
      />
      <ErrorAlert error={group.error} />
      {group.data && (
        <>
          {group.data.pledge && (
            <Typography.Paragraph>
              <b>{g.pledge}:</b> {group.data.pledge}
            </Typography.Paragraph>
          )}
          <Tabs
            items={[
              {
                key: 'members',
                label: g.tabMembers,
                children: <MembersTab group={group.data} onOpen={setSheetOrg} />,
              },
              { key: 'ranking', label: g.tabRanking, children: <RankingTab groupId={group.data.id} /> },
              {
                key: 'criteria',
                label: g.tabCriteria,
                children: <CriteriaTab setId={group.data.criteriaSetId} />,
              },
            ]}
          />
          <SheetDrawer groupId={group.data.id} orgId={sheetOrg} onClose={() => setSheetOrg(null)} />
          <EditGroupModal group={group.data} open={editing} onClose={() => setEditing(false)} />
        </>
      )}
    </>
  );
}
