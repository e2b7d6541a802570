/**
 * @module agent/capabilities
 * "What can you do?": telling a request for help apart from a request to plan, and the answer,
 * drawn from the catalog: its groups of functions, each with its function names on one short line
 * and example requests. The chats (terminal, Slack) render it; the words around it are theirs.
 */
import type { Catalog, FunctionSpec } from '../catalog/types.ts';
import type { Capabilities, CapabilityGroup } from './types.ts';

/**
 * NOTE: the answer must fit one Slack message and one terminal screen (24 lines of 80 columns).
 * A names line of up to 140 characters (two lines, less the group's label) wraps at most once
 * there, so a group takes at most three lines (names, one example), and six groups plus a heading
 * and a closing line make 20; the rest are counted. In Slack the names fit one line.
 */
const MAX_GROUPS = 6;
const NAMES_LINE_CHARS = 140;
/**
 * Two examples show the range of a group (an image in, a text in) without making a paragraph; a
 * chat with little room (the terminal) shows the first.
 */
const EXAMPLES_PER_GROUP = 2;
/** A phrase from a description stands in for an example; past about eight words it is a sentence. */
const PHRASE_WORDS = 8;

/** Function names in catalog order while the line has room, and how many did not fit. */
function namesLine(functions: FunctionSpec[]): { shown: string[]; more: number } {
  const shown: string[] = [];
  let length = 0;
  for (const [i, f] of functions.entries()) {
    const left = functions.length - i - 1;
    const room = NAMES_LINE_CHARS - (left ? `, and ${left} more`.length : 0);
    if (shown.length && length + 2 + f.name.length > room) break;
    shown.push(f.name);
    length += (shown.length > 1 ? 2 : 0) + f.name.length;
  }
  return { shown, more: functions.length - shown.length };
}

/**
 * A short phrase from a description, for a catalog that gives no examples: its first clause,
 * without asides in parentheses, at most `PHRASE_WORDS` words, starting in lower case.
 * @example
 * descriptionPhrase('Resize (scale) an image such as a photo, to a new width.'); // 'resize an image such as a photo'
 */
export function descriptionPhrase(description: string): string {
  const clause = description.replace(/\s*\([^)]*\)/g, '').split(/[.;:,](\s|$)/)[0]!.trim();
  const words = clause.split(/\s+/).filter(Boolean).slice(0, PHRASE_WORDS).join(' ');
  return words.charAt(0).toLowerCase() + words.slice(1);
}

/** The group a function is listed under: its spec's (the loader fills it in from the file name). */
const groupOf = (f: FunctionSpec): string => f.group ?? 'functions';

/**
 * What the catalog can do, by group in catalog order.
 * @example
 * describeCatalog(loadCatalog('catalog')).groups[1];
 * // { name: 'media', functions: ['ResizeImage', …], moreFunctions: 0, examples: ['resize this photo to 300px wide', …] }
 */
export function describeCatalog(catalog: Catalog): Capabilities {
  const byGroup = new Map<string, FunctionSpec[]>();
  for (const f of catalog.functions) byGroup.set(groupOf(f), [...(byGroup.get(groupOf(f)) ?? []), f]);
  const groups: CapabilityGroup[] = [...byGroup].slice(0, MAX_GROUPS).map(([name, functions]) => {
    const { shown, more } = namesLine(functions);
    const written = functions.flatMap((f) => f.examples ?? []);
    const examples = (written.length ? written : functions.map((f) => descriptionPhrase(f.description)).filter(Boolean)).slice(0, EXAMPLES_PER_GROUP);
    return { name, functions: shown, moreFunctions: more, examples, examplesWritten: written.length > 0 };
  });
  return { functions: catalog.functions.length, groups, moreGroups: Math.max(0, byGroup.size - MAX_GROUPS) };
}

/**
 * The ways people ask what the app is for. NOTE: a request for help names no task, so the whole
 * message must be one of these phrasings; a message that names a task ("help me resize this image")
 * is a request like any other and is planned.
 */
const HELP: RegExp[] = [
  /^(help|usage|commands|capabilities|functions|\?+)$/,
  /^(can|could) (you|u) help( me| us)?$/,
  /^help( me| us)?$/,
  /^what (else )?(can|could|do) (you|u) do( for (me|us))?$/,
  /^what (can|could|should) (i|we) (do|ask|ask you|ask for|say|use you for)( here| with you)?$/,
  /^what (can|could) (you|u) help( me| us)? with$/,
  /^what (are|is) (you|this)( for)?$/,
  /^how (do|can|should) (i|we) use (you|u|this|it|this (app|bot))$/,
  /^how (does|do) (this|it|you) work$/,
  /^(what|which) (functions|tools|skills|commands|actions) (do you have|can you (use|run))$/,
  /^(show|list|tell)( me)? (your|the|what you) (functions|capabilities|commands|skills|can do)$/,
];

/**
 * True when the message asks what the app can do rather than asking it to do something.
 * @example
 * isHelpRequest('What can you do?');          // true
 * isHelpRequest('help me resize this image'); // false: a task, planned as usual
 */
export function isHelpRequest(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/\bwhat[’']s\b/g, 'what is')
    .replace(/[’']/g, '')
    .replace(/^\s*(hi|hello|hey)( there)?\b[\s,!.]*/, '')
    .replace(/[\s,]*\bplease\b/g, '')
    .replace(/[\s.!]+$/, '')
    .replace(/\s*\?+$/, (q, offset: number) => (offset === 0 ? q.trim() : ''))
    .replace(/\s+/g, ' ')
    .trim();
  return HELP.some((pattern) => pattern.test(words));
}
