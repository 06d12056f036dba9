import { OpenRoundsView } from '../features/public/DisclosureView';

export default function PublicRoundsPage() {
  return <OpenRoundsView />;
}
