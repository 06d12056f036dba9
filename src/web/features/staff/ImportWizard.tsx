/**
 * "Nhập từ Excel": chọn tệp → xem trước & lỗi → kết quả. Nothing is written before the user
 * confirms; a file with bad rows can be fixed and uploaded again, or only its valid rows taken.
 */
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Popconfirm,
  Result,
  Row,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { label, vi } from '../../i18n/vi';
import { formatNumber } from '../../lib/format';
import { type ImportPreviewT, type ImportResultT, importApi } from './api';

type Step = 0 | 1 | 2;

export function ImportWizard() {
  usePageTitle(vi.staffImport.title);
  const t = vi.staffImport;
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>(0);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreviewT | null>(null);
  const [result, setResult] = useState<ImportResultT | null>(null);
  const [busy, setBusy] = useState<'upload' | 'commit' | 'discard' | 'template' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const uploadRef = useRef<HTMLDivElement>(null);

  const chooseFile = (f: File) => {
    setError(null);
    if (!/\.xlsx$/i.test(f.name)) {
      setFile(null);
      message.error(t.onlyXlsx);
      return;
    }
    setFile(f);
  };

  const upload = async () => {
    if (!file) {
      message.warning(t.noFile);
      return;
    }
    setBusy('upload');
    setError(null);
    try {
      const p = await importApi.upload(file);
      setPreview(p);
      setStep(1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const commit = async (mode: 'all' | 'validOnly') => {
    if (!preview) return;
    setBusy('commit');
    setError(null);
    try {
      const r = await importApi.commit(preview.id, mode);
      setResult(r);
      setStep(2);
      await queryClient.invalidateQueries({ queryKey: ['staff'] });
      await queryClient.invalidateQueries({ queryKey: ['organizations', 'detail'] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  /** Drops the uploaded batch on the server and goes back to choosing a (fixed) file. */
  const restart = async (discard: boolean) => {
    if (discard && preview) {
      setBusy('discard');
      try {
        await importApi.discard(preview.id);
      } catch {
        // an expired or already committed batch needs no discarding
      } finally {
        setBusy(null);
      }
    }
    setPreview(null);
    setResult(null);
    setFile(null);
    setError(null);
    setStep(0);
    setTimeout(() => uploadRef.current?.querySelector<HTMLElement>('.ant-upload[tabindex]')?.focus(), 50);
  };

  const downloadTemplate = async () => {
    setBusy('template');
    try {
      await importApi.template();
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const c = t.columns;
  return (
    <>
      <PageHeader
        title={t.title}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void downloadTemplate()}
            loading={busy === 'template'}
          >
            {t.template}
          </Button>
        }
      />
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: t.steps.choose }, { title: t.steps.preview }, { title: t.steps.result }]}
        />
        {error ? <ErrorAlert error={error} /> : null}

        {step === 0 && (
          <div ref={uploadRef}>
            <Alert type="info" showIcon title={t.templateHint} style={{ marginBottom: 16 }} />
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                chooseFile(f);
                return Upload.LIST_IGNORE;
              }}
              aria-label={t.fileLabel}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t.dropTitle}</p>
              <p className="ant-upload-hint">{t.dropHint}</p>
            </Upload.Dragger>
            {file && (
              <Typography.Paragraph style={{ marginTop: 12 }} data-testid="chosen-file">
                {t.chosenFile(file.name)}
              </Typography.Paragraph>
            )}
            <Button
              type="primary"
              icon={<UploadOutlined />}
              style={{ marginTop: 16 }}
              disabled={!file}
              loading={busy === 'upload'}
              onClick={() => void upload()}
            >
              {busy === 'upload' ? t.uploading : t.upload}
            </Button>
          </div>
        )}

        {step === 1 && preview && (
          <>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t.summary(preview.fileName)}
            </Typography.Title>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col xs={8}>
                <Statistic
                  title={t.totalRows}
                  value={preview.totalRows}
                  formatter={(v) => formatNumber(Number(v))}
                />
              </Col>
              <Col xs={8}>
                <Statistic
                  title={t.validRows}
                  value={preview.validRows}
                  formatter={(v) => formatNumber(Number(v))}
                  styles={{ content: { color: '#389e0d' } }}
                />
              </Col>
              <Col xs={8}>
                <Statistic
                  title={t.invalidRows}
                  value={preview.invalidRows}
                  formatter={(v) => formatNumber(Number(v))}
                  styles={{ content: { color: preview.invalidRows > 0 ? '#cf1322' : undefined } }}
                />
              </Col>
            </Row>

            {preview.errors.length > 0 ? (
              <>
                <Typography.Title level={3} style={{ fontSize: 16 }}>
                  {t.errorsTitle}
                </Typography.Title>
                <Alert type="error" showIcon title={t.errorsHelp} style={{ marginBottom: 12 }} />
                <Table
                  size="small"
                  rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
                  dataSource={preview.errors}
                  pagination={preview.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                  scroll={{ x: 600 }}
                  style={{ marginBottom: 16 }}
                  data-testid="import-errors"
                  columns={[
                    { title: c.row, dataIndex: 'row', width: 80 },
                    { title: c.column, dataIndex: 'column', width: 200 },
                    { title: c.error, dataIndex: 'message' },
                  ]}
                />
              </>
            ) : (
              <Alert type="success" showIcon title={t.noErrors} style={{ marginBottom: 16 }} />
            )}

            {preview.sample.length > 0 && (
              <>
                <Typography.Title level={3} style={{ fontSize: 16 }}>
                  {t.sampleTitle}
                </Typography.Title>
                <Table
                  size="small"
                  rowKey="row"
                  dataSource={preview.sample}
                  pagination={false}
                  scroll={{ x: 600 }}
                  style={{ marginBottom: 16 }}
                  columns={[
                    { title: c.row, dataIndex: 'row', width: 80 },
                    { title: c.staffCode, dataIndex: 'staffCode', width: 130 },
                    { title: c.fullName, dataIndex: 'fullName' },
                    { title: c.orgCode, dataIndex: 'orgCode', width: 160 },
                    {
                      title: c.action,
                      dataIndex: 'action',
                      width: 120,
                      render: (a: string) => (
                        <Tag color={a === 'create' ? 'green' : 'blue'}>{label(t.actions, a)}</Tag>
                      ),
                    },
                  ]}
                />
              </>
            )}

            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
              {preview.invalidRows === 0 ? (
                <Button
                  type="primary"
                  loading={busy === 'commit'}
                  onClick={() => void commit('all')}
                  disabled={preview.validRows === 0}
                >
                  {busy === 'commit' ? t.committing : t.commitAll}
                </Button>
              ) : (
                <>
                  <Button
                    type="primary"
                    icon={<UploadOutlined />}
                    onClick={() => void restart(true)}
                    loading={busy === 'discard'}
                  >
                    {t.reupload}
                  </Button>
                  <Popconfirm
                    title={t.validOnly}
                    description={t.validOnlyConfirm(preview.validRows, preview.invalidRows)}
                    okText={vi.common.confirm}
                    cancelText={vi.common.cancel}
                    onConfirm={() => commit('validOnly')}
                    disabled={preview.validRows === 0}
                  >
                    <Button loading={busy === 'commit'} disabled={preview.validRows === 0}>
                      {t.validOnly}
                    </Button>
                  </Popconfirm>
                </>
              )}
              <Button danger onClick={() => void restart(true)} disabled={busy !== null}>
                {t.discard}
              </Button>
            </div>
          </>
        )}

        {step === 2 && result && (
          <Result
            status="success"
            title={t.resultTitle}
            subTitle={
              <Row gutter={[24, 12]} justify="center" style={{ marginTop: 8 }}>
                <Col>
                  <Statistic
                    title={t.created}
                    value={result.created}
                    formatter={(v) => formatNumber(Number(v))}
                  />
                </Col>
                <Col>
                  <Statistic
                    title={t.updated}
                    value={result.updated}
                    formatter={(v) => formatNumber(Number(v))}
                  />
                </Col>
                <Col>
                  <Statistic
                    title={t.unchanged}
                    value={result.unchanged}
                    formatter={(v) => formatNumber(Number(v))}
                  />
                </Col>
                <Col>
                  <Statistic
                    title={t.skipped}
                    value={result.skipped}
                    formatter={(v) => formatNumber(Number(v))}
                  />
                </Col>
              </Row>
            }
            extra={[
              <Link key="list" to="/staff">
                <Button type="primary">{t.goToList}</Button>
              </Link>,
              <Button key="again" onClick={() => void restart(false)}>
                {t.another}
              </Button>,
            ]}
          />
        )}
      </Card>
    </>
  );
}
