// What the bench ran on, recorded with every result: core count, CPU model, memory, kernel
// and Node version, and whether the server and load generator were pinned to separate cores.
import fs from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGB: number;
  kernel: string;
  node: string;
  pinned: boolean;
}

export function describeMachine(pinned: boolean): MachineInfo {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    // Not Linux: keep os.cpus()'s model.
  }
  return {
    // os.cpus() lists every online core; availableParallelism() would count only this process's affinity.
    cores: os.cpus().length,
    cpuModel,
    memoryGB: Math.round(os.totalmem() / 1e8) / 10,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    pinned,
  };
}
