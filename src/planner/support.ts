/**
 * @module planner/support
 * Whether a planned goal does what its clause asks, or only something near it. A request is not
 * forced onto the closest function: "restart the staging server" is no DM, "rotate this photo" no
 * resize, "convert 250 USD to EUR" no unit conversion. Two general facts decide:
 * - the action a clause asks for (its verb) must be one the plan's functions do, unless the verb is
 *   a light one ("get", "show", "give me") or the clause's values already say it all (each one
 *   taken by the plan, one of them of a distinctive kind: "close #48213", "mark INC-3312 as monitoring");
 * - a value stated for an input that takes only known options (units, choices, zones) must be one of
 *   them: "EUR" is no unit, so the conversion asked for is not one this function can do.
 */
import { isStopword, words } from '../index/tokenize.ts';
import { draftNodes, type DraftNode } from './chain.ts';
import { isChanging, isImperative, type SideEffects } from './effects.ts';
import { inputKind } from './kinds.ts';
import { stem, type Semantics } from './semantics.ts';
import { expandShortForm, isStatedValue, type Span } from './values/index.ts';

/**
 * Verbs that say only "give me something" (general English): they ask for no action of their own,
 * so any function may answer them.
 */
const LIGHT = new Set(
  'get give show tell make do let help look see need want take put bring keep have go pull grab run check read fetch find use try ask know say open load see let'.split(' '),
);
/** Words before the verb that do not carry the request: "can you", "please", "hey". */
const OPENERS = new Set(['can', 'could', 'would', 'will', 'you', 'u', 'please', 'pls', 'plz', 'hey', 'hi', 'ok', 'okay', 'quickly', 'quick', 'also', 'then', 'and', 'just', 'kindly', 'now']);
/** Words an instruction's object starts with: a verb stands before them. */
const OBJECT_START = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'our', 'your', 'his', 'her', 'their', 'its', 'it', 'them', 'me', 'us', 'him', 'all', 'every', 'each', 'some']);
const QUESTION = new Set(['what', 'whats', "what's", 'how', 'which', 'who', "who's", 'when', 'where', 'why', 'is', 'are', 'does', 'do', 'did']);
/** Particles that make one verb of two ("roll back", "set up", "look up"). */
const PARTICLES = new Set(['back', 'up', 'down', 'out', 'off', 'over', 'in']);
/** Two verbs this alike name the same action. */
const SAME_VERB = 0.8;

export interface SupportContext {
  sem: Semantics;
  effects: SideEffects;
  /** The clause's own values and words. */
  spans: Span[];
  text: string;
  /** The clause hands an earlier result on ("drop it in #x") and the plan takes it. */
  handsOn: boolean;
}

/** Why the plan under `root` does not do what the clause asks, or undefined when it does. */
export function notSupported(root: DraftNode, ctx: SupportContext): string | undefined {
  const nodes = draftNodes([root]);
  return unmatchedChange(nodes, ctx) ?? unmatchedMedium(nodes, ctx) ?? unusedValues(nodes, ctx) ?? unknownOption(root, ctx);
}

/**
 * The clause asks to change something ("delete my last message", "pin it", "book a hotel") and no
 * step of the plan changes anything: reading the channel is not deleting from it. (A verb that asks
 * for information is not judged by its word: people say the same thing many ways, and "wake me up"
 * may well set an alarm.)
 */
function unmatchedChange(nodes: DraftNode[], ctx: SupportContext): string | undefined {
  const verb = mainVerb(ctx.text, ctx.spans);
  if (!verb || !isChanging(verb.word) || ctx.handsOn) return undefined;
  if (nodes.some((n) => ctx.effects.changes(n.fn))) return undefined;
  if (valuesSayIt(nodes, ctx.spans)) return undefined;
  // The same word as a function's name or verbs, or a verb of nearly the same meaning ("upload" /
  // "uploads"); words near in topic are not the action ("change" is near "time" in word vectors).
  const named = nodes.flatMap((n) => words(n.fn.name));
  const verbs = nodes.flatMap((n) => [...ctx.effects.actionWords(n.fn)]);
  for (const form of verb.forms) if ([...named, ...verbs].some((a) => stem(a) === stem(form)) || verbs.some((a) => ctx.sem.similarity(a, form) >= SAME_VERB)) return undefined;
  return `"${verb.written}" changes something, and nothing the catalog does here changes anything (${nodes[0]!.fn.name} only reads)`;
}

/**
 * Ways a message travels (general English): "send an email", "send an SMS", "fax it". ("Text"
 * is left out: "send the text to #eng" sends words, not an SMS.) What is sent
 * through one must be sent by a step that says it uses that way: a Slack DM is no email.
 */
const MEDIA = new Set(['email', 'e-mail', 'mail', 'sms', 'fax', 'letter', 'tweet', 'postcard', 'telegram', 'whatsapp']);

/**
 * The clause sends something by a way of its own ("send an email to …", "email design@acme.io"), and
 * no step of the plan says it goes that way.
 */
function unmatchedMedium(nodes: DraftNode[], ctx: SupportContext): string | undefined {
  const verb = mainVerb(ctx.text, ctx.spans);
  if (!verb || !isChanging(verb.word)) return undefined;
  const tokens = [...ctx.text.toLowerCase().matchAll(/[a-z][a-z-]*/g)].map((m) => m[0]);
  const at = tokens.indexOf(verb.word);
  // The verb itself ("email X") or the thing it sends, after its article ("send an email", "send them a text").
  const object = tokens.slice(at + 1).find((w) => !OBJECT_START.has(w));
  const medium = [verb.word, object].find((w) => w !== undefined && MEDIA.has(w));
  if (!medium) return undefined;
  const said = new Set(nodes.flatMap((n) => [...words(n.fn.name), ...words(n.fn.description ?? '')]).map(stem));
  if (said.has(stem(medium)) || (medium === 'e-mail' && said.has('email'))) return undefined;
  return `"${medium}" is a way of sending that ${nodes[0]!.fn.name} does not use`;
}

/** The clause states values, and the plan takes none of them: it does something else than asked ("rotate this photo 90°"). */
function unusedValues(nodes: DraftNode[], ctx: SupportContext): string | undefined {
  // "now" is told by a step, not taken as a value.
  const stated = ctx.spans.filter((s) => isStatedValue(s) && !s.facetOf && !s.now);
  if (stated.length === 0) return undefined;
  const used = new Set(nodes.flatMap((n) => [...n.inputs.values()].flatMap((b) => (b.kind === 'value' ? [b.span.facetOf ?? b.span] : b.kind === 'ask' && b.span ? [b.span] : []))));
  if (stated.some((s) => used.has(s))) return undefined;
  return `${nodes[0]!.fn.name} takes none of ${stated.map((s) => `"${s.text}"`).join(', ')}`;
}

/** The first word of the clause that is an instruction's verb, with the particle that may follow it. */
function mainVerb(text: string, spans: Span[]): { word: string; written: string; forms: string[] } | undefined {
  const tokens = [...text.toLowerCase().matchAll(/[a-z][a-z0-9']*/g)].filter((m) => !spans.some((s) => isStatedValue(s) && m.index! >= s.start && m.index! < s.end));
  for (let i = 0; i < tokens.length; i++) {
    const word = expandShortForm(tokens[i]![0]);
    if (OPENERS.has(word)) continue;
    const particle = tokens[i + 1]?.[0];
    // A verb by what it is, or by where it stands: before "the", "my", "it" … ("rotate this photo").
    const verbLike = isImperative(word) || (particle !== undefined && (OBJECT_START.has(particle) || PARTICLES.has(particle)) && !isStopword(word) && !QUESTION.has(word));
    if (!verbLike) return undefined;
    const phrasal = particle && PARTICLES.has(particle) ? [`${word}${particle}`] : [];
    return { word, written: particle && phrasal.length ? `${word} ${particle}` : word, forms: [word, ...phrasal] };
  }
  return undefined;
}

/**
 * The clause's values say what to do by themselves: each one is taken by the plan, and one of them
 * names its input outright — an option ("urgent", "monitoring", "closed") or a size in pixels.
 */
function valuesSayIt(nodes: DraftNode[], spans: Span[]): boolean {
  const stated = spans.filter((s) => isStatedValue(s) && !s.facetOf);
  const bound = nodes.flatMap((n) => [...n.inputs.entries()].flatMap(([name, b]) => (b.kind === 'value' ? [{ span: b.span, input: n.fn.inputs.find((i) => i.name === name)! }] : [])));
  const used = new Set(bound.map((b) => b.span.facetOf ?? b.span));
  if (!stated.every((s) => used.has(s))) return false;
  return bound.some((b) => b.input.enum !== undefined || b.span.measure === 'pixels' || b.span.dimension !== undefined);
}

/**
 * A required input that takes only known options (a unit, a choice, a zone) left to ask, while the
 * clause states a value no step took, where that input's value would be: the value is not an option
 * the function knows ("EUR" for a unit), so the function cannot do what is asked.
 */
function unknownOption(root: DraftNode, ctx: SupportContext): string | undefined {
  const closed = [...root.inputs.entries()].filter(([name, b]) => {
    const input = root.fn.inputs.find((i) => i.name === name)!;
    const kind = inputKind(input);
    return b.kind === 'ask' && input.required && (kind === 'unit' || kind === 'option' || kind === 'zone');
  });
  if (closed.length === 0) return undefined;
  const used = new Set(draftNodes([root]).flatMap((n) => [...n.inputs.values()].flatMap((b) => (b.kind === 'value' ? [b.span] : []))));
  const stray = ctx.spans.find((s) => (s.kind === 'name' || s.kind === 'code' || s.kind === 'quoted') && !used.has(s) && !s.zone);
  return stray ? `"${stray.text}" is not one of the ${closed.map(([name]) => name).join(', ')} that ${root.fn.name} takes` : undefined;
}
