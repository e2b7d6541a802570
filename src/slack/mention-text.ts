/**
 * @module slack/mention-text
 * Turns the text of a Slack message into the plain request the planner reads: Slack's markup for
 * mentions, channels and links becomes the words a person would type.
 */

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * Removes the bot's own mention and rewrites the rest of Slack's `<…>` markup:
 * `<#C123|general>` → `#general`, `<https://x|label>` → `label`, `<https://x>` → `https://x`,
 * `<@U123|ann>` → `@ann`, `<@U123>` → `@U123`, `<!here>` → `@here`; `&amp; &lt; &gt;` are decoded last,
 * so an escaped `&lt;` in the text never turns into markup.
 * @example
 * cleanMentionText('<@UBOT> summarise <#C1|general> &amp; post it', 'UBOT'); // 'summarise #general & post it'
 */
export function cleanMentionText(text: string, botUserId?: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_, inner: string) => {
      const bar = inner.indexOf('|');
      const target = bar < 0 ? inner : inner.slice(0, bar);
      // NOTE: Slack may send an empty label (`<#C123|>`); that counts as no label.
      const label = bar < 0 ? undefined : inner.slice(bar + 1) || undefined;
      if (target.startsWith('@')) return target.slice(1) === botUserId ? '' : `@${label ?? target.slice(1)}`;
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
      // <!here>, <!channel>, <!subteam^S123|@team>, <!date^…|fallback>
      if (target.startsWith('!')) return label ?? `@${target.slice(1)}`;
      return label ?? target;
    })
    .replace(/&(amp|lt|gt);/g, (entity) => ENTITIES[entity]!)
    .replace(/\s+/g, ' ')
    .trim();
}
