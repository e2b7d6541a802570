/**
 * Reading what the app posted to the fake Web API: blocks arrive JSON-encoded in form fields, and
 * a posted message's ts is in the fake's answer.
 */
import type { FakeSlack, FakeSlackCall } from '../fakes/slack-web-api.ts';

export interface PostedBlock {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { type: string; text?: string | { text: string }; action_id?: string; value?: string }[];
}

export const blocksOf = (call: FakeSlackCall): PostedBlock[] =>
  typeof call.body.blocks === 'string' ? (JSON.parse(call.body.blocks) as PostedBlock[]) : ((call.body.blocks as PostedBlock[] | undefined) ?? []);

/** Every text of a call's blocks, joined: what a person would read. */
export const textOf = (call: FakeSlackCall): string =>
  blocksOf(call)
    .flatMap((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : (e.text?.text ?? '')))])
    .join('\n');

/** The ts the fake gave a chat.postMessage call. */
export function tsOf(slack: FakeSlack, call: FakeSlackCall): string {
  const answer = slack.answerTo(call);
  const ts = (answer as { ts?: unknown } | undefined)?.ts;
  if (typeof ts !== 'string') throw new Error(`${call.method} was not answered with a ts: ${JSON.stringify(answer)}`);
  return ts;
}
