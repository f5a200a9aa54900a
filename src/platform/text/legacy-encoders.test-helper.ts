import { UNICODE_TO_TCVN3, UNICODE_TO_VNI } from './legacy-encoding.ts';

/**
 * Test-only encoders: they write Unicode text the way the old keyboards did, so the tests can
 * build TCVN3 and VNI workbooks. Production code only ever decodes.
 */

/** Unicode → TCVN3. Capitals TCVN3 lacks are written with the lower-case code (.VnTimeH habit). */
export function encodeAsTcvn3ForTests(s: string): string {
  return [...s.normalize('NFC')]
    .map((c) => UNICODE_TO_TCVN3.get(c) ?? UNICODE_TO_TCVN3.get(c.toLowerCase()) ?? c)
    .join('');
}

/** Unicode → VNI (VNI-Windows). */
export function encodeAsVniForTests(s: string): string {
  return [...s.normalize('NFC')].map((c) => UNICODE_TO_VNI.get(c) ?? c).join('');
}
