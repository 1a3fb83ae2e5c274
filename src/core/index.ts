/**
 * The core of alicloud-redis-waiter: the task model, `waitForTask`, `mutateAndWait`, `waitForInstanceStatus`,
 * and the pure pieces they are built from (matching, scheduling, progress, resume tokens, validation).
 *
 * @example
 * ```ts
 * import { waitForTask, DEFAULT_TASK_ACTIONS } from 'alicloud-redis-waiter';
 * const task = await waitForTask({ instanceId: 'r-bp1...', taskAction: DEFAULT_TASK_ACTIONS.RestartInstance, since: sentAt });
 * ```
 *
 * @packageDocumentation
 */
export {
  ALL_TASK_STATUSES,
  isTerminalStatus,
  taskStatusByName,
  taskStatusName,
  TaskStatus,
  type RawTaskItem,
  type StepProgress,
  type Task,
  type TaskStep,
} from './task';
export { parseTask } from './parse-task';
export { taskSummary, type TaskSummary } from './task-json';
export { formatApiMinute, formatStatusList, parseApiTime } from './time-format';
export type { ProgressSnapshot } from './snapshot';
export type { CallOptions, DescribeTasksPage, DescribeTasksQuery, TaskSource } from './task-source';
export {
  InstanceStatusTimeoutError,
  InstanceWaitAbortedError,
  InvalidOptionError,
  RedisWaiterError,
  TaskAbortedError,
  TaskFailedError,
  TaskNotFoundError,
  TaskPausedTimeoutError,
  TaskTimeoutError,
} from './errors';
export {
  createResumeToken,
  encodeResumeToken,
  restoreResumedWait,
  validateResumeToken,
  type ResumedWait,
  type ResumeToken,
} from './resume';
export { abortableSleep, systemClock, type Clock } from './clock';
export {
  DEFAULT_CLOCK_SKEW_TOLERANCE_MS,
  DEFAULT_MAX_DELAY_MS,
  DEFAULT_MIN_DELAY_MS,
  DEFAULT_NOT_FOUND_GRACE_MS,
  DEFAULT_TIMEOUT_MS,
  MAX_HEARTBEAT_INTERVAL_MS,
  type PreviousTask,
  type WaitForTaskOptions,
  type WaitPlan,
} from './wait-options';
export type { ConnectionFields } from './connect';
export {
  validateCallback,
  validateDate,
  validateDuration,
  validateIdentifier,
  validateOptionKeys,
  validatePollingBounds,
  validateRuntimeOptions,
  validateTaskActions,
  validateWaitOptions,
  WAIT_OPTION_NAMES,
} from './validation';
export { beginTimeFloor, finishedBefore, selectBlockingTask, selectTask, serverSince, type MatchCriteria } from './matching';
export { clockOffsetFrom, NO_CLOCK_OFFSET, type ClockOffset, type ServerTimeSample } from './server-clock';
export { queryWindow, type QueryWindow } from './window';
export { ETA_MARGIN_MS, expectedChangeMs, nextPollDelay, nextWakeAt, type ScheduleInput } from './schedule';
export {
  currentStepOf,
  extrapolateSnapshot,
  MAX_EXTRAPOLATED_PROGRESS,
  snapshotChanged,
  snapshotOf,
  stepPosition,
  taskRemainSeconds,
} from './progress';
export { ON_PROGRESS_WARNING_CODE, ProgressReporter } from './progress-reporter';
export { isTransientPollError, runWait, waitForTask } from './wait-for-task';
export { DEFAULT_TASK_ACTIONS, taskActionsFor, type MutatingApi } from './actions';
export { CONFLICT_CODES, errorCodes, isTaskConflictError } from './conflict';
export { taskIdFromResponse } from './mutation-response';
export {
  BLOCKING_TASK_LOOKBACK_MS,
  DEFAULT_MUTATION_INITIAL_DELAY_MS,
  mutateAndWait,
  type MutateAndWaitOptions,
  type MutateAndWaitResult,
} from './mutate-and-wait';
export { waitForInstanceStatus, type WaitForInstanceStatusOptions } from './instance-status';
export { formatDuration, parseDuration } from './duration';
export { describeSnapshot, taskLabel } from './progress-text';
