/**
 * The emulator's mutable world: instances, their tasks, scripted outcomes, and the lazy application of a
 * completed task's change to its instance.
 */
import type { ServerClock } from './clock';
import { EmulatorControlError } from './control-error';
import { apiErrors } from './errors';
import { instanceFromSeed, type InstanceAttributes, type InstanceSeed } from './instance';
import type { Rng } from './prng';
import { isActiveStatus, simulateTask, type TaskPlan, type TaskSnapshot } from './simulation';
import { planFromScript, validateTaskScript, type TaskScript, type TaskSeed } from './task-spec';
import { TASK_TEMPLATES, templateForLabel, type MutationAction } from './task-actions';
import { formatSecondTime, parseSecondTime } from './time-format';

/**
 * A change a completed task makes to its instance.
 *
 * @example
 * const effect: InstanceEffect = (attrs) => applyInstanceClass(attrs, 'redis.master.mid.default');
 * state.startMutation(record, 'ModifyInstanceSpec', effect);
 */
export type InstanceEffect = (attrs: InstanceAttributes) => void;

/**
 * One task of one instance.
 *
 * @example
 * const task: TaskRecord = state.startMutation(record, 'RestartInstance');
 * task.taskAction; // 'RestartDBInstance'
 */
export interface TaskRecord {
  taskId: string;
  instanceId: string;
  taskAction: string;
  /** InstanceStatus while active. */
  instanceStatus: string;
  plan: TaskPlan;
  /** Task-timeline position at creation. */
  startTimeline: number;
  /** BeginTime on the (possibly skewed) server clock, epoch ms. */
  beginStampMs: number;
  /** Task-timeline position from which it is visible. */
  visibleAtTimeline: number;
  effect?: InstanceEffect;
  effectApplied: boolean;
}

/**
 * One instance with its tasks and queued scripts.
 *
 * @example
 * const record: InstanceRecord = state.instance('r-bp1emu000000001');
 * record.tasks.length; // tasks so far, newest last
 */
export interface InstanceRecord {
  attrs: InstanceAttributes;
  tasks: TaskRecord[];
  scripts: TaskScript[];
}

/**
 * What a conflicting mutation is refused with.
 *
 * @example
 * emu.control.setConflictCode('IncorrectDBInstanceState'); // 403 instead of 400 Task.Conflict
 */
export type ConflictCode = 'Task.Conflict' | 'IncorrectDBInstanceState';

/**
 * The instance status reported while no task is active.
 *
 * @example
 * state.instanceStatus(record) === IDLE_STATUS; // no active task
 */
const IDLE_STATUS = 'Normal';

/**
 * All instances and tasks of one emulator.
 *
 * @example
 * const state = new EmulatorState(new ServerClock(Date.now), createRng(1), 60, 'Task.Conflict');
 * state.addInstance({instanceId: 'r-bp1emu000000001'});
 */
export class EmulatorState {
  private readonly instances = new Map<string, InstanceRecord>();
  private nextTaskId: number;

  constructor(
    private readonly clock: ServerClock,
    private readonly rng: Rng,
    private readonly timeScale: number,
    public conflictCode: ConflictCode,
  ) {
    this.nextTaskId = 32_300_000 + rng.int(0, 99_999) * 10;
  }

  /** Add an instance; refuses a duplicate or malformed id. */
  addInstance(seed: InstanceSeed): InstanceRecord {
    if (typeof seed?.instanceId !== 'string' || !/^[A-Za-z0-9-]{3,64}$/.test(seed.instanceId)) {
      throw new EmulatorControlError('instanceId', 'must be 3-64 letters, digits or dashes');
    }
    if (this.instances.has(seed.instanceId)) throw new EmulatorControlError('instanceId', `${seed.instanceId} already exists`);
    const record: InstanceRecord = {
      attrs: instanceFromSeed(seed, formatSecondTime(this.clock.stamp())),
      tasks: [],
      scripts: [],
    };
    this.instances.set(seed.instanceId, record);
    return record;
  }

  /** Every instance id. */
  instanceIds(): string[] {
    return [...this.instances.keys()];
  }

  /** The settled instance, or `undefined`. */
  find(instanceId: string): InstanceRecord | undefined {
    const record = this.instances.get(instanceId);
    if (record) this.settle(record);
    return record;
  }

  /** The settled instance; throws the API's `InvalidInstanceId.NotFound`. */
  instance(instanceId: string): InstanceRecord {
    const record = this.find(instanceId);
    if (!record) throw apiErrors.instanceNotFound();
    return record;
  }

  /** The settled instance; throws `EmulatorControlError` (for control callers). */
  controlInstance(instanceId: string): InstanceRecord {
    const record = this.find(instanceId);
    if (!record) throw new EmulatorControlError('instanceId', `${instanceId} does not exist`);
    return record;
  }

  /** A task's state now. */
  snapshot(task: TaskRecord): TaskSnapshot {
    return simulateTask(task.plan, this.clock.timeline() - task.startTimeline);
  }

  /** Whether DescribeTasks and friends can see the task yet. */
  isVisible(task: TaskRecord): boolean {
    return this.clock.timeline() >= task.visibleAtTimeline;
  }

  /** FinishTime on the server clock for a task that has ended. */
  finishStampMs(task: TaskRecord, endedAtMs: number): number {
    const start = this.clock.realAtTimeline(task.startTimeline);
    const end = this.clock.realAtTimeline(task.startTimeline + endedAtMs);
    return task.beginStampMs + (end - start);
  }

  /** The instance's active (pending, running or paused) task, if any. */
  activeTask(record: InstanceRecord): TaskRecord | undefined {
    return record.tasks.find((t) => isActiveStatus(this.snapshot(t).status));
  }

  /** DescribeInstanceAttribute InstanceStatus now. */
  instanceStatus(record: InstanceRecord): string {
    return this.activeTask(record)?.instanceStatus ?? IDLE_STATUS;
  }

  /** Queue a script for the instance's next mutation. */
  scriptNext(instanceId: string, script: TaskScript): void {
    validateTaskScript(script);
    this.controlInstance(instanceId).scripts.push({ ...script });
  }

  /**
   * Start the task of a mutating action: refuses with the conflict error while another task is active,
   * consumes the next queued script.
   */
  startMutation(record: InstanceRecord, action: MutationAction, effect?: InstanceEffect): TaskRecord {
    if (this.activeTask(record)) {
      throw this.conflictCode === 'Task.Conflict' ? apiErrors.taskConflict() : apiErrors.incorrectState();
    }
    const template = TASK_TEMPLATES[action];
    const script = record.scripts.shift() ?? {};
    return this.createTask(record, script, {
      taskAction: script.taskAction ?? template.taskAction,
      instanceStatus: template.instanceStatus,
      defaultSteps: template.steps,
      beginStampMs: this.clock.stamp(),
      effect,
    });
  }

  /** Add tasks directly (history, paging fixtures). */
  addTasks(instanceId: string, seeds: TaskSeed[]): TaskRecord[] {
    const record = this.controlInstance(instanceId);
    if (!Array.isArray(seeds)) throw new EmulatorControlError('tasks', 'must be an array of task seeds');
    seeds.forEach(validateTaskScript);
    const begins = seeds.map((seed, i) => this.beginOf(seed, i));
    return seeds.map((seed, i) => {
      const template = templateForLabel(seed.taskAction);
      return this.createTask(record, seed, {
        taskAction: seed.taskAction ?? template.taskAction,
        instanceStatus: seed.instanceStatus ?? template.instanceStatus,
        defaultSteps: template.steps,
        beginStampMs: begins[i],
      });
    });
  }

  /** Every task of an instance, oldest first, visible or not. */
  tasksOf(instanceId: string): TaskRecord[] {
    return this.controlInstance(instanceId).tasks;
  }

  private beginOf(seed: TaskSeed, index: number): number {
    if (seed.beginTime === undefined) return this.clock.stamp();
    const ms = typeof seed.beginTime === 'number' ? seed.beginTime : parseSecondTime(seed.beginTime);
    if (ms === undefined || !Number.isFinite(ms)) {
      throw new EmulatorControlError(`tasks[${index}].beginTime`, 'must be epoch ms or yyyy-MM-ddTHH:mm:ssZ');
    }
    return ms;
  }

  private createTask(
    record: InstanceRecord,
    script: TaskScript,
    how: { taskAction: string; instanceStatus: string; defaultSteps: TaskPlan['steps']; beginStampMs: number; effect?: InstanceEffect },
  ): TaskRecord {
    // A task that began before now on the server clock is placed that far back on the task timeline.
    const startTimeline = this.clock.timeline() - (this.clock.stamp() - how.beginStampMs);
    const task: TaskRecord = {
      taskId: String(this.nextTaskId++),
      instanceId: record.attrs.InstanceId,
      taskAction: how.taskAction,
      instanceStatus: how.instanceStatus,
      plan: planFromScript(script, how.defaultSteps, this.timeScale),
      startTimeline,
      beginStampMs: how.beginStampMs,
      visibleAtTimeline: startTimeline + (script.appearAfterMs ?? 0) / this.timeScale,
      effect: how.effect,
      effectApplied: false,
    };
    record.tasks.push(task);
    this.settle(record);
    return task;
  }

  /** Apply the change of every task that has completed since the last look. */
  private settle(record: InstanceRecord): void {
    for (const task of record.tasks) {
      if (task.effect && !task.effectApplied && this.snapshot(task).status === 2) {
        task.effect(record.attrs);
        task.effectApplied = true;
      }
    }
  }

  /** A fresh OrderId (ModifyInstanceSpec and other billing-backed changes). */
  newOrderId(): string {
    return String(20_000_000_000_000 + this.rng.int(0, 999_999_999));
  }
}
