import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { viIndicators } from '../../i18n/vi';
import { api } from '../../lib/api';
import type { ImportPreviewT } from './api';

const c = viIndicators.common;

/**
 * Upload an XLSX → preview (bad rows with Vietnamese messages, nothing written) → commit all or only
 * the valid rows (one transaction on the server) or discard.
 */
export function ImportPanel({
  base,
  templateName,
  hint,
  onDone,
}: {
  /** '/indicators/values' or '/digital-skills' */
  base: string;
  templateName: string;
  hint: string;
  onDone?: () => void;
}) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<ImportPreviewT | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file);
      setPreview(await api.upload<ImportPreviewT>(`${base}/imports`, form));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const commit = async (mode: 'all' | 'validOnly') => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ saved: number; skipped: number }>(`${base}/imports/${preview.id}/commit`, {
        mode,
      });
      message.success(c.importDone(r.saved, r.skipped));
      setPreview(null);
      onDone?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const discard = async () => {
    if (!preview) return;
    await api.delete(`${base}/imports/${preview.id}`).catch(() => undefined);
    setPreview(null);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{hint}</Typography.Text>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => api.download(`${base}/import-template`, undefined, templateName)}
        >
          {c.download}
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={busy}>
            {c.upload}
          </Button>
        </Upload>
      </Space>
      <ErrorAlert error={error} />
      {preview && (
        <>
          <Alert
            type={preview.invalidRows > 0 ? 'warning' : 'success'}
            message={`${preview.fileName}: ${c.previewSummary(preview.totalRows, preview.validRows, preview.invalidRows)}`}
          />
          {preview.errors.length > 0 && (
            <Table
              size="small"
              rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
              dataSource={preview.errors}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              columns={[
                { title: c.row, dataIndex: 'row', width: 70 },
                { title: c.column, dataIndex: 'column', width: 160 },
                { title: c.error, dataIndex: 'message' },
              ]}
            />
          )}
          <Space wrap>
            <Button type="primary" disabled={preview.invalidRows > 0 || busy} onClick={() => commit('all')}>
              {c.commitAll}
            </Button>
            {preview.invalidRows > 0 && preview.validRows > 0 && (
              <Button disabled={busy} onClick={() => commit('validOnly')}>
                {c.commitValid}
              </Button>
            )}
            <Button onClick={discard}>{c.discard}</Button>
          </Space>
        </>
      )}
    </Space>
  );
}
