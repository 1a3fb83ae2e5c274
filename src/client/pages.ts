/**
 * Reads every page of a paged task listing as one stream of tasks, robust to tasks shifting between pages while
 * the pages are read (new tasks push older ones onto later pages; tasks leaving the window pull them forward).
 *
 * @packageDocumentation
 */
import type { Task } from '../core/task';
import type { DescribeTasksPage } from '../core/task-source';

/**
 * Paging limits.
 *
 * @example
 * ```ts
 * const options: PageReadOptions = { pageSize: 100, maxPages: 20 };
 * ```
 */
export interface PageReadOptions {
  /** Page size the fetcher asks for: 30, 50 or 100. Default 100. */
  pageSize?: 30 | 50 | 100;
  /** Hard cap on page requests in one read, so a misbehaving server can never make it loop forever. Default 100. */
  maxPages?: number;
}

/**
 * Default cap on page requests per read: 100 pages, i.e. 10 000 tasks at PageSize 100.
 *
 * @example
 * ```ts
 * readAllTasks(fetch, { maxPages: DEFAULT_MAX_PAGES / 10 });
 * ```
 */
export const DEFAULT_MAX_PAGES = 100;

/**
 * Yields every task of every page once.
 *
 * - Stops after the page that reaches `TotalRecordCount` (the latest page's count, since it can change during the
 *   read), after an empty page, or at `maxPages`.
 * - De-duplicates by TaskId (by the raw item when a task has no id): a task pushed from page 1 onto page 2
 *   between the two reads is yielded once.
 * - When `TotalRecordCount` shrinks during the read, tasks may have moved onto pages already read, so the pages
 *   are read once more from page 1 (within `maxPages`), yielding only tasks not seen yet.
 *
 * @param fetchPage - fetches one page (1-based) at `pageSize`.
 * @example
 * ```ts
 * for await (const task of readAllTasks((n) => client.describeTasks({ ...query, pageNumber: n, pageSize: 100 }))) {
 *   console.log(task.taskId);
 * }
 * ```
 */
export async function* readAllTasks(
  fetchPage: (pageNumber: number) => Promise<DescribeTasksPage>,
  options: PageReadOptions = {},
): AsyncGenerator<Task, void, undefined> {
  const pageSize = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const seen = new Set<string>();
  let fetched = 0;
  let firstTotal: number | null = null;
  for (let sweep = 0; sweep < 2; sweep++) {
    let shrank = false;
    for (let pageNumber = 1; fetched < maxPages; pageNumber++) {
      const page = await fetchPage(pageNumber);
      fetched += 1;
      firstTotal ??= page.totalRecordCount;
      shrank ||= page.totalRecordCount < firstTotal;
      for (const task of page.tasks) {
        const key = task.taskId === '' ? `raw:${JSON.stringify(task.raw)}` : `id:${task.taskId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        yield task;
      }
      if (page.tasks.length === 0 || pageNumber * pageSize >= page.totalRecordCount) break;
    }
    if (!shrank) return;
    firstTotal = null;
  }
}
