import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeRequest } from '../../src/planner/index.ts';
import { cleanMentionText } from '../../src/slack/mention-text.ts';

const BOT = 'U0BOT00001';

describe('cleanMentionText', () => {
  it('removes the app’s own mention wherever it is, with or without a label', () => {
    assert.equal(cleanMentionText(`<@${BOT}> add 3 days`, BOT), 'add 3 days');
    assert.equal(cleanMentionText(`add 3 days, <@${BOT}|action-engine>`, BOT), 'add 3 days,');
  });

  it('keeps the markup of channels, people and links for the planner, which reads it', () => {
    const text = cleanMentionText(`<@${BOT}> summarise <#C0GENERAL1|general>, DM <@U0ALICE001> and fetch <https://x.example/a?b=1&amp;c=2|x.example/a>`, BOT);
    assert.equal(text, 'summarise <#C0GENERAL1|general>, DM <@U0ALICE001> and fetch <https://x.example/a?b=1&c=2|x.example/a>');
    const values = analyzeRequest(text).spans.filter((s) => ['channel', 'mention', 'url'].includes(s.kind)).map((s) => [s.kind, s.value]);
    assert.deepEqual(values, [
      ['channel', '#general'],
      ['mention', 'U0ALICE001'],
      ['url', 'https://x.example/a?b=1&c=2'],
    ]);
  });

  it('writes special mentions as Slack shows them', () => {
    assert.equal(cleanMentionText('tell <!here> and <!subteam^S123|@oncall>', BOT), 'tell @here and @oncall');
  });

  it('decodes &amp; &lt; &gt;', () => {
    assert.equal(cleanMentionText('is 3 &lt; 5 &amp;&amp; 7 &gt; 2?', BOT), 'is 3 < 5 && 7 > 2?');
  });

  it('keeps line breaks and indentation (code blocks, rows), trimming only the ends', () => {
    assert.equal(cleanMentionText(`<@${BOT}> sum the hours:\n\`\`\`\nname,hours\n  ana,3\n\`\`\`\n`, BOT), 'sum the hours:\n```\nname,hours\n  ana,3\n```');
  });
});
