/** FindSlackUser: looks up a workspace member by name, display name, @handle or email. */
import { slackClient } from '../lib/slack-client.ts';
import { findUser } from './resolve.ts';

export async function findSlackUser({ user_name }: { user_name: string }) {
  const member = await findUser(slackClient(), user_name);
  return { user_id: member.id!, real_name: member.real_name || member.profile?.real_name || member.name || '' };
}
