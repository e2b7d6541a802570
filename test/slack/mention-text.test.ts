import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanMentionText } from '../../src/slack/mention-text.ts';

const BOT = 'U0BOT00001';

describe('cleanMentionText', () => {
  it('removes the app’s own mention wherever it is', () => {
    assert.equal(cleanMentionText(`<@${BOT}> add 3 days`, BOT), 'add 3 days');
    assert.equal(cleanMentionText(`add 3 days, <@${BOT}>`, BOT), 'add 3 days,');
  });

  it('writes channels as #name, or #id when Slack sends no name', () => {
    assert.equal(cleanMentionText(`<@${BOT}> summarise <#C0GENERAL1|general>`, BOT), 'summarise #general');
    assert.equal(cleanMentionText('summarise <#C0GENERAL1|>', BOT), 'summarise #C0GENERAL1');
    assert.equal(cleanMentionText('summarise <#C0GENERAL1>', BOT), 'summarise #C0GENERAL1');
  });

  it('keeps other people as @name or @id', () => {
    assert.equal(cleanMentionText(`<@${BOT}> DM <@U0ALICE001|alice> and <@U0BOB00001>`, BOT), 'DM @alice and @U0BOB00001');
  });

  it('turns links into their label, or their address when unlabelled', () => {
    assert.equal(cleanMentionText('fetch <http://x/data.json|the data>', BOT), 'fetch the data');
    assert.equal(cleanMentionText('fetch <http://x/a?b=1&amp;c=2>', BOT), 'fetch http://x/a?b=1&c=2');
    assert.equal(cleanMentionText('mail <mailto:a@x|a@x>', BOT), 'mail a@x');
  });

  it('writes special mentions as their label or @name', () => {
    assert.equal(cleanMentionText('tell <!here> and <!subteam^S123|@oncall>', BOT), 'tell @here and @oncall');
  });

  it('decodes &amp; &lt; &gt; after the markup, so escaped brackets stay text', () => {
    assert.equal(cleanMentionText('is 3 &lt; 5 &amp;&amp; 7 &gt; 2? &lt;#C1|x&gt;', BOT), 'is 3 < 5 && 7 > 2? <#C1|x>');
  });

  it('squeezes the whitespace a removed mention leaves', () => {
    assert.equal(cleanMentionText(`  <@${BOT}>\n  convert   5 miles `, BOT), 'convert 5 miles');
  });
});
