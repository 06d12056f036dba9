import { ExemplarsView } from '../features/exemplars/ExemplarsView';

export default function ExemplarsPage() {
  return <ExemplarsView />;
}
