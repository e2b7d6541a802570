/**
 * @module slack/render/question
 * One message per question: its text (and, on a re-ask, why the last answer was not taken); choice
 * and confirm questions get a button per choice, value questions ask for a reply in the thread.
 * After a click, the message is redrawn without buttons, saying what was chosen.
 */
import { IMAGE, IMAGE_FORMATS, type Choice, type Question } from '../../agent/index.ts';
import { messages } from '../messages.ts';
import { asIs, context, escapeMrkdwn, fit, LIMITS, message, section, type Block, type SlackMessage } from './blocks.ts';

/** Every choice button has an action_id with this prefix, followed by the choice's index. */
export const CHOICE_ACTION = 'ae_choice';
/** The buttons' block_id: this prefix, then the question's id (so a stale click can be recognised). */
const BLOCK_PREFIX = 'ae_question:';

/** The question id carried by a choice button's block_id, or undefined for other blocks. */
export const questionIdOf = (blockId: string): string | undefined =>
  blockId.startsWith(BLOCK_PREFIX) ? blockId.slice(BLOCK_PREFIX.length) : undefined;

function head(question: Question): Block[] {
  const blocks: Block[] = [];
  if (question.error) blocks.push(context(`:warning: ${fit(question.error, LIMITS.text - 20)}`));
  blocks.push(section(`:question: ${fit(question.text, LIMITS.text - 20)}`));
  return blocks;
}

function choiceList(choices: Choice[]): Block {
  const line = (c: Choice, i: number) => `${i + 1}. *${escapeMrkdwn(c.label)}*${c.description ? ` — ${escapeMrkdwn(c.description)}` : ''}`;
  return section(choices.map(line).join('\n'));
}

function buttons(question: Question, choices: Choice[]): Block {
  return {
    type: 'actions',
    // NOTE: block_id is limited to 255 characters; question ids are short ("value:n1.date").
    block_id: `${BLOCK_PREFIX}${question.id}`.slice(0, 255),
    elements: choices.slice(0, LIMITS.buttons).map((c, i) => ({
      type: 'button',
      action_id: `${CHOICE_ACTION}:${i}`,
      text: { type: 'plain_text', text: fit(c.label, LIMITS.buttonText, asIs) },
      value: c.value.slice(0, LIMITS.buttonValue),
      ...(question.kind === 'confirm' && i === 0 ? { style: 'primary' as const } : {}),
    })),
  };
}

/**
 * @example
 * renderQuestion({ kind: 'value', id: 'value:n1.date', text: 'What is the date?', type: 'date', … });
 */
export function renderQuestion(question: Question): SlackMessage {
  const blocks = head(question);
  if (question.kind === 'value' && question.type === 'file') {
    const what = question.accept === IMAGE ? `an image (${IMAGE_FORMATS})` : 'a file';
    blocks.push(context(messages.replyHint.file(escapeMrkdwn(question.function), escapeMrkdwn(question.input), what)));
  } else if (question.kind === 'value') {
    blocks.push(context(messages.replyHint.value(escapeMrkdwn(question.function), escapeMrkdwn(question.input), question.type, question.enum)));
  } else {
    if (question.kind === 'choice') blocks.push(choiceList(question.choices));
    blocks.push(buttons(question, question.choices), context(messages.replyHint.buttons));
  }
  return message(question.error ? `${question.error}\n${question.text}` : question.text, blocks);
}

/** The question after `user` picked `choice`: same text, no buttons. */
export function renderAnswered(question: Question, choice: Choice, user: string): SlackMessage {
  const blocks = [section(`:question: ${fit(question.text, LIMITS.text - 20)}`), context(`:white_check_mark: ${messages.chose(user, escapeMrkdwn(choice.label))}`)];
  return message(`${question.text} — ${choice.label}`, blocks);
}
