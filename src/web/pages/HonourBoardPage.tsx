import { HonourBoardView } from '../features/public/HonourBoardView';

export default function HonourBoardPage() {
  return <HonourBoardView />;
}
