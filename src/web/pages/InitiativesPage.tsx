import { InitiativesView } from '../features/history/InitiativesView';

export default function InitiativesPage() {
  return <InitiativesView />;
}
