import { Counter, type Registry } from 'prom-client';

/** The running count of one label set; hot paths keep it and add to `count`. */
export interface TallyCell {
  count: number;
}

export interface TalliedCounterOptions {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  readonly registers: Registry[];
}

/**
 * A Prometheus counter kept as plain numbers, one per label set, and copied
 * into the counter only when it is scraped: an increment costs an addition,
 * not a hash of its labels, so it can sit on every call of a hot path.
 */
export class TalliedCounter {
  private readonly cells = new Map<string, { readonly labels: Record<string, string>; readonly cell: TallyCell }>();

  constructor(private readonly options: TalliedCounterOptions) {
    const cells = this.cells;
    new Counter({
      name: options.name,
      help: options.help,
      labelNames: [...options.labelNames],
      registers: options.registers,
      collect() {
        this.reset();
        for (const { labels, cell } of cells.values()) this.inc(labels, cell.count);
      },
    });
  }

  /** The cell of the label set with these values, in the order of `labelNames`. */
  cell(...values: string[]): TallyCell {
    const key = values.join('\u0000');
    let entry = this.cells.get(key);
    if (!entry) {
      const labels = Object.fromEntries(this.options.labelNames.map((name, i) => [name, values[i] ?? '']));
      entry = { labels, cell: { count: 0 } };
      this.cells.set(key, entry);
    }
    return entry.cell;
  }
}
