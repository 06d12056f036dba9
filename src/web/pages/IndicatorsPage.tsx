import { IndicatorsView } from '../features/indicators/IndicatorsView';

export default function IndicatorsPage() {
  return <IndicatorsView />;
}
