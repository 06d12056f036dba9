import { StaffListView } from '../features/staff/StaffListView';

export default function StaffListPage() {
  return <StaffListView />;
}
