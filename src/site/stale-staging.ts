import { readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";

/** `.<name>.building-<pid>-<8 hex>` / `.<name>.old-<pid>-<8 hex>`: the siblings publishAtomically creates. */
function siblingPattern(name: string): RegExp {
  return new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(building|old)-(\\d+)-[0-9a-f]{8}$`);
}

/**
 * Cleans up after builds that were killed (SIGKILL, power loss) and could not clean up themselves: removes
 * their staging and retired folders beside `target`, unless the process that made them is still running
 * (a concurrent build). If one was killed between its two renames, `target` is missing and its previous
 * content sits in a `.old-` folder: that folder is put back first, so the previous snapshot is never lost.
 */
export async function cleanStaleSiblings(target: string): Promise<{ removed: string[]; restored: boolean }> {
  const parent = path.dirname(target);
  const pattern = siblingPattern(path.basename(target));
  const names = await readdir(parent).catch((): string[] => []);
  const stale = names
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((entry) => entry.match !== null && !isRunning(Number(entry.match[2])))
    .map((entry) => ({ name: entry.name, kind: entry.match?.[1] ?? "" }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  let restored = false;
  const retired = stale.filter((entry) => entry.kind === "old");
  const [only] = retired;
  if (retired.length === 1 && only !== undefined && !(await exists(target))) {
    await rename(path.join(parent, only.name), target);
    restored = true;
  }
  const removed: string[] = [];
  for (const entry of stale) {
    if (restored && entry === only) continue;
    await rm(path.join(parent, entry.name), { recursive: true, force: true });
    removed.push(entry.name);
  }
  return { removed, restored };
}

/** Whether a process with this id runs on this machine (EPERM: it runs, as another user). Our own id counts as running. */
function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (caught) {
    return caught instanceof Error && "code" in caught && caught.code === "EPERM";
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
