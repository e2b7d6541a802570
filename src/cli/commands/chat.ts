/**
 * `action-engine chat [--catalog PATH] [--data-dir DIR] [--out-dir DIR]`
 *
 * The conversation agent at the terminal: type a request, answer its questions, see the plan's
 * diagram (a PNG file whose path is printed), progress lines while it runs, and the results.
 * "help" lists what the catalog can do; a file question takes a local path or an http(s) URL.
 * Reads from a pipe too, one answer a line, so it can be scripted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCancel, isHelpRequest, type Agent, type AgentEvent, type Answer, type Question } from '../../agent/index.ts';
import { chatMessages as m } from '../chat-messages.ts';
import { readFileAnswer } from '../file-answer.ts';
import type { LineReader } from '../line-reader.ts';
import type { Output } from '../output.ts';

export interface ChatArgs {
  /** Where diagrams and file results are written. */
  outDir: string;
  /** The largest file a file question takes (FILE_MAX_BYTES). */
  fileMaxBytes: number;
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

/**
 * The answer to `question` from the line typed: for a file question the file its path or URL names
 * (or why it cannot be had), else the text itself.
 */
async function answerOf(question: Question, line: string, args: ChatArgs): Promise<{ answer: Answer } | { refused: string }> {
  if (question.kind !== 'value' || question.type !== 'file' || isCancel(line)) return { answer: line };
  const read = await readFileAnswer(line, args.fileMaxBytes);
  return read.ok ? { answer: read.file } : { refused: read.error };
}

/** Runs conversations until the input ends or the user says "exit". Returns the exit code. */
export async function chat(agent: Agent, args: ChatArgs, reader: LineReader, out: Output): Promise<number> {
  out.log(m.welcome);
  let n = 0;
  for (;;) {
    const request = (await reader.ask(m.requestPrompt))?.trim();
    if (request === undefined || /^(exit|quit|bye)$/i.test(request)) return 0;
    if (!request) continue;
    if (isHelpRequest(request)) {
      out.log(m.capabilities(agent.capabilities()));
      continue;
    }
    const conversation = `chat-${process.pid}-${Date.now()}-${++n}`;
    const onEvent = eventPrinter(args, out, conversation);
    let turn = await agent.start(`terminal:${conversation}`, request, { onEvent });
    let question = turn.status === 'waiting' ? turn.question : undefined;
    while (turn.status === 'waiting') {
      const line = await reader.ask(m.question(question ?? turn.question));
      if (line === undefined) {
        out.log(m.leftOpen);
        return 1;
      }
      const read = await answerOf(turn.question, line, args);
      // A file that cannot be had is refused here, as the agent refuses a bad value: same question, with why.
      if ('refused' in read) {
        question = { ...turn.question, error: read.refused };
        continue;
      }
      turn = await agent.resume(`terminal:${conversation}`, read.answer, { onEvent });
      question = turn.status === 'waiting' ? turn.question : undefined;
    }
  }
}
