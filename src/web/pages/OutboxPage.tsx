import { OutboxView } from '../features/reports/OutboxView';

export default function OutboxPage() {
  return <OutboxView />;
}
