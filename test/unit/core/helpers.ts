/**
 * Test helpers for the core: a task factory and a scripted TaskSource stub.
 */
import type { Task } from '../../../src/core/task';
import { TaskStatus } from '../../../src/core/task';
import type { CallOptions, DescribeTasksPage, DescribeTasksQuery, TaskSource } from '../../../src/core/task-source';

/** A parsed task with sensible defaults; override what the test is about. */
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

/** What a scripted poll returns: the tasks in the window, or an error to throw. */
export type PollScript = (call: number, query: DescribeTasksQuery) => Task[] | Error;

/** A TaskSource whose listTasks answers from a script and records every query. */
export class StubSource implements TaskSource {
  readonly queries: DescribeTasksQuery[] = [];
  readonly statusCalls: string[] = [];
  constructor(
    private readonly script: PollScript,
    private readonly statusScript: (call: number) => string | Error = () => 'Normal',
  ) {}

  async describeTasks(query: DescribeTasksQuery): Promise<DescribeTasksPage> {
    const tasks = [];
    for await (const t of this.listTasks(query)) tasks.push(t);
    return { requestId: 'req', pageNumber: 1, pageSize: 100, totalRecordCount: tasks.length, tasks };
  }

  async *listTasks(query: DescribeTasksQuery, options?: CallOptions): AsyncIterable<Task> {
    options?.signal?.throwIfAborted();
    this.queries.push(query);
    const result = this.script(this.queries.length, query);
    if (result instanceof Error) throw result;
    yield* result;
  }

  async describeInstanceStatus(instanceId: string, options?: CallOptions): Promise<string> {
    options?.signal?.throwIfAborted();
    this.statusCalls.push(instanceId);
    const result = this.statusScript(this.statusCalls.length);
    if (result instanceof Error) throw result;
    return result;
  }
}
