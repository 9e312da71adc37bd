/**
 * Runs `task` over `items` with at most `limit` in flight and yields the results in input order, each as soon as
 * it and those before it are done: the consumer works on one result while the next ones load.
 * @example for await (const text of mapAhead(files, 8, (f) => readFile(f, "utf8"))) use(text);
 */
export async function* mapAhead<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const start = () => {
    const started = task(items[next++] as T);
    // Handled when awaited below; this keeps a failure that happens while an earlier one is awaited from being "unhandled".
    started.catch(() => {});
    pending.push(started);
  };
  while (next < items.length && pending.length < Math.max(1, limit)) start();
  while (pending.length > 0) {
    const result = await (pending.shift() as Promise<R>);
    if (next < items.length) start();
    yield result;
  }
}
