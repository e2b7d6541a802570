/**
 * `npm run bench`: prints measured figures. Targets are stated beside each figure; nothing here is
 * a pass/fail test.
 */
import { benchChainOverhead, benchParallelRatio } from './executor.ts';

const fmt = (n: number, digits = 2) => n.toFixed(digits);

async function main() {
  console.log(`# action-engine benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`);

  const chain = await benchChainOverhead(200);
  console.log(`executor overhead: ${fmt(chain.perNodeMs, 3)} ms/node on a 200-node chain of trivial module functions (total ${fmt(chain.totalMs, 1)} ms; target < 2 ms/node)`);

  // The first run in a process also pays for loading Node's HTTP client; the second shows the steady state.
  for (const label of ['cold', 'warm']) {
    const par = await benchParallelRatio(200);
    console.log(
      `parallel branches (${label}): wall ${fmt(par.wallMs, 0)} ms vs critical path ${par.criticalPathMs} ms, ratio ${fmt(par.ratio)} (serial would be ${par.serialMs} ms, ratio ${fmt(par.serialMs / par.criticalPathMs)})`,
    );
  }
}

await main();
