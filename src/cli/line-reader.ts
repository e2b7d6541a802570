/**
 * @module cli/line-reader
 * Reads answers a line at a time from a terminal or a pipe: `ask(prompt)` shows the prompt and
 * resolves to the next line, or undefined at the end of the input.
 */
import { createInterface } from 'node:readline';

export interface LineReader {
  ask(prompt: string): Promise<string | undefined>;
  close(): void;
}

export function lineReader(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): LineReader {
  const rl = createInterface({ input, output, terminal: (input as { isTTY?: boolean }).isTTY === true });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(prompt: string) {
      output.write(prompt);
      const next = await lines.next();
      if (next.done) {
        output.write('\n');
        return undefined;
      }
      // Piped answers are not echoed by a terminal; echo them so the transcript reads as a dialogue.
      if (!(input as { isTTY?: boolean }).isTTY) output.write(`${next.value}\n`);
      return next.value;
    },
    close: () => rl.close(),
  };
}
