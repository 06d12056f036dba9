import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Tag,
} from 'antd';
import type { ReactNode } from 'react';
import { AWARD_CODES, AWARD_NAMES } from '../../../domain/commendation/codes';
import { RECURRENCE_NAMES, REFERENCE_KIND_NAMES, REVIEW_TYPE_NAMES } from '../../../domain/plans/model/types';
import { viPlans } from '../../i18n/vi';
import { DATE_FORMAT } from '../../lib/format';
import type { PlanFormValues } from './form';

export { fromForm, type PlanFormValues, toForm } from './form';

const f = viPlans.form;

const labels = {
  title: 'Trích yếu (tên kế hoạch)',
  place: 'Địa danh',
  issuedOn: 'Ngày ban hành',
  yearFrom: 'Từ năm',
  yearTo: 'Đến năm',
  issuerName: 'Cơ quan ban hành',
  parentIssuerName: 'Cơ quan chủ quản',
  purposes: 'Mục đích',
  requirements: 'Yêu cầu',
  participants: 'Đối tượng, phạm vi thi đua',
  criteriaCollective: 'Tiêu chí đối với tập thể',
  criteriaIndividual: 'Tiêu chí đối với cá nhân',
  criteriaOther: 'Tiêu chí khác',
  awardForms: 'Hình thức khen thưởng',
  budgetSources: 'Kinh phí',
  recipients: 'Nơi nhận',
  signerTitle: 'Chức vụ người ký (ví dụ: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)',
  signerName: 'Họ tên người ký',
} as const;

const YEAR = { min: 1945, max: 2100, style: { width: '100%' } };
const optionsOf = (table: Record<string, string>) =>
  Object.entries(table).map(([value, label]) => ({ value, label }));

function Section({
  title,
  fields,
  recognised,
  children,
}: {
  title: string;
  fields: string[];
  recognised: Set<string>;
  children: ReactNode;
}) {
  const hit = fields.some((x) => recognised.has(x));
  return (
    <Card
      size="small"
      title={
        <span>
          {title} {hit && <Tag color="blue">{viPlans.detail.recognisedTag}</Tag>}
        </span>
      }
      style={{ marginBottom: 16 }}
    >
      {children}
    </Card>
  );
}

function RemoveButton({ onClick, disabled }: { onClick: () => void; disabled: boolean }) {
  return (
    <Button
      aria-label={f.remove}
      title={f.remove}
      icon={<DeleteOutlined />}
      onClick={onClick}
      disabled={disabled}
      danger
    />
  );
}

/** The plan as a form, one card per section of the document (the editor and the read-only view). */
export function PlanEditor({
  form,
  editable,
  recognised,
}: {
  form: FormInstance<PlanFormValues>;
  editable: boolean;
  recognised: Set<string>;
}) {
  const ro = !editable;
  return (
    <Form form={form} layout="vertical" disabled={ro} requiredMark={false}>
      <Section
        title={f.sectionGeneral}
        fields={['title', 'place', 'issuedOn', 'issuerName', 'parentIssuerName', 'yearFrom', 'yearTo']}
        recognised={recognised}
      >
        <Form.Item name="title" label={labels.title}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="parentIssuerName" label={labels.parentIssuerName}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="issuerName" label={labels.issuerName}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="place" label={labels.place}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="issuedOn" label={labels.issuedOn}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="yearFrom" label={labels.yearFrom}>
              <InputNumber {...YEAR} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="yearTo" label={labels.yearTo}>
              <InputNumber {...YEAR} />
            </Form.Item>
          </Col>
        </Row>
      </Section>

      <Section title={f.sectionReferences} fields={['references']} recognised={recognised}>
        <Form.List name="references">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Row gutter={8} key={item.key} align="top">
                  <Col xs={24} md={4}>
                    <Form.Item name={[item.name, 'kind']} label={f.kind}>
                      <Select options={optionsOf(REFERENCE_KIND_NAMES)} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[item.name, 'number']} label={f.refNumber}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[item.name, 'issuedOn']} label={f.refDate}>
                      <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={5}>
                    <Form.Item name={[item.name, 'issuer']} label={f.refIssuer}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={6}>
                    <Form.Item name={[item.name, 'title']} label={f.refTitle}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={1} style={{ paddingTop: 30 }}>
                    <RemoveButton onClick={() => remove(item.name)} disabled={ro} />
                  </Col>
                </Row>
              ))}
              {!ro && (
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({
                      kind: 'legal_basis',
                      number: null,
                      issuedOn: null,
                      issuer: null,
                      title: null,
                      referencedPlanId: null,
                    })
                  }
                >
                  {f.add}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Section>

      <Section
        title={f.sectionPurpose}
        fields={['purposes', 'requirements', 'participants']}
        recognised={recognised}
      >
        <Form.Item name="purposes" label={labels.purposes}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="requirements" label={labels.requirements}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="participants" label={labels.participants}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      </Section>

      <Section title={f.sectionPhases} fields={['phases']} recognised={recognised}>
        <Form.List name="phases">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Row gutter={8} key={item.key}>
                  <Col xs={24} md={7}>
                    <Form.Item name={[item.name, 'name']} label={f.phaseName}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item
                      name={[item.name, 'fromYear']}
                      label={f.fromYear}
                      rules={[{ required: true, message: f.fromYear }]}
                    >
                      <InputNumber {...YEAR} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item
                      name={[item.name, 'toYear']}
                      label={f.toYear}
                      rules={[{ required: true, message: f.toYear }]}
                    >
                      <InputNumber {...YEAR} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[item.name, 'reviewType']} label={f.reviewType}>
                      <Select allowClear placeholder={f.none} options={optionsOf(REVIEW_TYPE_NAMES)} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={4}>
                    <Form.Item name={[item.name, 'reviewYear']} label={f.reviewYear}>
                      <InputNumber {...YEAR} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={1} style={{ paddingTop: 30 }}>
                    <RemoveButton onClick={() => remove(item.name)} disabled={ro} />
                  </Col>
                </Row>
              ))}
              {!ro && (
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({ name: null, fromYear: null, toYear: null, reviewType: null, reviewYear: null })
                  }
                >
                  {f.add}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Section>

      <Section title={f.sectionContent} fields={['contentAreas', 'targets']} recognised={recognised}>
        <Form.List name="contentAreas">
          {(items, { add, remove }) => (
            <>
              {items.map((item, i) => (
                <Space.Compact key={item.key} style={{ width: '100%', marginBottom: 8 }}>
                  <Form.Item name={item.name} noStyle>
                    <Input.TextArea
                      aria-label={`${f.contentArea} ${i + 1}`}
                      autoSize={{ minRows: 1, maxRows: 6 }}
                    />
                  </Form.Item>
                  <RemoveButton onClick={() => remove(item.name)} disabled={ro} />
                </Space.Compact>
              ))}
              {!ro && (
                <Button icon={<PlusOutlined />} onClick={() => add('')} style={{ marginBottom: 16 }}>
                  {f.contentArea}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.List name="targets">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Row gutter={8} key={item.key}>
                  <Col xs={24} md={9}>
                    <Form.Item
                      name={[item.name, 'content']}
                      label={f.targetContent}
                      rules={[{ required: true, whitespace: true, message: f.targetContent }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item name={[item.name, 'indicatorCode']} label={f.indicatorCode}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item name={[item.name, 'targetValue']} label={f.targetValue}>
                      <InputNumber style={{ width: '100%' }} decimalSeparator="," />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item name={[item.name, 'unit']} label={f.unit}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={5}>
                    <Form.Item name={[item.name, 'dueOn']} label={f.dueOn}>
                      <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={1} style={{ paddingTop: 30 }}>
                    <RemoveButton onClick={() => remove(item.name)} disabled={ro} />
                  </Col>
                </Row>
              ))}
              {!ro && (
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({ content: '', indicatorCode: null, targetValue: null, unit: null, dueOn: null })
                  }
                >
                  {f.targetContent}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Section>

      <Section
        title={f.sectionCriteria}
        fields={['criteriaCollective', 'criteriaIndividual', 'criteriaOther', 'awardForms', 'budgetSources']}
        recognised={recognised}
      >
        <Form.Item name="criteriaCollective" label={labels.criteriaCollective}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="criteriaIndividual" label={labels.criteriaIndividual}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="criteriaOther" label={labels.criteriaOther}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="awardForms" label={labels.awardForms}>
          <Select mode="multiple" options={AWARD_CODES.map((c) => ({ value: c, label: AWARD_NAMES[c] }))} />
        </Form.Item>
        <Form.Item name="budgetSources" label={labels.budgetSources}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
        </Form.Item>
      </Section>

      <Section title={f.sectionResponsibilities} fields={['responsibilities']} recognised={recognised}>
        <Form.List name="responsibilities">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Row gutter={8} key={item.key}>
                  <Col xs={24} md={6}>
                    <Form.Item
                      name={[item.name, 'department']}
                      label={f.department}
                      rules={[{ required: true, whitespace: true, message: f.department }]}
                    >
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={10}>
                    <Form.Item
                      name={[item.name, 'content']}
                      label={f.duty}
                      rules={[{ required: true, whitespace: true, message: f.duty }]}
                    >
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} />
                    </Form.Item>
                  </Col>
                  <Col xs={10} md={4}>
                    <Form.Item name={[item.name, 'dueOn']} label={f.dueOn}>
                      <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={10} md={3}>
                    <Form.Item name={[item.name, 'recurrence']} label={f.recurrence}>
                      <Select allowClear placeholder={f.none} options={optionsOf(RECURRENCE_NAMES)} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={1} style={{ paddingTop: 30 }}>
                    <RemoveButton onClick={() => remove(item.name)} disabled={ro} />
                  </Col>
                </Row>
              ))}
              {!ro && (
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({ orgId: null, department: '', content: '', dueOn: null, recurrence: null })
                  }
                >
                  {f.add}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Section>

      <Section
        title={f.sectionSignature}
        fields={['recipients', 'signerTitle', 'signerName']}
        recognised={recognised}
      >
        <Form.Item name="recipients" label={labels.recipients} extra={f.recipientsHelp}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="signerTitle" label={labels.signerTitle}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="signerName" label={labels.signerName}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Section>
    </Form>
  );
}

export const FIELD_LABELS: Record<string, string> = {
  ...labels,
  contentAreas: 'Nội dung thi đua',
  references: 'Văn bản thực hiện, căn cứ',
  phases: 'Giai đoạn, sơ kết, tổng kết',
  targets: 'Chỉ tiêu',
  responsibilities: 'Tổ chức thực hiện (phân công)',
};
