/**
 * DescribeTaskDetail: BeginTime and Status of one visible task.
 */
import { apiErrors } from '../errors';
import { requireParam } from '../params';
import { taskViews } from '../task-views';
import type { ActionHandler } from './context';

/**
 * The DescribeTaskDetail handler.
 *
 * @example
 * describeTaskDetail({params: {InstanceId: 'r-1', TaskId: '32302001'}, state}); // {BeginTime, Status}
 */
export const describeTaskDetail: ActionHandler = ({ params, state }) => {
  const instanceId = requireParam(params, 'InstanceId');
  const taskId = requireParam(params, 'TaskId');
  const view = taskViews(state, state.instance(instanceId), { visibleOnly: true }).find((v) => v.task.taskId === taskId);
  if (!view) throw apiErrors.taskNotFound();
  return { BeginTime: view.item.BeginTime, Status: view.item.Status };
};
