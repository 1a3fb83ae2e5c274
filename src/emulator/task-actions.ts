/**
 * What each mutating action starts: the internal TaskAction label DescribeTasks shows, the InstanceStatus
 * while it runs, and its steps with nominal durations.
 *
 * The real TaskAction labels are not documented (the only documented example is `ModifyDBInstanceParameter`,
 * which is not an API name). These labels are plausible inventions that deliberately differ from the API
 * names, so that callers must map action → label and let users override the map.
 */
import type { StepPlan } from './simulation';

/**
 * The mutating API actions the emulator implements.
 *
 * @example
 * const action: MutationAction = 'RestartInstance';
 * TASK_TEMPLATES[action].taskAction; // 'RestartDBInstance'
 */
export type MutationAction =
  | 'ModifyInstanceSpec'
  | 'ModifyInstanceConfig'
  | 'ModifyInstanceParameter'
  | 'RestartInstance'
  | 'ModifyInstanceMajorVersion'
  | 'SwitchNetwork'
  | 'FlushInstance';

/**
 * What a mutating action's task looks like.
 *
 * @example
 * const template: TaskTemplate = TASK_TEMPLATES.ModifyInstanceSpec;
 * template.instanceStatus; // 'Changing'
 */
export interface TaskTemplate {
  /** The TaskAction label DescribeTasks reports. */
  taskAction: string;
  /** DescribeInstanceAttribute InstanceStatus while the task is pending, running or paused. */
  instanceStatus: string;
  /** Steps with nominal durations (divided by the emulator's timeScale). */
  steps: StepPlan[];
}

const s = (name: string, seconds: number): StepPlan => ({ name, durationMs: seconds * 1000 });

/**
 * The task each mutating action starts. ModifyInstanceSpec takes 10 minutes nominal (10 s at timeScale 60).
 *
 * @example
 * TASK_TEMPLATES.ModifyInstanceSpec.taskAction; // 'ModifyDBInstanceClass'
 */
export const TASK_TEMPLATES: Readonly<Record<MutationAction, TaskTemplate>> = {
  ModifyInstanceSpec: {
    taskAction: 'ModifyDBInstanceClass',
    instanceStatus: 'Changing',
    steps: [s('init_instance', 60), s('create_instance', 240), s('exec_task', 240), s('init_config', 60)],
  },
  ModifyInstanceConfig: {
    taskAction: 'ModifyDBInstanceConfig',
    instanceStatus: 'Changing',
    steps: [s('exec_task', 30), s('init_config', 30)],
  },
  ModifyInstanceParameter: {
    taskAction: 'ModifyDBInstanceParameter',
    instanceStatus: 'Changing',
    steps: [s('init_config', 20), s('exec_task', 40)],
  },
  RestartInstance: {
    taskAction: 'RestartDBInstance',
    instanceStatus: 'Changing',
    steps: [s('exec_task', 45), s('init_redis', 45)],
  },
  ModifyInstanceMajorVersion: {
    taskAction: 'UpgradeDBInstanceMajorVersion',
    instanceStatus: 'MajorVersionUpgrading',
    steps: [s('init_instance', 120), s('create_instance', 300), s('exec_task', 300), s('init_redis', 180)],
  },
  SwitchNetwork: {
    taskAction: 'SwitchDBInstanceNetType',
    instanceStatus: 'NetworkModifying',
    steps: [s('init_instance', 30), s('exec_task', 90)],
  },
  FlushInstance: {
    taskAction: 'FlushDBInstance',
    instanceStatus: 'Flushing',
    steps: [s('exec_task', 20)],
  },
};

/**
 * The API action → TaskAction label map, for waiters that need to know which label to look for.
 *
 * @example
 * TASK_ACTION_LABELS.RestartInstance; // 'RestartDBInstance'
 */
export const TASK_ACTION_LABELS: Readonly<Record<MutationAction, string>> = Object.fromEntries(
  Object.entries(TASK_TEMPLATES).map(([action, t]) => [action, t.taskAction]),
) as Record<MutationAction, string>;

/**
 * The template whose TaskAction label is `label`, or ModifyInstanceSpec's when none has it.
 *
 * @example
 * templateForLabel('RestartDBInstance').steps.length; // 2
 */
export function templateForLabel(label: string | undefined): TaskTemplate {
  return Object.values(TASK_TEMPLATES).find((t) => t.taskAction === label) ?? TASK_TEMPLATES.ModifyInstanceSpec;
}
