import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viIndicators } from '../../i18n/vi';
import { applyApiError } from '../../lib/forms';
import { YearSelect } from '../indicators/IndicatorsView';
import { OrgPicker } from '../organizations/OrgPicker';
import {
  type GroupListItemT,
  useCandidates,
  useCreateGroup,
  useCreateSet,
  useCriteriaSets,
  useGroups,
} from './api';

const g = viIndicators.groups;
const c = viIndicators.common;

/** "code | parent | name | max | *" lines → criteria of a set. */
export function parseCriteriaLines(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [code = '', parent = '', name = '', max = '', star = ''] = line.split('|').map((x) => x.trim());
      return {
        code,
        parentCode: parent || null,
        name,
        maxPoints: Number(max.replace(',', '.')),
        evidenceRequired: star === '*',
      };
    });
}

function CreateSetModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const create = useCreateSet();
  const submit = async (v: { ownerOrgId: string; name: string; year: number; criteria: string }) => {
    try {
      await create.mutateAsync({
        ownerOrgId: v.ownerOrgId,
        name: v.name,
        year: v.year,
        criteria: parseCriteriaLines(v.criteria ?? ''),
      });
      form.resetFields();
      onClose();
    } catch (e) {
      applyApiError(form, e);
    }
  };
  return (
    <Modal
      open={open}
      title={g.createSet}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={c.save}
      cancelText={c.cancel}
      confirmLoading={create.isPending}
      width={720}
    >
      <ErrorAlert error={create.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ year: new Date().getFullYear() }}
      >
        <Form.Item name="ownerOrgId" label={g.owner} rules={[{ required: true, message: 'Chọn đơn vị' }]}>
          <OrgPicker />
        </Form.Item>
        <Form.Item
          name="name"
          label={g.setName}
          rules={[{ required: true, message: 'Nhập tên bộ tiêu chí' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="year" label={c.year}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item
          name="criteria"
          label={g.criteriaText}
          rules={[{ required: true, message: 'Nhập các tiêu chí' }]}
        >
          <Input.TextArea rows={8} placeholder={g.criteriaExample} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CreateGroupModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const create = useCreateGroup();
  const sets = useCriteriaSets();
  const submit = async (v: {
    ownerOrgId: string;
    kind: string;
    name: string;
    year: number;
    pledge?: string;
    criteriaSetId?: string;
    leaderCount?: number;
    members?: string[];
  }) => {
    try {
      await create.mutateAsync({
        ownerOrgId: v.ownerOrgId,
        kind: v.kind,
        name: v.name,
        year: v.year,
        pledge: v.pledge || null,
        criteriaSetId: v.criteriaSetId ?? null,
        leaderCount: v.leaderCount ?? 1,
        members: (v.members ?? []).map((orgId) => ({ orgId })),
      });
      form.resetFields();
      onClose();
    } catch (e) {
      applyApiError(form, e);
    }
  };
  return (
    <Modal
      open={open}
      title={g.create}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={c.save}
      cancelText={c.cancel}
      confirmLoading={create.isPending}
      width={720}
    >
      <ErrorAlert error={create.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'block', year: new Date().getFullYear(), leaderCount: 1 }}
      >
        <Form.Item
          name="ownerOrgId"
          label={g.owner}
          rules={[{ required: true, message: 'Chọn đơn vị tổ chức' }]}
        >
          <OrgPicker />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={g.kind}>
            <Select
              style={{ width: 180 }}
              options={Object.entries(g.kinds).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="year" label={c.year}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="leaderCount" label={g.leaderCount}>
            <InputNumber min={1} max={20} />
          </Form.Item>
        </Space>
        <Form.Item name="name" label={g.name} rules={[{ required: true, message: 'Nhập tên khối, cụm' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="criteriaSetId" label={g.criteriaSet}>
          <Select
            allowClear
            options={(sets.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.year})` }))}
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

export function EmulationGroupsView() {
  usePageTitle(g.title);
  const { can } = useAuth();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const groups = useGroups(year);
  const candidates = useCandidates(year);
  const [openGroup, setOpenGroup] = useState(false);
  const [openSet, setOpenSet] = useState(false);
  return (
    <>
      <PageHeader
        title={g.title}
        subTitle={g.subTitle}
        extra={
          can('emulationGroup.manage') && (
            <>
              <Button onClick={() => setOpenSet(true)}>{g.createSet}</Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpenGroup(true)}>
                {g.create}
              </Button>
            </>
          )
        }
      />
      <Space style={{ marginBottom: 16 }}>
        <label htmlFor="eg-year">{c.year}</label>
        <YearSelect id="eg-year" value={year} onChange={setYear} />
      </Space>
      <ErrorAlert error={groups.error ?? candidates.error} />
      <Table<GroupListItemT>
        rowKey="id"
        size="small"
        loading={groups.isFetching}
        dataSource={groups.data ?? []}
        locale={{ emptyText: g.empty }}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          {
            title: g.name,
            dataIndex: 'name',
            render: (v: string, r) => <Link to={`/emulation-groups/${r.id}`}>{`${v} năm ${r.year}`}</Link>,
          },
          { title: g.kind, dataIndex: 'kindName', width: 130 },
          { title: g.owner, dataIndex: 'ownerOrgName' },
          { title: g.criteriaSet, dataIndex: 'criteriaSetName', render: (v: string | null) => v ?? c.none },
          { title: g.members, dataIndex: 'memberCount', width: 110, align: 'right' },
          {
            title: g.finalCount,
            width: 140,
            align: 'right',
            render: (_: unknown, r) => `${r.finalCount}/${r.memberCount}`,
          },
        ]}
      />
      <Card size="small" title={`${g.candidates} – ${year}`} style={{ marginTop: 16 }}>
        {(candidates.data ?? []).length === 0 ? (
          <Typography.Text type="secondary">{viIndicators.indicators.empty}</Typography.Text>
        ) : (
          <Table
            rowKey={(r) => `${r.groupId}-${r.orgId}`}
            size="small"
            pagination={false}
            dataSource={candidates.data}
            columns={[
              { title: g.name, dataIndex: 'groupName' },
              { title: c.org, dataIndex: 'orgName' },
              { title: g.rank, dataIndex: 'rank', width: 70 },
              { title: g.total, dataIndex: 'total', width: 100, align: 'right' },
              {
                title: '',
                width: 220,
                render: (_: unknown, r) =>
                  r.complete ? <Tag color="gold">Cờ thi đua cấp tỉnh</Tag> : <Tag>{g.incomplete}</Tag>,
              },
            ]}
          />
        )}
      </Card>
      <CreateGroupModal open={openGroup} onClose={() => setOpenGroup(false)} />
      <CreateSetModal open={openSet} onClose={() => setOpenSet(false)} />
    </>
  );
}
