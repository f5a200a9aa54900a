/**
 * The working year: chosen once in the header and kept across pages and visits (localStorage),
 * so every page of the year shows the same year. A link may carry `?year=`; opening it makes that
 * year the working year. With nothing chosen, the default is the rule of
 * `contracts/working-year.ts`: the current year, or the previous one in January while its
 * year-end work is finished.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import { defaultWorkingYear, todayInVietnam } from '../../contracts/working-year.ts';

const STORAGE_KEY = 'tdkt.workingYear';
const listeners = new Set<() => void>();

/** A plausible working year, else null. */
export function parseYear(raw: string | null | undefined): number | null {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n >= 1990 && n <= 2100 ? n : null;
}

function readStored(): number | null {
  try {
    return parseYear(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null; // storage disabled: the default applies
  }
}

function store(year: number): void {
  try {
    localStorage.setItem(STORAGE_KEY, String(year));
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => e.key === STORAGE_KEY && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The years the header offers: from 2020 to next year, newest first. */
export function workingYearOptions(today: string = todayInVietnam()): { value: number; label: string }[] {
  const last = Number(today.slice(0, 4)) + 1;
  const out: { value: number; label: string }[] = [];
  for (let y = last; y >= 2020; y--) out.push({ value: y, label: `Năm ${y}` });
  return out;
}

/** [the working year, choose another]. A `?year=` in the URL wins and becomes the stored choice. */
export function useWorkingYear(): readonly [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const stored = useSyncExternalStore(subscribe, readStored, () => null);
  const fromUrl = parseYear(params.get('year'));
  useEffect(() => {
    if (fromUrl !== null && fromUrl !== readStored()) store(fromUrl);
  }, [fromUrl]);
  const year = fromUrl ?? stored ?? defaultWorkingYear(todayInVietnam());
  const choose = useCallback(
    (next: number) => {
      store(next);
      // A link's ?year= would otherwise keep showing the old year.
      if (params.has('year')) {
        setParams(
          (p) => {
            p.set('year', String(next));
            return p;
          },
          { replace: true },
        );
      }
    },
    [params, setParams],
  );
  return [year, choose] as const;
}
