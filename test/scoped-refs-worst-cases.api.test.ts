import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';
import { setAt } from './support/sample-body.ts';
import {
  calibrationOf,
  digest,
  ownOf,
  recordOf,
  refusedFields,
  send,
  sessionOf,
  tablesOf,
  validInput,
  type Session,
} from './support/scoped-attack.ts';

/**
 * The cross-ward attacks a review found accepted, each replayed by name: Mỹ Quý's officer sends a
 * request otherwise valid (every other reference one of Mỹ Quý's own records) naming one record of
 * Phường Đông Xuyên. Each is refused with 404 naming that field, and no table changes.
 */
for (const driver of DRIVERS) {
  describe(`another ward's record in a request is refused on ${driver}`, () => {
    let t: TestApp;
    let mq: Session;
    let dx: Session;
    let tables: string[];
    let dxPerson: string;

    beforeAll(async () => {
      t = await openTestApp(driver);
      mq = await sessionOf(t, 'tdkt.myquy');
      dx = await sessionOf(t, 'tdkt.dongxuyen');
      tables = await tablesOf(t);
      dxPerson = (await recordOf(t, 'person', t.ids.dongXuyen))!;
    });
    afterAll(() => t.close());

    /** Sends a valid request of Mỹ Quý's officer with `field` set to `value`; expects the refusal and no change. */
    async function refused(
      method: string,
      pattern: string,
      url: string,
      field: { where: 'body' | 'query'; path: string[] },
      value: unknown,
      tweak: (input: { body: unknown; query: unknown }) => void = () => undefined,
    ) {
      const route = t.app.registeredRoutes.find((r) => r.method === method && r.url === pattern);
      expect(route, `${method} ${pattern}`).toBeDefined();
      const input = (await validInput(t, route!, mq))!;
      expect(input, `a valid request for ${method} ${pattern}`).toBeDefined();
      tweak(input);
      expect(setAt(input[field.where], field.path, value)).toBe(true);
      const before = await digest(t, tables);
      const res = await send(t, mq, method, url, input);
      expect(res.statusCode, res.body).toBe(404);
      expect(refusedFields(res.body)).toContainEqual({
        field: [field.where, ...field.path].join('.'),
        refused: 'outside',
      });
      expect(await digest(t, tables)).toEqual(before);
      return res;
    }

    async function historyOf(personId: string) {
      const res = await send(t, dx, 'GET', '/api/v1/award-history', { body: undefined, query: { personId } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as unknown[];
    }

    it('refuses a decision awarding another ward’s official, and the award never shows on his record', async () => {
      const history = await historyOf(dxPerson);
      await refused(
        'POST',
        '/api/v1/decisions',
        '/api/v1/decisions',
        { where: 'body', path: ['subjects', '*', 'personId'] },
        dxPerson,
      );
      expect(await historyOf(dxPerson)).toEqual(history);
    });

    it('refuses the same through a correction of kind amendment', async () => {
      const history = await historyOf(dxPerson);
      const decision = (await ownOf(t, mq, 'decision'))!;
      await refused(
        'POST',
        '/api/v1/decisions/:decisionId/corrections',
        `/api/v1/decisions/${decision}/corrections`,
        { where: 'body', path: ['subjects', '*', 'personId'] },
        dxPerson,
        (input) => setAt(input.body, ['kind'], 'amendment'),
      );
      expect(await historyOf(dxPerson)).toEqual(history);
    });

    it('refuses the same through POST /award-history', async () => {
      const history = await historyOf(dxPerson);
      await refused(
        'POST',
        '/api/v1/award-history',
        '/api/v1/award-history',
        { where: 'body', path: ['personId'] },
        dxPerson,
        (input) => setAt(input.body, ['subjectKind'], 'individual'),
      );
      expect(await historyOf(dxPerson)).toEqual(history);
    });

    it('refuses a fund recovery entry on another ward’s award record', async () => {
      const award = (await recordOf(t, 'awardRecord', t.ids.dongXuyen))!;
      await refused(
        'POST',
        '/api/v1/funds/:orgUnitId/:year/recoveries',
        `/api/v1/funds/${t.ids.myQuy}/2023/recoveries`,
        { where: 'body', path: ['awardRecordId'] },
        award,
      );
    });

    it('refuses a council with another ward’s member', async () => {
      await refused(
        'PUT',
        '/api/v1/councils/:orgUnitId/:year',
        `/api/v1/councils/${t.ids.myQuy}/2023`,
        { where: 'body', path: ['members', '*', 'personId'] },
        dxPerson,
      );
    });

    it('refuses a movement under another ward’s parent movement', async () => {
      const parent = (await recordOf(t, 'movement', t.ids.dongXuyen))!;
      await refused(
        'POST',
        '/api/v1/movements',
        '/api/v1/movements',
        { where: 'body', path: ['parentMovementId'] },
        parent,
      );
    });

    it('refuses a conference listing another ward’s movement, and the reply does not print its name', async () => {
      const movement = (await recordOf(t, 'movement', t.ids.dongXuyen))!;
      const [row] = await t.database.query<{ name: string }>(
        `select name from emulation_movements where id = $1`,
        [movement],
      );
      expect(row?.name.length).toBeGreaterThan(3);
      const res = await refused(
        'POST',
        '/api/v1/conferences',
        '/api/v1/conferences',
        { where: 'body', path: ['movementIds', '*'] },
        movement,
      );
      expect(res.body).not.toContain(row!.name);
    });

    it('refuses a registration citing another ward’s conference', async () => {
      const conference = (await recordOf(t, 'conference', t.ids.dongXuyen))!;
      await refused(
        'POST',
        '/api/v1/registrations',
        '/api/v1/registrations',
        { where: 'body', path: ['conferenceId'] },
        conference,
      );
    });

    it('refuses a nomination created with another ward’s movement', async () => {
      const movement = (await recordOf(t, 'movement', t.ids.dongXuyen))!;
      await refused(
        'POST',
        '/api/v1/nominations',
        '/api/v1/nominations',
        { where: 'body', path: ['movementId'] },
        movement,
      );
    });

    it('refuses a nomination patched to another ward’s movement', async () => {
      const movement = (await recordOf(t, 'movement', t.ids.dongXuyen))!;
      const nomination = (await ownOf(t, mq, 'nomination'))!;
      expect(nomination).toBeTruthy();
      await refused(
        'PATCH',
        '/api/v1/nominations/:id',
        `/api/v1/nominations/${nomination}`,
        { where: 'body', path: ['movementId'] },
        movement,
      );
    });

    it('refuses certificates printed with another ward’s calibration', async () => {
      const calibration = await calibrationOf(t, dx);
      const decision = (await ownOf(t, mq, 'decision'))!;
      await refused(
        'GET',
        '/api/v1/certificates/decisions/:decisionId/pdf',
        `/api/v1/certificates/decisions/${decision}/pdf`,
        { where: 'query', path: ['calibrationId'] },
        calibration,
        (input) => setAt(input.query, ['mode'], 'blank'),
      );
    });
  });
}
