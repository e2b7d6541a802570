/**
 * Turns what a person writes for a Slack channel or user ("#general", "<#C123|general>", "@alice",
 * "Alice Smith") into Slack ids, looking names up with conversations.list and users.list.
 */
import type { UsersListResponse, WebClient } from '@slack/web-api';
import { callSlack } from '../lib/slack-client.ts';
import { suggest } from '../time/suggest.ts';

type Member = NonNullable<UsersListResponse['members']>[number];

const CHANNEL_ID = /^[CGD][A-Z0-9]{6,}$/;
const USER_ID = /^[UW][A-Z0-9]{6,}$/;

/** The channel id for "#name", "name", "<#C123|name>" or an id. */
export async function resolveChannel(client: WebClient, channel: string): Promise<string> {
  const raw = channel.trim();
  const mention = /^<#([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(raw);
  if (mention) return mention[1]!;
  if (CHANNEL_ID.test(raw)) return raw;
  const name = raw.replace(/^#/, '').toLowerCase();
  if (!name) throw new Error('channel is empty: give a channel like "#general" or an id like "C0123456789"');
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await callSlack('conversations.list', () =>
      client.conversations.list({ types: 'public_channel,private_channel', exclude_archived: true, limit: 1000, cursor }),
    );
    for (const c of page.channels ?? []) {
      if (c.id && (c.name?.toLowerCase() === name || c.name_normalized?.toLowerCase() === name)) return c.id;
      if (c.name) names.push(c.name);
    }
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  const close = suggest(name, names);
  const hint = close.length ? ` Did you mean ${close.map((n) => `#${n}`).join(', ')}?` : '';
  throw new Error(`channel #${name} was not found (or the bot cannot see it; private channels need the bot invited).${hint}`);
}

/** All active, human members of the workspace. */
async function listPeople(client: WebClient): Promise<Member[]> {
  const people: Member[] = [];
  let cursor: string | undefined;
  do {
    const page = await callSlack('users.list', () => client.users.list({ limit: 200, cursor }));
    for (const m of page.members ?? []) {
      if (m.id && !m.deleted && !m.is_bot && m.id !== 'USLACKBOT') people.push(m);
    }
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return people;
}

const namesOf = (m: Member) =>
  [m.name, m.real_name, m.profile?.real_name, m.profile?.display_name, m.profile?.email].filter(
    (n): n is string => typeof n === 'string' && n.length > 0,
  );
const label = (m: Member) => `${m.real_name || m.profile?.real_name || m.name} (@${m.name})`;

/**
 * The workspace member a name refers to: an exact (case-insensitive) match of the user name, real
 * name, display name, email or id first, then a unique match of one word of the name ("alice").
 * @throws Error when nobody or several people match.
 */
export async function findUser(client: WebClient, userName: string): Promise<Member> {
  const raw = userName.trim();
  const needle = (/^<@([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(raw)?.[1] ?? raw.replace(/^@/, '')).toLowerCase();
  if (!needle) throw new Error('user_name is empty: give a name like "Alice Smith", "@alice" or an email');
  const people = await listPeople(client);
  const exact = people.filter((m) => m.id!.toLowerCase() === needle || namesOf(m).some((n) => n.toLowerCase() === needle));
  const byWord = people.filter((m) =>
    namesOf(m).some((n) => n.toLowerCase().split(/[\s._@-]+/).includes(needle) || n.toLowerCase().startsWith(`${needle} `)),
  );
  const matches = exact.length > 0 ? exact : byWord;
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new Error(`"${raw}" matches several Slack users: ${matches.map(label).join(', ')}; give the full name or @handle`);
  }
  const close = suggest(needle, people.flatMap(namesOf).filter((n) => !n.includes('@')));
  const hint = close.length ? ` Did you mean ${close.map((n) => `"${n}"`).join(', ')}?` : '';
  throw new Error(`no Slack user matches "${raw}".${hint}`);
}

/** A user id for an id, a "<@U123>" mention, or a name (looked up with findUser). */
export async function resolveUserId(client: WebClient, user: string): Promise<string> {
  const raw = user.trim();
  const mention = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(raw);
  if (mention) return mention[1]!;
  if (USER_ID.test(raw)) return raw;
  return (await findUser(client, raw)).id!;
}
