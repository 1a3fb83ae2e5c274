import * as assert from 'node:assert/strict';
import { InvalidOptionError, TaskAbortedError } from '../../../src/core/errors';
import { DEFAULT_MUTATION_INITIAL_DELAY_MS, mutateAndWait, type MutateAndWaitOptions } from '../../../src/core/mutate-and-wait';
import { TaskStatus, type Task } from '../../../src/core/task';
import type { DescribeTasksQuery } from '../../../src/core/task-source';
import { makeTask, StubSource, VirtualClock } from './helpers';

const T0 = Date.parse('2024-05-01T10:00:00Z');

/** A refusal shaped like the SDK's ClientError. */
function refusal(code: string, inData = false): Error {
  return Object.assign(new Error(`code: 400, ${code}`), inData ? { code: 'Unknown', data: { Code: code } } : { code, data: { Code: code } });
}

const isBlockerQuery = (q: DescribeTasksQuery): boolean => q.statuses?.length === 3 && !q.statuses.includes(TaskStatus.Complete);

interface World {
  clock: VirtualClock;
  source: StubSource;
  sends: number[];
  mutation: () => Promise<{ body: { RequestId: string; TaskId?: number } }>;
}

/**
 * An instance where a mutation (if accepted) starts task 'new' at the send time, visible after 5 s and complete
 * 20 s later; `refuse` decides per attempt whether the mutation is refused.
 */
function world(opts: { refuse?: (attempt: number) => Error | null; blocker?: (now: number) => Task | null; statuses?: (n: number) => string; responseTaskId?: number } = {}): World {
  const clock = new VirtualClock(T0);
  const sends: number[] = [];
  let acceptedAt: number | null = null;
  const source = new StubSource(
    (_n, q) => {
      const now = clock.now();
      if (isBlockerQuery(q)) {
        const b = opts.blocker?.(now);
        return b ? [b] : [];
      }
      const tasks: Task[] = [];
      const blocker = opts.blocker?.(now);
      if (blocker) tasks.push(blocker);
      if (acceptedAt !== null && now >= acceptedAt + 5_000) {
        tasks.push(makeTask({ taskId: 'new', beginTime: new Date(acceptedAt + 1_000), status: now >= acceptedAt + 25_000 ? TaskStatus.Complete : TaskStatus.Running }));
      }
      return tasks;
    },
    opts.statuses ?? (() => 'Normal'),
    () => clock.now(),
  );
  const mutation = async (): Promise<{ body: { RequestId: string; TaskId?: number } }> => {
    sends.push(clock.now());
    const refused = opts.refuse?.(sends.length) ?? null;
    if (refused) throw refused;
    acceptedAt = clock.now();
    return { body: { RequestId: 'req', ...(opts.responseTaskId === undefined ? {} : { TaskId: opts.responseTaskId }) } };
  };
  return { clock, source, sends, mutation };
}

const base = (w: World): MutateAndWaitOptions => ({ instanceId: 'r-1', apiAction: 'ModifyInstanceSpec', client: w.source, clock: w.clock });

describe('core/mutateAndWait', () => {
  it('sends once, reads the clock just before, and waits for the task it started', async () => {
    const w = world();
    w.clock.time = T0 + 123;
    const result = await mutateAndWait(w.mutation, base(w));
    assert.equal(result.task.taskId, 'new');
    assert.equal(result.mutationsSent, 1);
    assert.deepEqual(w.sends, [T0 + 123]);
    assert.equal(w.source.pollTimes[0], T0 + 123 + DEFAULT_MUTATION_INITIAL_DELAY_MS);
    assert.equal(w.source.queries[0].startTime.toISOString(), '2024-05-01T09:58:00.000Z');
    assert.deepEqual(result.response.body.RequestId, 'req');
  });

  it('uses the default TaskAction list of apiAction, and an explicit taskAction over it', async () => {
    const w = world();
    await assert.rejects(
      mutateAndWait(w.mutation, { ...base(w), taskAction: 'SomethingElse', notFoundGrace: 10_000 }),
      (e: unknown) => (e as Error).name === 'TaskNotFoundError',
    );
    assert.equal(w.sends.length, 1);
  });

  it('treats a returned TaskId as a hint: matches by action when that id never appears', async () => {
    const w = world({ responseTaskId: 999 });
    assert.equal((await mutateAndWait(w.mutation, base(w))).task.taskId, 'new');
  });

  it('prefers the hinted TaskId over another task with the same action', async () => {
    const w = world({ responseTaskId: 4242 });
    const hinted = makeTask({ taskId: '4242', taskAction: 'Anything', beginTime: new Date(T0 + 2_000), status: TaskStatus.Complete });
    const source = new StubSource(() => [makeTask({ taskId: 'other', beginTime: new Date(T0 + 1_000) }), hinted], undefined, () => w.clock.now());
    const result = await mutateAndWait(w.mutation, { ...base(w), client: source });
    assert.equal(result.task.taskId, '4242');
  });

  it('refused with Task.Conflict: waits for the running task, then sends the mutation exactly once more', async () => {
    const blockerEnds = T0 + 120_000;
    const w = world({
      refuse: (n) => (n === 1 ? refusal('Task.Conflict') : null),
      blocker: (now) => makeTask({ taskId: 'old', taskAction: 'RestartDBInstance', beginTime: new Date(T0 - 60_000), status: now >= blockerEnds ? TaskStatus.Complete : TaskStatus.Running }),
      statuses: (n) => (n === 1 ? 'Changing' : 'Normal'),
    });
    const result = await mutateAndWait(w.mutation, base(w));
    assert.equal(result.mutationsSent, 2);
    assert.equal(w.sends.length, 2);
    assert.equal(w.sends[0], T0);
    assert.ok(w.sends[1] >= blockerEnds, 'the second send comes after the blocking task finished');
    assert.ok(w.source.statusCalls.length >= 2, 'it confirmed the instance is Normal before sending again');
    assert.equal(result.task.taskId, 'new');
    assert.ok(result.task.beginTime!.getTime() > blockerEnds);
  });

  it('refused with IncorrectDBInstanceState (in data.Code) and no visible task: waits for Normal, then resends', async () => {
    const w = world({ refuse: (n) => (n === 1 ? refusal('IncorrectDBInstanceState', true) : null), statuses: (n) => (n < 3 ? 'Changing' : 'Normal') });
    const result = await mutateAndWait(w.mutation, base(w));
    assert.equal(result.mutationsSent, 2);
    assert.equal(w.source.statusCalls.length, 3);
    assert.equal(w.sends[1], w.source.statusTimes[2]);
  });

  it('still resends when the blocking task itself fails', async () => {
    const w = world({
      refuse: (n) => (n === 1 ? refusal('Task.Conflict') : null),
      blocker: (now) => makeTask({ taskId: 'old', beginTime: new Date(T0 - 60_000), status: now >= T0 + 10_000 ? TaskStatus.Interrupted : TaskStatus.Running }),
    });
    assert.equal((await mutateAndWait(w.mutation, base(w))).mutationsSent, 2);
  });

  it('throws a second refusal as is, having sent exactly twice', async () => {
    const second = refusal('Task.Conflict');
    const w = world({ refuse: (n) => (n === 1 ? refusal('Task.Conflict') : second) });
    await assert.rejects(mutateAndWait(w.mutation, base(w)), (e: unknown) => e === second);
    assert.equal(w.sends.length, 2);
  });

  it('throws any other refusal at once, sending once and polling nothing', async () => {
    const denied = refusal('Forbidden.RAM');
    const w = world({ refuse: () => denied });
    await assert.rejects(mutateAndWait(w.mutation, base(w)), (e: unknown) => e === denied);
    assert.equal(w.sends.length, 1);
    assert.equal(w.source.queries.length + w.source.statusCalls.length, 0);
  });

  it('with retryOnConflict: false, a conflict is thrown after one send', async () => {
    const w = world({ refuse: () => refusal('Task.Conflict') });
    await assert.rejects(mutateAndWait(w.mutation, { ...base(w), retryOnConflict: false }), /Task.Conflict/);
    assert.equal(w.sends.length, 1);
  });

  it('validates everything before sending anything', async () => {
    const w = world();
    const invalid: [unknown, MutateAndWaitOptions | Record<string, unknown>, string][] = [
      [w.mutation, { ...base(w), apiAction: undefined }, 'taskAction'],
      [w.mutation, { ...base(w), apiAction: 'Unknown' }, 'apiAction'],
      [w.mutation, { ...base(w), timeout: -5 }, 'timeout'],
      [w.mutation, { ...base(w), since: new Date() }, 'since'],
      [w.mutation, { ...base(w), retryOnConflict: 'yes' }, 'retryOnConflict'],
      ['not a function', base(w), 'mutation'],
    ];
    for (const [mutation, options, option] of invalid) {
      await assert.rejects(
        mutateAndWait(mutation as () => Promise<unknown>, options as MutateAndWaitOptions),
        (e: unknown) => e instanceof InvalidOptionError && e.option === option,
        option,
      );
    }
    assert.equal(w.sends.length, 0);
    assert.equal(w.source.queries.length, 0);
  });

  it('does not send when already aborted', async () => {
    const w = world();
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(mutateAndWait(w.mutation, { ...base(w), signal: ac.signal }), (e: unknown) => e instanceof TaskAbortedError && /nothing was changed/.test(e.message));
    assert.equal(w.sends.length, 0);
  });

  it('an abort after sending carries a resume token with the send time', async () => {
    const ac = new AbortController();
    const w = world();
    const clock = new VirtualClock(T0, undefined, (_ms, c) => { if (c.time > T0 + 10_000) ac.abort(); });
    const w2 = { ...w, clock };
    const source = new StubSource(() => [makeTask({ taskId: 'new', beginTime: new Date(T0 + 1_000) })], undefined, () => clock.now());
    const error = await mutateAndWait(w2.mutation, { ...base(w2), client: source, signal: ac.signal }).catch((e: unknown) => e);
    assert.ok(error instanceof TaskAbortedError);
    assert.equal(error.resumeToken.taskId, 'new');
    assert.equal(error.resumeToken.since, new Date(T0).toISOString());
  });
});
