import { strict as assert } from 'node:assert';
import { InvalidOptionError } from '../../../src/core/errors';
import { TaskStatus } from '../../../src/core/task';
import { buildDescribeTasksRequest, parseDescribeTasksResponse, type DescribeTasksRequest } from '../../../src/client/describe-tasks';
import { MalformedResponseError } from '../../../src/client/malformed-response';

const start = new Date('2024-03-01T10:00:45Z');
const end = new Date('2024-03-01T10:07:00Z');
const REQUEST: DescribeTasksRequest = { InstanceId: 'r-1', StartTime: '2024-03-01T10:00Z', EndTime: '2024-03-01T10:07Z', Status: '0,1,2,4,7,8', PageSize: 100, PageNumber: 2 };

describe('describe-tasks', () => {
  describe('buildDescribeTasksRequest', () => {
    it('formats times at minute precision and defaults to every status', () => {
      assert.deepEqual(buildDescribeTasksRequest({ instanceId: 'r-1', startTime: start, endTime: end }), {
        InstanceId: 'r-1', StartTime: '2024-03-01T10:00Z', EndTime: '2024-03-01T10:07Z', Status: '0,1,2,4,7,8',
      });
    });

    it('passes statuses, page size and page number', () => {
      const request = buildDescribeTasksRequest({
        instanceId: 'r-1', startTime: start, endTime: end, statuses: [TaskStatus.Running, TaskStatus.Paused], pageSize: 50, pageNumber: 3,
      });
      assert.deepEqual([request.Status, request.PageSize, request.PageNumber], ['1,7', 50, 3]);
    });

    it('rejects bad input by option name before any call', () => {
      const base = { instanceId: 'r-1', startTime: start, endTime: end };
      const cases: Array<[object, string]> = [
        [{ ...base, instanceId: '' }, 'instanceId'],
        [{ ...base, instanceId: '  ' }, 'instanceId'],
        [{ ...base, startTime: new Date(Number.NaN) }, 'startTime'],
        [{ ...base, endTime: '2024-03-01' }, 'endTime'],
        [{ ...base, startTime: end, endTime: start }, 'startTime'],
        [{ ...base, statuses: [] }, 'statuses'],
        [{ ...base, statuses: [5] }, 'statuses'],
        [{ ...base, pageSize: 20 }, 'pageSize'],
        [{ ...base, pageNumber: 0 }, 'pageNumber'],
        [{ ...base, pageNumber: 1.5 }, 'pageNumber'],
      ];
      for (const [query, option] of cases) {
        assert.throws(() => buildDescribeTasksRequest(query as never), (e: unknown) => e instanceof InvalidOptionError && e.option === option, option);
      }
    });
  });

  describe('parseDescribeTasksResponse', () => {
    it('reads the documented shape', () => {
      const page = parseDescribeTasksResponse({
        RequestId: 'REQ', PageNumber: 2, PageSize: 100, TotalRecordCount: 101,
        Items: [{ TaskId: '7', TaskAction: 'ModifyDBInstanceClass', Status: '1' }],
      }, REQUEST);
      assert.deepEqual([page.requestId, page.pageNumber, page.pageSize, page.totalRecordCount], ['REQ', 2, 100, 101]);
      assert.deepEqual(page.tasks.map((t) => [t.taskId, t.status]), [['7', TaskStatus.Running]]);
    });

    it('treats missing Items as no tasks and accepts { Item: [...] }', () => {
      assert.deepEqual(parseDescribeTasksResponse({ RequestId: 'R', TotalRecordCount: 0 }, REQUEST).tasks, []);
      const wrapped = parseDescribeTasksResponse({ TotalRecordCount: 1, Items: { Item: [{ TaskId: '9' }] } }, REQUEST);
      assert.deepEqual(wrapped.tasks.map((t) => t.taskId), ['9']);
    });

    it('falls back to the request for page fields and to the count so far for the total', () => {
      const page = parseDescribeTasksResponse({ Items: [{ TaskId: '1' }, { TaskId: '2' }], TotalRecordCount: 'many', PageSize: -1 }, REQUEST);
      assert.deepEqual([page.requestId, page.pageNumber, page.pageSize, page.totalRecordCount], ['', 2, 100, 102]);
      assert.equal(parseDescribeTasksResponse({ TotalRecordCount: '12' }, REQUEST).totalRecordCount, 12);
    });

    it('keeps malformed items as flagged tasks', () => {
      const page = parseDescribeTasksResponse({ TotalRecordCount: 2, Items: [{ TaskId: '1', Status: 'weird' }, 'junk'] }, REQUEST);
      assert.deepEqual(page.tasks.map((t) => t.malformed), [['Status'], ['Item']]);
    });

    it('throws MalformedResponseError for a body that is not an object or Items that is not a list', () => {
      for (const body of [null, 'text', [1], 42]) {
        assert.throws(() => parseDescribeTasksResponse(body, REQUEST), MalformedResponseError, String(body));
      }
      assert.throws(() => parseDescribeTasksResponse({ RequestId: 'R7', Items: 'x' }, REQUEST),
        (e: unknown) => e instanceof MalformedResponseError && e.requestId === 'R7' && /Items is string/.test(e.message));
    });
  });
});
