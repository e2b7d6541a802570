/**
 * @module planner/goals
 * Splits a request into goals at sequencing words and sentence breaks ("…, and then …",
 * "Also, …", "First … then …"), keeping the pieces that say what to do.
 */

const SPLIT = /(?:[.;!?]\s+(?:also|then|and then|after that|afterwards|finally|next|additionally|plus)\b,?\s*)|(?:,?\s+(?:and then|then|after that|afterwards|and also|and finally)\s+)|(?:\s*;\s*)/i;

/**
 * @example
 * splitGoals('Find a horror movie and then book 3 tickets. Also, post it to #films');
 * // ['Find a horror movie', 'book 3 tickets', 'post it to #films']
 */
export function splitGoals(request: string, actionWords: ReadonlySet<string> = new Set()): string[] {
  // "… and post it to #leads": a plain "and" starts a new goal when a catalog verb follows it.
  const verbs = [...actionWords].filter((w) => /^[a-z]+$/.test(w));
  const byVerb = verbs.length ? new RegExp(`,?\\s+and\\s+(?=(?:${verbs.join('|')})\\b)`, 'i') : undefined;
  return request
    .split(SPLIT)
    .flatMap((part) => (byVerb ? part.split(byVerb) : [part]))
    .map((s) => s.trim().replace(/^[,.]\s*/, ''))
    .filter((s) => s.split(/\s+/).length >= 2);
}
