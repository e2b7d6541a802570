import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CATALOG, readSlackConfig, SlackConfigError } from '../../src/slack/config.ts';

const HTTP = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

describe('readSlackConfig', () => {
  it('names each missing variable and where to find it', () => {
    assert.throws(
      () => readSlackConfig({ SLACK_SIGNING_SECRET: 'secret' }),
      (e: Error) => e instanceof SlackConfigError && /SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token .* "OAuth & Permissions"/.test(e.message),
    );
    assert.throws(() => readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }), /SLACK_SIGNING_SECRET is not set: copy the Signing Secret .* "Basic Information"/);
  });

  it('lists every problem at once', () => {
    assert.throws(
      () => readSlackConfig({ PORT: 'eighty', ANSWERS_FROM: 'everyone', CONFIRM_BEFORE_RUN: 'maybe', FILE_MAX_BYTES: 'huge' }),
      (e: Error) =>
        ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'PORT: must be a port number', 'ANSWERS_FROM: must be "requester" or "anyone"', 'CONFIRM_BEFORE_RUN: "maybe"', 'FILE_MAX_BYTES: "huge" is not a size'].every((s) =>
          e.message.includes(s),
        ),
    );
  });

  it('needs no signing secret in Socket Mode', () => {
    const config = readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    assert.equal(config.appToken, 'xapp-1');
    assert.equal(config.signingSecret, undefined);
  });

  it('has defaults for everything else', () => {
    const config = readSlackConfig(HTTP);
    assert.equal(config.port, 3000);
    assert.equal(config.answersFrom, 'requester');
    assert.equal(config.logLevel, 'info');
    assert.deepEqual(config.agent, { catalogPath: DEFAULT_CATALOG, dataDir: 'data', confirmBeforeRun: 'auto', fileMaxBytes: 20 * 1024 * 1024 });
  });

  it('reads FILE_MAX_BYTES in bytes, or with KB, MB or GB', () => {
    const limit = (v: string) => readSlackConfig({ ...HTTP, FILE_MAX_BYTES: v }).agent.fileMaxBytes;
    assert.deepEqual(['1000', '64KB', '5 mb', '1GB', ''].map(limit), [1000, 64 * 1024, 5 * 1024 ** 2, 1024 ** 3, 20 * 1024 ** 2]);
  });

  it('ends SLACK_API_URL with a slash and takes PORT=0', () => {
    const config = readSlackConfig({ ...HTTP, SLACK_API_URL: 'http://127.0.0.1:9/api', PORT: '0' });
    assert.equal(config.apiUrl, 'http://127.0.0.1:9/api/');
    assert.equal(config.port, 0);
  });

  it('reads CONFIRM_BEFORE_RUN as auto/always/never or a boolean', () => {
    const confirm = (v: string) => readSlackConfig({ ...HTTP, CONFIRM_BEFORE_RUN: v }).agent.confirmBeforeRun;
    assert.deepEqual(['auto', 'always', 'never', 'true', '1', 'false', '0', 'ALWAYS'].map(confirm), ['auto', 'always', 'never', 'always', 'always', 'never', 'never', 'always']);
  });

  it('passes the OpenAI settings to the agent only when a key is set', () => {
    assert.deepEqual(readSlackConfig({ ...HTTP, OPENAI_API_KEY: 'sk-1', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }).agent.openai, { apiKey: 'sk-1', baseURL: 'http://127.0.0.1:9/v1' });
    assert.equal(readSlackConfig({ ...HTTP, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }).agent.openai, undefined);
  });
});
