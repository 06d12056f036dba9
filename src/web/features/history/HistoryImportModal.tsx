/** Import of ratings or past awards from XLSX: choose → preview with bad rows → commit (all or valid only). */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Col,
  Modal,
  Result,
  Row,
  Space,
  Statistic,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { viHistory } from '../../i18n/history';
import { formatNumber } from '../../lib/format';
import {
  type HistoryImportKind,
  type HistoryImportPreviewT,
  type HistoryImportResultT,
  historyImportApi,
} from './api';

const t = viHistory.import;

export function HistoryImportModal({
  kind,
  open,
  onClose,
}: {
  kind: HistoryImportKind;
  open: boolean;
  onClose: () => void;
}) {
  const what = kind === 'ratings' ? t.ratings : t.awards;
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<HistoryImportPreviewT | null>(null);
  const [result, setResult] = useState<HistoryImportResultT | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    if (preview && !result) void historyImportApi.discard(kind, preview.id).catch(() => undefined);
    onClose();
  };
  const commit = (mode: 'all' | 'validOnly') =>
    run(async () => {
      const r = await historyImportApi.commit(kind, preview!.id, mode);
      setResult(r);
      void qc.invalidateQueries({ queryKey: ['history'] });
      void qc.invalidateQueries({ queryKey: ['eligibility'] });
    });

  return (
    <Modal open={open} onCancel={close} title={t.title(what)} width={860} footer={null} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      {result ? (
        <Result
          status="success"
          title={t.done(result.written, result.unchanged, result.skipped)}
          extra={<Button onClick={onClose}>{t.close}</Button>}
        />
      ) : !preview ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              run(async () => void (await historyImportApi.template(kind, `Mẫu nhập ${what}.xlsx`)))
            }
          >
            {t.template}
          </Button>
          <Upload
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              if (!/\.xlsx$/i.test(f.name)) message.error(t.onlyXlsx);
              else setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<UploadOutlined />}>{t.choose}</Button>
          </Upload>
          <Button
            type="primary"
            disabled={!file}
            loading={busy}
            onClick={() => run(async () => setPreview(await historyImportApi.preview(kind, file!)))}
          >
            {t.upload}
          </Button>
        </Space>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t.nothingWritten} />
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title={t.total} value={formatNumber(preview.totalRows)} />
            </Col>
            <Col span={8}>
              <Statistic title={t.valid} value={formatNumber(preview.validRows)} />
            </Col>
            <Col span={8}>
              <Statistic
                title={t.invalid}
                value={formatNumber(preview.invalidRows)}
                valueStyle={preview.invalidRows ? { color: '#cf1322' } : undefined}
              />
            </Col>
          </Row>
          {preview.errors.length > 0 && (
            <>
              <Typography.Text strong>{t.errors}</Typography.Text>
              <Table
                size="small"
                rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
                dataSource={preview.errors}
                pagination={{ pageSize: 8 }}
                columns={[
                  { title: t.row, dataIndex: 'row', width: 70 },
                  { title: t.column, dataIndex: 'column', width: 170 },
                  { title: t.reason, dataIndex: 'message' },
                ]}
              />
            </>
          )}
          <Typography.Text strong>{t.sample}</Typography.Text>
          <Table
            size="small"
            rowKey="row"
            dataSource={preview.sample}
            pagination={false}
            columns={[
              { title: t.row, dataIndex: 'row', width: 70 },
              { title: t.subject, dataIndex: 'subject', width: 90 },
              { title: t.name, dataIndex: 'name' },
              { title: t.what, dataIndex: 'what' },
              { title: viHistory.common.year, dataIndex: 'year', width: 70 },
            ]}
          />
          <Space wrap>
            <Button
              type="primary"
              loading={busy}
              disabled={preview.invalidRows > 0}
              onClick={() => commit('all')}
            >
              {t.commitAll}
            </Button>
            <Button loading={busy} disabled={preview.validRows === 0} onClick={() => commit('validOnly')}>
              {t.commitValid}
            </Button>
            <Button danger onClick={close}>
              {t.discard}
            </Button>
          </Space>
        </Space>
      )}
    </Modal>
  );
}
