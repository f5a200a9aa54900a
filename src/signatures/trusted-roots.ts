import { createHash } from 'node:crypto';
import type { TrustedRoot } from '../contracts/signatures.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { conflict, invalid, notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import {
  deleteTrustedRoot,
  findTrustedRootBySha,
  insertTrustedRoot,
  listTrustedRoots,
  type TrustedRootRow,
} from './signatures.repository.ts';
import {
  certificatesFromFile,
  derOf,
  describeName,
  isCa,
  nameAttribute,
  OID,
  parseCertificate,
  toPem,
} from './x509.ts';

function toDto(row: TrustedRootRow): TrustedRoot {
  return {
    id: row.id,
    subject: row.subject,
    commonName: row.commonName,
    sha256: row.sha256,
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter.toISOString(),
    note: row.note,
    installedAt: row.installedAt.toISOString(),
  };
}

export async function listTrusted(ctx: RequestCtx): Promise<TrustedRoot[]> {
  return (await listTrustedRoots(ctx.deps.database.db)).map(toDto);
}

/** The DER of every installed root, for the verifier. */
export async function trustedRootDers(db: DbOrTx): Promise<Buffer[]> {
  return (await listTrustedRoots(db)).flatMap((r) => certificatesFromFile(Buffer.from(r.pem)));
}

/**
 * Installs the CA certificates of a PEM or DER file as trust anchors. Only CA certificates are
 * taken: trusting one person's certificate would make a trust anchor that cannot be revoked.
 */
export async function installTrustedRoots(
  ctx: RequestCtx,
  file: Uint8Array,
  note: string | null,
): Promise<TrustedRoot[]> {
  const ders = certificatesFromFile(file);
  const certs = ders.map(parseCertificate);
  if (certs.length === 0 || certs.some((c) => c === null)) {
    throw invalid(
      'Tệp không phải chứng thư số X.509 (PEM hoặc DER). Hãy chọn tệp .cer, .crt hoặc .pem của tổ chức cấp.',
      'SIGNATURE.ROOT_UNREADABLE',
    );
  }
  const db = ctx.deps.database.db;
  return db.transaction(async (tx) => {
    const out: TrustedRoot[] = [];
    for (const cert of certs) {
      if (!cert) continue;
      const name = nameAttribute(cert.subject, OID.commonName) ?? describeName(cert.subject);
      if (!isCa(cert)) {
        throw invalid(
          `Chứng thư "${name}" không phải của tổ chức cấp chứng thư (CA) nên không cài làm gốc tin cậy được.`,
          'SIGNATURE.ROOT_NOT_CA',
        );
      }
      const der = derOf(cert);
      const sha256 = createHash('sha256').update(der).digest('hex');
      if (await findTrustedRootBySha(tx, sha256)) {
        throw conflict(`Chứng thư gốc "${name}" đã được cài trước đó.`, 'SIGNATURE.ROOT_EXISTS');
      }
      const row = await insertTrustedRoot(tx, {
        subject: describeName(cert.subject),
        commonName: nameAttribute(cert.subject, OID.commonName),
        sha256,
        pem: toPem(der),
        notBefore: cert.notBefore.value,
        notAfter: cert.notAfter.value,
        note,
        installedBy: ctx.actor.userId,
      });
      await writeAudit(tx, ctx.actor, {
        chain: 'system',
        action: 'signature.trusted_root.install',
        entity: 'trusted_root',
        entityId: row.id,
        after: { subject: row.subject, sha256 },
      });
      out.push(toDto(row));
    }
    return out;
  });
}

export async function removeTrustedRoot(ctx: RequestCtx, id: string): Promise<void> {
  await ctx.deps.database.db.transaction(async (tx) => {
    const row = await deleteTrustedRoot(tx, id);
    if (!row) throw notFound('chứng thư gốc');
    await writeAudit(tx, ctx.actor, {
      chain: 'system',
      action: 'signature.trusted_root.remove',
      entity: 'trusted_root',
      entityId: id,
      before: { subject: row.subject, sha256: row.sha256 },
    });
  });
}
