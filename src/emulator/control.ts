/**
 * The in-process control surface of a running emulator (also served over HTTP by `control-http`).
 */
import { instanceAttributeView } from './actions/describe-instance-attribute';
import type { EmulatorContext } from './context';
import { EmulatorControlError } from './control-error';
import type { FaultConfig } from './faults';
import { standardHistory, type InstanceConfig } from './options';
import type { ConflictCode } from './state';
import type { TaskScript, TaskSeed } from './task-spec';
import type { DescribeTasksItem } from './task-view';
import { taskViews } from './task-views';

/**
 * A task as control reports it: its DescribeTasks item plus where it lives and whether it is visible yet.
 *
 * @example
 * const info: TaskInfo = emu.control.addTask('r-bp1emu000000001', {taskAction: 'RestartDBInstance'});
 * info.Visible; // true (no appearAfterMs)
 */
export type TaskInfo = DescribeTasksItem & { InstanceId: string; Visible: boolean };

/**
 * Control operations. Every method is also `POST /__control/<method>` with a JSON array of arguments.
 *
 * @example
 * emu.control.scriptNext('r-bp1emu000000001', {outcome: 'closed', atStep: 1});
 * emu.control.advance(10 * 60_000); // ten nominal minutes later
 * emu.control.requestCounts(); // {ModifyInstanceSpec: 1, DescribeTasks: 4}
 */
export interface EmulatorControl {
  /** Create an instance (with standard history unless `historyTasks: false`); returns its attributes. */
  addInstance(config: InstanceConfig): Record<string, unknown>;
  /** DescribeInstanceAttribute's view of an instance (Config as a JSON string, InstanceStatus now). */
  getInstance(instanceId: string): Record<string, unknown>;
  /** Every instance id. */
  listInstances(): string[];
  /** Add one task directly (no attribute change when it completes). */
  addTask(instanceId: string, seed?: TaskSeed): TaskInfo;
  /** Add many tasks at once (paging fixtures). */
  addTasks(instanceId: string, seeds: TaskSeed[]): TaskInfo[];
  /** An instance's tasks, newest first, including those not visible yet. */
  listTasks(instanceId: string): TaskInfo[];
  /** Queue the course of the instance's next mutation (FIFO; one script per mutation). */
  scriptNext(instanceId: string, script: TaskScript): void;
  /** Set the faults of an action or of `'*'` (every action without its own); `null` removes them. */
  setFaults(action: string, faults: FaultConfig | null): void;
  /** Remove every fault setting. */
  clearFaults(): void;
  /** Authenticated API requests per action since start or the last reset. */
  requestCounts(): Record<string, number>;
  /** Zero the request counts. */
  resetCounts(): void;
  /** Set the server clock skew in ms (stamps and request-timestamp checks use the skewed clock). */
  setClockSkew(ms: number): void;
  /**
   * Move every task (and pending appearance and pause) forward by `ms` of emulated time (the unit of step
   * durations and scripts, divided by timeScale), without moving the server clock.
   */
  advance(ms: number): void;
  /** The server clock now, epoch ms (skew included). */
  serverTime(): number;
  /** Choose the error a conflicting mutation gets. */
  setConflictCode(code: ConflictCode): void;
}

/**
 * Names of the control methods (the HTTP routes).
 *
 * @example
 * CONTROL_METHODS.includes('scriptNext'); // true: POST /__control/scriptNext
 */
export const CONTROL_METHODS: readonly (keyof EmulatorControl)[] = [
  'addInstance',
  'getInstance',
  'listInstances',
  'addTask',
  'addTasks',
  'listTasks',
  'scriptNext',
  'setFaults',
  'clearFaults',
  'requestCounts',
  'resetCounts',
  'setClockSkew',
  'advance',
  'serverTime',
  'setConflictCode',
];

function finiteMs(field: string, ms: unknown, min = -Infinity): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < min) throw new EmulatorControlError(field, `must be a number of ms >= ${min}`);
  return ms;
}

/**
 * Build the control surface of an emulator context.
 *
 * @example
 * const control = createControl(ctx);
 * control.scriptNext('r-bp1emu000000001', {outcome: 'interrupted', atStep: 1});
 */
export function createControl(ctx: EmulatorContext): EmulatorControl {
  const { state, clock } = ctx;
  const info = (instanceId: string) => (v: ReturnType<typeof taskViews>[number]): TaskInfo => ({
    ...v.item,
    InstanceId: instanceId,
    Visible: state.isVisible(v.task),
  });
  const addTasks = (instanceId: string, seeds: TaskSeed[]): TaskInfo[] => {
    const ids = new Set(state.addTasks(instanceId, seeds).map((t) => t.taskId));
    return taskViews(state, state.controlInstance(instanceId), { visibleOnly: false })
      .filter((v) => ids.has(v.task.taskId))
      .map(info(instanceId));
  };
  return {
    addInstance(config) {
      const record = state.addInstance(config);
      const history = config.historyTasks ?? true;
      if (history !== false) addTasks(config.instanceId, history === true ? standardHistory(clock.stamp()) : history);
      return instanceAttributeView(state, record);
    },
    getInstance: (instanceId) => instanceAttributeView(state, state.controlInstance(instanceId)),
    listInstances: () => state.instanceIds(),
    addTask: (instanceId, seed = {}) => addTasks(instanceId, [seed])[0],
    addTasks,
    listTasks: (instanceId) => taskViews(state, state.controlInstance(instanceId), { visibleOnly: false }).map(info(instanceId)),
    scriptNext: (instanceId, script) => state.scriptNext(instanceId, script),
    setFaults: (action, faults) => ctx.faults.set(action, faults),
    clearFaults: () => ctx.faults.clear(),
    requestCounts: () => Object.fromEntries(ctx.counts),
    resetCounts: () => ctx.counts.clear(),
    setClockSkew: (ms) => clock.setSkew(finiteMs('ms', ms)),
    advance: (ms) => clock.advance(finiteMs('ms', ms, 0) / ctx.timeScale),
    serverTime: () => clock.stamp(),
    setConflictCode(code) {
      if (code !== 'Task.Conflict' && code !== 'IncorrectDBInstanceState') {
        throw new EmulatorControlError('code', 'must be Task.Conflict or IncorrectDBInstanceState');
      }
      state.conflictCode = code;
    },
  };
}
