import { AuditView } from '../features/audit/AuditView';

export default function AuditPage() {
  return <AuditView />;
}
