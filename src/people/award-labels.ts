import { catalogueEntry, isAwardCode } from '../rules/index.ts';

/** The Vietnamese name of a title or commendation form, from the rules catalogue. */
export function awardLabel(code: string): string {
  return isAwardCode(code) ? catalogueEntry(code).name : code;
}
