/**
 * @module slack/mention-text
 * The text of a Slack message as the request the planner reads. The planner reads Slack's markup
 * itself — `<#C123|general>` is a channel, `<@U123>` a person by id, `<https://x|label>` the link
 * `https://x` — so that markup stays; line breaks stay too (code blocks, CSV rows, lists). Only the
 * app's own mention goes, audiences (`<!here>`) read as people write them, and entities are decoded.
 */

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * Removes the app's own mention, writes `<!here>` as `@here` and `<!subteam^S123|@team>` /
 * `<!date^…|fallback>` as their label, keeps all other markup, and decodes `&amp; &lt; &gt;`.
 * @example
 * cleanMentionText('<@UBOT> summarise <#C1|general> &amp; post it', 'UBOT'); // 'summarise <#C1|general> & post it'
 */
export function cleanMentionText(text: string, botUserId?: string): string {
  return text
    .replace(/<([@!])([^<>|]*)(?:\|([^<>]*))?>[ \t]*/g, (whole, sigil: string, target: string, label?: string) => {
      if (sigil === '@') return target === botUserId ? '' : whole;
      // <!here>, <!channel>, <!subteam^S123|@team>, <!date^…|fallback>: how Slack shows them.
      const shown = label || `@${target}`;
      return whole.replace(/^<[^>]*>/, shown);
    })
    .replace(/&(amp|lt|gt);/g, (entity) => ENTITIES[entity]!)
    .trim();
}
