import { StaffDetailView } from '../features/staff/StaffDetailView';

export default function StaffDetailPage() {
  return <StaffDetailView />;
}
