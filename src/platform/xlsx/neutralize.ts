/**
 * Spreadsheet formula injection ("CSV injection", OWASP): a text cell that begins with `=`, `+`,
 * `-` or `@` — or with a tab or carriage return, which some programs skip before such a
 * character — can run as a formula when a user opens or re-saves the file. OWASP's advice is to
 * prefix such a cell with a single quote, so it stays text. Full-width forms of the four
 * characters are included because spreadsheet programs fold them to ASCII.
 * Numbers, dates and booleans are not text and are returned untouched.
 */
export function neutralizeCell<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return DANGEROUS_START.test(value) ? `'${value}` : value;
}

const DANGEROUS_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/u;

/**
 * The inverse, applied to imported text: a value this system exported and the user re-imports
 * comes back without the quote the export added. Only a quote followed by one of the dangerous
 * characters is removed; the export puts it there and no name or code starts that way.
 */
export function restoreNeutralizedText(value: string): string {
  return value.startsWith("'") && DANGEROUS_START.test(value.slice(1)) ? value.slice(1) : value;
}
