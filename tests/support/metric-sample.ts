/** The value of one series (`name` or `name{labels}`, labels as rendered) in Prometheus text; undefined when absent. */
export const sample = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};
