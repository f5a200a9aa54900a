import { z } from 'zod';
import { IsoDate, Ref, Text } from './common.ts';

export const ChecklistResult = z.enum(['pass', 'fail', 'not_applicable']);
export const ChecklistItem = z.object({
  code: z.string().max(40),
  label: z.string().max(300),
  result: ChecklistResult.nullable(),
  note: z.string().max(2000).nullable(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const CreateInspection = z.object({
  orgUnitId: Ref('orgUnit'),
  year: z.number().int().min(2000).max(2100),
  title: Text(300).pipe(z.string().min(1, 'Nhập tên kế hoạch kiểm tra')),
  subject: Text(2000).pipe(z.string().min(1, 'Nhập nội dung kiểm tra')),
  inspectors: Text(500).pipe(z.string().min(1, 'Nhập thành phần đoàn kiểm tra')),
  startsOn: IsoDate,
  endsOn: IsoDate,
  units: z
    .array(z.object({ orgUnitId: Ref('orgUnit'), scheduledOn: IsoDate.nullable() }))
    .min(1)
    .max(200),
});
export type CreateInspection = z.infer<typeof CreateInspection>;

export const SaveInspectedUnit = z.object({
  checklist: z.array(ChecklistItem).max(50),
  findings: z.string().max(20000).nullable(),
});
export type SaveInspectedUnit = z.infer<typeof SaveInspectedUnit>;

export const TaskStatus = z.enum(['open', 'done', 'cancelled']);
export const CreateInspectionTask = z.object({
  orgUnitId: Ref('orgUnit'),
  title: Text(500).pipe(z.string().min(1, 'Nhập nội dung việc cần khắc phục')),
  ownerName: Text(200).pipe(z.string().min(1, 'Nhập người chịu trách nhiệm')),
  ownerUserId: Ref('user').nullable().default(null),
  dueOn: IsoDate,
});
export type CreateInspectionTask = z.infer<typeof CreateInspectionTask>;
export const UpdateInspectionTask = z.object({ status: TaskStatus });

export const InspectionTaskDto = z.object({
  id: z.string(),
  planId: z.string(),
  orgUnitId: z.string(),
  title: z.string(),
  ownerName: z.string(),
  ownerUserId: z.string().nullable(),
  dueOn: z.string(),
  status: TaskStatus,
});
export const InspectedUnitDto = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  scheduledOn: z.string().nullable(),
  checklist: z.array(ChecklistItem),
  findings: z.string().nullable(),
});
export const InspectionPlanDto = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  year: z.number(),
  title: z.string(),
  subject: z.string(),
  inspectors: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});
export const InspectionDetail = InspectionPlanDto.extend({
  units: z.array(InspectedUnitDto),
  tasks: z.array(InspectionTaskDto),
});
export type InspectionDetail = z.infer<typeof InspectionDetail>;
export const InspectionList = z.object({ items: z.array(InspectionPlanDto) });

export const InspectionSummary = z.object({
  year: z.number(),
  plans: z.number(),
  unitsInspected: z.number(),
  checks: z.object({ pass: z.number(), fail: z.number(), open: z.number() }),
  unitsWithFailures: z.array(z.string()),
  tasks: z.object({ total: z.number(), done: z.number(), open: z.number(), overdue: z.number() }),
  /** A sentence for the annual report's assessment. */
  sentence: z.string(),
});
export type InspectionSummary = z.infer<typeof InspectionSummary>;
