/**
 * `action-engine chat [--catalog PATH] [--data-dir DIR] [--out-dir DIR]`
 *
 * The conversation agent at the terminal: type a request, answer its questions, see the plan's
 * diagram (a PNG file whose path is printed), progress lines while it runs, and the results.
 * Reads from a pipe too, one answer a line, so it can be scripted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent, AgentEvent, Question } from '../../agent/index.ts';
import { chatMessages as m } from '../chat-messages.ts';
import type { LineReader } from '../line-reader.ts';
import type { Output } from '../output.ts';

export interface ChatArgs {
  /** Where diagrams and file results are written. */
  outDir: string;
}

/** Shows agent events as terminal lines, writing the diagram and files under `outDir`. */
function eventPrinter(args: ChatArgs, out: Output, conversation: string) {
  let files = 0;
  const save = (name: string, data: Uint8Array) => {
    mkdirSync(args.outDir, { recursive: true });
    const path = join(args.outDir, `${conversation}-${++files}-${name.replace(/[^\w.-]/g, '_')}`);
    writeFileSync(path, data);
    return path;
  };
  return (e: AgentEvent) => {
    if (e.type === 'plan') {
      out.log(m.plan(e.summary));
      for (const r of e.reasons) out.log(m.reason(r));
      if (e.diagram) out.log(m.diagram(save('workflow.png', e.diagram)));
    } else if (e.type === 'progress') {
      out.log(m.progress(e.event));
    } else if (e.type === 'result') {
      out.log(m.result(e.text));
      for (const f of e.failures) out.log(m.failure(f.node, f.function, f.error));
      for (const item of e.items) out.log(item.kind === 'text' ? m.textItem(item.label, item.text) : m.fileItem(item.label, save(item.name, item.data)));
    } else {
      out.log(e.text);
    }
  };
}

/** Runs conversations until the input ends or the user says "exit". Returns the exit code. */
export async function chat(agent: Agent, args: ChatArgs, reader: LineReader, out: Output): Promise<number> {
  out.log(m.welcome);
  let n = 0;
  for (;;) {
    const request = (await reader.ask(m.requestPrompt))?.trim();
    if (request === undefined || /^(exit|quit|bye)$/i.test(request)) return 0;
    if (!request) continue;
    const conversation = `chat-${process.pid}-${Date.now()}-${++n}`;
    const onEvent = eventPrinter(args, out, conversation);
    let turn = await agent.start(`terminal:${conversation}`, request, { onEvent });
    while (turn.status === 'waiting') {
      const answer = await reader.ask(m.question(turn.question as Question));
      if (answer === undefined) {
        out.log(m.leftOpen);
        return 1;
      }
      turn = await agent.resume(`terminal:${conversation}`, answer, { onEvent });
    }
  }
}
