import { CouncilsView } from '../features/councils/CouncilsView';

export default function CouncilsPage() {
  return <CouncilsView />;
}
