/**
 * Peak heap of a job, sampled where it can be seen from outside the script: at service calls
 * (Core's fault hook, which every fake calls) and at the job's end, after a full collection before
 * it starts. A script holds its big arrays across the calls that read and write them (the rows of
 * a getValues are alive at the setValues that follows), so the samples catch the peak to within
 * the allocations made between two calls.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { Core } from '../emulator';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

export class HeapPeak {
  private baseline = 0;
  private peak = 0;
  private counter = 0;
  private core: Core | null = null;
  private previousHook: Core['faultHook'] = null;

  /** Collects garbage, takes the baseline and samples at every `every`-th service call of `core`. */
  start(core: Core, every = 1): void {
    gc();
    this.baseline = process.memoryUsage().heapUsed;
    this.peak = this.baseline;
    this.counter = 0;
    this.core = core;
    this.previousHook = core.faultHook;
    const previous = this.previousHook;
    core.faultHook = (service, method, c) => {
      if (++this.counter % every === 0) this.sample();
      previous?.(service, method, c);
    };
  }

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().heapUsed);
  }

  /** Stops sampling; returns the peak above the baseline, in MB (one decimal). */
  stop(): number {
    this.sample();
    if (this.core) this.core.faultHook = this.previousHook;
    this.core = null;
    return Math.round(((this.peak - this.baseline) / 1048576) * 10) / 10;
  }
}
