/**
 * Input validation (what `check` reports) and the diff rules, on plain values as the provider receives them.
 */
import * as assert from 'node:assert/strict';
import { unknownValue } from '@pulumi/pulumi/runtime/rpc';
import { InvalidOptionError } from '../../src/core/errors';
import { TaskStatus } from '../../src/core/task';
import { diffResource, sameValue } from '../../src/pulumi/diff-rules';
import {
  DEFAULT_RESTART_LOOKBACK_MS,
  DEFAULT_WAITER_LOOKBACK_MS,
  parseParametersInputs,
  parseRestartInputs,
  parseSpecInputs,
  parseWaiterInputs,
  validInputs,
} from '../../src/pulumi/resource-inputs';
import { readStackSettings } from '../../src/pulumi/stack-settings';

const URN = 'urn:pulumi:dev::p::pulumi-nodejs:dynamic/redis-waiter:TaskWaiter::w';

describe('pulumi inputs and diff', () => {
  describe('parsing', () => {
    it('fills in defaults', () => {
      const waiter = validInputs(parseWaiterInputs({ instanceId: 'r-1', taskAction: 'A', resourceUrn: URN }));
      assert.deepEqual(waiter, {
        instanceId: 'r-1', timeout: 3_600_000, failOnPaused: false, urn: URN,
        taskActions: ['A'], taskId: null, lookback: DEFAULT_WAITER_LOOKBACK_MS, since: null, waitOnCreate: true,
      });
      assert.equal(validInputs(parseWaiterInputs({ instanceId: 'r-1', taskAction: 'A', waitOnCreate: false })).waitOnCreate, false);
      assert.deepEqual(parseWaiterInputs({ instanceId: 'r-1', taskAction: 'A', waitOnCreate: 'no' }).failures.map((f) => f.property), ['waitOnCreate']);
      assert.equal(validInputs(parseRestartInputs({ instanceId: 'r-1' })).lookback, DEFAULT_RESTART_LOOKBACK_MS);
    });

    it('reads since as an ISO time and rejects other strings', () => {
      assert.equal(validInputs(parseWaiterInputs({ instanceId: 'r-1', taskId: '9', since: '2024-05-01T10:00:00Z' })).since?.toISOString(), '2024-05-01T10:00:00.000Z');
      assert.deepEqual(parseWaiterInputs({ instanceId: 'r-1', taskId: '9', since: 'yesterday' }).failures.map((f) => f.property), ['since']);
    });

    it('skips validation of values unknown during preview', () => {
      const parsed = parseSpecInputs({ instanceId: unknownValue, instanceClass: unknownValue, timeout: unknownValue, region: unknownValue });
      assert.deepEqual(parsed.failures, []);
    });

    it('turns parameter values into strings and rejects nested ones', () => {
      assert.deepEqual(validInputs(parseParametersInputs({ instanceId: 'r-1', parameters: { timeout: 300, appendonly: true } })).parameters, {
        timeout: '300',
        appendonly: 'true',
      });
      const bad = parseParametersInputs({ instanceId: 'r-1', parameters: { timeout: { n: 1 } } });
      assert.deepEqual(bad.failures.map((f) => f.property), ['parameters']);
    });

    it('accepts the two order types of ModifyInstanceSpec only', () => {
      assert.equal(validInputs(parseSpecInputs({ instanceId: 'r-1', instanceClass: 'c', orderType: 'DOWNGRADE' })).orderType, 'DOWNGRADE');
      assert.deepEqual(parseSpecInputs({ instanceId: 'r-1', instanceClass: 'c', orderType: 'down' }).failures.map((f) => f.property), ['orderType']);
    });

    it('rejects a resourceUrn that is not a URN, and throws the first failure as InvalidOptionError', () => {
      const parsed = parseSpecInputs({ instanceId: 'r-1', instanceClass: 'c', resourceUrn: 'w' });
      assert.deepEqual(parsed.failures.map((f) => f.property), ['resourceUrn']);
      assert.throws(() => validInputs(parsed), (e: unknown) => e instanceof InvalidOptionError && e.option === 'resourceUrn');
    });
  });

  describe('diffResource', () => {
    const spec = { instanceId: 'r-1', instanceClass: 'a', taskId: null, status: null };

    it('compares JSON values without regard to key order', () => {
      assert.ok(sameValue({ a: [1, { b: 2, c: 3 }] }, { a: [1, { c: 3, b: 2 }] }));
      assert.ok(!sameValue(['a'], ['a', 'b']));
    });

    it('reports no change for inputs that need no API work', () => {
      const news = { ...spec, timeout: 1, region: 'cn-beijing', endpoint: 'x:1', resourceUrn: URN, notFoundGrace: 5 };
      assert.deepEqual(diffResource('instanceSpec', spec, news), { changes: false, replaces: [], deleteBeforeReplace: false });
    });

    it('replaces on a new instance id and updates on a new class', () => {
      assert.deepEqual(diffResource('instanceSpec', spec, { ...spec, instanceId: 'r-2' }).replaces, ['instanceId']);
      assert.equal(diffResource('instanceSpec', spec, { ...spec, instanceClass: 'b' }).changes, true);
    });

    it('treats a value unknown during preview as a change', () => {
      assert.equal(diffResource('instanceRestart', { instanceId: 'r-1', triggers: [1] }, { instanceId: 'r-1', triggers: [unknownValue] }).changes, true);
      assert.equal(diffResource('instanceParameters', { instanceId: 'r-1', parameters: {} }, { instanceId: 'r-1', parameters: unknownValue }).changes, true);
    });

    it('compares wanted parameters with the live ones only for the managed names', () => {
      const olds = { instanceId: 'r-1', parameters: { timeout: '300' } };
      assert.equal(diffResource('instanceParameters', olds, { instanceId: 'r-1', parameters: { timeout: 300 } }).changes, false);
      assert.equal(diffResource('instanceParameters', olds, { instanceId: 'r-1', parameters: { timeout: 0 } }).changes, true);
      assert.equal(diffResource('instanceParameters', olds, { instanceId: 'r-1', parameters: { appendonly: 'yes' } }).changes, true);
    });

    it('asks for an update when the recorded task did not complete', () => {
      const olds = { instanceId: 'r-1', triggers: [1], taskId: '9' };
      assert.equal(diffResource('instanceRestart', { ...olds, status: TaskStatus.Interrupted }, { instanceId: 'r-1', triggers: [1] }).changes, true);
      assert.equal(diffResource('instanceRestart', { ...olds, status: TaskStatus.Complete }, { instanceId: 'r-1', triggers: [1] }).changes, false);
    });
  });

  describe('stack settings', () => {
    const reader = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

    it('reads the @pulumi/alicloud keys; keys only when both halves are set', () => {
      assert.deepEqual(readStackSettings(reader({ 'alicloud:region': 'cn-shanghai', 'alicloud:accessKey': 'id', 'alicloud:secretKey': 's', 'alicloud:securityToken': 't' })), {
        region: 'cn-shanghai',
        credentials: { accessKeyId: 'id', accessKeySecret: 's', securityToken: 't' },
      });
      assert.deepEqual(readStackSettings(reader({ 'alicloud:accessKey': 'id' })), {});
    });

    it('reads nothing from a host that was never configured', () => {
      const broken = { get: (): string => { throw new TypeError("Cannot read properties of undefined (reading 'alicloud:region')"); } };
      assert.deepEqual(readStackSettings(broken), {});
    });
  });
});
