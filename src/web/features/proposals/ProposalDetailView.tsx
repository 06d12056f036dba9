import {
  CheckCircleTwoTone,
  CloseCircleTwoTone,
  QuestionCircleTwoTone,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  List,
  Popconfirm,
  Row,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { ReasonModal } from '../../components/ReasonModal';
import { vi, viProposals } from '../../i18n/vi';
import { ApiError, api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { type ProposalDetailT, useCommendationMutation, useProposal, type VerdictT } from './api';
import { STATE_COLORS } from './ProposalsView';

const t = viProposals.proposals;

function VerdictView({ verdict, title }: { verdict: VerdictT | null | undefined; title: string }) {
  if (!verdict) return <Typography.Text type="secondary">{t.noEligibility}</Typography.Text>;
  const color =
    verdict.status === 'eligible' ? 'success' : verdict.status === 'not_eligible' ? 'error' : 'warning';
  return (
    <section aria-label={t.eligibility}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <Alert
        style={{ margin: '8px 0' }}
        type={color}
        showIcon
        title={`${verdict.name}: ${t.verdict[verdict.status] ?? verdict.status}`}
        description={verdict.summary}
      />
      <List
        size="small"
        dataSource={verdict.conditions}
        renderItem={(c) => (
          <List.Item style={{ paddingLeft: 8 + c.depth * 16 }}>
            <Space align="start">
              {c.met === true ? (
                <CheckCircleTwoTone twoToneColor="#52c41a" aria-label="Đạt" />
              ) : c.met === false ? (
                <CloseCircleTwoTone twoToneColor="#ff4d4f" aria-label="Không đạt" />
              ) : (
                <QuestionCircleTwoTone twoToneColor="#faad14" aria-label="Thiếu dữ liệu" />
              )}
              <div>
                <div>{c.description}</div>
                {c.facts.length > 0 && (
                  <Typography.Text type="secondary">{c.facts.join('; ')}</Typography.Text>
                )}
                {c.citation && (
                  <div>
                    <Typography.Text type="secondary" italic>
                      {c.citation}
                    </Typography.Text>
                  </div>
                )}
              </div>
            </Space>
          </List.Item>
        )}
      />
    </section>
  );
}

function ReportEditor({ p }: { p: ProposalDetailT }) {
  const { message } = AntApp.useApp();
  const [text, setText] = useState(p.achievementReport ?? '');
  useEffect(() => setText(p.achievementReport ?? ''), [p.achievementReport]);
  const save = useCommendationMutation((body: { version: number; achievementReport: string }) =>
    api.patch<ProposalDetailT>(`/proposals/${p.id}`, body),
  );
  const regenerate = async () => {
    const r = await api.get<{ text: string }>(`/proposals/${p.id}/achievement-report/draft`);
    setText(r.text);
  };
  return (
    <Card title={t.report} size="small" style={{ marginBottom: 16 }}>
      <ErrorAlert error={save.error} />
      <Typography.Paragraph type="secondary">{t.reportHint}</Typography.Paragraph>
      <Input.TextArea
        aria-label={t.report}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 10, maxRows: 28 }}
        readOnly={!p.canEdit}
        style={{ fontFamily: 'inherit' }}
      />
      <Space wrap style={{ marginTop: 8 }}>
        {p.canEdit && (
          <>
            <Button
              type="primary"
              loading={save.isPending}
              disabled={text === (p.achievementReport ?? '')}
              onClick={async () => {
                await save.mutateAsync({ version: p.version, achievementReport: text });
                message.success(t.reportSaved);
              }}
            >
              {t.saveReport}
            </Button>
            <Button onClick={() => void regenerate()}>{t.regenerate}</Button>
          </>
        )}
        <Button
          onClick={() =>
            void api.download(
              `/proposals/${p.id}/achievement-report.docx`,
              undefined,
              'Báo cáo thành tích.docx',
            )
          }
        >
          {t.downloadReport}
        </Button>
      </Space>
    </Card>
  );
}

function FilesCard({ p }: { p: ProposalDetailT }) {
  const upload = useCommendationMutation((file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload(`/proposals/${p.id}/files`, form);
  });
  const remove = useCommendationMutation((fileId: string) =>
    api.delete(`/proposals/${p.id}/files/${fileId}`),
  );
  return (
    <Card title={t.evidence} size="small" style={{ marginBottom: 16 }}>
      <ErrorAlert error={upload.error ?? remove.error} />
      <List
        size="small"
        dataSource={p.files}
        locale={{ emptyText: t.noFiles }}
        renderItem={(f) => (
          <List.Item
            actions={[
              <Button
                key="dl"
                type="link"
                size="small"
                onClick={() => void api.download(`/proposals/${p.id}/files/${f.id}`, undefined, f.fileName)}
              >
                {vi.common.download}
              </Button>,
              ...(p.canEdit && f.kind === 'evidence'
                ? [
                    <Popconfirm
                      key="rm"
                      title={`${t.removeFile}?`}
                      onConfirm={() => remove.mutate(f.id)}
                      okText={t.removeFile}
                      cancelText={vi.common.cancel}
                    >
                      <Button type="link" size="small" danger>
                        {t.removeFile}
                      </Button>
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <Space>
              <Tag>{t.fileKinds[f.kind] ?? f.kind}</Tag>
              <span>{f.fileName}</span>
              <Typography.Text type="secondary">{`${Math.ceil(f.size / 1024)} KB`}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {p.canEdit && (
        <div style={{ marginTop: 8 }}>
          <Upload
            accept=".pdf,.jpg,.jpeg,.png,.docx"
            showUploadList={false}
            customRequest={async ({ file, onSuccess, onError }) => {
              try {
                await upload.mutateAsync(file as File);
                onSuccess?.(null);
              } catch (e) {
                onError?.(e as Error);
              }
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t.upload}
            </Button>
          </Upload>
          <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
            {t.uploadHint}
          </Typography.Paragraph>
        </div>
      )}
    </Card>
  );
}

function ActionsCard({ p, onReload }: { p: ProposalDetailT; onReload: () => void }) {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [pending, setPending] = useState<ProposalDetailT['actions'][number] | null>(null);
  const act = useCommendationMutation((body: { action: string; reason?: string; version: number }) =>
    api.post<ProposalDetailT>(`/proposals/${p.id}/transitions`, body),
  );
  const remove = useCommendationMutation(() => api.delete(`/proposals/${p.id}`));
  const run = async (action: ProposalDetailT['actions'][number], reason?: string) => {
    try {
      await act.mutateAsync({ action: action.action, version: p.version, ...(reason ? { reason } : {}) });
      message.success(t.done(action.name));
      setPending(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) onReload();
      throw e;
    }
  };
  return (
    <Card title={t.actions} size="small" style={{ marginBottom: 16 }}>
      <ErrorAlert error={act.error ?? remove.error} />
      {p.actions.length === 0 && p.status !== 'draft' ? (
        <Typography.Text type="secondary">{t.noActions}</Typography.Text>
      ) : (
        <Space wrap>
          {p.actions.map((a) => (
            <Button
              key={a.action}
              type={a.requiresReason ? 'default' : 'primary'}
              danger={a.action === 'return' || a.action === 'reject'}
              loading={act.isPending && act.variables?.action === a.action}
              onClick={() => {
                if (a.requiresReason) {
                  setPending(a);
                } else void run(a).catch(() => {});
              }}
            >
              {a.name}
            </Button>
          ))}
          {p.status === 'draft' && p.canEdit && (
            <Popconfirm
              title={t.deleteConfirm}
              okText={vi.common.delete}
              cancelText={vi.common.cancel}
              onConfirm={async () => {
                await remove.mutateAsync(undefined);
                navigate('/proposals');
              }}
            >
              <Button danger>{t.deleteDraft}</Button>
            </Popconfirm>
          )}
        </Space>
      )}
      <ReasonModal
        action={pending}
        loading={act.isPending}
        onCancel={() => setPending(null)}
        onSubmit={(reason) => pending && void run(pending, reason).catch(() => {})}
      />
    </Card>
  );
}

export function ProposalDetailView({ id }: { id: string }) {
  const q = useProposal(id);
  const p = q.data;
  usePageTitle(p ? `${p.nominee.name} – ${p.awardName}` : t.title);
  if (q.isLoading) return <Spin />;
  if (!p) return <ErrorAlert error={q.error} />;
  const eligibility = (p.eligibility ?? null) as {
    ruleSetVersion: number;
    verdict: VerdictT | null;
    dossier?: ProposalDetailT['dossier'];
  } | null;
  const preview = (p.eligibilityPreview ?? null) as {
    ruleSetVersion: number;
    verdict: VerdictT | null;
  } | null;
  const council = p.councilResult as {
    approved: boolean;
    reason?: string | null;
    counts?: { agree: number; members: number };
  } | null;
  return (
    <>
      <PageHeader
        title={`${p.nominee.name} – ${p.awardName}`}
        subTitle={
          <Space wrap>
            <Tag color={STATE_COLORS[p.status]} aria-label={t.status}>
              {p.statusName}
            </Tag>
            <span>{p.round.title}</span>
          </Space>
        }
        extra={<Link to={`/proposals?roundId=${p.round.id}`}>{vi.common.back}</Link>}
      />
      {p.status === 'returned' && p.returnReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t.returnedBanner}
          description={`${t.returnReason}: ${p.returnReason}`}
        />
      )}
      {p.forwardedProposalId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t.forwardedTo}
          action={<Link to={`/proposals/${p.forwardedProposalId}`}>{t.openLinked}</Link>}
        />
      )}
      {p.forwardedFromId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t.forwardedFrom}
          action={<Link to={`/proposals/${p.forwardedFromId}`}>{t.openLinked}</Link>}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <ActionsCard p={p} onReload={() => void q.refetch()} />
          <Card title={t.eligibility} size="small" style={{ marginBottom: 16 }}>
            {eligibility ? (
              <VerdictView
                verdict={eligibility.verdict}
                title={t.eligibilityRecorded(eligibility.ruleSetVersion)}
              />
            ) : (
              <VerdictView verdict={preview?.verdict} title={t.eligibilityPreview} />
            )}
          </Card>
          <ReportEditor p={p} />
          <FilesCard p={p} />
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t.dossier} size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t.nominee}>{p.nominee.name}</Descriptions.Item>
              <Descriptions.Item label={t.unit}>{p.nominee.unitName ?? vi.common.none}</Descriptions.Item>
              <Descriptions.Item label={t.proposingOrg}>{p.proposingOrg.name}</Descriptions.Item>
              <Descriptions.Item label={t.award}>{p.awardName}</Descriptions.Item>
            </Descriptions>
            <Tag color={p.dossier.complete ? 'green' : 'orange'}>
              {p.dossier.complete ? t.dossierComplete : t.dossierIncomplete}
            </Tag>
            <List
              size="small"
              dataSource={p.dossier.items}
              renderItem={(i) => (
                <List.Item>
                  <Space>
                    {i.ok ? (
                      <CheckCircleTwoTone twoToneColor="#52c41a" />
                    ) : (
                      <CloseCircleTwoTone twoToneColor="#ff4d4f" />
                    )}
                    {i.label}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          {council && (
            <Card title={t.council} size="small" style={{ marginBottom: 16 }}>
              <Tag color={council.approved ? 'green' : 'red'}>
                {council.approved ? viProposals.proposalStates.approved : viProposals.proposalStates.rejected}
              </Tag>
              {council.counts && <span>{t.councilCounts(council.counts.agree, council.counts.members)}</span>}
              {council.reason && <Typography.Paragraph>{council.reason}</Typography.Paragraph>}
            </Card>
          )}
          <Card title={t.history} size="small">
            <Timeline
              items={p.events.map((e) => ({
                key: e.id,
                content: (
                  <div>
                    <strong>{e.actionName}</strong>
                    {' → '}
                    {viProposals.proposalStates[e.toStatus] ?? e.toStatus}
                    <div>
                      <Typography.Text type="secondary">{`${e.actorName ?? ''} · ${formatDateTime(e.at)}`}</Typography.Text>
                    </div>
                    {e.reason && <div>{`${t.reason}: ${e.reason}`}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
