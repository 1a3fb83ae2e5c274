import * as assert from 'node:assert/strict';
import { DEFAULT_TASK_ACTIONS, taskActionsFor } from '../../../src/core/actions';
import { errorCodes, isTaskConflictError } from '../../../src/core/conflict';
import { InvalidOptionError } from '../../../src/core/errors';
import { taskIdFromResponse } from '../../../src/core/mutation-response';
import { TASK_ACTION_LABELS } from '../../../src/emulator/task-actions';

describe('core/actions', () => {
  it("includes the emulator's label and the API name for every action the emulator knows", () => {
    for (const [api, label] of Object.entries(TASK_ACTION_LABELS)) {
      const list = taskActionsFor(api);
      assert.ok(list.includes(label), `${api} should include ${label}`);
      assert.ok(list.includes(api), `${api} should include its own name`);
    }
  });
  it('includes the documented ModifyDBInstanceParameter for parameter changes', () => {
    assert.ok(DEFAULT_TASK_ACTIONS.ModifyInstanceParameter.includes('ModifyDBInstanceParameter'));
    assert.ok(DEFAULT_TASK_ACTIONS.ModifyInstanceConfig.includes('ModifyDBInstanceParameter'));
  });
  it('lets callers override, returns copies, and names unknown APIs', () => {
    assert.deepEqual(taskActionsFor('RestartInstance', { RestartInstance: ['Reboot'] }), ['Reboot']);
    const copy = taskActionsFor('FlushInstance');
    copy.push('x');
    assert.ok(!DEFAULT_TASK_ACTIONS.FlushInstance.includes('x'));
    assert.throws(() => taskActionsFor('DoSomething'), (e: unknown) => e instanceof InvalidOptionError && e.option === 'apiAction' && /pass taskAction/.test(e.message));
    assert.throws(() => taskActionsFor('toString'), InvalidOptionError);
  });
});

describe('core/conflict', () => {
  it('reads codes from .code and .data.Code', () => {
    assert.deepEqual(errorCodes({ code: 'Task.Conflict', data: { Code: 'Task.Conflict' } }), ['Task.Conflict']);
    assert.deepEqual(errorCodes({ data: { Code: 'IncorrectDBInstanceState' } }), ['IncorrectDBInstanceState']);
    assert.deepEqual(errorCodes(new Error('x')), []);
    assert.deepEqual(errorCodes('Task.Conflict'), []);
  });
  it('recognises both conflict refusals and nothing else', () => {
    assert.equal(isTaskConflictError({ code: 'Task.Conflict' }), true);
    assert.equal(isTaskConflictError({ code: 'SomeWrapper', data: { Code: 'IncorrectDBInstanceState' } }), true);
    assert.equal(isTaskConflictError({ code: 'Throttling.User' }), false);
    assert.equal(isTaskConflictError(null), false);
  });
});

describe('core/mutation-response taskIdFromResponse', () => {
  it('reads a string or numeric TaskId from the SDK response or a bare body', () => {
    assert.equal(taskIdFromResponse({ statusCode: 200, body: { TaskId: 32302 } }), '32302');
    assert.equal(taskIdFromResponse({ body: { TaskId: ' 77 ' } }), '77');
    assert.equal(taskIdFromResponse({ TaskId: '5' }), '5');
  });
  it("reads the official SDK's camelCase response model (body.taskId)", () => {
    assert.equal(taskIdFromResponse({ statusCode: 200, body: { requestId: 'r', taskId: '32303' } }), '32303');
    assert.equal(taskIdFromResponse({ body: { requestId: 'r', taskId: 32304 } }), '32304');
  });
  it('returns null when there is no usable TaskId', () => {
    assert.equal(taskIdFromResponse({ body: { OrderId: '1' } }), null);
    assert.equal(taskIdFromResponse({ body: { TaskId: '' } }), null);
    assert.equal(taskIdFromResponse({ body: { TaskId: NaN } }), null);
    assert.equal(taskIdFromResponse(undefined), null);
  });
});
