/**
 * DescribeTasks: an instance's tasks whose BeginTime lies in [StartTime, EndTime] and whose status is in the
 * Status list, newest first, paged.
 */
import { apiErrors } from '../errors';
import { optionalInt, page, requireParam, requireTime } from '../params';
import { TASK_STATUS_CODES } from '../simulation';
import { taskViews } from '../task-views';
import type { ActionHandler } from './context';

/**
 * Allowed PageSize values.
 *
 * @example
 * DESCRIBE_TASKS_PAGE_SIZES.includes(50); // true
 */
const DESCRIBE_TASKS_PAGE_SIZES = [30, 50, 100] as const;

function parseStatusList(raw: string): Set<string> {
  const codes = raw.split(',').map((s) => s.trim());
  for (const code of codes) {
    if (!TASK_STATUS_CODES.map(String).includes(code)) {
      throw apiErrors.invalid('Status', `"${code}" is not one of ${TASK_STATUS_CODES.join(', ')}`);
    }
  }
  return new Set(codes);
}

/**
 * The DescribeTasks handler.
 *
 * @example
 * describeTasks({params: {InstanceId: 'r-1', StartTime: '2024-01-01T00:00Z', EndTime: '2024-01-02T00:00Z', Status: '1,2'}, state});
 */
export const describeTasks: ActionHandler = ({ params, state }) => {
  const instanceId = requireParam(params, 'InstanceId');
  const start = requireTime(params, 'StartTime');
  const end = requireTime(params, 'EndTime');
  const statuses = parseStatusList(requireParam(params, 'Status'));
  const pageSize = optionalInt(params, 'PageSize', 30, DESCRIBE_TASKS_PAGE_SIZES);
  const pageNumber = optionalInt(params, 'PageNumber', 1);
  if (end <= start) throw apiErrors.invalid('EndTime', 'must be later than StartTime');
  const record = state.instance(instanceId);
  const matching = taskViews(state, record, { visibleOnly: true }).filter((v) => {
    const begin = Math.floor(v.task.beginStampMs / 1000) * 1000; // as shown in BeginTime
    return statuses.has(v.item.Status) && begin >= start && begin <= end;
  });
  return {
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalRecordCount: matching.length,
    Items: page(matching, pageNumber, pageSize).map((v) => v.item),
  };
};
