/**
 * Snapshots and wire items of an instance's tasks, newest first, as the read actions and control show them.
 */
import type { TaskSnapshot } from './simulation';
import type { EmulatorState, InstanceRecord, TaskRecord } from './state';
import { describeTasksItem, type DescribeTasksItem } from './task-view';

/**
 * A task with its state now and its DescribeTasks item.
 *
 * @example
 * const [newest]: TaskView[] = taskViews(state, record, {visibleOnly: true});
 * newest.item.TaskId === newest.task.taskId; // true
 */
export interface TaskView {
  task: TaskRecord;
  snap: TaskSnapshot;
  item: DescribeTasksItem;
}

/**
 * Views of an instance's tasks, newest BeginTime first (ties: higher TaskId first).
 *
 * @example
 * taskViews(state, state.instance('r-bp1emu000000001'), {visibleOnly: true}).map((v) => v.item.TaskId);
 */
export function taskViews(state: EmulatorState, record: InstanceRecord, opts: { visibleOnly: boolean }): TaskView[] {
  return record.tasks
    .filter((task) => !opts.visibleOnly || state.isVisible(task))
    .map((task) => {
      const snap = state.snapshot(task);
      const finishStampMs = snap.endedAtMs === undefined ? undefined : state.finishStampMs(task, snap.endedAtMs);
      return { task, snap, item: describeTasksItem({ ...task, finishStampMs }, snap) };
    })
    .sort((a, b) => b.task.beginStampMs - a.task.beginStampMs || Number(b.task.taskId) - Number(a.task.taskId));
}
