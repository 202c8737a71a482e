import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planVisitFromMatch } from '../../../src/server/matching/plan-visit';
import { countPlanningRows, planRequest, runMatchAsTheApp } from '../../support/server-matching';
import { makeServerWorld, type ServerWorld } from '../../support/server-world';

describe('planVisitFromMatch', () => {
  let world: ServerWorld;
  beforeAll(async () => {
    world = await makeServerWorld();
  });
  afterAll(() => world.close());

  it('writes the visit, its candidates and the match run in one transaction: a failure at the last step leaves nothing', async () => {
    const cookie = await world.signIn();
    const { inputs, result } = await runMatchAsTheApp(world, cookie, world.demo.people.Ruth!);
    const before = await countPlanningRows(world.db);
    // A user id that is not in the organisation: the match_runs insert, the last write, breaks its foreign key.
    const stranger = { organisationId: world.demo.organisationId, userId: world.other.userId };
    await expect(
      planVisitFromMatch(world.db, stranger, planRequest(inputs, result), { visitId: randomUUID(), matchRunId: randomUUID() }),
    ).rejects.toThrow();
    expect(await countPlanningRows(world.db)).toEqual(before);

    const ids = { visitId: randomUUID(), matchRunId: randomUUID() };
    const planned = await planVisitFromMatch(world.db, { organisationId: world.demo.organisationId, userId: world.demo.userId }, planRequest(inputs, result), ids);
    expect(planned).toEqual(ids);
    expect(await countPlanningRows(world.db)).toEqual({ visits: before.visits + 1, candidates: before.candidates + 3, matchRuns: before.matchRuns + 1 });
  });
});
