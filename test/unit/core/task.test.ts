import { strict as assert } from 'node:assert';
import { ALL_TASK_STATUSES, taskStatusByName, taskStatusName, TaskStatus } from '../../../src/core/task';

describe('core/task status names', () => {
  it('names every status in lower case, null as unknown and other numbers as such', () => {
    assert.deepEqual(ALL_TASK_STATUSES.map(taskStatusName), ['pending', 'running', 'complete', 'closed', 'paused', 'interrupted']);
    assert.equal(taskStatusName(null), 'unknown');
    assert.equal(taskStatusName(3 as TaskStatus), 'status 3');
  });

  it('reads each name back to its status and nothing else', () => {
    for (const status of ALL_TASK_STATUSES) assert.equal(taskStatusByName(taskStatusName(status)), status);
    for (const text of ['Paused', 'unknown', 'status 3', '7', '', 'constructor', 'toString']) assert.equal(taskStatusByName(text), undefined, text);
  });
});
