import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { vi } from '../i18n/vi';
import { ApiError, errorMessage } from '../lib/api';

/** An error from the server, in its own Vietnamese words, with the request id for support. */
export function ErrorAlert({
  error,
  extra,
  action,
  title,
}: {
  error: unknown;
  extra?: string[];
  action?: ReactNode;
  title?: ReactNode;
}) {
  if (!error) return null;
  const requestId = error instanceof ApiError ? error.requestId : null;
  const lines =
    extra ??
    (error instanceof ApiError
      ? (error.details ?? []).map((d) => (d.field ? `${d.field}: ${d.message}` : d.message))
      : []);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? errorMessage(error)}
      description={
        lines.length > 0 || requestId || title ? (
          <>
            {title && <div>{errorMessage(error)}</div>}
            {lines.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
            {requestId && <div style={{ fontSize: 12, opacity: 0.7 }}>{vi.common.requestId(requestId)}</div>}
          </>
        ) : undefined
      }
      action={action}
      style={{ marginBottom: 16 }}
    />
  );
}
