import { Card, Empty, Input, Skeleton, Switch, Tag, Tree, type TreeDataNode, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { vi } from '../../i18n/vi';
import { useDebounced } from '../../lib/useDebounced';
import { type Organization, useOrganizations } from './api';
import { ancestorIds, buildOrgTree, filterOrgTree, type OrgNode } from './tree';

function toTreeData(nodes: OrgNode<Organization>[]): TreeDataNode[] {
  return nodes.map((n) => ({
    key: n.key,
    title: (
      <span>
        {n.org.name}
        {n.org.status !== 'active' && (
          <Tag style={{ marginInlineStart: 6 }} color="default">
            {n.org.statusName || vi.org.inactiveTag}
          </Tag>
        )}
      </span>
    ),
    children: n.children.length > 0 ? toTreeData(n.children) : undefined,
  }));
}

export function OrgTreePanel({
  selectedId,
  onSelect,
  includeInactive,
  onIncludeInactiveChange,
}: {
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  includeInactive: boolean;
  onIncludeInactiveChange: (value: boolean) => void;
}) {
  const orgs = useOrganizations(includeInactive);
  const [search, setSearch] = useState('');
  const query = useDebounced(search, 200);
  const roots = useMemo(() => buildOrgTree(orgs.data ?? []), [orgs.data]);
  const filtered = useMemo(() => filterOrgTree(roots, query), [roots, query]);
  const treeData = useMemo(() => toTreeData(filtered.roots), [filtered.roots]);
  const [expanded, setExpanded] = useState<string[]>([]);

  // open the first levels, and the path to the selected unit
  useEffect(() => {
    if (!orgs.data) return;
    const base = roots.map((r) => r.key);
    const toSelected = selectedId ? ancestorIds(orgs.data, selectedId) : [];
    setExpanded((prev) => [...new Set([...prev, ...base, ...toSelected])]);
  }, [orgs.data, roots, selectedId]);

  const expandedKeys = query ? filtered.expandedKeys : expanded;

  return (
    <Card title={vi.org.treeTitle} styles={{ body: { paddingTop: 12 } }}>
      <Input.Search
        aria-label={vi.org.searchLabel}
        placeholder={vi.org.searchPlaceholder}
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        <Switch
          id="org-include-inactive"
          size="small"
          checked={includeInactive}
          onChange={onIncludeInactiveChange}
        />
        <label htmlFor="org-include-inactive">{vi.org.showInactive}</label>
      </div>
      {orgs.error ? (
        <ErrorAlert error={orgs.error} />
      ) : orgs.isLoading ? (
        <Skeleton active />
      ) : treeData.length === 0 ? (
        <Empty description={vi.org.noMatch} />
      ) : (
        <div className="org-tree-scroll">
          <Tree
            treeData={treeData}
            selectedKeys={selectedId ? [selectedId] : []}
            expandedKeys={expandedKeys}
            onExpand={(keys) => {
              if (!query) setExpanded(keys.map(String));
            }}
            onSelect={(keys) => {
              const key = keys[0];
              if (key !== undefined) onSelect(String(key));
            }}
            blockNode
            showLine
          />
        </div>
      )}
      {query && filtered.matchKeys.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {vi.org.matches(filtered.matchKeys.length)}
        </Typography.Text>
      )}
    </Card>
  );
}
