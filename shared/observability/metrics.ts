/**
 * Custom CloudWatch metrics, written as embedded metric format (EMF) log lines: CloudWatch Logs
 * turns them into metrics, with no API call and no extra permission. The alarms read these names.
 */

/** The namespace of every custom metric of giao-ban. */
export const METRICS_NAMESPACE = 'GiaoBan';

/** 1 when the check the day after the scheduled opening finds the month not open, else 0. */
export const MONTH_NOT_OPEN_METRIC = 'MonthNotOpen';

/** Every custom metric carries the district, so one account can hold many districts. */
export const DISTRICT_DIMENSION = 'District';

/** Writes one EMF line with one metric value and its dimensions. */
export function emitMetric(name: string, value: number, dimensions: Readonly<Record<string, string>>): void {
  const line = {
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [
        {
          Namespace: METRICS_NAMESPACE,
          Dimensions: [Object.keys(dimensions)],
          Metrics: [{ Name: name, Unit: 'Count' }],
        },
      ],
    },
    ...dimensions,
    [name]: value,
  };
  // straight to stdout: with Lambda's JSON log format, console output is wrapped in a log record,
  // and CloudWatch only reads EMF from a line that is the metric document itself.
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
