import { strict as assert } from 'node:assert';
import { createControl } from '../../../src/emulator/control';
import { handleControl } from '../../../src/emulator/control-http';
import { ServerClock } from '../../../src/emulator/clock';
import { FaultRegistry } from '../../../src/emulator/faults';
import { NonceCache } from '../../../src/emulator/nonces';
import { createRng } from '../../../src/emulator/prng';
import { simulateTask } from '../../../src/emulator/simulation';
import { EmulatorState } from '../../../src/emulator/state';
import { describeTasksItem } from '../../../src/emulator/task-view';

describe('emulator/task-view', () => {
  const plan = { steps: [{ name: 'exec_task', durationMs: 1500 }, { name: 'init_redis', durationMs: 1500 }], pendingMs: 0, outcome: { kind: 'complete' as const } };
  const id = { taskId: '7', taskAction: 'RestartDBInstance', beginStampMs: Date.UTC(2024, 0, 1) };

  it('renders a running task with Remain, steps JSON and "i/n"', () => {
    const item = describeTasksItem(id, simulateTask(plan, 1000));
    assert.deepEqual(item, {
      TaskId: '7',
      TaskAction: 'RestartDBInstance',
      Status: '1',
      Progress: 33.3,
      Remain: 2,
      BeginTime: '2024-01-01T00:00:00Z',
      StepProgressInfo: '1/2',
      StepsInfo: '[{"remain":1,"name":"exec_task","progress":66.7},{"remain":2,"name":"init_redis","progress":0}]',
      CurrentStepName: 'exec_task',
    });
  });

  it('sends Remain 0 once complete and no Remain for other statuses', () => {
    assert.equal(describeTasksItem({ ...id, finishStampMs: id.beginStampMs + 3000 }, simulateTask(plan, 5000)).Remain, 0);
    const closed = { ...plan, outcome: { kind: 'closed' as const, atStep: 1, atFraction: 0 } };
    const item = describeTasksItem({ ...id, finishStampMs: id.beginStampMs + 1500 }, simulateTask(closed, 5000));
    assert.equal(item.Status, '4');
    assert.equal('Remain' in item, false);
    assert.equal(item.FinishTime, '2024-01-01T00:00:01Z');
  });
});

describe('emulator/control-http', () => {
  it('refuses peers that are not loopback', () => {
    const clock = new ServerClock(Date.now);
    const rng = createRng(1);
    const control = createControl({
      state: new EmulatorState(clock, rng, 1, 'Task.Conflict'),
      clock,
      rng,
      keys: new Map(),
      nonces: new NonceCache(1000),
      faults: new FaultRegistry(),
      counts: new Map(),
      timeScale: 1,
    });
    const answers: { status: number; body: string }[] = [];
    const res = {
      status: 0,
      writeHead(status: number) {
        this.status = status;
      },
      end(body: string) {
        answers.push({ status: this.status, body });
      },
    };
    for (const peer of ['192.0.2.7', '::ffff:10.0.0.1', undefined]) {
      handleControl(control, { method: 'POST', url: '/__control/listInstances', peer, body: Buffer.alloc(0) }, res as never);
    }
    handleControl(control, { method: 'POST', url: '/__control/listInstances', peer: '::ffff:127.0.0.1', body: Buffer.alloc(0) }, res as never);
    assert.deepEqual(answers.map((a) => a.status), [403, 403, 403, 200]);
    assert.deepEqual(JSON.parse(answers[3].body), { result: [] });
  });
});
