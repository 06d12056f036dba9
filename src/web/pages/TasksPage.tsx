import { TasksView } from '../features/reports/TasksView';

export default function TasksPage() {
  return <TasksView />;
}
