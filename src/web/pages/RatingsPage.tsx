import { RatingsView } from '../features/history/RatingsView';

export default function RatingsPage() {
  return <RatingsView />;
}
