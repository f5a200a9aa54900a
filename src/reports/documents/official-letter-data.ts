// The cluster head's request letter (công văn) pre-filled from the cluster year: the head ward
// issues it, the other members are addressed, the number, date and subject are the ones the head's
// office recorded in the cluster year (clusters module), the due date is the report deadline, and
// the head ward's chairman signs. Read-only over the organizations and clusters tables.
import { sql } from 'drizzle-orm';
import type { AdministrativeDocument } from '../../platform/documents/index.ts';
import { queryRows, type Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { bodyNaming, inSentenceOf } from './issuing-body.ts';
import { buildClusterRequestLetter } from './official-letter.ts';
import { leaderOn } from './table-probe.ts';

type ClusterYearRow = {
  name: string;
  year: number;
  organiser_id: string;
  head_id: string | null;
  member_ids: string[] | string;
  letter_number: string | null;
  letter_date: string | null;
  letter_summary: string | null;
  report_deadline: Date | string | null;
};

function idList(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean);
}

async function loadClusterYear(db: Db, clusterId: string): Promise<ClusterYearRow | undefined> {
  const rows = await queryRows<ClusterYearRow>(
    db,
    sql`select ec.name, ec.year, ec.organiser_id, ec.head_id,
               array(select m.org_unit_id::text from emulation_cluster_members m
                     where m.cluster_id = ec.id order by m.org_unit_id) as member_ids,
               cy.request_letter_number as letter_number, cy.request_letter_date::text as letter_date,
               cy.request_letter_summary as letter_summary, cy.report_deadline
        from emulation_clusters ec left join cluster_years cy on cy.cluster_id = ec.id
        where ec.id = ${clusterId}`,
  );
  return rows[0];
}

/** The day of a timestamp in Việt Nam (UTC+7), as an ISO date. */
function vietnamDay(value: Date | string): string {
  return new Date(new Date(value).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The cluster head's request letter. Visible to whoever reads the organiser, the head ward or a
 * member ward (as the cluster itself is); anyone else gets "not found".
 */
export async function clusterRequestLetterModel(
  ctx: RequestCtx,
  clusterId: string,
  today = new Date().toISOString().slice(0, 10),
): Promise<AdministrativeDocument> {
  const db = ctx.deps.database.db;
  const row = await loadClusterYear(db, clusterId);
  if (!row) throw notFound('cụm thi đua');
  const members = idList(row.member_ids);
  const related = [row.organiser_id, ...(row.head_id ? [row.head_id] : []), ...members];
  if (!related.some((id) => ctx.auth.readOrgIds.has(id))) throw notFound('cụm thi đua');
  if (!row.head_id) throw notFound('phường trưởng cụm');
  const directory = await ctx.deps.directory.get();
  const head = directory.get(row.head_id);
  if (!head) throw notFound('phường trưởng cụm');
  const naming = bodyNaming(head, head.parentId ? directory.get(head.parentId) : undefined);
  const addressed = members
    .filter((id) => id !== row.head_id)
    .map((id) => directory.get(id))
    .filter((u) => u !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
    .map((u) => `UBND ${inSentenceOf(u.name)}`);
  const issueDate = row.letter_date ?? today;
  // The head ward's chairman on the letter's date signs it.
  const chairman = await leaderOn(db, directory.subtree(head.id), issueDate, [
    'Chủ tịch UBND%',
    'Chủ tịch Ủy ban%',
  ]);
  return buildClusterRequestLetter(
    naming,
    {
      clusterName: row.name,
      year: Number(row.year),
      members: addressed,
      dueDate: row.report_deadline ? vietnamDay(row.report_deadline) : null,
      signerName: chairman?.name ?? '',
      numberText: row.letter_number,
      summary: row.letter_summary,
    },
    issueDate,
  );
}
