import { describe, expect, it } from 'vitest';
import {
  ancestorIds,
  buildOrgTree,
  filterOrgTree,
  type OrgLike,
  toTreeSelect,
  treeSelectFilter,
} from './tree';

const org = (id: string, parentId: string | null, name: string, code = id.toUpperCase()): OrgLike => ({
  id,
  parentId,
  name,
  code,
  shortName: code,
});

const items: OrgLike[] = [
  org('so', null, 'Sở Y tế tỉnh Điện Biên'),
  org('dbd', 'so', 'Trung tâm Y tế huyện Điện Biên Đông'),
  org('db', 'so', 'Trung tâm Y tế huyện Điện Biên'),
  org('ma', 'so', 'Trung tâm Y tế huyện Mường Ảng'),
  org('bv', 'so', 'Bệnh viện Đa khoa tỉnh Điện Biên'),
  org('dd', 'so', 'Bệnh viện Da liễu'),
  org('knoi', 'bv', 'Khoa Nội tổng hợp'),
  org('kduoc', 'bv', 'Khoa Dược'),
  org('tyt', 'ma', 'Trạm Y tế xã Ẳng Nưa'),
];

const names = (nodes: { org: OrgLike }[]) => nodes.map((n) => n.org.name);

describe('organisation tree', () => {
  it('nests by parent and sorts siblings in Vietnamese order (D before Đ)', () => {
    const roots = buildOrgTree(items);
    expect(names(roots)).toEqual(['Sở Y tế tỉnh Điện Biên']);
    expect(names(roots[0]!.children)).toEqual([
      'Bệnh viện Da liễu',
      'Bệnh viện Đa khoa tỉnh Điện Biên',
      'Trung tâm Y tế huyện Điện Biên',
      'Trung tâm Y tế huyện Điện Biên Đông',
      'Trung tâm Y tế huyện Mường Ảng',
    ]);
    expect(names(roots[0]!.children[1]!.children)).toEqual(['Khoa Dược', 'Khoa Nội tổng hợp']);
  });

  it('makes units whose parent is outside the list into roots (a scoped user)', () => {
    const roots = buildOrgTree(items.filter((o) => o.id !== 'so'));
    expect(roots).toHaveLength(5);
  });

  it('filters without diacritics, keeping ancestors and expanding them', () => {
    const { roots, expandedKeys, matchKeys } = filterOrgTree(buildOrgTree(items), 'ang nua');
    expect(matchKeys).toEqual(['tyt']);
    expect(names(roots)).toEqual(['Sở Y tế tỉnh Điện Biên']);
    expect(names(roots[0]!.children)).toEqual(['Trung tâm Y tế huyện Mường Ảng']);
    expect(names(roots[0]!.children[0]!.children)).toEqual(['Trạm Y tế xã Ẳng Nưa']);
    expect(expandedKeys.sort()).toEqual(['ma', 'so']);
  });

  it('matches đ with d and codes, and returns nothing for a miss', () => {
    expect(filterOrgTree(buildOrgTree(items), 'dien bien dong').matchKeys).toEqual(['dbd']);
    expect(filterOrgTree(buildOrgTree(items), 'KDUOC').matchKeys).toEqual(['kduoc']);
    expect(filterOrgTree(buildOrgTree(items), 'không có').roots).toEqual([]);
  });

  it('a matching unit keeps its whole subtree', () => {
    const { roots } = filterOrgTree(buildOrgTree(items), 'da khoa');
    expect(names(roots[0]!.children[0]!.children)).toEqual(['Khoa Dược', 'Khoa Nội tổng hợp']);
  });

  it('lists ancestors from the root down', () => {
    expect(ancestorIds(items, 'tyt')).toEqual(['so', 'ma']);
    expect(ancestorIds(items, 'so')).toEqual([]);
  });

  it('TreeSelect search matches unaccented input and can disable nodes', () => {
    const data = toTreeSelect(buildOrgTree(items), (o) => o.id === 'bv');
    const bv = data[0]!.children!.find((n) => n.value === 'bv')!;
    expect(bv.disabled).toBe(true);
    expect(treeSelectFilter('muong ang', data[0]!.children!.find((n) => n.value === 'ma')!)).toBe(true);
    expect(treeSelectFilter('Mường Ảng', data[0]!.children!.find((n) => n.value === 'ma')!)).toBe(true);
    expect(treeSelectFilter('muong ang', bv)).toBe(false);
  });
});
