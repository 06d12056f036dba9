import { RulesCatalogView } from '../features/rules/RulesCatalogView';

export default function RulesPage() {
  return <RulesCatalogView />;
}
