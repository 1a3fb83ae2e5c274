/**
 * DescribeHistoryTasks (the task center): tasks of every instance, or one, started in
 * [FromStartTime, ToStartTime], with task-center status strings.
 */
import { apiErrors } from '../errors';
import { optionalInt, page, requireParam, requireTime } from '../params';
import { HISTORY_STATUS } from '../task-view';
import { taskViews } from '../task-views';
import type { ActionHandler } from './context';

/**
 * The DescribeHistoryTasks handler. PageSize 1..100, default 10; optional InstanceId, TaskId, TaskType
 * (TaskAction label) and Status (task-center status string) filters.
 *
 * @example
 * describeHistoryTasks({params: {RegionId: 'cn-hangzhou', FromStartTime: '2024-01-01T00:00:00Z', ToStartTime: '2024-01-02T00:00:00Z'}, state});
 */
export const describeHistoryTasks: ActionHandler = ({ params, state }) => {
  const regionId = requireParam(params, 'RegionId');
  const from = requireTime(params, 'FromStartTime', true);
  const to = requireTime(params, 'ToStartTime', true);
  const pageSize = optionalInt(params, 'PageSize', 10);
  const pageNumber = optionalInt(params, 'PageNumber', 1);
  if (pageSize > 100) throw apiErrors.invalid('PageSize', 'must be at most 100');
  if (to <= from) throw apiErrors.invalid('ToStartTime', 'must be later than FromStartTime');
  const ids = params.InstanceId ? [state.instance(params.InstanceId).attrs.InstanceId] : state.instanceIds();
  const items = ids
    .map((id) => state.instance(id))
    .filter((record) => record.attrs.RegionId === regionId)
    .flatMap((record) =>
      taskViews(state, record, { visibleOnly: true }).map((v) => ({
        begin: v.task.beginStampMs,
        item: {
          TaskId: v.task.taskId,
          TaskType: v.task.taskAction,
          Status: HISTORY_STATUS[v.snap.status],
          Progress: v.item.Progress,
          RemainTime: v.item.Remain ?? 0,
          CurrentStepName: v.item.CurrentStepName ?? '',
          StartTime: v.item.BeginTime,
          EndTime: v.item.FinishTime ?? '',
          InstanceId: record.attrs.InstanceId,
          InstanceName: record.attrs.InstanceName,
          InstanceType: record.attrs.InstanceType,
          RegionId: record.attrs.RegionId,
          Product: 'kvstore',
          DbType: 'redis',
          TaskDetail: v.item.StepsInfo,
        },
      })),
    )
    .filter(({ begin, item }) => {
      const b = Math.floor(begin / 1000) * 1000;
      if (b < from || b > to) return false;
      if (params.TaskId && item.TaskId !== params.TaskId) return false;
      if (params.TaskType && item.TaskType !== params.TaskType) return false;
      return !params.Status || params.Status.split(',').includes(item.Status);
    })
    .sort((a, b) => b.begin - a.begin)
    .map(({ item }) => item);
  return { PageNumber: pageNumber, PageSize: pageSize, TotalCount: items.length, Items: page(items, pageNumber, pageSize) };
};
