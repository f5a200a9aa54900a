import type { AuthContext } from '../platform/auth/access.ts';

/** CCCD shown in full only to roles that handle dossiers (trust issue, item 4). */
const SEES_PERSONAL: readonly string[] = ['admin', 'officer'];

export function maskCitizenId(id: string | null): string | null {
  if (!id) return null;
  return `${id.slice(0, 3)}${'*'.repeat(Math.max(0, id.length - 6))}${id.slice(-3)}`;
}

export function seesPersonalData(auth: AuthContext, personId?: string): boolean {
  return auth.roles.some((r) => SEES_PERSONAL.includes(r)) || (!!personId && auth.personId === personId);
}

/** Birth dates: full for those who need them, the year alone for everyone else. */
export function maskBirthDate(date: string | null, sees: boolean): string | null {
  if (!date) return null;
  return sees ? date : `${date.slice(0, 4)}-**-**`;
}
