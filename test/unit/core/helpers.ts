/**
 * Test helpers for the core: a task factory and a scripted TaskSource stub.
 */
import type { Clock } from '../../../src/core/clock';
import type { Task } from '../../../src/core/task';
import { TaskStatus } from '../../../src/core/task';
import type { CallOptions, DescribeTasksPage, DescribeTasksQuery, TaskSource } from '../../../src/core/task-source';

/**
 * A parsed task with sensible defaults; override what the test is about.
 *
 * @example
 * ```ts
 * const done = makeTask({ status: TaskStatus.Complete, progress: 100 });
 * ```
 */
export function makeTask(over: Partial<Task> = {}): Task {
  return {
    taskId: '1001',
    taskAction: 'ModifyDBInstanceClass',
    status: TaskStatus.Running,
    progress: 10,
    remainSeconds: null,
    beginTime: new Date('2024-05-01T10:00:05Z'),
    finishTime: null,
    currentStep: 'init_instance',
    stepProgress: { done: 1, total: 3 },
    steps: [
      { name: 'init_instance', progress: 30, remainSeconds: null },
      { name: 'init_redis', progress: 0, remainSeconds: null },
      { name: 'init_config', progress: 0, remainSeconds: null },
    ],
    malformed: [],
    raw: {},
    ...over,
  };
}

/**
 * What a scripted poll returns: the tasks in the window, or an error to throw.
 *
 * @example
 * ```ts
 * const script: PollScript = (call) => (call < 3 ? [makeTask()] : [makeTask({ status: TaskStatus.Complete })]);
 * ```
 */
export type PollScript = (call: number, query: DescribeTasksQuery) => Task[] | Error;

/**
 * A TaskSource whose listTasks answers from a script and records every query and when it came. With
 * `serverSkewMs`, it also reports a server clock that far from `now()` through `onServerTime`, truncated to the
 * second as an HTTP `Date` header is; without it, it reports none (as a source without headers).
 *
 * @example
 * ```ts
 * const source = new StubSource((call) => (call === 1 ? new Error('socket hang up') : [makeTask()]), undefined, () => clock.now());
 * await waitForTask({ instanceId: 'r-1', taskAction: 'ModifyDBInstanceClass', client: source, clock });
 * source.queries.length; // polls sent
 * ```
 */
export class StubSource implements TaskSource {
  readonly queries: DescribeTasksQuery[] = [];
  /** Clock readings (`now()`) at each listTasks call. */
  readonly pollTimes: number[] = [];
  readonly statusCalls: string[] = [];
  readonly statusTimes: number[] = [];
  constructor(
    private readonly script: PollScript,
    private readonly statusScript: (call: number) => string | Error = () => 'Normal',
    private readonly now: () => number = () => Date.now(),
    private readonly serverSkewMs: number | null = null,
  ) {}

  async describeTasks(query: DescribeTasksQuery): Promise<DescribeTasksPage> {
    const tasks = [];
    for await (const t of this.listTasks(query)) tasks.push(t);
    return { requestId: 'req', pageNumber: 1, pageSize: 100, totalRecordCount: tasks.length, tasks };
  }

  async *listTasks(query: DescribeTasksQuery, options?: CallOptions): AsyncIterable<Task> {
    options?.signal?.throwIfAborted();
    this.queries.push(query);
    this.pollTimes.push(this.now());
    if (this.serverSkewMs !== null) options?.onServerTime?.(new Date(Math.floor((this.now() + this.serverSkewMs) / 1000) * 1000));
    const result = this.script(this.queries.length, query);
    if (result instanceof Error) throw result;
    yield* result;
  }

  async describeInstanceStatus(instanceId: string, options?: CallOptions): Promise<string> {
    options?.signal?.throwIfAborted();
    this.statusCalls.push(instanceId);
    this.statusTimes.push(this.now());
    const result = this.statusScript(this.statusCalls.length);
    if (result instanceof Error) throw result;
    return result;
  }
}

/**
 * A clock on virtual time: sleeping advances time at once and records the duration. Abort-aware like the
 * real one. Lets a whole wait run in microseconds with exact times.
 *
 * @example
 * ```ts
 * const clock = new VirtualClock(Date.parse('2024-05-01T10:00:00Z'));
 * await clock.sleep(5_000);
 * clock.sleeps; // [5000]
 * ```
 */
export class VirtualClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(
    public time: number,
    private readonly draws: () => number = () => 0.5,
    /** Called before each sleep resolves, e.g. to abort mid-sleep. */
    private readonly onSleep: (ms: number, clock: VirtualClock) => void = () => {},
  ) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    this.onSleep(ms, this);
    signal?.throwIfAborted();
    this.time += ms;
  }
  random(): number {
    return this.draws();
  }
}
