import type { z } from 'zod';
import { OrgKindCode } from '../contracts/organizations.ts';
/**
 * An in-memory view of the org tree and its history, small enough for a province (≈3,000 units)
 * and read on every request to resolve access scopes. Pure: built from rows, no I/O.
 */
/** The glossary's org kinds; the one list is the contract's enum. */
export type OrgKind = z.infer<typeof OrgKindCode>;
export const ORG_KINDS: readonly OrgKind[] = OrgKindCode.options;

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  province: 'Tỉnh, thành phố',
  district: 'Huyện, quận, thị xã, thành phố thuộc tỉnh',
  commune: 'Xã',
  ward: 'Phường',
  township: 'Thị trấn',
  special_zone: 'Đặc khu',
  agency: 'Ban, ngành',
  mass_organization: 'Đoàn thể',
  neighbourhood: 'Khóm, ấp, tổ dân phố',
  school: 'Trường học',
  enterprise: 'Doanh nghiệp',
  other: 'Khác',
};

/** Kinds whose People's Committee is an issuing body ("commune level" = all four, glossary). */
export const BODY_KINDS: readonly OrgKind[] = [
  'province',
  'district',
  'commune',
  'ward',
  'township',
  'special_zone',
];
export const COMMUNE_LEVEL_KINDS: readonly OrgKind[] = ['commune', 'ward', 'township', 'special_zone'];

export type OrgUnitRow = {
  id: string;
  code: string;
  name: string;
  placeName: string | null;
  kind: string;
  parentId: string | null;
  provinceCode: string;
  path: string;
  validFrom: string;
  validTo: string | null;
  memberCount: number | null;
};

export type OrgEventRow = {
  kind: string;
  effectiveDate: string;
  predecessorId: string;
  successorId: string;
};

export class OrgDirectory {
  readonly units = new Map<string, OrgUnitRow>();
  private readonly children = new Map<string, string[]>();
  private readonly predecessors = new Map<string, string[]>();
  private readonly successors = new Map<string, string[]>();

  constructor(units: readonly OrgUnitRow[], events: readonly OrgEventRow[]) {
    for (const u of units) {
      this.units.set(u.id, u);
      if (u.parentId) {
        const list = this.children.get(u.parentId) ?? [];
        list.push(u.id);
        this.children.set(u.parentId, list);
      }
    }
    for (const e of events) {
      push(this.predecessors, e.successorId, e.predecessorId);
      push(this.successors, e.predecessorId, e.successorId);
    }
  }

  get(id: string): OrgUnitRow | undefined {
    return this.units.get(id);
  }

  byCode(code: string, asOf?: string): OrgUnitRow | undefined {
    let best: OrgUnitRow | undefined;
    for (const u of this.units.values()) {
      if (u.code !== code) continue;
      if (asOf && !isValidOn(u, asOf)) continue;
      if (!best || u.validFrom > best.validFrom) best = u;
    }
    return best;
  }

  childrenOf(id: string): OrgUnitRow[] {
    return (this.children.get(id) ?? []).map((c) => this.units.get(c)).filter((u): u is OrgUnitRow => !!u);
  }

  /** The unit and everything below it, whatever their validity. */
  subtree(id: string): string[] {
    const out: string[] = [];
    const stack = [id];
    while (stack.length) {
      const current = stack.pop() as string;
      if (!this.units.has(current)) continue;
      out.push(current);
      for (const c of this.children.get(current) ?? []) stack.push(c);
    }
    return out;
  }

  /**
   * The subtree plus, transitively, the subtrees of every unit merged, split or renamed into it:
   * a successor's users read their predecessors' history (issue 2, item 4).
   */
  subtreeWithPredecessors(id: string): string[] {
    const seen = new Set<string>();
    const queue = [id];
    while (queue.length) {
      const root = queue.shift() as string;
      for (const unit of this.subtree(root)) {
        if (seen.has(unit)) continue;
        seen.add(unit);
        for (const p of this.predecessors.get(unit) ?? []) if (!seen.has(p)) queue.push(p);
      }
    }
    return [...seen];
  }

  predecessorsOf(id: string): string[] {
    return this.predecessors.get(id) ?? [];
  }

  successorsOf(id: string): string[] {
    return this.successors.get(id) ?? [];
  }

  ancestors(id: string): OrgUnitRow[] {
    const out: OrgUnitRow[] = [];
    let current = this.units.get(id);
    while (current?.parentId) {
      const parent = this.units.get(current.parentId);
      if (!parent) break;
      out.push(parent);
      current = parent;
    }
    return out;
  }

  /** The issuing body (commune level or above) that a unit belongs to. */
  bodyOf(id: string): OrgUnitRow | undefined {
    const unit = this.units.get(id);
    if (!unit) return undefined;
    if ((BODY_KINDS as readonly string[]).includes(unit.kind)) return unit;
    return this.ancestors(id).find((a) => (BODY_KINDS as readonly string[]).includes(a.kind));
  }

  /** The structure as of a date: units valid on that date, as a forest of roots. */
  treeAsOf(date: string): OrgTreeNode[] {
    const valid = [...this.units.values()].filter((u) => isValidOn(u, date));
    const validIds = new Set(valid.map((u) => u.id));
    const build = (u: OrgUnitRow): OrgTreeNode => ({
      unit: u,
      children: this.childrenOf(u.id)
        .filter((c) => validIds.has(c.id))
        .sort(byName)
        .map(build),
    });
    return valid
      .filter((u) => !u.parentId || !validIds.has(u.parentId))
      .sort(byName)
      .map(build);
  }
}

export type OrgTreeNode = { unit: OrgUnitRow; children: OrgTreeNode[] };

export function isValidOn(u: Pick<OrgUnitRow, 'validFrom' | 'validTo'>, date: string): boolean {
  return u.validFrom <= date && (u.validTo === null || date < u.validTo);
}

const collator = new Intl.Collator('vi');
function byName(a: OrgUnitRow, b: OrgUnitRow): number {
  return collator.compare(a.name, b.name);
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}
