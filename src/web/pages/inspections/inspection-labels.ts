// Vietnamese labels of the inspections pages (issue 7, item 4).
import type { OrgTreeNode } from '../../../contracts/organizations.ts';

export const RESULT_LABELS: Readonly<Record<string, { text: string; color: string }>> = {
  pass: { text: 'Đạt', color: 'green' },
  fail: { text: 'Chưa đạt', color: 'red' },
  not_applicable: { text: 'Không áp dụng', color: 'default' },
};

export const RESULT_OPTIONS = [
  { value: 'pass', label: 'Đạt' },
  { value: 'fail', label: 'Chưa đạt' },
  { value: 'not_applicable', label: 'Không áp dụng' },
] as const;

export const STATUS_LABELS: Readonly<Record<string, string>> = {
  open: 'Đang thực hiện',
  done: 'Đã khắc phục',
  cancelled: 'Đã hủy',
};

export type UnitOption = { value: string; label: string };

/**
 * The units a body may plan to inspect: every unit below it in the tree (not the body itself),
 * in tree order, each labelled with its name.
 */
export function unitsBelow(roots: readonly OrgTreeNode[], bodyId: string): UnitOption[] {
  const body = findNode(roots, bodyId);
  if (!body) return [];
  const out: UnitOption[] = [];
  const walk = (nodes: readonly OrgTreeNode[]) => {
    for (const n of nodes) {
      out.push({ value: n.id, label: n.name });
      walk(n.children);
    }
  };
  walk(body.children);
  return out;
}

function findNode(nodes: readonly OrgTreeNode[], id: string): OrgTreeNode | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const found = findNode(n.children, id);
    if (found) return found;
  }
  return null;
}
