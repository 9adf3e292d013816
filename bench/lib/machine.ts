import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly os: string;
  readonly openFilesLimit: number | null;
}

const openFilesLimit = (): number | null => {
  try {
    const out = execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim();
    return out === 'unlimited' ? Number.POSITIVE_INFINITY : Number.parseInt(out, 10);
  } catch {
    return null;
  }
};

export const machineInfo = (): MachineInfo => ({
  cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
  cores: os.availableParallelism(),
  memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  openFilesLimit: openFilesLimit(),
});
