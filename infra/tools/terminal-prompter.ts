/** Questions on the terminal (stderr, so stdout carries only a command's result); secrets are not echoed. */
import type { Prompter } from './cognito-sign-in';

/** What stdin delivered beyond the line last read (piped answers arrive several lines at once). */
let pending = '';

/** Reads one line from stdin; with `secret` on a terminal, without showing what is typed. */
function readLine(secret: boolean): Promise<string> {
  const input = process.stdin;
  const hide = secret && input.isTTY;
  return new Promise((resolve, reject) => {
    const finish = (result: string | Error) => {
      input.off('data', onData);
      input.off('end', onEnd);
      if (hide) input.setRawMode(false);
      input.pause();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const take = (): boolean => {
      const end = pending.search(/[\r\n]/);
      if (end < 0) return false;
      const line = pending.slice(0, end);
      pending = pending.slice(end + (pending.startsWith('\r\n', end) ? 2 : 1));
      // a raw terminal does not echo the Enter key either.
      if (hide) process.stderr.write('\n');
      finish(line);
      return true;
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\u0003') return finish(new Error('cancelled'));
        if (hide && (char === '\u007f' || char === '\b')) pending = pending.slice(0, -1);
        else pending += char;
      }
      take();
      return undefined;
    };
    const onEnd = () => finish(pending.length > 0 ? pending : new Error('no answer: stdin ended'));
    if (take()) return;
    if (hide) input.setRawMode(true);
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
  });
}

export function terminalPrompter(): Prompter {
  return {
    async ask(question, options = {}) {
      process.stderr.write(`${question}: `);
      return (await readLine(options.secret === true)).trim();
    },
    say(line) {
      process.stderr.write(`${line}\n`);
    },
  };
}
