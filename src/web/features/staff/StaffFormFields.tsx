import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { EMPLOYMENT_TYPES, GENDERS, PERSONAL_ID_PATTERN, PHONE_PATTERN } from '../../../domain/staff/staff';
import { vi } from '../../i18n/vi';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/format';
import { OrgPicker } from '../organizations/OrgPicker';
import type { StaffDetailT, StaffWrite } from './api';

export interface StaffFormValues {
  staffCode?: string;
  fullName?: string;
  birthDate?: Dayjs | null;
  gender?: 'male' | 'female' | null;
  position?: string;
  professionalTitle?: string;
  employmentType?: string | null;
  personalId?: string;
  email?: string;
  phone?: string;
  orgId?: string;
  fromDate?: Dayjs | null;
  status?: 'active' | 'left';
  leftOn?: Dayjs | null;
}

const textOrNull = (v: string | undefined) => v?.trim() || null;

/** Form values → API fields; `mode` decides which fields are sent. */
export function toStaffWrite(v: StaffFormValues, mode: 'create' | 'edit'): StaffWrite {
  const common: StaffWrite = {
    fullName: (v.fullName ?? '').trim(),
    birthDate: toIsoDate(v.birthDate),
    gender: v.gender ?? null,
    position: textOrNull(v.position),
    professionalTitle: textOrNull(v.professionalTitle),
    employmentType: v.employmentType ?? null,
    email: textOrNull(v.email),
    phone: textOrNull(v.phone),
  };
  const personalId = textOrNull(v.personalId);
  if (mode === 'create') {
    return {
      staffCode: (v.staffCode ?? '').trim(),
      ...common,
      personalId,
      orgId: v.orgId ?? '',
      fromDate: toIsoDate(v.fromDate) ?? '',
    };
  }
  // the full CCCD is never loaded into the edit form: send it only when the user typed a new one
  return {
    ...common,
    ...(personalId ? { personalId } : {}),
    ...(v.status ? { status: v.status } : {}),
    ...(v.status === 'left' && v.leftOn ? { leftOn: toIsoDate(v.leftOn) ?? undefined } : {}),
  };
}

export function fromStaffDetail(d: StaffDetailT): StaffFormValues {
  return {
    staffCode: d.staffCode,
    fullName: d.fullName,
    birthDate: fromIsoDate(d.birthDate),
    gender: d.gender,
    position: d.position ?? undefined,
    professionalTitle: d.professionalTitle ?? undefined,
    employmentType: d.employmentType,
    email: d.email ?? undefined,
    phone: d.phone ?? undefined,
    status: d.status,
  };
}

export function StaffFormFields({ mode, status }: { mode: 'create' | 'edit'; status?: 'active' | 'left' }) {
  const f = vi.staff.fields;
  const req = (label: string) => [{ required: true, whitespace: true, message: vi.common.required(label) }];
  return (
    <Row gutter={12}>
      {mode === 'create' && (
        <Col xs={24} md={8}>
          <Form.Item label={f.staffCode} name="staffCode" rules={req(f.staffCode)}>
            <Input maxLength={30} spellCheck={false} autoFocus />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={mode === 'create' ? 16 : 24}>
        <Form.Item label={f.fullName} name="fullName" rules={req(f.fullName)}>
          <Input maxLength={100} autoFocus={mode === 'edit'} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label={f.birthDate} name="birthDate">
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={vi.common.dateFormatHint} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label={f.gender} name="gender">
          <Select allowClear options={GENDERS.map((g) => ({ value: g, label: vi.staff.genders[g] }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label={f.employmentType} name="employmentType">
          <Select
            allowClear
            options={EMPLOYMENT_TYPES.map((t) => ({ value: t, label: vi.staff.employmentTypes[t] }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={f.position} name="position">
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={f.professionalTitle} name="professionalTitle">
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          label={f.personalId}
          name="personalId"
          extra={mode === 'edit' ? vi.staff.personalIdEditHint : vi.staff.personalIdHint}
          rules={[{ pattern: PERSONAL_ID_PATTERN, message: vi.staff.personalIdHint }]}
        >
          <Input maxLength={12} inputMode="numeric" autoComplete="off" spellCheck={false} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          label={f.email}
          name="email"
          rules={[{ type: 'email', message: vi.common.invalid(f.email) }]}
        >
          <Input maxLength={200} type="email" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          label={f.phone}
          name="phone"
          rules={[{ pattern: PHONE_PATTERN, message: vi.common.invalid(f.phone) }]}
        >
          <Input maxLength={13} inputMode="tel" autoComplete="off" />
        </Form.Item>
      </Col>
      {mode === 'create' && (
        <>
          <Col xs={24} md={16}>
            <Form.Item
              label={f.org}
              name="orgId"
              rules={[{ required: true, message: vi.common.requiredSelect(f.org) }]}
            >
              <OrgPicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={f.fromDate}
              name="fromDate"
              rules={[{ required: true, message: vi.common.requiredSelect(f.fromDate) }]}
            >
              <DatePicker
                format={DATE_FORMAT}
                style={{ width: '100%' }}
                placeholder={vi.common.dateFormatHint}
              />
            </Form.Item>
          </Col>
        </>
      )}
      {mode === 'edit' && (
        <>
          <Col xs={24} md={12}>
            <Form.Item label={f.status} name="status">
              <Select
                options={[
                  { value: 'active', label: vi.staff.statuses.active },
                  { value: 'left', label: vi.staff.statuses.left },
                ]}
              />
            </Form.Item>
          </Col>
          {status === 'left' && (
            <Col xs={24} md={12}>
              <Form.Item label={f.leftOn} name="leftOn" extra={vi.staff.leftOnHint}>
                <DatePicker
                  format={DATE_FORMAT}
                  style={{ width: '100%' }}
                  placeholder={vi.common.dateFormatHint}
                />
              </Form.Item>
            </Col>
          )}
        </>
      )}
    </Row>
  );
}
