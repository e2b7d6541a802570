/**
 * @module planner/values
 * Request text → the values it states, one reader per kind of value. The readers run in an order
 * that lets the more specific reading win where two overlap: Slack markup and code blocks before
 * the text around them, quoted text before what is inside the quotes, addresses, dates, units and
 * lists before plain numbers, names and codes last.
 */
import { readAddresses, readQuoted } from './addresses.ts';
import { readAttachments } from './attachments.ts';
import { readAddressedMessage, readCodeBlocks, readReportedMessage, readColonBody, type ColonOptions } from './blocks.ts';
import { mergeAdjacentTimes, readDates, relativeFacets, type DateOptions } from './dates.ts';
import { readIntroducedLists, readNumberLists } from './lists.ts';
import { readNames, type NameOptions } from './names.ts';
import { readNumbers } from './numbers.ts';
import { readSlackMarkup } from './slack-markup.ts';
import { SpanCollector, type Span } from './span.ts';
import { readUnits } from './units.ts';
import { readZones } from './zones.ts';

export type { BlockForm, CodeForm, RelativeDate, Span, SpanKind } from './span.ts';
export { around, isStatedValue, sameGroup } from './span.ts';
export { blockForm } from './blocks.ts';
export { codeForm, wordSpans } from './names.ts';
export { convertAmount, unitOf, type Unit } from './units.ts';
export { zoneOf } from './zones.ts';
export { numberValue } from './numbers.ts';
export { expandShortForm, isShortForm, spellingFix } from './lexicon.ts';

export interface ReadOptions extends NameOptions, DateOptions, Partial<ColonOptions> {}

/** The values stated in `text`, in the order they are written (plain words not included). */
export function readValues(text: string, options: ReadOptions = {}): Span[] {
  const found = new SpanCollector(text);
  readSlackMarkup(found);
  readCodeBlocks(found);
  readQuoted(found);
  if (options.isIntentWord && options.startsInstruction) readColonBody(found, { isIntentWord: options.isIntentWord, startsInstruction: options.startsInstruction });
  readAddressedMessage(found);
  readReportedMessage(found);
  readAttachments(found);
  readAddresses(found);
  readDates(found, options);
  readNumberLists(found);
  readIntroducedLists(found);
  readUnits(found);
  readNumbers(found);
  readNames(found, options);
  readZones(found, options);
  found.spans.sort((a, b) => a.start - b.start);
  mergeAdjacentTimes(text, found.spans, options);
  return [...found.spans, ...relativeFacets(found.spans)];
}
