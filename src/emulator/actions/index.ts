/**
 * The action registry: API action name → handler.
 */
import type { ActionHandler } from './context';
import { describeHistoryTasks } from './describeHistoryTasks';
import { describeInstanceAttribute } from './describeInstanceAttribute';
import { describeTaskDetail } from './describeTaskDetail';
import { describeTasks } from './describeTasks';
import { flushInstance } from './flushInstance';
import { modifyInstanceConfig } from './modifyInstanceConfig';
import { modifyInstanceMajorVersion } from './modifyInstanceMajorVersion';
import { modifyInstanceParameter } from './modifyInstanceParameter';
import { modifyInstanceSpec } from './modifyInstanceSpec';
import { restartInstance } from './restartInstance';
import { switchNetwork } from './switchNetwork';

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
