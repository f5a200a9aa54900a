// Display formats of the whole UI: dates dd/mm/yyyy, money in VND with "." between thousands.

const DASH = '—';

/**
 * An ISO date ("2023-12-31"), a masked one ("1980-**-**", the API's year-only form) or a
 * timestamp, as dd/mm/yyyy. Anything else is shown as is rather than hidden.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return DASH;
  const m = /^(\d{4}|\*{4})-(\d{2}|\*{2})-(\d{2}|\*{2})(?:$|T)/.exec(value);
  if (!m) return value;
  if (value.length > 10 && value[10] === 'T') {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) {
      return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
    }
  }
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** A timestamp as "dd/mm/yyyy HH:mm" in the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return DASH;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "Từ 01/01/2000 đến nay" / "Từ … đến …": a validity period. */
export function formatPeriod(from: string | null | undefined, to: string | null | undefined): string {
  const start = from ? `từ ${formatDate(from)}` : '';
  const end = to ? `đến ${formatDate(to)}` : 'đến nay';
  const text = [start, end].filter(Boolean).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whole numbers with "." between thousands (1.234.567), the Vietnamese way. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return DASH;
  const sign = value < 0 ? '-' : '';
  const [whole = '0', fraction] = Math.abs(value).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction ? `${sign}${grouped},${fraction}` : `${sign}${grouped}`;
}

/** An amount in đồng: "1.490.000 đ". Amounts are whole đồng. */
export function formatVnd(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return DASH;
  return `${formatNumber(Math.round(value))} đ`;
}

/** Parses "dd/mm/yyyy" (also d/m/yyyy) into an ISO date, or null when it is not a real date. */
export function parseVnDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Today's date in the browser's time zone, as ISO. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
