/**
 * The action registry: API action name → handler.
 */
import type { ActionHandler } from './context';
import { describeHistoryTasks } from './describe-history-tasks';
import { describeInstanceAttribute } from './describe-instance-attribute';
import { describeTaskDetail } from './describe-task-detail';
import { describeTasks } from './describe-tasks';
import { flushInstance } from './flush-instance';
import { modifyInstanceConfig } from './modify-instance-config';
import { modifyInstanceMajorVersion } from './modify-instance-major-version';
import { modifyInstanceParameter } from './modify-instance-parameter';
import { modifyInstanceSpec } from './modify-instance-spec';
import { restartInstance } from './restart-instance';
import { switchNetwork } from './switch-network';

/**
 * Every action the emulator serves.
 *
 * @example
 * Object.keys(ACTIONS); // ['DescribeTasks', 'DescribeInstanceAttribute', ...]
 */
export const ACTIONS: Readonly<Record<string, ActionHandler>> = {
  DescribeTasks: describeTasks,
  DescribeInstanceAttribute: describeInstanceAttribute,
  DescribeHistoryTasks: describeHistoryTasks,
  DescribeTaskDetail: describeTaskDetail,
  ModifyInstanceSpec: modifyInstanceSpec,
  ModifyInstanceConfig: modifyInstanceConfig,
  ModifyInstanceParameter: modifyInstanceParameter,
  RestartInstance: restartInstance,
  ModifyInstanceMajorVersion: modifyInstanceMajorVersion,
  SwitchNetwork: switchNetwork,
  FlushInstance: flushInstance,
};

/**
 * The API version the emulator serves.
 *
 * @example
 * new $OpenApiUtil.Params({action: 'DescribeTasks', version: API_VERSION, ...});
 */
export const API_VERSION = '2015-01-01';
