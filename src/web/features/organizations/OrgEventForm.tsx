/**
 * "Áp dụng sự kiện": one form for the six organisation events (thành lập, đổi tên, điều chuyển
 * trực thuộc, sáp nhập/hợp nhất, chia tách, giải thể). Field names mirror the API body so the
 * server's field errors ("newOrg.code", "newOrgs.1.name") land on the right input.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Form,
  type FormInstance,
  Input,
  Radio,
  Row,
  Select,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import {
  allowedChildTypes,
  ORG_EVENT_TYPES,
  type OrgEventType,
  type OrgType,
} from '../../../domain/org/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { vi } from '../../i18n/vi';
import { DATE_FORMAT, todayVn, toIsoDate } from '../../lib/format';
import { applyApiError, type UnmappedError } from '../../lib/forms';
import { type Organization, type OrgEventInput, useApplyOrgEvent, useOrganizations } from './api';
import { OrgPicker } from './OrgPicker';

interface NewOrgValues {
  parentId?: string;
  type?: OrgType;
  code?: string;
  name?: string;
  shortName?: string;
}

export interface OrgEventValues {
  type: OrgEventType;
  org?: NewOrgValues;
  orgId?: string;
  name?: string;
  shortName?: string;
  newParentId?: string;
  sourceIds?: string[];
  mergeMode?: 'existing' | 'new';
  targetId?: string;
  newOrg?: NewOrgValues;
  sourceId?: string;
  newOrgs?: NewOrgValues[];
  keepSource?: boolean;
  staffToIndex?: number;
  effectiveOn?: Dayjs | null;
  documentNumber?: string;
  documentDate?: Dayjs | null;
  documentIssuer?: string;
  note?: string;
}

const text = (v: string | undefined) => v?.trim() || undefined;

function newOrgPayload(v: NewOrgValues | undefined) {
  return {
    parentId: v?.parentId ?? '',
    type: v?.type as OrgType,
    code: (v?.code ?? '').trim(),
    name: (v?.name ?? '').trim(),
    shortName: (v?.shortName ?? '').trim(),
  };
}

/** Form values → the API body (dates as YYYY-MM-DD, empty optional texts left out). */
export function toEventInput(v: OrgEventValues): OrgEventInput {
  const doc = {
    effectiveOn: toIsoDate(v.effectiveOn) ?? '',
    documentNumber: text(v.documentNumber),
    documentDate: toIsoDate(v.documentDate) ?? undefined,
    documentIssuer: text(v.documentIssuer),
    note: text(v.note),
  };
  switch (v.type) {
    case 'create':
      return { type: 'create', org: newOrgPayload(v.org), ...doc };
    case 'rename':
      return {
        type: 'rename',
        orgId: v.orgId ?? '',
        name: (v.name ?? '').trim(),
        shortName: text(v.shortName),
        ...doc,
      };
    case 'move':
      return { type: 'move', orgId: v.orgId ?? '', newParentId: v.newParentId ?? '', ...doc };
    case 'merge':
      return v.mergeMode === 'new'
        ? { type: 'merge', sourceIds: v.sourceIds ?? [], newOrg: newOrgPayload(v.newOrg), ...doc }
        : { type: 'merge', sourceIds: v.sourceIds ?? [], targetId: v.targetId ?? '', ...doc };
    case 'split':
      return {
        type: 'split',
        sourceId: v.sourceId ?? '',
        newOrgs: (v.newOrgs ?? []).map(newOrgPayload),
        keepSource: v.keepSource ?? false,
        staffToIndex: v.keepSource ? undefined : (v.staffToIndex ?? 0),
        ...doc,
      };
    case 'dissolve':
      return { type: 'dissolve', orgId: v.orgId ?? '', ...doc };
  }
}

/** Starting values for an event opened from one organisation. */
export function initialEventValues(type: OrgEventType, org: Organization | undefined): OrgEventValues {
  const base: OrgEventValues = {
    type,
    effectiveOn: todayVn(),
    mergeMode: 'existing',
    keepSource: false,
    staffToIndex: 0,
  };
  if (!org) return base;
  switch (type) {
    case 'create':
      return { ...base, org: { parentId: org.id } };
    case 'rename':
      return { ...base, orgId: org.id, name: org.name, shortName: org.shortName };
    case 'move':
    case 'dissolve':
      return { ...base, orgId: org.id };
    case 'merge':
      return {
        ...base,
        sourceIds: [org.id],
        newOrg: { parentId: org.parentId ?? undefined, type: org.type },
      };
    case 'split':
      return {
        ...base,
        sourceId: org.id,
        newOrgs: [{ parentId: org.parentId ?? undefined, type: org.type }],
      };
  }
}

const required = (label: string) => [{ required: true, message: vi.common.required(label) }];
const requiredSelect = (label: string) => [{ required: true, message: vi.common.requiredSelect(label) }];

/** The five fields of a new organisation, under `prefix` (['org'], ['newOrg'], ['newOrgs', 0]). */
function NewOrgFields({
  prefix,
  form,
  orgsById,
}: {
  prefix: (string | number)[];
  form: FormInstance;
  orgsById: Map<string, Organization>;
}) {
  const f = vi.org.fields;
  const parentId = Form.useWatch([...prefix, 'parentId'], form) as string | undefined;
  const parentType = parentId ? orgsById.get(parentId)?.type : undefined;
  const typeOptions = (parentType ? allowedChildTypes(parentType) : []).map((t) => ({
    value: t,
    label: vi.org.types[t] ?? t,
  }));
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item label={f.parent} name={[...prefix, 'parentId']} rules={requiredSelect(f.parent)}>
          <OrgPicker />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={f.type} name={[...prefix, 'type']} rules={requiredSelect(f.type)}>
          <Select options={typeOptions} placeholder={vi.common.requiredSelect(f.type)} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item label={f.name} name={[...prefix, 'name']} rules={required(f.name)}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label={f.code}
          name={[...prefix, 'code']}
          rules={required(f.code)}
          extra={vi.org.event.codeHint}
        >
          <Input maxLength={50} autoCapitalize="characters" spellCheck={false} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label={f.shortName}
          name={[...prefix, 'shortName']}
          rules={required(f.shortName)}
          extra={vi.org.event.shortNameHint}
          normalize={(v: string) => v?.toUpperCase()}
        >
          <Input maxLength={30} spellCheck={false} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function OrgEventForm({
  org,
  initialType = 'create',
  onDone,
  onCancel,
}: {
  org: Organization | undefined;
  initialType?: OrgEventType;
  onDone: (result: { type: OrgEventType; organizationIds: string[] }) => void;
  onCancel: () => void;
}) {
  const e = vi.org.event;
  const [form] = Form.useForm<OrgEventValues>();
  const { message, modal } = AntApp.useApp();
  const apply = useApplyOrgEvent();
  const orgs = useOrganizations(false);
  const orgsById = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o])), [orgs.data]);
  const [error, setError] = useState<{ raw: unknown; mapped: UnmappedError } | null>(null);
  const [initial] = useState(() => initialEventValues(initialType, org));
  const type = (Form.useWatch('type', form) ?? initial.type) as OrgEventType;
  const mergeMode = Form.useWatch('mergeMode', form) as 'existing' | 'new' | undefined;
  const keepSource = Form.useWatch('keepSource', form) as boolean | undefined;
  const newOrgs = (Form.useWatch('newOrgs', form) ?? []) as NewOrgValues[];
  const sourceIds = (Form.useWatch('sourceIds', form) ?? []) as string[];

  const onTypeChange = (next: OrgEventType) => {
    // keep the dates and the document, reset the event-specific fields
    const keep = form.getFieldsValue([
      'effectiveOn',
      'documentNumber',
      'documentDate',
      'documentIssuer',
      'note',
    ]);
    form.resetFields();
    form.setFieldsValue({ ...initialEventValues(next, org), ...keep, type: next });
    setError(null);
  };

  const submit = async (values: OrgEventValues) => {
    setError(null);
    const input = toEventInput(values);
    const ok = await modal.confirm({
      title: e.confirmTitle,
      content: e.confirmText,
      okText: e.submit,
      cancelText: vi.common.cancel,
    });
    if (!ok) return;
    try {
      const result = await apply.mutateAsync(input);
      message.success(e.success(vi.org.eventTypes[values.type] ?? values.type));
      onDone({ type: values.type, organizationIds: result.organizationIds });
    } catch (err) {
      setError({ raw: err, mapped: applyApiError(form, err) });
    }
  };

  return (
    <Form<OrgEventValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      scrollToFirstError
      disabled={apply.isPending}
    >
      {error && <ErrorAlert error={error.raw} extra={error.mapped.extra} />}
      <Form.Item label={e.type} name="type" rules={requiredSelect(e.type)}>
        <Select
          options={ORG_EVENT_TYPES.map((t) => ({ value: t, label: vi.org.eventTypes[t] }))}
          onChange={(v: OrgEventType) => onTypeChange(v)}
        />
      </Form.Item>

      {type === 'create' && <NewOrgFields prefix={['org']} form={form} orgsById={orgsById} />}

      {(type === 'rename' || type === 'move' || type === 'dissolve') && (
        <Form.Item label={e.org} name="orgId" rules={requiredSelect(e.org)}>
          <OrgPicker />
        </Form.Item>
      )}
      {type === 'rename' && (
        <>
          <Form.Item label={e.newName} name="name" rules={required(e.newName)}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item
            label={e.newShortName}
            name="shortName"
            extra={e.shortNameHint}
            normalize={(v: string) => v?.toUpperCase()}
          >
            <Input maxLength={30} spellCheck={false} />
          </Form.Item>
        </>
      )}
      {type === 'move' && (
        <Form.Item label={e.newParent} name="newParentId" rules={requiredSelect(e.newParent)}>
          <OrgPicker />
        </Form.Item>
      )}
      {type === 'dissolve' && (
        <Alert type="warning" showIcon title={e.dissolveWarning} style={{ marginBottom: 16 }} />
      )}

      {type === 'merge' && (
        <>
          <Form.Item
            label={e.sources}
            name="sourceIds"
            rules={[{ required: true, type: 'array', min: 1, message: vi.common.requiredSelect(e.sources) }]}
          >
            <OrgPicker multiple />
          </Form.Item>
          <Form.Item label={e.mergeMode} name="mergeMode">
            <Radio.Group
              options={[
                { value: 'existing', label: e.mergeIntoExisting },
                { value: 'new', label: e.mergeIntoNew },
              ]}
            />
          </Form.Item>
          {mergeMode === 'new' ? (
            <Card size="small" title={e.newOrg} style={{ marginBottom: 16 }}>
              <NewOrgFields prefix={['newOrg']} form={form} orgsById={orgsById} />
            </Card>
          ) : (
            <Form.Item
              label={e.target}
              name="targetId"
              dependencies={['sourceIds']}
              rules={[
                ...requiredSelect(e.target),
                {
                  validator: (_, value) =>
                    value && sourceIds.includes(value)
                      ? Promise.reject(new Error(e.sourcesSameAsTarget))
                      : Promise.resolve(),
                },
              ]}
            >
              <OrgPicker />
            </Form.Item>
          )}
        </>
      )}

      {type === 'split' && (
        <>
          <Form.Item label={e.splitSource} name="sourceId" rules={requiredSelect(e.splitSource)}>
            <OrgPicker />
          </Form.Item>
          <Form.List name="newOrgs">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    title={e.newOrgIndex(index + 1)}
                    style={{ marginBottom: 12 }}
                    extra={
                      fields.length > 1 ? (
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => remove(field.name)}
                          aria-label={e.removeNewOrg}
                        >
                          {e.removeNewOrg}
                        </Button>
                      ) : null
                    }
                  >
                    <NewOrgFields prefix={['newOrgs', field.name]} form={form} orgsById={orgsById} />
                  </Card>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => {
                    const first = form.getFieldValue(['newOrgs', 0]) as NewOrgValues | undefined;
                    add({ parentId: first?.parentId, type: first?.type });
                  }}
                  style={{ marginBottom: 16 }}
                >
                  {e.addNewOrg}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="keepSource" valuePropName="checked">
            <Checkbox>{e.keepSource}</Checkbox>
          </Form.Item>
          {!keepSource && (
            <Form.Item label={e.staffTo} name="staffToIndex" extra={e.staffToHint}>
              <Select
                options={newOrgs.map((o, i) => ({
                  value: i,
                  label: o?.name?.trim() || e.newOrgIndex(i + 1),
                }))}
              />
            </Form.Item>
          )}
        </>
      )}

      <Divider titlePlacement="start" plain>
        {e.documentSection}
      </Divider>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label={e.effectiveOn} name="effectiveOn" rules={requiredSelect(e.effectiveOn)}>
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              placeholder={vi.common.dateFormatHint}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={e.documentNumber} name="documentNumber">
            <Input maxLength={100} placeholder={e.documentNumberPlaceholder} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={e.documentDate} name="documentDate">
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              placeholder={vi.common.dateFormatHint}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={e.documentIssuer} name="documentIssuer">
            <Input maxLength={300} placeholder={e.documentIssuerPlaceholder} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label={e.note} name="note">
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
      <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>{vi.common.cancel}</Button>
        <Button type="primary" htmlType="submit" loading={apply.isPending}>
          {e.submit}
        </Button>
      </div>
    </Form>
  );
}
