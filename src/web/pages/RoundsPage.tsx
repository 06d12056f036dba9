import { RoundsView } from '../features/rounds/RoundsView';

export default function RoundsPage() {
  return <RoundsView />;
}
