import { describe, expect, it } from 'vitest';
import { detectConflicts, type NominationFacts } from './detect-conflicts.ts';
import { checkDossier, requiredDossierParts } from './dossier.ts';
import { evaluateCollective } from '../rules/index.ts';
import { nominationVerdict, ruleContextFor } from './nomination-verdict.ts';

const base: NominationFacts = {
  id: 'n1',
  subjectKey: 'person:p1',
  year: 2023,
  kind: 'regular',
  awardCode: 'commune_certificate_of_merit',
  orgUnitId: 'unit-a',
  bodyOrgUnitId: 'ward',
};

describe('dossier parts by kind', () => {
  it('asks a regular CSTĐCS nomination for tờ trình, báo cáo, biên bản and the initiative proof', () => {
    expect(requiredDossierParts('regular', 'grassroots_emulation_fighter').map((r) => r.part)).toEqual([
      'proposal_letter',
      'achievement_report',
      'evaluation_minutes',
      'initiative_proof',
    ]);
  });

  it('asks an LĐTT nomination for no initiative proof', () => {
    expect(requiredDossierParts('regular', 'advanced_worker').map((r) => r.part)).not.toContain(
      'initiative_proof',
    );
  });

  it('uses the simplified procedure of Điều 85 for unexpected, dedication and foreign awards', () => {
    for (const kind of ['unexpected', 'dedication', 'foreign'] as const) {
      expect(requiredDossierParts(kind, 'commune_certificate_of_merit').map((r) => r.part)).toEqual([
        'proposal_letter',
        'summary_report',
      ]);
    }
  });

  it('lists what is missing', () => {
    const check = checkDossier('regular', 'advanced_worker', ['proposal_letter', 'other']);
    expect(check.complete).toBe(false);
    expect(check.missing.map((m) => m.part)).toEqual(['achievement_report', 'evaluation_minutes']);
    expect(
      checkDossier('unexpected', 'commune_certificate_of_merit', ['proposal_letter', 'summary_report'])
        .complete,
    ).toBe(true);
  });
});

describe('duplicate and conflict detection', () => {
  it('finds the same person proposed twice for the same award in one year', () => {
    const found = detectConflicts(base, [{ ...base, id: 'n2', orgUnitId: 'unit-b' }], [], new Set());
    expect(found.map((c) => [c.code, c.blocking, c.otherNominationId])).toEqual([
      ['duplicate_award', true, 'n2'],
    ]);
  });

  it('finds one achievement proposed at two levels', () => {
    const found = detectConflicts(
      base,
      [{ ...base, id: 'n3', awardCode: 'provincial_diploma_of_merit', bodyOrgUnitId: 'city' }],
      [],
      new Set(),
    );
    expect(found.map((c) => c.code)).toEqual(['two_levels']);
  });

  it('finds two forms for one achievement at one level, but not a title beside a form', () => {
    const twoForms = detectConflicts(
      base,
      [{ ...base, id: 'n4', awardCode: 'certificate_of_merit' }],
      [],
      new Set(),
    );
    expect(twoForms.map((c) => c.code)).toEqual(['same_achievement_two_forms']);
    const titleAndForm = detectConflicts(
      base,
      [{ ...base, id: 'n5', awardCode: 'advanced_worker' }],
      [],
      new Set(),
    );
    expect(titleAndForm).toEqual([]);
  });

  it('ignores another year, another subject, itself and proposals the council turned down', () => {
    const others: NominationFacts[] = [
      { ...base, id: 'n6', year: 2022 },
      { ...base, id: 'n7', subjectKey: 'person:p2' },
      { ...base },
      { ...base, id: 'n8', status: 'not_approved' },
    ];
    expect(detectConflicts(base, others, [], new Set())).toEqual([]);
  });

  it('finds an award already granted and flags a unit proposing its own head', () => {
    const found = detectConflicts(
      base,
      [],
      [
        {
          subjectKey: 'person:p1',
          year: 2023,
          awardCode: 'commune_certificate_of_merit',
          decisionNumber: '25/QĐ-UBND',
        },
      ],
      new Set(['person:p1']),
    );
    expect(found.map((c) => [c.code, c.blocking])).toEqual([
      ['already_awarded', true],
      ['proposer_headed_by_subject', false],
    ]);
    expect(found[0]?.message).toContain('25/QĐ-UBND');
  });
});

describe('nomination verdict', () => {
  const person = {
    personId: 'p1',
    year: 2022,
    staffCategory: 'civil_servant' as const,
    rating: 'good' as const,
  };

  it('judges an LĐTT nomination from the person facts', () => {
    expect(
      nominationVerdict({ subjectKind: 'individual', awardCode: 'advanced_worker', year: 2022, person })
        .eligible,
    ).toBe(true);
    const refused = nominationVerdict({
      subjectKind: 'individual',
      awardCode: 'advanced_worker',
      year: 2022,
      person: { ...person, rating: 'not_completed' },
    });
    expect(refused.eligible).toBe(false);
    expect(refused.reasons.some((r) => r.outcome === 'fail' && r.citation.length > 0)).toBe(true);
  });

  it('refuses an award given to the wrong kind of subject', () => {
    const v = nominationVerdict({ subjectKind: 'collective', awardCode: 'advanced_worker', year: 2022 });
    expect(v.eligible).toBe(false);
    expect(v.reasons[0]?.code).toBe('award.subject_kind');
  });

  it('leaves a Giấy khen to the officer with a note that cites the province criteria', () => {
    const v = nominationVerdict({
      subjectKind: 'individual',
      awardCode: 'commune_certificate_of_merit',
      year: 2023,
      person: { ...person, year: 2023 },
    });
    expect(v.eligible).toBeNull();
    expect(v.reasons.at(-1)?.citation).toContain('Điều 75');
  });
});

describe('verdict of collective titles', () => {
  const ctx = ruleContextFor(2022);
  const judge = (rating: 'excellent' | 'good' | 'completed', members: number, advanced: number) =>
    evaluateCollective(
      {
        collectiveId: 'c1',
        year: 2022,
        rating,
        memberCount: members,
        advancedWorkerCount: advanced,
        completedCount: members,
        grassrootsFighterCount: 0,
        worstMemberDiscipline: null,
      },
      ctx,
    );

  it('judges "Tập thể lao động tiên tiến" from the collective’s rating and its members’ LĐTT share', () => {
    const v = nominationVerdict(
      {
        subjectKind: 'collective',
        awardCode: 'advanced_labour_collective',
        year: 2022,
        collective: judge('good', 10, 7),
      },
      ctx,
    );
    expect(v.eligible).toBe(true);
    expect(v.reasons[0]?.message).toContain('(7/10)');
  });

  it('refuses it when the share of LĐTT is under the threshold or the rating too low, with the reason', () => {
    const low = nominationVerdict(
      {
        subjectKind: 'collective',
        awardCode: 'advanced_labour_collective',
        year: 2022,
        collective: judge('good', 10, 5),
      },
      ctx,
    );
    expect(low.eligible).toBe(false);
    expect(low.reasons.map((r) => r.code)).toContain('ADVANCED_COLLECTIVE.ADVANCED_WORKER_RATIO');
    // A 2022 title is judged under the 2003 Law (decided early 2023): more than half, so 5/10 fails.
    expect(low.reasons[0]?.message).toContain('chưa trên 50 %');
    const rating = nominationVerdict(
      {
        subjectKind: 'collective',
        awardCode: 'advanced_labour_collective',
        year: 2022,
        collective: judge('completed', 10, 9),
      },
      ctx,
    );
    expect(rating.reasons.map((r) => r.code)).toContain('ADVANCED_COLLECTIVE.RATING_TOO_LOW');
  });

  it('leaves a collective Giấy khen to the officer’s appraisal even with the collective’s facts', () => {
    const v = nominationVerdict(
      {
        subjectKind: 'collective',
        awardCode: 'commune_certificate_of_merit',
        year: 2022,
        collective: judge('good', 10, 7),
      },
      ctx,
    );
    expect(v.eligible).toBeNull();
  });
});
