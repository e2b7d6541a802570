/**
 * @module index/tokenize
 * Splits identifiers and prose into lower-case words: `Username2ID` → username, id;
 * `user_ID` → user, id; `getWeatherForecast` → get, weather, forecast.
 */

const STOPWORDS = new Set(
  `a an the of to in on at for from by with and or but is are was were be been being am do does did can could would should will
  shall may might must i me my mine we us our you your yours he him his she her it its they them their this that these those
  there here what which who whom whose when where why how please want wants need needs like would let lets some any all
  me just also about into over as so if then than too very really get gets got give show tell find know make i'm i'd i'll
  can't don't it's what's let's im id ill dont cant whats hey hi hello thanks thank up out it
  help assist able possible great appreciate wondering kindly love wish mind sure okay ok currently right now
  going trying looking interested willing glad happy would've i've you're there's that's anyone someone something
  whenever wherever whatever however whichever whoever`.split(/\s+/),
);

/** Words of an identifier or sentence, lower-cased, digits kept as their own words. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-zA-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/^'+|'+$/g, '').replace(/'s$/, ''))
    .filter((w) => w.length > 0);
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Words without stop words: the ones that carry meaning. */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => !STOPWORDS.has(w));
}
