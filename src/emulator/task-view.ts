/**
 * Pure rendering of a task's state into the wire shapes of DescribeTasks and DescribeHistoryTasks.
 */
import type { TaskSnapshot, TaskStatusCode } from './simulation';
import { formatSecondTime } from './time-format';

/**
 * A DescribeTasks `Items[]` entry, as sent on the wire.
 *
 * @example
 * const item: DescribeTasksItem = emu.control.listTasks('r-bp1emu000000001')[0];
 * item.Status; // e.g. '2' (complete)
 */
export interface DescribeTasksItem {
  TaskId: string;
  TaskAction: string;
  /** "0".."8". */
  Status: string;
  /** Percent, one decimal. */
  Progress: number;
  /** Seconds; present (and > 0 or 0) only while running, 0 once complete, absent otherwise. */
  Remain?: number;
  BeginTime: string;
  /** Absent until the task ended (2, 4, 8). */
  FinishTime?: string;
  /** Absent while pending. */
  CurrentStepName?: string;
  /** "i/n"; "0/n" while pending. */
  StepProgressInfo: string;
  /** JSON string of `[{remain, name, progress}]`. */
  StepsInfo: string;
}

/**
 * What rendering needs to know about a task besides its snapshot.
 *
 * @example
 * const identity: TaskIdentity = {taskId: '32302001', taskAction: 'RestartDBInstance', beginStampMs: Date.now()};
 * describeTasksItem(identity, simulateTask(plan, 0));
 */
export interface TaskIdentity {
  taskId: string;
  taskAction: string;
  beginStampMs: number;
  /** Server-clock FinishTime, when ended. */
  finishStampMs?: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const seconds = (ms: number): number => Math.ceil(ms / 1000 - 1e-9);

/**
 * Render one DescribeTasks item.
 *
 * @example
 * describeTasksItem({taskId: '1', taskAction: 'RestartDBInstance', beginStampMs: Date.now()}, simulateTask(plan, 5000));
 */
export function describeTasksItem(id: TaskIdentity, snap: TaskSnapshot): DescribeTasksItem {
  const item: DescribeTasksItem = {
    TaskId: id.taskId,
    TaskAction: id.taskAction,
    Status: String(snap.status),
    Progress: round1(snap.progress),
    BeginTime: formatSecondTime(id.beginStampMs),
    StepProgressInfo: `${snap.stepIndex + 1}/${snap.steps.length}`,
    StepsInfo: JSON.stringify(
      snap.steps.map((s) => ({ remain: seconds(s.remainMs), name: s.name, progress: round1(s.progress) })),
    ),
  };
  if (snap.status === 1) item.Remain = seconds(snap.remainMs);
  if (snap.status === 2) item.Remain = 0;
  if (id.finishStampMs !== undefined) item.FinishTime = formatSecondTime(id.finishStampMs);
  if (snap.stepIndex >= 0) item.CurrentStepName = snap.steps[snap.stepIndex]?.name;
  return item;
}

/**
 * Task-center status strings of DescribeHistoryTasks for each DescribeTasks status code.
 *
 * @example
 * HISTORY_STATUS[2]; // 'Succeed'
 */
export const HISTORY_STATUS: Readonly<Record<TaskStatusCode, string>> = {
  0: 'Scheduled',
  1: 'Running',
  2: 'Succeed',
  4: 'Canceled',
  7: 'Waiting',
  8: 'Failed',
};
