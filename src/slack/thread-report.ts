/**
 * @module slack/thread-report
 * Shows a conversation's events in its thread: the plan and its diagram, a live progress message,
 * the results (text in the message, files uploaded), or why nothing ran.
 */
import type { AgentEvent, EventSink } from '../agent/index.ts';
import { LiveMessage } from './live-message.ts';
import type { Logger } from './logger.ts';
import { messages } from './messages.ts';
import { escapeMrkdwn } from './render/blocks.ts';
import { notice, renderCancelled, renderUnsupported } from './render/notice.ts';
import { renderPlan } from './render/plan.ts';
import { renderProgress } from './render/progress.ts';
import { renderResult } from './render/result.ts';
import type { ThreadReplies } from './thread-replies.ts';

export interface ThreadReport {
  onEvent: EventSink;
  /** Resolves once the progress message shows its last state. */
  settle(): Promise<void>;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * @example
 * const report = threadReport(threadReplies(client, thread), logger);
 * const turn = await agent.start(id, request, { user, onEvent: report.onEvent });
 * await report.settle();
 */
export function threadReport(replies: ThreadReplies, logger: Logger): ThreadReport {
  let progress: LiveMessage | undefined;
  const warn = (error: unknown, what: string) => logger.warn({ err: error }, `could not post the ${what} to Slack`);

  async function show(event: AgentEvent): Promise<void> {
    switch (event.type) {
      case 'plan':
        await replies.post(renderPlan(event));
        if (event.diagram) await replies.upload({ name: 'workflow.png', title: 'Workflow diagram', data: event.diagram });
        return;
      case 'unsupported':
        await replies.post(renderUnsupported(event));
        return;
      case 'progress':
        // NOTE: not awaited, so a slow chat.update never holds up the run; LiveMessage coalesces.
        (progress ??= new LiveMessage(replies, (e) => warn(e, 'progress'))).show(renderProgress(event.lines));
        return;
      case 'result':
        await progress?.settle();
        await replies.post(renderResult(event));
        for (const item of event.items) {
          if (item.kind !== 'file') continue;
          await replies.upload({ name: item.name, title: item.label, data: item.data }).catch(async (e: unknown) => {
            warn(e, `file ${item.name}`);
            await replies.post(notice(messages.fileFailed(escapeMrkdwn(item.name), escapeMrkdwn(errorText(e)))));
          });
        }
        return;
      case 'cancelled':
        await replies.post(renderCancelled(event));
        return;
    }
  }

  return {
    // NOTE: a Slack failure is logged, never thrown into the agent: the conversation goes on, and
    // the user still gets the later messages that do get through.
    onEvent: (event) => show(event).catch((e: unknown) => warn(e, event.type)),
    settle: () => progress?.settle() ?? Promise.resolve(),
  };
}
