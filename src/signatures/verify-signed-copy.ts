import type { PdfVerification } from '../contracts/signatures.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { trustedRootDers } from './trusted-roots.ts';
import { verifyPdf } from './verify-pdf.ts';

/** Verifies every digital signature of an uploaded file against the installed roots. */
export async function verifySignedCopy(db: DbOrTx, bytes: Uint8Array): Promise<PdfVerification> {
  return verifyPdf(bytes, await trustedRootDers(db));
}

/**
 * A scan (no digital signature) is accepted; a digital signature that does not hold is refused,
 * with the first reason in Vietnamese: a signed decision whose signature fails is not the act the
 * chairman signed.
 */
export function assertSignaturesHold(result: PdfVerification): void {
  for (const [i, s] of result.signatures.entries()) {
    const problem = s.problems[0];
    if (!problem) continue;
    const which = result.signatures.length > 1 ? ` (chữ ký thứ ${i + 1})` : '';
    throw new AppError(
      'validation',
      problem.code,
      `Chữ ký số trên bản ký không hợp lệ${which}: ${problem.message}`,
      {
        problems: s.problems,
      },
    );
  }
}
