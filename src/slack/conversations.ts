/**
 * @module slack/conversations
 * What the listeners hand off to, after Slack has been acked: starting a thread's conversation
 * (or saying what the app can do, for "help"), answering its open question (by reply, upload or
 * button), who may answer, and what the user sees when something goes wrong. Work for one thread
 * runs in order; different threads run side by side.
 */
import type { WebClient } from '@slack/web-api';
import { isAgentError, isHelpRequest, type Agent, type Answer, type EventSink, type Pending, type TurnResult } from '../agent/index.ts';
import type { FileJson } from '../catalog/types.ts';
import type { AnswersFrom } from './config.ts';
import type { SlackFile, SlackFiles } from './files.ts';
import type { Logger } from './logger.ts';
import { messages } from './messages.ts';
import { escapeMrkdwn } from './render/blocks.ts';
import { renderCapabilities } from './render/capabilities.ts';
import { notice } from './render/notice.ts';
import { renderAnswered, renderQuestion } from './render/question.ts';
import { conversationId, type SlackThread } from './thread.ts';
import { threadReplies, type ThreadReplies } from './thread-replies.ts';
import { threadReport } from './thread-report.ts';

/** Where a message or click came from. */
export interface Origin {
  thread: SlackThread;
  user: string;
  client: WebClient;
  /** The Events API event_id, for dropping a delivery Slack retried. */
  eventId?: string;
}

/**
 * How an answer from someone other than the requester is treated (with ANSWERS_FROM=requester):
 * `tell` sends them a note only they see (a mention or button click is addressed to the app), and
 * `ignore` stays quiet (a plain reply may just be people talking in the thread).
 */
type Stranger = 'tell' | 'ignore';

export interface ConversationsOptions {
  agent: Agent;
  answersFrom: AnswersFrom;
  logger: Logger;
  /** Fetches the files people share (from Slack only, within FILE_MAX_BYTES). */
  files: SlackFiles;
}

/** What a message said: its text (markup already cleaned) and the files shared with it. */
export interface Said {
  text: string;
  files?: SlackFile[];
}

export class Conversations {
  readonly #agent: Agent;
  readonly #answersFrom: AnswersFrom;
  readonly #logger: Logger;
  readonly #files: SlackFiles;
  /** The last piece of work of each thread, so the next one starts after it. */
  readonly #tails = new Map<string, Promise<void>>();
  readonly #inFlight = new Set<Promise<void>>();

  constructor({ agent, answersFrom, logger, files }: ConversationsOptions) {
    this.#agent = agent;
    this.#answersFrom = answersFrom;
    this.#logger = logger;
    this.#files = files;
  }

  /**
   * An @mention: starts the thread's conversation with the files attached to it, or (if it waits
   * for an answer) answers it. "help", "what can you do?"… get what the catalog can do instead.
   */
  mention(origin: Origin, { text, files = [] }: Said): void {
    this.#handle(origin, async (replies) => {
      const id = conversationId(origin.thread);
      const pending = await this.#agent.pending(id);
      if (pending) return this.#answer(origin, replies, pending, { text, files }, 'tell');
      if (!text) return void (await replies.post(notice(messages.emptyMention)));
      if (isHelpRequest(text) && files.length === 0) return void (await replies.post(renderCapabilities(this.#agent.capabilities())));
      const attached: FileJson[] = [];
      for (const file of files) {
        const got = await this.#files.fetch(file, origin.client);
        // NOTE: a file that cannot be had does not stop the request: the plan asks for what it still needs.
        if (got.ok) attached.push(got.file);
        else await replies.post(notice(messages.attachmentRefused(escapeMrkdwn(got.reason))));
      }
      // A thread whose workflow is finished takes a new request: the agent starts afresh there.
      await this.#turn(replies, (onEvent) => this.#agent.start(id, text, { user: origin.user, onEvent, files: attached }));
    });
  }

  /** A reply in a thread, or files uploaded there: answers the open question, if the thread has one. */
  reply(origin: Origin, said: Said): void {
    this.#handle(origin, async (replies) => {
      const pending = await this.#agent.pending(conversationId(origin.thread));
      if (pending) await this.#answer(origin, replies, pending, said, 'ignore');
    });
  }

  /** A click on a choice button of question `questionId`, posted as message `messageTs`. */
  click(origin: Origin, questionId: string, value: string, messageTs: string): void {
    this.#handle(origin, async (replies) => {
      const pending = await this.#agent.pending(conversationId(origin.thread));
      const question = pending?.question;
      const choice = question && question.kind !== 'value' && question.id === questionId ? question.choices.find((c) => c.value === value) : undefined;
      if (!pending || !choice) return replies.whisper(origin.user, notice(messages.staleQuestion));
      if (!(await this.#mayAnswer(origin, pending, replies, 'tell'))) return;
      await replies.update(messageTs, renderAnswered(pending.question, choice, origin.user));
      await this.#resume(origin, replies, value);
    });
  }

  /** Resolves when every piece of work handed off so far is done (for a graceful stop). */
  async idle(): Promise<void> {
    while (this.#inFlight.size) await Promise.allSettled([...this.#inFlight]);
  }

  /**
   * Answers the open question with what was said: a file question takes the first file shared (once
   * fetched), any other question the text. A file that cannot be had, or a file where text is
   * wanted, asks the same question again with why; nothing already answered is lost.
   */
  async #answer(origin: Origin, replies: ThreadReplies, pending: Pending, { text, files = [] }: Said, stranger: Stranger): Promise<void> {
    // NOTE: whose answer counts is decided before any download, so nobody else's file is fetched.
    if (!(await this.#mayAnswer(origin, pending, replies, stranger))) return;
    const question = pending.question;
    const wantsFile = question.kind === 'value' && question.type === 'file';
    if (wantsFile && files[0]) {
      const got = await this.#files.fetch(files[0], origin.client);
      if (!got.ok) return void (await replies.post(renderQuestion({ ...question, error: got.reason })));
      return this.#resume(origin, replies, got.file);
    }
    if (files.length && !text && question.kind === 'value') {
      return void (await replies.post(renderQuestion({ ...question, error: messages.fileNotWanted(question.type) })));
    }
    await this.#resume(origin, replies, text);
  }

  async #mayAnswer(origin: Origin, { requester }: Pending, replies: ThreadReplies, stranger: Stranger): Promise<boolean> {
    if (this.#answersFrom === 'anyone' || !requester || origin.user === requester) return true;
    this.#logger.debug({ thread: conversationId(origin.thread), user: origin.user }, 'answer from someone other than the requester ignored');
    if (stranger === 'tell') await replies.whisper(origin.user, notice(messages.onlyRequester(requester)));
    return false;
  }

  async #resume(origin: Origin, replies: ThreadReplies, answer: Answer): Promise<void> {
    const id = conversationId(origin.thread);
    await this.#turn(replies, (onEvent) => this.#agent.resume(id, answer, { user: origin.user, onEvent }));
  }

  /** One turn of the agent, reported in the thread; a waiting turn ends with its question. */
  async #turn(replies: ThreadReplies, run: (onEvent: EventSink) => Promise<TurnResult>): Promise<void> {
    const report = threadReport(replies, this.#logger);
    try {
      const turn = await run(report.onEvent);
      await report.settle();
      if (turn.status === 'waiting') await replies.post(renderQuestion(turn.question));
    } catch (error) {
      await report.settle();
      await this.#fail(replies, error);
    }
  }

  async #fail(replies: ThreadReplies, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    if (isAgentError(error)) {
      this.#logger.info({ code: error.code }, message);
      await replies.post(notice(messages.userError(escapeMrkdwn(message))));
    } else {
      this.#logger.error({ err: error }, 'conversation failed');
      await replies.post(notice(messages.internalError(escapeMrkdwn(message))));
    }
  }

  /**
   * Runs `work` for the origin's thread after the thread's earlier work, once per event_id.
   * NOTE: never awaited by the listeners: Slack wants its HTTP response within 3 seconds and
   * retries otherwise, while planning and running can take much longer.
   */
  #handle(origin: Origin, work: (replies: ThreadReplies) => Promise<void>): void {
    const key = conversationId(origin.thread);
    const replies = threadReplies(origin.client, origin.thread);
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const task = async () => {
      if (origin.eventId && !(await this.#agent.claim(`event:${origin.eventId}`))) {
        this.#logger.debug({ eventId: origin.eventId }, 'event delivered again; already handled');
        return;
      }
      await previous;
      await work(replies);
    };
    const done = task().catch((error: unknown) => this.#logger.error({ err: error, thread: key }, 'could not handle a Slack event'));
    this.#tails.set(key, done);
    this.#inFlight.add(done);
    void done.finally(() => {
      this.#inFlight.delete(done);
      if (this.#tails.get(key) === done) this.#tails.delete(key);
    });
  }
}
