import { DigitalSkillsView } from '../features/digital-skills/DigitalSkillsView';

export default function DigitalSkillsPage() {
  return <DigitalSkillsView />;
}
