import { DecisionsView } from '../features/decisions/DecisionsView';

export default function DecisionsPage() {
  return <DecisionsView />;
}
