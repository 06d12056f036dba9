import { Form, Input, Modal } from 'antd';
import { vi, viProposals } from '../i18n/vi';

const t = viProposals.proposals;

/**
 * Asks for the reason a workflow action requires (return, reject …): the action's name is the
 * title and the confirm button; an empty or blank reason is refused in Vietnamese.
 */
export function ReasonModal({
  action,
  loading,
  onCancel,
  onSubmit,
}: {
  /** the pending action; null = closed */
  action: { name: string } | null;
  loading: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={!!action}
      title={action ? t.reasonTitle(action.name) : ''}
      okText={action?.name}
      cancelText={vi.common.cancel}
      okButtonProps={{ danger: true }}
      confirmLoading={loading}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.reason)}>
        <Form.Item
          name="reason"
          label={t.reason}
          rules={[{ required: true, whitespace: true, message: t.reasonRequired }]}
        >
          <Input.TextArea rows={4} maxLength={2000} aria-label={t.reason} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
