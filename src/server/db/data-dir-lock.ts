import fs from 'node:fs';
import path from 'node:path';

/**
 * Exclusive lock on the embedded database directory. Two processes writing one PGlite directory
 * silently lose writes (see research/stack.md §4), so a second instance must refuse to start.
 * The lock file holds the owner's PID; a lock left by a dead process is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được một tiến trình thidua khác sử dụng (PID ${ownerPid}). ` +
        `Hãy dừng tiến trình đó hoặc dùng DATA_DIR khác. / The data directory ${dataDir} is in use by ` +
        `another thidua process (PID ${ownerPid}). Stop it or choose another DATA_DIR.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'thidua.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
      // our own PID counts too: one process must not open the directory twice
      if (Number.isInteger(owner) && (owner === process.pid || isAlive(owner))) {
        throw new DataDirLockedError(dataDir, owner);
      }
      // stale lock from a crashed process: remove and retry once
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
