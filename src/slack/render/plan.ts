/**
 * @module slack/render/plan
 * The plan message: the agent's summary, with the planner's reasons underneath as context.
 */
import type { AgentEvent } from '../../agent/index.ts';
import { context, fit, LIMITS, message, section, type SlackMessage } from './blocks.ts';

type PlanEvent = Extract<AgentEvent, { type: 'plan' }>;

/**
 * @example
 * renderPlan({ type: 'plan', summary: 'Plan: 1 step (AddToDate).', reasons: ['…'], … });
 */
export function renderPlan(event: Pick<PlanEvent, 'summary' | 'reasons'>): SlackMessage {
  const blocks = [section(`:clipboard: ${fit(event.summary, LIMITS.text - 20)}`)];
  if (event.reasons.length) blocks.push(context(fit(event.reasons.map((r) => `• ${r}`).join('\n'), LIMITS.text)));
  return message(event.summary, blocks);
}
