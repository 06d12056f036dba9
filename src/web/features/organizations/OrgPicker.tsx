import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { vi } from '../../i18n/vi';
import { type Organization, useOrganizations } from './api';
import { buildOrgTree, toTreeSelect, treeSelectFilter } from './tree';

export interface OrgPickerProps {
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  /** grey out some organisations (e.g. the current one) */
  disable?: (org: Organization) => boolean;
  id?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
  disabled?: boolean;
}

/** Picks active organisations from the tree the user may see; search without diacritics works. */
export function OrgPicker({
  value,
  onChange,
  multiple,
  placeholder,
  allowClear = true,
  disable,
  id,
  style,
  disabled,
  ...rest
}: OrgPickerProps) {
  const orgs = useOrganizations(false);
  const treeData = useMemo(() => toTreeSelect(buildOrgTree(orgs.data ?? []), disable), [orgs.data, disable]);
  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | string[] | undefined) ?? null)}
      treeData={treeData}
      multiple={multiple}
      showSearch={{ filterTreeNode: (input, node) => treeSelectFilter(input, node as { search?: string }) }}
      placeholder={placeholder ?? (multiple ? vi.org.pickOrgs : vi.org.pickOrg)}
      allowClear={allowClear}
      loading={orgs.isLoading}
      disabled={disabled}
      treeDefaultExpandAll={(orgs.data?.length ?? 0) <= 40}
      popupMatchSelectWidth
      style={{ width: '100%', ...style }}
      listHeight={360}
    />
  );
}
