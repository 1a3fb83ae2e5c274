import { strict as assert } from 'node:assert';
import { parseTask } from '../../../src/core/parse-task';
import { TaskStatus } from '../../../src/core/task';

/** The item of the documented sample response, byte for byte (StepsInfo double-escaped). */
const DOC_SAMPLE = JSON.parse(String.raw`{
  "Status": "2",
  "FinishTime": "2020-11-13T06:17:18Z",
  "StepsInfo": "[{\\\"remain\\\":0,\\\"name\\\":\\\"init_instance\\\",\\\"progress\\\":100},{\\\"remain\\\":107,\\\"name\\\":\\\"init_redis\\\",\\\"progress\\\":12.3},{\\\"remain\\\":1881,\\\"name\\\":\\\"init_config\\\",\\\"progress\\\":0}]",
  "Progress": 100,
  "BeginTime": "2020-11-13T06:16:54Z",
  "Remain": 60,
  "CurrentStepName": "init_redis",
  "StepProgressInfo": "3/3",
  "TaskId": "32302****",
  "TaskAction": "ModifyDBInstanceParameter"
}`) as Record<string, unknown>;

const DOC_STEPS = [
  { name: 'init_instance', progress: 100, remainSeconds: 0 },
  { name: 'init_redis', progress: 12.3, remainSeconds: 107 },
  { name: 'init_config', progress: 0, remainSeconds: 1881 },
];

describe('parseTask', () => {
  it('parses the documented sample item, including its double-escaped StepsInfo', () => {
    const task = parseTask(DOC_SAMPLE);
    assert.equal(task.taskId, '32302****');
    assert.equal(task.taskAction, 'ModifyDBInstanceParameter');
    assert.equal(task.status, TaskStatus.Complete);
    assert.equal(task.progress, 100);
    assert.equal(task.remainSeconds, 60);
    assert.equal(task.beginTime?.toISOString(), '2020-11-13T06:16:54.000Z');
    assert.equal(task.finishTime?.toISOString(), '2020-11-13T06:17:18.000Z');
    assert.equal(task.currentStep, 'init_redis');
    assert.deepEqual(task.stepProgress, { done: 3, total: 3 });
    assert.deepEqual(task.steps, DOC_STEPS);
    assert.deepEqual(task.malformed, []);
    assert.equal(task.raw, DOC_SAMPLE);
  });

  it('reads StepsInfo as plain JSON, as JSON-in-JSON and as an already-parsed array', () => {
    const plain = JSON.stringify(DOC_STEPS.map((s) => ({ remain: s.remainSeconds, name: s.name, progress: s.progress })));
    assert.deepEqual(parseTask({ StepsInfo: plain }).steps, DOC_STEPS);
    assert.deepEqual(parseTask({ StepsInfo: JSON.stringify(plain) }).steps, DOC_STEPS);
    assert.deepEqual(parseTask({ StepsInfo: JSON.parse(plain) }).steps, DOC_STEPS);
  });

  it('maps every documented status string and number', () => {
    const expected: Array<[unknown, TaskStatus]> = [
      ['0', TaskStatus.Pending], ['1', TaskStatus.Running], ['2', TaskStatus.Complete],
      ['4', TaskStatus.Closed], ['7', TaskStatus.Paused], ['8', TaskStatus.Interrupted], [8, TaskStatus.Interrupted],
    ];
    for (const [wire, status] of expected) {
      const task = parseTask({ Status: wire });
      assert.equal(task.status, status, String(wire));
      assert.deepEqual(task.malformed, []);
    }
  });

  it('flags unknown statuses as malformed and keeps the raw value', () => {
    for (const wire of ['3', '5', '9', 'Running', '2.5', true, {}]) {
      const task = parseTask({ Status: wire, TaskId: 't1' });
      assert.equal(task.status, null, String(wire));
      assert.deepEqual(task.malformed, ['Status']);
      assert.equal(task.raw.Status, wire);
      assert.equal(task.taskId, 't1');
    }
  });

  it('accepts numbers sent as strings', () => {
    const task = parseTask({ Progress: '12.5', Remain: ' 90 ', TaskId: 42 });
    assert.equal(task.progress, 12.5);
    assert.equal(task.remainSeconds, 90);
    assert.equal(task.taskId, '42');
    assert.deepEqual(task.malformed, []);
  });

  it('treats absent, null and empty fields as absent, not malformed', () => {
    const task = parseTask({ TaskId: '1', Remain: null, FinishTime: '', StepsInfo: undefined, CurrentStepName: '' });
    assert.equal(task.remainSeconds, null);
    assert.equal(task.finishTime, null);
    assert.deepEqual(task.steps, []);
    assert.equal(task.currentStep, null);
    assert.equal(task.status, null);
    assert.equal(task.taskAction, '');
    assert.deepEqual(task.malformed, []);
  });

  it('flags each unreadable field by its wire name without throwing', () => {
    const raw = {
      TaskId: { id: 1 },
      TaskAction: 7,
      Status: '2',
      Progress: 'lots',
      Remain: -5,
      BeginTime: '2020-11-13 06:16:54',
      FinishTime: 1605248238,
      CurrentStepName: ['x'],
      StepProgressInfo: '4/3',
      StepsInfo: '[{"name":"init"',
    };
    const task = parseTask(raw);
    assert.deepEqual(task.malformed.sort(), [
      'BeginTime', 'CurrentStepName', 'FinishTime', 'Progress', 'Remain', 'StepProgressInfo', 'StepsInfo', 'TaskAction', 'TaskId',
    ]);
    assert.equal(task.status, TaskStatus.Complete);
    assert.equal(task.taskId, '');
    assert.equal(task.taskAction, '');
    assert.equal(task.progress, null);
    assert.equal(task.remainSeconds, null);
    assert.equal(task.beginTime, null);
    assert.equal(task.finishTime, null);
    assert.equal(task.currentStep, null);
    assert.equal(task.stepProgress, null);
    assert.deepEqual(task.steps, []);
    assert.deepEqual(task.raw, raw);
  });

  it('parses StepProgressInfo forms and rejects the rest', () => {
    assert.deepEqual(parseTask({ StepProgressInfo: '0/5' }).stepProgress, { done: 0, total: 5 });
    assert.deepEqual(parseTask({ StepProgressInfo: ' 2 / 3 ' }).stepProgress, { done: 2, total: 3 });
    for (const wire of ['3', '1/3/4', 'a/b', '-1/3', 3]) {
      assert.deepEqual(parseTask({ StepProgressInfo: wire }).malformed, ['StepProgressInfo'], String(wire));
    }
  });

  it('drops StepsInfo that is not a list of named steps', () => {
    for (const wire of ['{"name":"a"}', '[{"progress":1}]', '[1,2]', '"just text"', 'null', 42]) {
      const task = parseTask({ StepsInfo: wire });
      assert.deepEqual(task.steps, [], String(wire));
      assert.deepEqual(task.malformed, ['StepsInfo'], String(wire));
    }
  });

  it('keeps named steps whose numbers are unreadable, with null there, and flags StepsInfo', () => {
    const task = parseTask({ StepsInfo: '[{"name":"a","progress":"n/a","remain":5},{"name":"b","progress":"50"}]' });
    assert.deepEqual(task.steps, [
      { name: 'a', progress: null, remainSeconds: 5 },
      { name: 'b', progress: 50, remainSeconds: null },
    ]);
    assert.deepEqual(task.malformed, ['StepsInfo']);
  });

  it('turns a non-object item into an empty task flagged Item', () => {
    for (const item of [null, 'x', 3, [DOC_SAMPLE]]) {
      const task = parseTask(item);
      assert.deepEqual(task.malformed, ['Item']);
      assert.equal(task.taskId, '');
      assert.equal(task.status, null);
    }
  });
});
