import { z } from 'zod';
import { IsoDate, Ref, Text, Uuid } from './common.ts';

export const FundParams = z.object({ orgUnitId: Uuid, year: z.coerce.number().int().min(1990).max(2100) });

export const FundPositionDto = z.object({
  income: z.number(),
  allocationCap: z.number().nullable(),
  movementReserve: z.number(),
  movementRemaining: z.number(),
  rewardBudget: z.number(),
  committed: z.number(),
  uncommitted: z.number(),
  paid: z.number(),
  rewardCash: z.number(),
  unpaid: z.number(),
});

export const FundEntryKindDto = z.enum([
  'allocation',
  'contribution',
  'reward_expense',
  'expense_reversal',
  'movement_expense',
  'payment',
  'recovery',
]);

export const FundView = z.object({
  orgUnitId: Uuid,
  year: z.number(),
  recurrentSpending: z.number().nullable(),
  capRatio: z.number(),
  movementShare: z.number(),
  position: FundPositionDto,
  entries: z.array(
    z.object({
      id: Uuid,
      kind: FundEntryKindDto,
      amount: z.number(),
      entryDate: z.string(),
      decisionId: z.string().nullable(),
      decisionNumber: z.string().nullable(),
      note: z.string().nullable(),
      overrideReason: z.string().nullable(),
    }),
  ),
  unpaid: z.array(
    z.object({
      awardRecordId: Uuid,
      subjectKind: z.string(),
      subjectName: z.string(),
      awardCode: z.string(),
      amount: z.number(),
      decisionId: Uuid,
      decisionNumber: z.string().nullable(),
      decisionDate: z.string().nullable(),
    }),
  ),
});
export type FundView = z.infer<typeof FundView>;

export const SetFundBudget = z.object({ recurrentSpending: z.number().int().min(0).nullable() });

export const RecordFundEntry = z.object({
  kind: z.enum(['allocation', 'contribution', 'movement_expense']),
  amount: z.number().int().positive(),
  entryDate: IsoDate,
  note: Text(500).nullable().optional(),
});

export const RecordPayments = z.object({
  awardRecordIds: z.array(Ref('awardRecord')).min(1).max(2000),
  paidOn: IsoDate,
});

export const RecordRecovery = z.object({
  awardRecordId: Ref('awardRecord'),
  amount: z.number().int().positive(),
  entryDate: IsoDate,
  note: Text(500).nullable().optional(),
});
