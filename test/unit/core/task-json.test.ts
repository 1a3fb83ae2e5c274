import { strict as assert } from 'node:assert';
import { TaskStatus } from '../../../src/core/task';
import { taskSummary } from '../../../src/core/task-json';
import { makeTask } from './helpers';

describe('core/taskSummary', () => {
  it('gives times as ISO strings, the status as its number and the current step, keys in a fixed order', () => {
    const task = makeTask({ status: TaskStatus.Complete, progress: 100, finishTime: new Date('2024-05-01T10:09:00Z') });
    const summary = taskSummary(task);
    assert.deepEqual(summary, {
      taskId: '1001',
      taskAction: 'ModifyDBInstanceClass',
      status: 2,
      progress: 100,
      beginTime: '2024-05-01T10:00:05.000Z',
      finishTime: '2024-05-01T10:09:00.000Z',
      currentStep: 'init_instance',
      steps: task.steps,
    });
    assert.deepEqual(Object.keys(summary), ['taskId', 'taskAction', 'status', 'progress', 'beginTime', 'finishTime', 'currentStep', 'steps']);
  });

  it('keeps unreadable fields null and leaves out the raw item and any extra step fields', () => {
    const step = Object.assign({ name: 'init_redis', progress: null, remainSeconds: null }, { extra: 'x' });
    const summary = taskSummary(makeTask({ status: null, progress: null, beginTime: null, currentStep: null, steps: [step], raw: { TaskId: '1001' } }));
    assert.equal(summary.status, null);
    assert.equal(summary.beginTime, null);
    assert.equal(summary.finishTime, null);
    assert.deepEqual(summary.steps, [{ name: 'init_redis', progress: null, remainSeconds: null }]);
    assert.equal(Object.hasOwn(summary.steps[0], 'extra'), false);
    assert.equal(JSON.stringify(summary).includes('raw'), false);
  });
});
