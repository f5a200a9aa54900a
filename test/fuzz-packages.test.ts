import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPackage, type ClusterPackage } from '../src/clusters/index.ts';
import type { PackageFile } from '../src/clusters/package-format.ts';
import { DEMO_CRITERIA_2023 } from '../src/demo/seed-clusters.ts';
import { openTestApp, type TestApp } from './support/test-app.ts';

/**
 * Fuzzing of the cluster package import (trust issue, acceptance: "every import … cluster
 * packages"): the head ward's instance receives 1,000+ mutated packages from a member whose key
 * it registered — cut or byte-flipped JSON, forged or broken signatures, and, signed with the
 * member's real key so that they pass the signature, wrong manifest and payload shapes. None may
 * crash the server or answer 5xx, and after every rejection each cluster table (and the audit
 * chain) is unchanged, by row count and by an order-independent digest of its rows.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

const WATCHED = [
  'cluster_years',
  'cluster_covenants',
  'cluster_criteria_tables',
  'cluster_files',
  'cluster_submissions',
  'cluster_scores',
  'cluster_outcomes',
  'cluster_member_keys',
  'cluster_notifications',
  'audit_log',
  'audit_chain_heads',
];

type Snapshot = Record<string, string>;

const STANDARD = DEMO_CRITERIA_2023.groups.flatMap((g) => g.items).filter((i) => i.kind === 'standard');

/** A sheet of the demo criteria table worth `total` points, evidence on every item. */
function sheetOf(total: number): Record<string, { points: number; evidence: string }> {
  const sheet: Record<string, { points: number; evidence: string }> = {};
  let left = total;
  for (const item of STANDARD) {
    const points = Math.min(item.maxPoints, left);
    left -= points;
    sheet[item.id] = { points, evidence: `Minh chứng ${item.id}` };
  }
  return sheet;
}

const json = fc.jsonValue({ maxDepth: 3 });
const nasty = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '../../etc/passwd', 'MQ', 'MB', 'DX', 'ZZ', '9999-99-99', '2023-12-01T00:00:00Z'),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.boolean(),
  fc.array(json, { maxLength: 3 }),
  json,
);

/** Each field of an object kept, dropped, or replaced by something nasty. */
function mutatedRecord(valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    Object.fromEntries(
      Object.entries(valid).map(([k, v]) => [
        k,
        fc.oneof({ weight: 3, arbitrary: fc.constant(v) }, nasty, fc.constant(undefined)),
      ]),
    ),
  );
}

describe('fuzzing of the cluster package import on pglite', () => {
  let t: TestApp;
  let head: string;
  let url: string;
  let mbKey: { privateKey: KeyObject; publicKeyPem: string };
  let clusterHeader: { name: string; year: number };
  const stats: Record<string, Record<number, number>> = {};
  const evidence = Buffer.from('%PDF minh chứng của phường Mỹ Bình');
  const evidencePath = 'files/MB/minh-chung.pdf';

  beforeAll(async () => {
    t = await openTestApp('pglite');
    head = await t.login('tdkt.dongxuyen');
    const [cluster] = await t.database.query<{ id: string; name: string; year: number }>(
      'select id, name, year from emulation_clusters where year = 2023',
    );
    url = `/api/v1/clusters/${cluster!.id}`;
    clusterHeader = { name: cluster!.name, year: cluster!.year };
    const at = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const settings = await t.app.inject({
      method: 'PUT',
      url: `${url}/settings`,
      headers: { cookie: head },
      payload: {
        requestLetterNumber: '455/UBND-NV',
        requestLetterDate: '2023-12-25',
        requestLetterSummary: 'Thực hiện bình xét thi đua, khen thưởng Cụm thi đua xã, phường năm 2023',
        reportDeadline: at(24),
        scoringDeadline: at(48),
        method: 'trimmed_mean',
        trimCount: 1,
        missingScores: 'exclude',
        tieBreak: ['higher_min_peer', 'earlier_submission'],
        flagCount: 1,
        diplomaCount: 2,
      },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    // Mỹ Bình's instance key, registered on the head's instance like the real exchange does.
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    mbKey = { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
    const [mb] = await t.database.query<{ id: string }>(`select id from org_units where code = 'MB'`);
    const reg = await t.app.inject({
      method: 'PUT',
      url: `${url}/member-keys`,
      headers: { cookie: head },
      payload: { orgUnitId: mb!.id, publicKeyPem: mbKey.publicKeyPem },
    });
    expect(reg.statusCode, reg.body).toBe(200);
  });
  afterAll(async () => {
    console.log(`package fuzz status counts: ${JSON.stringify(stats)}`);
    await t.close();
  });

  function validPayload(): Record<string, unknown> {
    return {
      submissions: [
        {
          memberCode: 'MB',
          reportText: 'Báo cáo thi đua năm 2023 của phường Mỹ Bình',
          reportRef: null,
          file: { path: evidencePath, name: 'minh-chung.pdf', mime: 'application/pdf' },
          submittedAt: new Date().toISOString(),
        },
      ],
      scores: [
        {
          round: 'self',
          scorerCode: 'MB',
          targetCode: 'MB',
          sheet: sheetOf(86),
          submittedAt: new Date().toISOString(),
        },
      ],
      outcome: null,
    };
  }

  /** A package signed with Mỹ Bình's registered key: it passes the signature check. */
  function signed(
    payload: unknown,
    header: Partial<Parameters<typeof buildPackage>[0]> = {},
    extraFiles: PackageFile[] = [{ path: evidencePath, content: evidence }],
  ): ClusterPackage {
    const text = JSON.stringify(payload) ?? 'undefined';
    return buildPackage(
      {
        kind: 'member',
        cluster: clusterHeader,
        from: { code: 'MB', name: 'Phường Mỹ Bình' },
        createdAt: new Date().toISOString(),
        ...header,
      },
      [{ path: 'payload.json', content: Buffer.from(text, 'utf8') }, ...extraFiles],
      mbKey,
    );
  }

  async function snapshot(): Promise<Snapshot> {
    const parts = WATCHED.map(
      (table) =>
        `(select count(*) || ':' || coalesce(md5(string_agg(_r::text, '' order by _r::text collate "C")), '') from ${table} _r) as ${table}`,
    );
    const [row] = await t.database.query<Snapshot>(`select ${parts.join(', ')}`);
    return row!;
  }

  const send = (body: string) =>
    t.app.inject({
      method: 'POST',
      url: `${url}/package`,
      headers: { cookie: head, 'content-type': 'application/json' },
      payload: body,
    });

  /** Sends each generated body; after a rejection every watched table must be unchanged. */
  async function fuzz(name: string, arb: fc.Arbitrary<string>, seed: number): Promise<void> {
    let before = await snapshot();
    await fc.assert(
      fc.asyncProperty(arb, async (body) => {
        const res = await send(body);
        const s = (stats[name] ??= {});
        s[res.statusCode] = (s[res.statusCode] ?? 0) + 1;
        expect(res.statusCode, `${name} ${body.slice(0, 300)} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
        const after = await snapshot();
        if (res.statusCode >= 400) {
          for (const table of WATCHED)
            expect(after[table], `${name}: ${table} changed on ${res.statusCode}`).toBe(before[table]);
        }
        before = after;
      }),
      { numRuns: RUNS, seed },
    );
  }

  it('imports the unmutated package (the mutations start from a package that works)', async () => {
    const res = await send(JSON.stringify(signed(validPayload())));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ submissions: 1, scoreSheets: 1, outcome: false });
  });

  it('rejects 1,000 cut, byte-flipped and re-signed-but-tampered packages without a 5xx or a change', async () => {
    const text = JSON.stringify(signed(validPayload()));
    const base = JSON.parse(text) as ClusterPackage;
    const truncated = fc.nat({ max: text.length - 1 }).map((n) => text.slice(0, n));
    const flipped = fc
      .array(fc.tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 32, max: 0x24f })), {
        minLength: 1,
        maxLength: 4,
      })
      .map((flips) => {
        const chars = [...text];
        for (const [at, code] of flips) chars[at] = String.fromCharCode(code);
        return chars.join('');
      });
    const wrongSignature = fc
      .oneof(
        fc.base64String({ maxLength: 120 }),
        fc.nat({ max: base.signature.length - 1 }).map((i) => {
          const c = base.signature[i] === 'A' ? 'B' : 'A';
          return base.signature.slice(0, i) + c + base.signature.slice(i + 1);
        }),
        fc.constant(''),
      )
      .map((signature) => JSON.stringify({ ...base, signature }));
    // Files changed after signing: the manifest's SHA-256 no longer matches.
    const tamperedFile = fc
      .tuple(fc.constantFrom('payload.json', evidencePath), fc.uint8Array({ maxLength: 200 }))
      .map(([p, bytes]) =>
        JSON.stringify({ ...base, files: { ...base.files, [p]: Buffer.from(bytes).toString('base64') } }),
      );
    // A key this instance never registered, claiming to be Mỹ Bình.
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const forged = fc.constant(null).map(() =>
      JSON.stringify(
        buildPackage(
          {
            kind: 'member',
            cluster: clusterHeader,
            from: { code: 'MB', name: 'Phường Mỹ Bình' },
            createdAt: new Date().toISOString(),
          },
          [{ path: 'payload.json', content: Buffer.from(JSON.stringify(validPayload())) }],
          { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
        ),
      ),
    );
    const wrongShape = fc
      .oneof(
        json,
        mutatedRecord(base as unknown as Record<string, unknown>),
        mutatedRecord(base.manifest as unknown as Record<string, unknown>).map((manifest) => ({
          ...base,
          manifest,
        })),
      )
      .map((v) => JSON.stringify(v) ?? 'null');
    await fuzz(
      'package.bytes',
      fc.oneof(truncated, flipped, wrongSignature, tamperedFile, forged, wrongShape),
      6_2025,
    );
  }, 900_000);

  it('rejects 1,000 packages signed with the member’s real key but with wrong shapes, without a 5xx or a change', async () => {
    const valid = validPayload();
    const submission = (valid.submissions as Record<string, unknown>[])[0]!;
    const score = (valid.scores as Record<string, unknown>[])[0]!;
    const sheet = score.sheet as Record<string, unknown>;
    const firstItem = Object.keys(sheet)[0]!;
    const payload = fc.oneof(
      { weight: 1, arbitrary: json },
      { weight: 2, arbitrary: mutatedRecord(valid) },
      {
        weight: 3,
        arbitrary: mutatedRecord(submission).map((s) => ({ ...valid, submissions: [s] })),
      },
      {
        weight: 3,
        arbitrary: mutatedRecord(score).map((s) => ({ ...valid, scores: [s] })),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.oneof(fc.constant(firstItem), fc.string({ maxLength: 20 })), nasty)
          .map(([item, v]) => ({ ...valid, scores: [{ ...score, sheet: { ...sheet, [item]: v } }] })),
      },
      {
        weight: 1,
        arbitrary: fc
          .array(mutatedRecord({ code: 'MB', rank: 1, award: 'flag' }), { maxLength: 3 })
          .map((proposals) => ({ ...valid, outcome: { ranking: [], confirmation: null, proposals } })),
      },
    );
    const header = fc.record({
      kind: fc.constantFrom('member', 'head') as fc.Arbitrary<'member' | 'head'>,
      createdAt: fc.oneof(
        fc.constant(new Date().toISOString()),
        fc.constantFrom('', 'hôm qua', '2999-01-01T00:00:00Z', '2023-02-30T00:00:00Z'),
      ),
      cluster: fc.oneof(
        { weight: 4, arbitrary: fc.constant(clusterHeader) },
        fc.record({ name: fc.string({ maxLength: 40 }), year: fc.integer({ min: 1900, max: 2100 }) }),
      ),
    });
    const files = fc.oneof(
      { weight: 4, arbitrary: fc.constant([{ path: evidencePath, content: evidence }]) },
      fc.constant([]),
      fc
        .tuple(fc.string({ maxLength: 60 }), fc.uint8Array({ maxLength: 100 }))
        .map(([p, b]) => [{ path: p || 'x', content: Buffer.from(b) }]),
    );
    const arb = fc.tuple(payload, header, files).map(([p, h, f]) =>
      JSON.stringify(
        signed(
          p,
          h,
          f.filter((x) => x.path !== 'payload.json'),
        ),
      ),
    );
    await fuzz('package.signed', arb, 7_2025);
  }, 900_000);
});
