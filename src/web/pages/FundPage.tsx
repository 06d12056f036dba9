import { FundView } from '../features/fund/FundView';

export default function FundPage() {
  return <FundView />;
}
