import {
  CheckOutlined,
  CloseOutlined,
  DownloadOutlined,
  LockOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { vi, viCouncils } from '../../i18n/vi';
import { api, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { type SessionDetailT, useAgendaCandidates, useCouncilMutation, useSession } from './api';

const t = viCouncils.session;
type Item = SessionDetailT['items'][number];

function Attendance({ s }: { s: SessionDetailT }) {
  const { message } = AntApp.useApp();
  const [present, setPresent] = useState<string[]>(s.members.filter((m) => m.present).map((m) => m.id));
  useEffect(() => setPresent(s.members.filter((m) => m.present).map((m) => m.id)), [s]);
  const locked = s.items.some((i) => i.ballotStatus !== 'draft');
  const save = useCouncilMutation((ids: string[]) =>
    api.put(`/council-sessions/${s.id}/attendance`, { presentMemberIds: ids, version: s.version }),
  );
  const count = s.members.filter((m) => m.present).length;
  return (
    <Card title={t.attendance} size="small">
      <Alert
        type={s.quorumMet ? 'success' : 'warning'}
        showIcon
        style={{ marginBottom: 12 }}
        message={
          s.quorumMet
            ? t.quorumMet(count, s.membersTotal, s.quorumRequired)
            : t.quorumMissing(count, s.membersTotal, s.quorumRequired)
        }
      />
      {s.abilities.manage && !locked ? (
        <>
          <Checkbox.Group
            value={present}
            onChange={(v) => setPresent(v as string[])}
            options={s.members.map((m) => ({ value: m.id, label: `${m.fullName} (${m.roleName})` }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          />
          <Button
            style={{ marginTop: 12 }}
            loading={save.isPending}
            onClick={async () => {
              try {
                await save.mutateAsync(present);
                message.success(t.attendanceSaved);
              } catch (e) {
                message.error(errorMessage(e));
              }
            }}
          >
            {t.saveAttendance}
          </Button>
        </>
      ) : (
        <Space wrap>
          {s.members.map((m) => (
            <Tag key={m.id} color={m.present ? 'green' : 'default'}>
              {m.fullName} – {m.roleName}: {m.present ? t.present : t.absent}
            </Tag>
          ))}
        </Space>
      )}
    </Card>
  );
}

function AddItems({ s }: { s: SessionDetailT }) {
  const { message } = AntApp.useApp();
  const [ids, setIds] = useState<string[]>([]);
  const cands = useAgendaCandidates(s.councilId, s.abilities.manage);
  const add = useCouncilMutation((proposalIds: string[]) =>
    api.post(`/council-sessions/${s.id}/items`, { proposalIds }),
  );
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <label htmlFor="agenda-candidates">{t.candidates}</label>
      <Select
        id="agenda-candidates"
        mode="multiple"
        style={{ minWidth: 420 }}
        placeholder={t.candidatesPlaceholder}
        notFoundContent={t.noCandidates}
        value={ids}
        onChange={setIds}
        optionFilterProp="label"
        options={(cands.data ?? []).map((c) => ({
          value: c.proposalId,
          label: `${c.nomineeName} – ${c.awardName} (${c.roundTitle})`,
        }))}
      />
      <Button
        type="primary"
        disabled={ids.length === 0}
        loading={add.isPending}
        onClick={async () => {
          try {
            await add.mutateAsync(ids);
            setIds([]);
            message.success(t.itemsAdded);
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      >
        {t.addItems}
      </Button>
    </Space>
  );
}

/** The member's ballot: two big buttons, no record of the choice on this screen after voting. */
function Ballot({ item, present }: { item: Item; present: number }) {
  const { message } = AntApp.useApp();
  const vote = useCouncilMutation((choice: 'agree' | 'disagree') =>
    api.post(`/session-items/${item.id}/vote`, { choice }),
  );
  const cast = async (choice: 'agree' | 'disagree') => {
    try {
      await vote.mutateAsync(choice);
      message.success(t.voteRecorded);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  if (item.iVoted) return <Tag color="blue">{t.youVoted}</Tag>;
  if (!item.abilities.vote)
    return <Typography.Text type="secondary">{t.voted(item.votedCount, present)}</Typography.Text>;
  return (
    <fieldset aria-label={t.voteFor(item.nomineeName)} style={{ border: 0, padding: 0, margin: 0 }}>
      <Space wrap>
        <Button
          type="primary"
          size="large"
          icon={<CheckOutlined aria-hidden />}
          aria-label={t.agree}
          style={{ minWidth: 160, height: 56, fontSize: 18 }}
          loading={vote.isPending && vote.variables === 'agree'}
          disabled={vote.isPending}
          onClick={() => void cast('agree')}
        >
          {t.agree}
        </Button>
        <Button
          danger
          size="large"
          icon={<CloseOutlined aria-hidden />}
          aria-label={t.disagree}
          style={{ minWidth: 160, height: 56, fontSize: 18 }}
          loading={vote.isPending && vote.variables === 'disagree'}
          disabled={vote.isPending}
          onClick={() => void cast('disagree')}
        >
          {t.disagree}
        </Button>
      </Space>
    </fieldset>
  );
}

function ChairActions({ item }: { item: Item }) {
  const { message, modal } = AntApp.useApp();
  const open = useCouncilMutation(() => api.post(`/session-items/${item.id}/open`));
  const close = useCouncilMutation(() => api.post(`/session-items/${item.id}/close`));
  if (item.abilities.open)
    return (
      <Button
        icon={<UnlockOutlined />}
        loading={open.isPending}
        aria-label={`${t.openBallot}: ${item.nomineeName}`}
        onClick={async () => {
          try {
            await open.mutateAsync(undefined);
            message.success(t.opened);
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      >
        {t.openBallot}
      </Button>
    );
  if (item.abilities.close)
    return (
      <Button
        icon={<LockOutlined />}
        loading={close.isPending}
        aria-label={`${t.closeBallot}: ${item.nomineeName}`}
        onClick={() =>
          modal.confirm({
            title: t.closeBallot,
            content: t.closeConfirm,
            okText: t.closeBallot,
            cancelText: vi.common.cancel,
            onOk: async () => {
              try {
                await close.mutateAsync(undefined);
                message.success(t.closed);
              } catch (e) {
                message.error(errorMessage(e));
              }
            },
          })
        }
      >
        {t.closeBallot}
      </Button>
    );
  return null;
}

export function SessionView({ id }: { id: string }) {
  const session = useSession(id);
  const s = session.data;
  usePageTitle(s?.title ?? viCouncils.councils.sessions);
  const [downloading, setDownloading] = useState(false);
  const { message } = AntApp.useApp();
  const present = s?.members.filter((m) => m.present).length ?? 0;
  return (
    <>
      <PageHeader
        title={s?.title ?? viCouncils.councils.sessions}
        subTitle={s ? `${s.councilName} – ${s.orgName}` : undefined}
        extra={
          <>
            <Link to={s ? `/councils?council=${s.councilId}` : '/councils'}>{t.back}</Link>
            {s && (
              <Button
                icon={<DownloadOutlined />}
                disabled={!s.abilities.minutes}
                title={s.abilities.minutes ? undefined : t.minutesHint}
                loading={downloading}
                onClick={async () => {
                  setDownloading(true);
                  try {
                    await api.download(`/council-sessions/${s.id}/minutes`, undefined, 'Biên bản.docx');
                  } catch (e) {
                    message.error(errorMessage(e));
                  } finally {
                    setDownloading(false);
                  }
                }}
              >
                {t.minutes}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={session.error} />
      {s && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
            <Descriptions.Item label={viCouncils.councils.meetingDate}>
              {formatDate(s.meetingDate)}
            </Descriptions.Item>
            <Descriptions.Item label={viCouncils.councils.venue}>
              {s.venue ?? vi.common.none}
            </Descriptions.Item>
            <Descriptions.Item label={`${viCouncils.councils.startTime} – ${viCouncils.councils.endTime}`}>
              {s.startTime} – {s.endTime}
            </Descriptions.Item>
          </Descriptions>
          <Attendance s={s} />
          <Card title={t.agenda} size="small">
            <Alert type="info" showIcon message={t.secretNote} style={{ marginBottom: 12 }} />
            {s.abilities.manage && <AddItems s={s} />}
            <Table
              rowKey="id"
              pagination={false}
              locale={{ emptyText: t.noItems }}
              dataSource={s.items}
              scroll={{ x: 900 }}
              columns={[
                { title: '#', dataIndex: 'position', width: 48 },
                {
                  title: t.nominee,
                  dataIndex: 'nomineeName',
                  render: (v: string, i: Item) => (
                    <>
                      <strong>{v}</strong>
                      {i.unitName && <div>{i.unitName}</div>}
                    </>
                  ),
                },
                { title: t.award, dataIndex: 'awardName' },
                {
                  title: t.status,
                  dataIndex: 'ballotStatusName',
                  render: (v: string, i: Item) => (
                    <Tag
                      color={
                        i.ballotStatus === 'open'
                          ? 'processing'
                          : i.ballotStatus === 'closed'
                            ? 'default'
                            : 'warning'
                      }
                    >
                      {v}
                    </Tag>
                  ),
                },
                {
                  title: t.result,
                  key: 'result',
                  render: (_: unknown, i: Item) =>
                    i.result ? (
                      <div>
                        <div>{t.resultLine(i.result.agree, i.result.disagree)}</div>
                        <Tag color={i.result.status === 'passed' ? 'green' : 'red'}>
                          {t.outcome[i.result.status]}
                        </Tag>
                        <div>
                          <Typography.Text type="secondary">{i.result.summary}</Typography.Text>
                        </div>
                      </div>
                    ) : (
                      <Typography.Text type="secondary">
                        {i.ballotStatus === 'open' ? t.voted(i.votedCount, present) : t.pending}
                      </Typography.Text>
                    ),
                },
                {
                  title: vi.common.actions,
                  key: 'actions',
                  render: (_: unknown, i: Item) => (
                    <Space direction="vertical">
                      <ChairActions item={i} />
                      {i.ballotStatus === 'open' && s.abilities.member && (
                        <Ballot item={i} present={present} />
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Space>
      )}
    </>
  );
}
