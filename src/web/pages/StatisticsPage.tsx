import { StatisticsView } from '../features/register/StatisticsView';

export default function StatisticsPage() {
  return <StatisticsView />;
}
