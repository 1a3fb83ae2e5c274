import * as assert from 'node:assert/strict';
import { InvalidOptionError } from '../../../src/core/errors';
import { createResumeToken, encodeResumeToken, restoreResumedWait, validateResumeToken } from '../../../src/core/resume';

const token = createResumeToken({
  instanceId: 'r-1', taskId: '42', taskActions: ['ModifyDBInstanceClass'], since: new Date('2024-05-01T10:00:00Z'), deadline: Date.parse('2024-05-01T11:00:00Z'),
});

function rejects(fn: () => unknown, option: string, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof InvalidOptionError && e.option === option && pattern.test(e.message));
}

describe('core/resume', () => {
  it('round-trips through JSON', () => {
    assert.deepEqual(validateResumeToken(JSON.parse(encodeResumeToken(token))), token);
    assert.deepEqual(validateResumeToken(encodeResumeToken(token)), token);
    assert.equal(token.deadline, '2024-05-01T11:00:00.000Z');
  });

  it('rejects malformed tokens, naming the field', () => {
    rejects(() => validateResumeToken('{nope'), 'resumeToken', /not valid JSON/);
    rejects(() => validateResumeToken([]), 'resumeToken', /must be an object/);
    rejects(() => validateResumeToken({ ...token, instanceId: '' }), 'resumeToken', /"instanceId"/);
    rejects(() => validateResumeToken({ ...token, taskId: 5 }), 'resumeToken', /"taskId"/);
    rejects(() => validateResumeToken({ ...token, taskAction: [] }), 'resumeToken', /"taskAction"/);
    rejects(() => validateResumeToken({ ...token, taskId: null, taskAction: null }), 'resumeToken', /needs a "taskId" or a "taskAction"/);
    rejects(() => validateResumeToken({ ...token, since: '2024-05-01' }), 'resumeToken', /"since"/);
    rejects(() => validateResumeToken({ ...token, deadline: '2024-13-45T99:00:00Z' }), 'resumeToken', /"deadline"/);
  });

  it('restores the token deadline unless a new timeout is given', () => {
    const now = Date.parse('2024-05-01T12:00:00Z');
    const same = restoreResumedWait(token, {}, now);
    assert.equal(same.deadline, Date.parse(token.deadline));
    assert.equal(same.taskId, '42');
    assert.deepEqual(same.taskActions, ['ModifyDBInstanceClass']);
    assert.equal(same.since.toISOString(), token.since);
    assert.equal(restoreResumedWait(token, { timeout: 60_000 }, now).deadline, now + 60_000);
  });

  it('accepts repeated values and rejects contradictions', () => {
    const now = Date.now();
    assert.equal(restoreResumedWait(token, { instanceId: 'r-1', taskId: '42', taskActions: ['ModifyDBInstanceClass'], since: new Date(token.since) }, now).instanceId, 'r-1');
    rejects(() => restoreResumedWait(token, { instanceId: 'r-2' }, now), 'instanceId', /contradicts resumeToken/);
    rejects(() => restoreResumedWait(token, { taskId: '43' }, now), 'taskId', /contradicts/);
    rejects(() => restoreResumedWait(token, { taskActions: ['X'] }, now), 'taskAction', /contradicts/);
    rejects(() => restoreResumedWait(token, { since: new Date(0) }, now), 'since', /contradicts/);
    const unmatched = { ...token, taskId: null };
    assert.equal(restoreResumedWait(unmatched, { taskId: '77' }, now).taskId, '77');
  });
});
