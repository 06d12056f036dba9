import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { vi } from '../i18n/vi';

interface State {
  error: Error | null;
}

/** Shows a Vietnamese message instead of a blank page when a page throws while rendering. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  /** navigating elsewhere clears the error without remounting healthy pages */
  override componentDidUpdate(prev: { resetKey?: string }) {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={vi.common.errorTitle}
        subTitle={vi.common.pageCrashed}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {vi.common.reload}
          </Button>
        }
      />
    );
  }
}
