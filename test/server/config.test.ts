import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';

describe('loadConfig', () => {
  it('has working defaults, with directories made absolute', () => {
    expect(loadConfig({}, '/srv/hearth')).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.resolve('/srv/hearth/data'),
      databaseUrl: undefined,
      staticDir: path.resolve('/srv/hearth/dist'),
      seedMediaDir: undefined,
      logLevel: 'warn',
      faultInjection: false,
      cookieSecure: 'auto',
      trustProxy: false,
    });
  });

  it('believes forwarded headers only from the proxies named, and refuses "everyone"', () => {
    expect(loadConfig({ HEARTH_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,loopback,::1,fd00::/8' }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', 'loopback', '::1', 'fd00::/8']);
    expect(loadConfig({ HEARTH_TRUST_PROXY: '' }).trustProxy).toBe(false);
    for (const bad of ['true', '*', '0.0.0.0/33', '10.0.0', 'proxy.example', '10.0.0.1/8/2', '::1/129']) {
      expect(() => loadConfig({ HEARTH_TRUST_PROXY: bad }), bad).toThrow(/HEARTH_TRUST_PROXY: must list the proxy’s addresses/);
    }
  });

  it('turns fault injection on only when asked, and refuses it in production', () => {
    expect(loadConfig({ HEARTH_FAULT_INJECTION: '1' }).faultInjection).toBe(true);
    expect(loadConfig({ HEARTH_FAULT_INJECTION: '0', NODE_ENV: 'production' }).faultInjection).toBe(false);
    expect(() => loadConfig({ HEARTH_FAULT_INJECTION: '1', NODE_ENV: 'production' })).toThrow(/refused when NODE_ENV=production/);
    expect(() => loadConfig({ HEARTH_FAULT_INJECTION: 'yes' })).toThrow(/HEARTH_FAULT_INJECTION/);
  });

  it('reads every setting', () => {
    const config = loadConfig(
      { PORT: '9000', HOST: '127.0.0.1', DATA_DIR: '/var/hearth', DATABASE_URL: 'postgres://u@localhost/hearth', STATIC_DIR: 'build' },
      '/srv/hearth',
    );
    expect(config).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/var/hearth',
      databaseUrl: 'postgres://u@localhost/hearth',
      staticDir: path.resolve('/srv/hearth/build'),
    });
  });

  it('treats an empty DATABASE_URL as not set', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('fails loudly, naming the bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
  });
});
