/**
 * The base class of every resource in this package: a dynamic resource whose outputs describe the task it
 * waited for.
 *
 * @packageDocumentation
 */
import * as pulumi from '@pulumi/pulumi';
import type { TaskStep } from '../core/task';
import { TASK_OUTPUT_NAMES, TYPE_MODULE, resourceProps, runtimeLocation } from './resource-props';
import { type ResourceKind, createSerializableProvider } from './serializable-provider';

/**
 * A resource that waits for a task; its task outputs are `null` when no task was needed.
 *
 * @example
 * ```ts
 * const resources: TaskResource[] = [waiter, spec];
 * export const tasks = resources.map((r) => r.taskId);
 * ```
 */
export abstract class TaskResource extends pulumi.dynamic.Resource {
  /** The TaskId waited for, or `null` when no change was needed. */
  declare readonly taskId: pulumi.Output<string | null>;
  /** Its TaskAction label. */
  declare readonly taskAction: pulumi.Output<string | null>;
  /** Its status code as last seen: 2 (complete) after a successful deployment. */
  declare readonly status: pulumi.Output<number | null>;
  /** Its progress in percent. */
  declare readonly progress: pulumi.Output<number | null>;
  /** ISO begin time. */
  declare readonly beginTime: pulumi.Output<string | null>;
  /** ISO finish time. */
  declare readonly finishTime: pulumi.Output<string | null>;
  /** Its last step name. */
  declare readonly currentStep: pulumi.Output<string | null>;
  /** Its steps as last seen. */
  declare readonly steps: pulumi.Output<TaskStep[]>;

  protected constructor(kind: ResourceKind, typeName: string, name: string, args: object, opts: pulumi.CustomResourceOptions | undefined) {
    super(
      createSerializableProvider(kind, runtimeLocation()),
      name,
      resourceProps(name, typeName, args, TASK_OUTPUT_NAMES, opts),
      opts,
      TYPE_MODULE,
      typeName,
    );
  }
}
