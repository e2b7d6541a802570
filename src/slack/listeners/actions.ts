/**
 * @module slack/listeners/actions
 * Block actions: a click on a choice or confirm button answers the question with the choice's
 * value. Acked first (Slack shows an error after 3 seconds without one), then handed off.
 */
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Conversations } from '../conversations.ts';
import { CHOICE_ACTION, questionIdOf } from '../render/question.ts';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export function registerActionListeners(app: App, conversations: Conversations): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: new RegExp(`^${CHOICE_ACTION}:`) }, async ({ ack, body, action, client }: ButtonArgs) => {
    await ack();
    const questionId = questionIdOf(action.block_id);
    const message = body.message;
    const team = body.team?.id ?? body.user.team_id;
    if (questionId === undefined || !message || !body.channel || !team || action.value === undefined) return;
    const thread = { team, channel: body.channel.id, ts: String(message.thread_ts ?? message.ts) };
    conversations.click({ thread, user: body.user.id, client }, questionId, action.value, String(message.ts));
  });
}
