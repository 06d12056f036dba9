import { ThunderboltOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  List,
  Skeleton,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { label, vi } from '../../i18n/vi';
import { DATE_FORMAT, formatDate, todayVn, toIsoDate } from '../../lib/format';
import { type OrganizationDetailT, useOrgLineage } from './api';

type OrgEvent = OrganizationDetailT['events'][number];
type LineageItem = OrganizationDetailT['predecessors'][number];

function statusColor(status: string) {
  return status === 'active' ? 'green' : status === 'dissolved' ? 'red' : 'orange';
}

function eventColor(type: string) {
  switch (type) {
    case 'create':
      return 'green';
    case 'merge':
    case 'split':
      return 'blue';
    case 'dissolve':
      return 'red';
    default:
      return 'gray';
  }
}

function EventContent({ event }: { event: OrgEvent }) {
  const h = vi.org.history;
  const doc = [
    event.documentNumber ? h.document(event.documentNumber) : null,
    event.documentDate ? h.documentDate(formatDate(event.documentDate)) : null,
    event.documentIssuer ? h.documentIssuer(event.documentIssuer) : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div data-testid="org-event">
      <div>
        <Typography.Text strong>{formatDate(event.effectiveOn)}</Typography.Text>
        {' · '}
        <Typography.Text strong>{event.typeName}</Typography.Text>
        {event.role && <Tag style={{ marginInlineStart: 8 }}>{label(h.roles, event.role)}</Tag>}
      </div>
      <div>{event.description}</div>
      {doc && <Typography.Text type="secondary">{doc}</Typography.Text>}
      {event.note && (
        <div>
          <Typography.Text type="secondary" italic>
            {event.note}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

function LineageList({ title, items, empty }: { title: string; items: LineageItem[]; empty: string }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {title}
      </Typography.Title>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item>
              <Link to={`/organizations/${item.id}?inactive=1`}>{item.name}</Link>
              <span>
                <Typography.Text type="secondary">
                  {item.code} · {formatDate(item.effectiveOn)}
                </Typography.Text>
                {item.status !== 'active' && (
                  <Tag style={{ marginInlineStart: 8 }} color={statusColor(item.status)}>
                    {label(vi.org.statuses, item.status)}
                  </Tag>
                )}
              </span>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

/** Where a closed unit's work and people went, as of a chosen day (GET …/lineage?on=). */
function SuccessorsOn({ org }: { org: OrganizationDetailT }) {
  const h = vi.org.history;
  const [day, setDay] = useState<Dayjs | null>(() => todayVn());
  const lineage = useOrgLineage(org.id, toIsoDate(day));
  const items = lineage.data?.successorsOn.organizations ?? [];
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        <label htmlFor={`successors-on-${org.id}`}>{h.successorsOn}</label>
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {h.successorsOnHelp}
      </Typography.Paragraph>
      <DatePicker
        id={`successors-on-${org.id}`}
        format={DATE_FORMAT}
        value={day}
        onChange={setDay}
        allowClear={false}
        style={{ marginBottom: 8 }}
      />
      {lineage.error ? (
        <ErrorAlert error={lineage.error} />
      ) : lineage.data && items.length === 0 ? (
        <div>
          <Typography.Text type="secondary">{h.successorsOnNone}</Typography.Text>
        </div>
      ) : (
        <List
          size="small"
          loading={lineage.isLoading}
          dataSource={items}
          renderItem={(item) => (
            <List.Item>
              <Link to={`/organizations/${item.id}?inactive=1`}>{item.name}</Link>
              <Typography.Text type="secondary">{item.code}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

export function OrgHistory({ org }: { org: OrganizationDetailT }) {
  const h = vi.org.history;
  // newest first: what changed last is what people look for
  const events = [...org.events].reverse();
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {h.events}
      </Typography.Title>
      {events.length === 0 ? (
        <Typography.Paragraph type="secondary">{h.noEvents}</Typography.Paragraph>
      ) : (
        <Timeline
          style={{ marginTop: 16 }}
          items={events.map((e) => ({
            key: e.id,
            color: eventColor(e.type),
            content: <EventContent event={e} />,
          }))}
        />
      )}
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {h.names}
      </Typography.Title>
      <Table
        size="small"
        rowKey={(r) => `${r.validFrom}-${r.name}`}
        pagination={false}
        dataSource={[...org.names].reverse()}
        locale={{ emptyText: h.noNames }}
        scroll={{ x: 480 }}
        style={{ marginBottom: 16 }}
        columns={[
          { title: h.nameColumn, dataIndex: 'name' },
          { title: h.shortNameColumn, dataIndex: 'shortName', width: 100 },
          { title: h.fromColumn, dataIndex: 'validFrom', width: 110, render: (v: string) => formatDate(v) },
          {
            title: h.toColumn,
            dataIndex: 'validTo',
            width: 110,
            render: (v: string | null) => (v ? formatDate(v) : h.current),
          },
        ]}
      />
      <LineageList title={h.predecessors} items={org.predecessors} empty={h.noPredecessors} />
      <LineageList title={h.successors} items={org.successors} empty={h.noSuccessors} />
      {org.status !== 'active' && <SuccessorsOn org={org} />}
    </>
  );
}

export function OrgDetailPanel({
  org,
  loading,
  error,
  canWrite,
  onApplyEvent,
}: {
  org: OrganizationDetailT | undefined;
  loading: boolean;
  error: unknown;
  canWrite: boolean;
  onApplyEvent: () => void;
}) {
  if (error) return <ErrorAlert error={error} />;
  if (loading)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (!org) {
    return (
      <Card>
        <Empty description={vi.org.selectHint} />
      </Card>
    );
  }
  const f = vi.org.fields;
  return (
    <>
      <Card
        title={
          <span style={{ whiteSpace: 'normal' }}>
            <Typography.Title level={2} style={{ fontSize: 20, margin: 0, display: 'inline' }}>
              {org.name}
            </Typography.Title>{' '}
            <Tag color={statusColor(org.status)}>{org.statusName}</Tag>
          </span>
        }
        extra={
          canWrite && org.status === 'active' ? (
            <Button type="primary" icon={<ThunderboltOutlined />} onClick={onApplyEvent}>
              {vi.org.event.apply}
            </Button>
          ) : null
        }
        style={{ marginBottom: 16 }}
        styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'code', label: f.code, children: org.code },
            { key: 'shortName', label: f.shortName, children: org.shortName },
            { key: 'type', label: f.type, children: org.typeName },
            {
              key: 'parent',
              label: f.parent,
              children:
                org.parentId && org.parentName ? (
                  <Link to={`/organizations/${org.parentId}`}>{org.parentName}</Link>
                ) : (
                  vi.common.none
                ),
            },
            { key: 'validFrom', label: f.validFrom, children: formatDate(org.validFrom) || vi.common.none },
            ...(org.validTo ? [{ key: 'validTo', label: f.validTo, children: formatDate(org.validTo) }] : []),
            { key: 'staff', label: f.staffCount, children: org.staffCount.toLocaleString('vi-VN') },
            { key: 'children', label: f.childCount, children: org.childCount.toLocaleString('vi-VN') },
          ]}
        />
      </Card>
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {vi.org.tabs.history}
          </Typography.Title>
        }
      >
        <OrgHistory org={org} />
      </Card>
    </>
  );
}
