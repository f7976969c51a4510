/** Captures what the request log writes in AWS: its JSON lines on stdout and stderr. */
import { vi } from 'vitest';
import { writeRequestLogTo, writeToCloudWatch } from '../../shared/observability/request-log';

/**
 * Runs `run` with the request log going to its CloudWatch writer (as on Lambda) and returns, with
 * its result, every line the process wrote to stdout and stderr meanwhile.
 */
export async function cloudWatchLinesDuring<T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const written: string[] = [];
  const capture = (chunk: unknown) => {
    written.push(String(chunk));
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  const previous = writeRequestLogTo(writeToCloudWatch);
  try {
    const result = await run();
    return {
      result,
      lines: written
        .join('')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    };
  } finally {
    writeRequestLogTo(previous);
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

/** The request log lines (JSON, `message: "request"`) among captured lines. */
export function requestLines(lines: readonly string[]): Record<string, unknown>[] {
  return lines
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.message === 'request');
}
