/**
 * @module planner/values/slack-markup
 * Slack writes channels, people and links in a message as markup: `<#C0123|design>`, `<@U0456>`,
 * `<https://example.com/a|example.com/a>`, `<mailto:ana@example.com|ana@example.com>`. Each is one value
 * of its kind, in the form a function takes it: the channel by its name, the person by their id, the
 * link by its address (the label is only how Slack shows it).
 */
import type { SpanCollector } from './span.ts';

const MARKUP = /<([#@!]?)([^<>|\s]+)(?:\|([^<>]*))?>/g;

export function readSlackMarkup(found: SpanCollector): void {
  for (const m of found.text.matchAll(MARKUP)) {
    const [whole, sigil, target, label] = m;
    const start = m.index!;
    const end = start + whole!.length;
    if (sigil === '#') found.add('channel', label ? `#${label}` : target!, start, end);
    else if (sigil === '@') found.add('mention', target!, start, end);
    else if (sigil === '!') continue; // <!here>, <!channel>: an audience, not a value
    else if (/^mailto:/i.test(target!)) found.add('email', target!.replace(/^mailto:/i, ''), start, end);
    else if (/^https?:\/\//i.test(target!)) found.add('url', target!, start, end);
  }
}
