import { GroupDetailView } from '../features/emulation-groups/GroupDetailView';

export default function EmulationGroupDetailPage() {
  return <GroupDetailView />;
}
