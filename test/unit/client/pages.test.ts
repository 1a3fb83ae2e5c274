import { strict as assert } from 'node:assert';
import * as sinon from 'sinon';
import { parseTask } from '../../../src/core/parse-task';
import type { Task } from '../../../src/core/task';
import type { DescribeTasksPage } from '../../../src/core/task-source';
import { readAllTasks } from '../../../src/client/pages';

const task = (id: string): Task => parseTask({ TaskId: id, TaskAction: 'A', Status: '1' });

/** A server whose task list (newest first) can change between page reads. */
class ShiftingServer {
  constructor(public ids: string[], private readonly pageSize: number) {}
  readonly fetch = sinon.spy(async (pageNumber: number): Promise<DescribeTasksPage> => {
    const slice = this.ids.slice((pageNumber - 1) * this.pageSize, pageNumber * this.pageSize);
    return { requestId: `R${pageNumber}`, pageNumber, pageSize: this.pageSize, totalRecordCount: this.ids.length, tasks: slice.map(task) };
  });
}

async function collect(iterable: AsyncIterable<Task>): Promise<string[]> {
  const ids: string[] = [];
  for await (const t of iterable) ids.push(t.taskId);
  return ids;
}

const ids = (n: number, prefix = 't'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('readAllTasks', () => {
  it('reads every page and stops at TotalRecordCount', async () => {
    const server = new ShiftingServer(ids(65), 30);
    assert.deepEqual(await collect(readAllTasks(server.fetch, { pageSize: 30 })), ids(65));
    assert.deepEqual(server.fetch.args.map(([n]) => n), [1, 2, 3]);
    const exact = new ShiftingServer(ids(60), 30);
    assert.deepEqual(await collect(readAllTasks(exact.fetch, { pageSize: 30 })), ids(60));
    assert.equal(exact.fetch.callCount, 2);
  });

  it('makes one request for an empty window', async () => {
    const server = new ShiftingServer([], 100);
    assert.deepEqual(await collect(readAllTasks(server.fetch)), []);
    assert.equal(server.fetch.callCount, 1);
  });

  it('stops on an empty page even if the total claims more', async () => {
    const fetch = sinon.stub<[number], Promise<DescribeTasksPage>>();
    fetch.onCall(0).resolves({ requestId: 'R', pageNumber: 1, pageSize: 30, totalRecordCount: 1000, tasks: ids(30).map(task) });
    fetch.onCall(1).resolves({ requestId: 'R', pageNumber: 2, pageSize: 30, totalRecordCount: 1000, tasks: [] });
    assert.equal((await collect(readAllTasks(fetch, { pageSize: 30 }))).length, 30);
    assert.equal(fetch.callCount, 2);
  });

  it('never requests more than maxPages pages', async () => {
    const fetch = sinon.spy(async (n: number): Promise<DescribeTasksPage> => ({
      requestId: 'R', pageNumber: n, pageSize: 30, totalRecordCount: Number.MAX_SAFE_INTEGER, tasks: [task(`p${n}`)],
    }));
    assert.equal((await collect(readAllTasks(fetch, { pageSize: 30, maxPages: 7 }))).length, 7);
    assert.equal(fetch.callCount, 7);
  });

  it('yields a task pushed from page 1 onto page 2 once, and loses none, when new tasks arrive mid-read', async () => {
    const server = new ShiftingServer(ids(40), 30);
    const iterator = readAllTasks(server.fetch, { pageSize: 30 })[Symbol.asyncIterator]();
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) seen.push(((await iterator.next()).value as Task).taskId);
    server.ids = ['new1', 'new2', ...server.ids];
    for (let r = await iterator.next(); r.done !== true; r = await iterator.next()) seen.push(r.value.taskId);
    assert.equal(new Set(seen).size, seen.length, 'no duplicates');
    for (const id of ids(40)) assert.ok(seen.includes(id), `${id} not lost`);
    assert.ok(seen.includes('t29') && seen.includes('t30'));
  });

  it('re-reads from page 1 when tasks leave the window mid-read, so the ones pulled forward are not lost', async () => {
    const server = new ShiftingServer(ids(40), 30);
    const iterator = readAllTasks(server.fetch, { pageSize: 30 })[Symbol.asyncIterator]();
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) seen.push(((await iterator.next()).value as Task).taskId);
    server.ids = server.ids.filter((id) => id !== 't1' && id !== 't2');
    for (let r = await iterator.next(); r.done !== true; r = await iterator.next()) seen.push(r.value.taskId);
    assert.equal(new Set(seen).size, seen.length, 'no duplicates');
    for (const id of ids(40)) assert.ok(seen.includes(id), `${id} not lost`);
    assert.equal(server.fetch.callCount, 4);
  });

  it('de-duplicates tasks without an id by their raw item', async () => {
    const anon = parseTask({ TaskAction: 'A', Status: '2' });
    const fetch = sinon.stub<[number], Promise<DescribeTasksPage>>().resolves({ requestId: 'R', pageNumber: 1, pageSize: 30, totalRecordCount: 2, tasks: [anon, anon] });
    assert.equal((await collect(readAllTasks(fetch, { pageSize: 30 }))).length, 1);
  });
});
