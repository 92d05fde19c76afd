// What the numbers were measured on, for the table's heading.
import * as os from 'node:os';

export function machine(): string {
  const cpus = os.cpus();
  const model = (cpus[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim();
  const memory = `${Math.round(os.totalmem() / 1024 ** 3)} GB RAM`;
  return `${model}, ${cpus.length} cores, ${memory}, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** The 1-minute load average: other work on the machine shows in every timing. */
export const load = (): string => os.loadavg()[0].toFixed(1);
