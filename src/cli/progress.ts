/**
 * A progress display on stderr: one updating line on a terminal, a line per tenth elsewhere (CI logs).
 * @example const p = progressPrinter(); p('Structures', 500, 4070);
 */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  let lastStep = '';
  let lastTenth = -1;
  return (step: string, done: number, total: number) => {
    const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
    if (stream.isTTY) {
      const width = 30;
      const bar = '█'.repeat(Math.round((pct / 100) * width)).padEnd(width, '·');
      stream.write(`\r  ${step.padEnd(24)} ${bar} ${String(pct).padStart(3)} %`);
      if (done >= total) stream.write('\n');
      return;
    }
    const tenth = Math.floor(pct / 10);
    if (step !== lastStep || tenth !== lastTenth) {
      lastStep = step;
      lastTenth = tenth;
      stream.write(`  ${step} : ${done}/${total} (${pct} %)\n`);
    }
  };
}
