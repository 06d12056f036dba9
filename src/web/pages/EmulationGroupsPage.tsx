import { EmulationGroupsView } from '../features/emulation-groups/EmulationGroupsView';

export default function EmulationGroupsPage() {
  return <EmulationGroupsView />;
}
