import type { IssuingBody } from '../../platform/documents/index.ts';
import { isValidOn, type OrgDirectory, type OrgUnitRow } from '../../organizations/index.ts';

/** What a document needs to know about the body that issues it. */
export type BodyNaming = {
  orgUnitId: string;
  /** "Phường Mỹ Quý". */
  name: string;
  /** "phường Mỹ Quý", as it reads inside a sentence. */
  inSentence: string;
  /** "phường", "xã", "thị trấn". */
  kindWord: string;
  /** Địa danh for the date line: "Mỹ Quý". */
  place: string;
  /** NĐ 30/2020 header: parent body and the body itself. */
  issuingBody: IssuingBody;
  /** "UBND phường" — how the seed names its own committee in the body text. */
  committeeShort: string;
  /** "Ủy ban nhân dân phường Mỹ Quý". */
  committeeFull: string;
  /** "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG MỸ QUÝ" — the line above a decision's căn cứ. */
  chairmanCaps: string;
  /** "thành phố Long Xuyên": the parent body inside a sentence, when there is one. */
  parentInSentence: string | null;
};

const KIND_PREFIXES = ['Thị trấn', 'Đặc khu', 'Thành phố', 'Phường', 'Huyện', 'Quận', 'Tỉnh', 'Thị xã', 'Xã'];

function splitKind(name: string): { kindWord: string; rest: string } {
  const prefix = KIND_PREFIXES.find((p) => name.startsWith(`${p} `));
  if (!prefix) return { kindWord: '', rest: name };
  return { kindWord: prefix.toLowerCase(), rest: name.slice(prefix.length + 1) };
}

/** "UBND THÀNH PHỐ LONG XUYÊN" for "Thành phố Long Xuyên". */
export function committeeCaps(name: string): string {
  return `UBND ${name}`.toLocaleUpperCase('vi');
}

/** "phường Mỹ Quý" for "Phường Mỹ Quý". */
export function inSentenceOf(name: string): string {
  const { kindWord, rest } = splitKind(name);
  return kindWord ? `${kindWord} ${rest}` : name;
}

export function bodyNaming(
  body: { id: string; name: string; placeName: string | null },
  parent: { name: string } | undefined,
): BodyNaming {
  const { kindWord, rest } = splitKind(body.name);
  const inSentence = kindWord ? `${kindWord} ${rest}` : body.name;
  return {
    orgUnitId: body.id,
    name: body.name,
    inSentence,
    kindWord: kindWord || 'đơn vị',
    place: body.placeName ?? rest,
    issuingBody: {
      parentLines: parent ? [committeeCaps(parent.name)] : [],
      nameLines: [committeeCaps(body.name)],
    },
    committeeShort: kindWord ? `UBND ${kindWord}` : 'UBND',
    committeeFull: `Ủy ban nhân dân ${inSentence}`,
    chairmanCaps: `CHỦ TỊCH ỦY BAN NHÂN DÂN ${body.name}`.toLocaleUpperCase('vi'),
    parentInSentence: parent ? inSentenceOf(parent.name) : null,
  };
}

/**
 * The unit as it was on `date`: itself when valid then; when it had already been merged or renamed,
 * its successor valid on that date (a draft kept across a merger is issued by the new body).
 */
export function unitAsOf(directory: OrgDirectory, id: string, date: string): OrgUnitRow | undefined {
  let unit = directory.get(id);
  const seen = new Set<string>();
  while (unit && unit.validTo !== null && date >= unit.validTo && !seen.has(unit.id)) {
    seen.add(unit.id);
    const next = directory
      .successorsOf(unit.id)
      .map((s) => directory.get(s))
      .find((s): s is OrgUnitRow => !!s && isValidOn(s, date));
    if (!next) break;
    unit = next;
  }
  return unit;
}

/** The naming of a body and its parent as they were on `date`, from the organization history. */
export function bodyNamingAsOf(directory: OrgDirectory, id: string, date: string): BodyNaming | undefined {
  const unit = unitAsOf(directory, id, date);
  if (!unit) return undefined;
  const parent = unit.parentId ? unitAsOf(directory, unit.parentId, date) : undefined;
  return bodyNaming(unit, parent);
}
