import fs from 'node:fs';
import path from 'node:path';

const TICK_MS = 10; // Linux reports CPU time in clock ticks of 1/100 s.

function cpuTimeMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
  } catch {
    return -1;
  }
}

/** The PostgreSQL server of a data directory and its backends. */
export function postgresProcesses(dataDir: string): number[] {
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => parentOf(pid) === postmaster);
  return [postmaster, ...children];
}

export interface CpuShare {
  server: number;
  postgres: number;
  loadGenerator: number;
}

/**
 * CPU milliseconds per request spent by the server process, PostgreSQL and the load generator
 * (this process). On two shared cores the rate a scenario reaches is about 2,000 ms ÷ their sum,
 * so this says which of the three a change has to make cheaper.
 */
export function startCpuMeter(serverPid: number | undefined, postgresDataDir: string | undefined) {
  const postgresPids = () => (postgresDataDir ? postgresProcesses(postgresDataDir) : []);
  // Backends opened during the run start at zero; those known now are read again at the end.
  const startPostgres = new Map(postgresPids().map((pid) => [pid, cpuTimeMs(pid)]));
  const startServer = serverPid ? cpuTimeMs(serverPid) : 0;
  const startSelf = process.cpuUsage();
  return {
    stop(requests: number): CpuShare {
      const self = process.cpuUsage(startSelf);
      const postgres = postgresPids().reduce(
        (total, pid) => total + cpuTimeMs(pid) - (startPostgres.get(pid) ?? 0),
        0,
      );
      const server = serverPid ? cpuTimeMs(serverPid) - startServer : 0;
      const perRequest = (ms: number) => (requests > 0 ? ms / requests : NaN);
      return {
        server: perRequest(server),
        postgres: perRequest(postgres),
        loadGenerator: perRequest((self.user + self.system) / 1000),
      };
    },
  };
}
